// Built spans become passages: document order, section paths from the headings met so far,
// footnote labels linked both ways, and sentence spans mapped back into the original text.
import type { PassageKind } from '../model'
import type { BuiltSpan } from './build'
import { SectionTracker } from './headings'
import type { Marker } from './inline'
import { splitSentences } from './sentences'
import type { Passage } from './types'

/** A span ready to become a passage. `level` 0 (or none) on a heading means unnumbered. */
export interface BuiltPassage {
  kind: PassageKind
  span: BuiltSpan
  level?: number
  /** The footnote label, for footnotes. */
  label?: string
}

/**
 * Orders the spans (a footnote after the passage it sits in), drops empty ones, gives each its
 * section path and links body passages to the notes whose markers they contain. Returns the
 * passages (language and sentences still empty) with their spans, index for index.
 */
export function assemblePassages(built: BuiltPassage[], markers: Marker[]): { passages: Passage[]; spans: BuiltSpan[] } {
  const isNote = (b: BuiltPassage) => (b.kind === 'footnote' ? 1 : 0)
  const kept = built.filter((b) => b.span.text.length > 0).sort((a, b) => a.span.start - b.span.start || isNote(a) - isNote(b))
  const noteLabels = new Set(kept.filter((b) => b.kind === 'footnote').map((b) => b.label!))
  const sorted = [...markers].sort((a, b) => a.start - b.start)
  const sections = new SectionTracker()
  let numberedDepth = 0
  const passages = kept.map((b, index): Passage => {
    let path = sections.path()
    if (b.kind === 'heading') {
      // Unnumbered headings nest under the last numbered one (or start at the top).
      const level = b.level ? b.level : numberedDepth + 1
      if (b.level && /^\d/.test(b.span.text)) numberedDepth = level
      path = sections.enter(level, b.span.text)
    }
    const p: Passage = {
      index,
      kind: b.kind,
      section: path.join(' > '),
      sectionPath: path,
      lang: 'und',
      text: b.span.text,
      start: b.span.start,
      end: b.span.end,
      sentences: [],
      excluded: b.span.excluded,
    }
    if (b.kind === 'footnote') p.footnotes = [b.label!]
    else {
      const labels = markersIn(sorted, b.span).filter((l) => noteLabels.has(l))
      if (labels.length) p.footnotes = labels
    }
    return p
  })
  return { passages, spans: kept.map((b) => b.span) }
}

/** Splits each passage into sentences in its language; spans map back through the offset map. */
export function attachSentences(passages: Passage[], spans: BuiltSpan[]): void {
  passages.forEach((p, k) => {
    const map = spans[k].map
    p.sentences = splitSentences(p.text, p.lang).map(([a, b]) => ({ text: p.text.slice(a, b), start: map[a], end: map[b - 1] + 1 }))
  })
}

/** Labels of the markers inside a span whose text leaves them out. */
function markersIn(markers: Marker[], span: BuiltSpan): string[] {
  const out: string[] = []
  let lo = 0
  let hi = markers.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (markers[mid].start < span.start) lo = mid + 1
    else hi = mid
  }
  for (let i = lo; i < markers.length && markers[i].start < span.end; i++) {
    const m = markers[i]
    const covered = span.excluded.some((e) => e.why === 'footnote-marker' && e.start <= m.start && e.end >= m.end)
    if (covered && !out.includes(m.label)) out.push(m.label)
  }
  return out
}
