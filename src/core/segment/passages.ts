// Groups body lines into passages: joins hard-wrapped lines into paragraphs, rejoins paragraphs
// split by page breaks (footnote blocks, headers), and keeps headings and list items apart.
import { endsSentence, endsWithPunctuation, isNumberedItem, sectionNumber } from './headings'
import { isBlank, startsPage } from './lines'
import { isShortTitle, type LineInfo } from './lineTypes'
import type { BodyDraft, DocProfile, Line, LineRole } from './types'

/** What lies between two consecutive body lines. */
interface Gap {
  blanks: number
  /** A whitespace-only line with spaces: PDF text's paragraph separator. */
  strong: boolean
  /** Noise or footnote lines in between: a page break. */
  pageBreak: boolean
}

const LOWER_START = /^[\p{Ll}]/u
/** A table row as the file readers write it: cells joined by " | " (see extract/blocks.ts). */
const CELL_ROW = /\S \| \S/

/** Groups the body lines (role 'body') into passage drafts; `noise` is why each noise line is noise (see markNoise). */
export function groupLines(
  text: string,
  lines: Line[],
  roles: LineRole[],
  info: Map<number, LineInfo>,
  profile: DocProfile,
  noise: ReadonlyMap<number, string>,
): BodyDraft[] {
  const body: number[] = []
  const gaps: Gap[] = []
  let gap: Gap = { blanks: 0, strong: false, pageBreak: false }
  for (let i = 0; i < lines.length; i++) {
    if (roles[i] === 'body') {
      body.push(i)
      gaps.push(gap)
      gap = { blanks: 0, strong: false, pageBreak: false }
    } else if (isBlank(lines[i])) {
      gap.blanks++
      if (lines[i].end > lines[i].start) gap.strong = true
    } else if (noise.get(i) === 'toc') {
      // A table of contents left out is a break between what stands before and after it, not a page's edge.
      gap.blanks++
      gap.strong = true
    } else gap.pageBreak = true
  }
  const drafts: BodyDraft[] = []
  let cur: BodyDraft | null = null
  let lastNumber: number[] = []
  for (let k = 0; k < body.length; k++) {
    const i = body[k]
    const li = info.get(i)!
    const next = k + 1 < body.length ? info.get(body[k + 1])! : null
    if (li.type === 'heading' && li.numbered) {
      // Section numbers only grow: "4.1. Draft evasion" quoted under "6 Sources" is not a heading.
      const num = (sectionNumber(li.clean)?.number ?? '').split('.').map(Number)
      if (num.length && num[0] > 0 && compareNumbers(num, lastNumber) <= 0) {
        li.type = isNumberedItem(li.raw, profile.wrapped) ? 'list' : 'text'
        li.numbered = false
        li.titleLike = true
      }
    }
    if (cur && joins(cur, li, next, gaps[k], text, lines[i], info, profile)) {
      cur.lines.push(i)
      continue
    }
    cur = { kind: kindOf(li), lines: [i], level: li.type === 'heading' ? li.level : undefined }
    if (li.type === 'heading' && li.numbered) lastNumber = (sectionNumber(li.clean)?.number ?? '').split('.').map(Number)
    if (profile.wrapped && cur.kind === 'paragraph' && next && isWrappedTitle(li, next, gaps[k], gaps[k + 1], drafts, info, profile)) {
      cur.kind = 'heading'
      cur.level = 0
    }
    drafts.push(cur)
  }
  return drafts
}

/** Compares section numbers component by component ([2, 1] > [2] > [1, 9]). */
function compareNumbers(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i >= a.length) return -1
    if (i >= b.length) return 1
    if (a[i] !== b[i]) return a[i] - b[i]
  }
  return 0
}

/** The passage kind a line starts. */
function kindOf(li: LineInfo): BodyDraft['kind'] {
  if (li.type === 'heading') return 'heading'
  if (li.type === 'list' || li.type === 'table') return 'list'
  return 'paragraph'
}

/**
 * Decides whether body line `li` continues the draft `cur`. In wrapped text a line goes on after
 * a hyphen, before a lower-case start, or after an unfinished sentence (unless a PDF paragraph
 * separator intervenes); after a finished sentence only when the line before was full width.
 * A dash opening a lower-case line inside a sentence is un-marked as a bullet on the way.
 */
