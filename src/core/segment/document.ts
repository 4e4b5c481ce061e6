// segmentDocument: the whole pipeline from raw extracted text to passages with sections,
// footnote links, languages and sentences, every span pointing into the original text.
import { htmlToText } from '../fileText'
import { assemblePassages, attachSentences, type BuiltPassage } from './assemble'
import { buildLines, buildRange, type BuildContext } from './build'
import { findMarkdownFootnotes } from './footnotes'
import { findPdfFootnotes, findPdfMarkers } from './footnotesPdf'
import { buildVocabulary, type HyphenVocabulary } from './hyphenation'
import { scanInline, type Marker } from './inline'
import { assignLanguages } from './languages'
import { isBlank, profileDocument, sniffFormat, splitLines } from './lines'
import { typeLines } from './lineTypes'
import { markNoise } from './noise'
import { groupLines } from './passages'
import type { Exclusion, FootnoteDraft, LineRole, SegmentOptions, SegmentResult } from './types'

/**
 * Segments a report's extracted text into heading, paragraph, list and footnote passages.
 * Offsets (`start`, `end`, sentence spans) are UTF-16 offsets into `text` as given (for HTML, into
 * the derived `result.text`); `excluded` lists the artefacts inside each span that the passage
 * text leaves out (see `reconstruct`).
 */
export function segmentDocument(text: string, opts: SegmentOptions = {}): SegmentResult {
  const format = opts.format ?? sniffFormat(text)
  if (format === 'html') {
    // Markup is turned into markdown-like text first; offsets then refer to that text.
    const derived = htmlToText(text)
    return { ...segmentDocument(derived, { ...opts, format: 'md' }), text: derived }
  }
  const lines = splitLines(text)
  const roles: LineRole[] = lines.map((l) => (isBlank(l) ? 'blank' : 'body'))
  const inlineEx = new Map<number, Exclusion[]>()
  const markers: Marker[] = []
  const defs: FootnoteDraft[] = []
  for (let i = 0; i < lines.length; i++) {
    if (roles[i] === 'blank') continue
    const scan = scanInline(text, lines[i], format)
    if (scan.excluded.length) inlineEx.set(i, scan.excluded)
    markers.push(...scan.markers)
    defs.push(...scan.defs)
  }
  let profile = profileDocument(text, lines, format, opts.layout)
  const lineDefs = format === 'md' ? findMarkdownFootnotes(text, lines, roles) : profile.wrapped ? findPdfFootnotes(text, lines, roles) : []
  const noise = markNoise(text, lines, roles)
  if (format !== 'md' && profile.wrapped) {
    for (const m of findPdfMarkers(text, lines, roles, lineDefs)) {
      markers.push(m)
      const i = lineIndexAt(lines, m.start)
      const list = inlineEx.get(i) ?? []
      list.push({ start: m.start, end: m.end, why: 'footnote-marker' })
      inlineEx.set(i, list)
    }
  }
  const body: number[] = []
  for (let i = 0; i < lines.length; i++) if (roles[i] === 'body') body.push(i)
  profile = { ...profile, fullLine: fullLineOf(body.map((i) => lines[i].te - lines[i].ts), profile.fullLine) }
  const info = typeLines(text, lines, body, inlineEx, profile)
  const drafts = groupLines(text, lines, roles, info, profile, noise)
  let vocab: HyphenVocabulary | null = null
  const ctx: BuildContext = { text, lines, roles, inlineEx, info, vocab: () => (vocab ??= buildVocabulary(text)), lang: opts.lang }

  const built: BuiltPassage[] = []
  for (const d of drafts) built.push({ kind: d.kind, span: buildLines(ctx, d.lines, [], true), level: d.level })
  for (const d of lineDefs) built.push({ kind: 'footnote', span: buildLines(ctx, d.lines, d.excluded, false), label: d.label })
  for (const d of defs) {
    const inner = (inlineEx.get(lineIndexAt(lines, d.start)) ?? []).filter((e) => e.start >= d.start && e.end <= d.end && e.why !== 'footnote-def')
    built.push({ kind: 'footnote', span: buildRange(text, d.start, d.end, [...d.excluded, ...inner]), label: d.label })
  }
  const { passages, spans } = assemblePassages(built, markers)
  const lang = assignLanguages(passages, opts.lang)
  attachSentences(passages, spans)
  return { lang, passages }
}

/** Index of the line containing offset `pos` (binary search). */
function lineIndexAt(lines: { start: number; end: number }[], pos: number): number {
  let lo = 0
  let hi = lines.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (lines[mid].start <= pos) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** A full line's length among body lines: the 80th percentile of lines longer than 30. */
function fullLineOf(lengths: number[], fallback: number): number {
  const long = lengths.filter((n) => n > 30).sort((a, b) => a - b)
  return long.length >= 10 ? long[Math.floor(long.length * 0.8)] : fallback
}

