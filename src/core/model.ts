// The domain model of the workbench, in the TBX-Basic shape: concept → language → terms.
// Pure types and small constructors; shared by core, db, ml, the UI and the CLI.

/** Languages the termbase supports (BCP 47 primary subtags). Russian is for Cyrillic source terms. */
export const SUPPORTED_LANGS = ['en', 'fi', 'nb', 'da', 'sv', 'fr', 'ru'] as const
export type Lang = (typeof SUPPORTED_LANGS)[number]

/** True when `code` is one of the supported language codes. */
export function isLang(code: string): code is Lang {
  return (SUPPORTED_LANGS as readonly string[]).includes(code)
}

/** TBX administrativeStatus, simplified: how acceptable a term is. */
export const TERM_STATUSES = ['preferred', 'admitted', 'deprecated', 'forbidden'] as const
export type TermStatus = (typeof TERM_STATUSES)[number]

/** TBX termType. Latin transliterations of Russian are terms of their target language with type `transliteration`. */
export const TERM_TYPES = ['fullForm', 'acronym', 'abbreviation', 'transliteration', 'variant', 'phrase'] as const
export type TermType = (typeof TERM_TYPES)[number]

/** TBX partOfSpeech values we use. */
export const PARTS_OF_SPEECH = ['noun', 'verb', 'adjective', 'adverb', 'properNoun', 'other'] as const
export type PartOfSpeech = (typeof PARTS_OF_SPEECH)[number]

/** An attestation of a term: the document it occurs in and a short quote. */
export interface TermSource {
  /** Document identifier: a corpus file name, a document id in the database, or a citation. */
  doc: string
  /** A short quote from the document in which the term occurs. */
  quote?: string
}

/** One designation of a concept in one language. */
export interface Term {
  /** Stable id, unique in the termbase. */
  id: string
  conceptId: string
  lang: Lang
  text: string
  status: TermStatus
  type: TermType
  partOfSpeech?: PartOfSpeech
  /** Usage note (TBX usageNote / note at term level). */
  note?: string
  sources: TermSource[]
  /** ISO timestamps. */
  created: string
  modified: string
}

/** A concept: the unit of meaning that terms in many languages designate. */
export interface Concept {
  id: string
  subjectField?: string
  /** Definitions by language; English is expected for the starter glossary. */
  definitions: Partial<Record<Lang, string>>
  /** Concept-level note (also where unknown TBX fields are kept on import). */
  note?: string
  /** Ids of related concepts (TBX crossReference). */
  related: string[]
  created: string
  modified: string
}

/** A concept together with all its terms: the unit of exchange (CSV row, TBX conceptEntry). */
export interface ConceptEntry {
  concept: Concept
  terms: Term[]
}

/** A glossary as exchanged in files. */
export interface Glossary {
  entries: ConceptEntry[]
}

/** Returns the current time as an ISO string; one place so that tests can reason about it. */
export function nowIso(): string {
  return new Date().toISOString()
}

/**
 * A deep copy of plain data (objects, arrays, strings, numbers, booleans, null). It reads through
 * proxies (a Vue reactive object gives a plain copy), keeps undefined fields, and costs far less than
 * structuredClone or a JSON round trip per object, which matters when an import copies 100k terms.
 */
export function copyPlain<T>(x: T): T {
  if (x === null || typeof x !== 'object') return x
  if (Array.isArray(x)) return x.map(copyPlain) as T
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(x)) out[k] = copyPlain((x as Record<string, unknown>)[k])
  return out as T
}

/** A short random id; ids are opaque strings. */
export function newId(prefix = ''): string {
  const rnd =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID().replace(/-/g, '').slice(0, 16)
      : Math.random().toString(36).slice(2, 18)
  return prefix + rnd
}

/** Kinds of passage a report is cut into. */
export type PassageKind = 'heading' | 'paragraph' | 'list' | 'footnote'

/** A sentence inside a passage; offsets are UTF-16 code units into the document's original text. */
export interface SentenceSpan {
  text: string
  start: number
  end: number
}

/**
 * A passage of a segmented report. `start`/`end` are offsets into the original text (as read),
 * so a passage can always be traced back to its source.
 */
export interface SegmentedPassage {
  index: number
  kind: PassageKind
  /** Section path joined for display, e.g. "3 > 3.2 Alternative Civil Service (ACS)"; "" before the first heading. */
  section: string
  /** The section path as a list of heading labels. */
  sectionPath: string[]
  lang: Lang | 'und'
  text: string
  start: number
  end: number
  sentences: SentenceSpan[]
  /** For body passages: the footnote labels whose markers occur in it. For footnotes: their own label. */
  footnotes?: string[]
}
