// Shared types of the segmenter: public options/results and the internal line and draft records.
import type { Lang, PassageKind, SegmentedPassage } from '../model'

/** Input formats the segmenter understands; `md` enables markdown syntax clean-up. */
export type TextFormat = 'txt' | 'md' | 'html'

/** Options of {@link segmentDocument}. */
export interface SegmentOptions {
  /** Document language, when known; detected otherwise. */
  lang?: Lang
  /** Input format; sniffed from the text when omitted. */
  format?: TextFormat
  /**
   * How lines relate to paragraphs: hard-wrapped ('wrapped', PDF text) or one paragraph per line
   * ('paragraphs', DOCX and markdown). Measured from the text when omitted.
   */
  layout?: 'wrapped' | 'paragraphs'
}

/** Why a sub-span of a passage's span is not part of the passage text. */
export type ExclusionKind =
  | 'footnote-marker' // [footnoteRef:7], <sup>12</sup>, the "1" of "rundt.1"
  | 'footnote-def' // an inline [7: text] definition inside a body line
  | 'footnote-label' // the label in front of a footnote's own text
  | 'footnote-block' // footnote lines interleaved in a passage that spans a page break
  | 'noise' // page numbers, running headers/footers, rules, URL lists inside a span
  | 'bookmark' // [bookmark: _Hlk…]
  | 'markup' // markdown/html syntax: [ ](url), <, >, **, #, <b>
  | 'bullet' // list bullets
  | 'hyphen' // a line-end hyphen that is undone, with the line break after it
  | 'linebreak' // whitespace removed after a kept line-end hyphen ("Nord-\nKaukasus")

/** A sub-span [start, end) of the original text that the passage text leaves out. */
export interface Exclusion {
  start: number
  end: number
  why: ExclusionKind
}

/** A segmented passage plus the sub-spans its text leaves out (what `reconstruct` needs). */
export interface Passage extends SegmentedPassage {
  /** Sorted, disjoint sub-spans of [start, end) excluded from `text`. */
  excluded: Exclusion[]
}

/** Result of {@link segmentDocument}. */
export interface SegmentResult {
  lang: Lang | 'und'
  passages: Passage[]
  /** For HTML input only: the text extracted from the markup, which the offsets refer to. */
  text?: string
}

/** A physical line of the original text. `ts`/`te` bound its content without surrounding whitespace. */
export interface Line {
  start: number
  end: number
  ts: number
  te: number
}

/** What the document looks like, measured once. */
export interface DocProfile {
  format: TextFormat
  /** True for hard-wrapped (PDF-like) text; false when one line is one paragraph (docx, markdown). */
  wrapped: boolean
  /** A full line's length in a wrapped document (90th percentile). */
  fullLine: number
  /** Wrapped text whose empty lines separate paragraphs and never fall mid-sentence (see `profileDocument`). */
  emptyLinesBreak?: boolean
}

/** Role of a line after the noise and footnote passes. */
export type LineRole = 'blank' | 'body' | 'noise' | 'footnote'

/** A footnote definition found in the text, before it becomes a passage. */
export interface FootnoteDraft {
  label: string
  /** Span of the whole definition, label included. */
  start: number
  end: number
  /** Line indices the definition covers (PDF and markdown definitions). */
  lines: number[]
  /** Exclusions inside the definition (label, closing bracket, markup). */
  excluded: Exclusion[]
}

/** A body passage before its text is built. */
export interface BodyDraft {
  kind: PassageKind
  lines: number[]
  /** Heading level (1 = top; 0 = unnumbered, placed under the last numbered heading). */
  level?: number
}