function joins(
  cur: BodyDraft,
  li: LineInfo,
  next: LineInfo | null,
  gap: Gap,
  text: string,
  line: Line,
  info: Map<number, LineInfo>,
  profile: DocProfile,
): boolean {
  const a = info.get(cur.lines[cur.lines.length - 1])!
  const A = a.clean
  const B = li.clean
  if (B.length === 0) return true
  if (cur.kind === 'heading') {
    // A wrapped heading: "5 Risques de mobilisation forcée et d’envoi au" + "front pour les conscrits".
    return (
      profile.wrapped && !gap.pageBreak && cur.lines.length < 3 && LOWER_START.test(B) &&
      B.length < profile.fullLine * 0.5 && !endsWithPunctuation(B)
    )
  }
  if (li.urlOnly) return true
  if (a.titleLike && !LOWER_START.test(B)) return false
  if (profile.format === 'md') return joinsMarkdown(cur, a, li, next, gap)
  if (!profile.wrapped) return false
  if (/[\p{L}\d]-$/u.test(a.raw) && li.bullet === 0) return true
  const A_ended = endsSentence(A)
  if (li.type === 'list' && li.bullet > 0 && /^[–—-]/.test(li.raw) && LOWER_START.test(li.raw.slice(li.bullet)) && !A_ended) {
    // "interdit aux conscrits –" … "– de servir": a dash inside a sentence, not a bullet.
    li.type = 'text'
    li.bullet = 0
    return true
  }
  if (li.type === 'list') return false
  // Where empty lines are only paragraph breaks (they never fall mid-sentence in this text), one ends a paragraph.
  if (profile.emptyLinesBreak && gap.blanks > 0 && !gap.pageBreak) return false
  if ((li.type === 'heading' || li.titleLike) && (A_ended || gap.strong || startsPage(text, line))) return false
  // A numbered heading after an empty line (not a page break) starts a section, whatever the line before it.
  if (li.type === 'heading' && li.numbered && gap.blanks > 0 && !gap.pageBreak) return false
  if (LOWER_START.test(B)) return true
  if (!A_ended) return !(gap.strong && !gap.pageBreak)
  if (gap.strong) return false
  // Elsewhere a full-width line before an empty one may be a page's last line, its paragraph going on after it.
  return a.raw.length >= profile.fullLine * 0.8
}

/** Markdown: lines of one block join; blocks join only across a page break or mid-sentence. */
function joinsMarkdown(cur: BodyDraft, a: LineInfo, li: LineInfo, next: LineInfo | null, gap: Gap): boolean {
  const A = a.clean
  const open = !endsSentence(A) && !/[;]$/.test(A)
  if (li.type === 'list' && li.bullet > 0 && cur.kind === 'paragraph' && open && !A.endsWith(':')) {
    // A page-break artefact: "…leader of" + "- village could tell…" continues the paragraph.
    return !(next && next.type === 'list')
  }
  if (li.type !== 'text') return false
  if (gap.blanks === 0 && !gap.pageBreak) return a.type !== 'table'
  // Table rows the file readers write one per block ("cell | cell") stay apart, whatever case a cell starts with.
  if (!open || CELL_ROW.test(A) || CELL_ROW.test(li.clean)) return false
  // A long paragraph stopping on a lower-case word ("…closer to" + "Ukraine, temporary…") goes on.
  const midSentence = A.length >= 150 && cur.kind === 'paragraph' && /\s\p{Ll}+$/u.test(A)
  return LOWER_START.test(li.clean) || gap.pageBreak || /^[([]/.test(li.clean) || midSentence
}

/**
 * An unnumbered title in wrapped text: short, unpunctuated, between paragraph breaks. After it, a PDF paragraph
 * separator, or an empty line when the title is well short of a full line (a wrapped line that breaks off before
 * an empty line runs close to full width).
 */
function isWrappedTitle(
  li: LineInfo, next: LineInfo, before: Gap, after: Gap, drafts: BodyDraft[], info: Map<number, LineInfo>, profile: DocProfile,
): boolean {
  const prev = drafts[drafts.length - 1]
  const emptyBefore = !!profile.emptyLinesBreak && before.blanks > 0 && !before.pageBreak
  const prevEnded = !prev || before.strong || emptyBefore || endsSentence(info.get(prev.lines[prev.lines.length - 1])!.clean)
  // A numbered line is no title here: numbered headings are decided by their numbers (see `groupLines`).
  const short = !sectionNumber(li.clean) && li.clean.length <= profile.fullLine * 0.6
  const breakAfter = after.strong || (after.blanks > 0 && !after.pageBreak && short)
  return prevEnded && breakAfter && isShortTitle(li.clean) && li.clean.length < 90 && /^[\p{Lu}\d]/u.test(next.clean)
}
