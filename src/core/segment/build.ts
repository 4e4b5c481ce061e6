// Turns line drafts into spans with exclusions: inline artefacts, bullets, interleaved page noise
// and footnote blocks, and line-end hyphens (undone or kept by the hyphenation rules).
import { decideHyphen, type HyphenVocabulary } from './hyphenation'
import { isBlank } from './lines'
import type { LineInfo } from './lineTypes'
import { normalizeExclusions, project, type Projection } from './reconstruct'
import type { Exclusion, Line, LineRole } from './types'

/** What building a span needs to know about the report text. */
export interface BuildContext {
  text: string
  lines: Line[]
  roles: LineRole[]
  inlineEx: Map<number, Exclusion[]>
  info: Map<number, LineInfo>
  vocab: () => HyphenVocabulary
  lang?: string
}

/** A built span: where it is, what it leaves out, and its text with the offset map. */
export interface BuiltSpan extends Projection {
  start: number
  end: number
  excluded: Exclusion[]
}

const HYPHEN_END = /[\p{L}\d][-\u00ad\u2010]$/u

/** Builds the span of consecutive lines `idx` (a body draft or a footnote definition). */
export function buildLines(ctx: BuildContext, idx: number[], extra: Exclusion[], bullets: boolean): BuiltSpan {
  const { text, lines } = ctx
  const ex: Exclusion[] = [...extra]
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]
    const l = lines[i]
    const own = ctx.inlineEx.get(i)
    if (own) ex.push(...own)
    const info = ctx.info.get(i)
    if (bullets && info && info.bullet > 0) ex.push({ start: l.ts, end: l.ts + info.bullet, why: 'bullet' })
    if (k + 1 < idx.length) gapExclusions(ctx, i, idx[k + 1], ex)
  }
  const start = lines[idx[0]].ts
  const end = lines[idx[idx.length - 1]].te
  const excluded = normalizeExclusions(ex)
  return { start, end, excluded, ...project(text, start, end, excluded) }
}

/** Exclusions between two lines of one span: interleaved lines, and the break after a hyphen. */
function gapExclusions(ctx: BuildContext, p: number, q: number, ex: Exclusion[]): void {
  const { text, lines, roles } = ctx
  const a = lines[p]
  const b = lines[q]
  const inGap: Exclusion[] = []
  for (let r = p + 1; r < q; r++) {
    const l = lines[r]
    if (isBlank(l)) continue
    inGap.push({ start: l.ts, end: l.te, why: roles[r] === 'footnote' ? 'footnote-block' : 'noise' })
  }
  ex.push(...inGap)
  const left = text.slice(Math.max(a.ts, a.te - 80), a.te)
  if (!HYPHEN_END.test(left)) return
  const leftToken = left.slice(left.search(/\S+$/))
  const bInfo = ctx.info.get(q)
  const rightStart = b.ts + (bInfo?.bullet ?? 0)
  const rightToken = /^\S*/.exec(text.slice(rightStart, Math.min(b.te, rightStart + 80)))![0]
  const decision = decideHyphen(leftToken, rightToken, ctx.vocab(), ctx.lang)
  if (decision === 'space') return
  if (decision === 'join') ex.push({ start: a.te - 1, end: a.te, why: 'hyphen' })
  let cursor = a.te
  for (const g of inGap) {
    if (g.start > cursor) ex.push({ start: cursor, end: g.start, why: 'linebreak' })
    cursor = g.end
  }
  if (b.ts > cursor) ex.push({ start: cursor, end: b.ts, why: 'linebreak' })
}

/** Builds an inline (docx) footnote definition from its own span and exclusions. */
export function buildRange(text: string, start: number, end: number, excluded: Exclusion[]): BuiltSpan {
  const ex = normalizeExclusions(excluded)
  return { start, end, excluded: ex, ...project(text, start, end, ex) }
}
