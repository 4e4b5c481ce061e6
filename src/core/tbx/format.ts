// Names and value mappings shared by the TBX exporter and importer, in one place so the two cannot drift.
import type { ConceptEntry, PartOfSpeech, Term, TermStatus, TermType } from '../model'

/** Namespace of TBX v3 (ISO 30042:2019) documents we write. Import accepts any namespace. */
export const TBX_NAMESPACE = 'urn:iso:std:iso:30042:ed-2'

/** Written as `<p type="generator">` in the header; files carrying it keep their whitespace exactly on import. */
export const TBX_GENERATOR = 'COI Termbench'

/**
 * TBX-Basic has no "forbidden" administrative status. A forbidden term is written as
 * `deprecatedTerm-admn-sts` (what other tools will see) plus a `<note>` with exactly this text, which
 * our importer turns back into `forbidden`. A real note with this exact text (optionally preceded by
 * backslashes) is written with one more leading backslash, and import removes one, so every note round-trips.
 */
export const FORBIDDEN_NOTE = 'Forbidden term: do not use.'
const ESCAPED_FORBIDDEN = /^\\*Forbidden term: do not use\.$/

/** Protects a real note that would read as the forbidden marker. */
export function escapeNote(note: string): string {
  return ESCAPED_FORBIDDEN.test(note) ? '\\' + note : note
}

/** Inverse of {@link escapeNote}. */
export function unescapeNote(note: string): string {
  return note.startsWith('\\') && ESCAPED_FORBIDDEN.test(note) ? note.slice(1) : note
}

/** Model status → TBX-Basic administrativeStatus. */
export const STATUS_TO_TBX: Record<TermStatus, string> = {
  preferred: 'preferredTerm-admn-sts',
  admitted: 'admittedTerm-admn-sts',
  deprecated: 'deprecatedTerm-admn-sts',
  forbidden: 'deprecatedTerm-admn-sts',
}

/**
 * Model term type → TBX termType. `transliteration` is written as the ISO 12620 value `transliteratedForm`,
 * which lies outside the TBX-Basic picklist but is the standard name other tools know.
 */
export const TYPE_TO_TBX: Record<TermType, string> = {
  fullForm: 'fullForm', acronym: 'acronym', abbreviation: 'abbreviation', transliteration: 'transliteratedForm',
  variant: 'variant', phrase: 'phrase',
}

/** Model part of speech → TBX (`properNoun` is outside the TBX-Basic picklist, like transliteratedForm). */
export const POS_TO_TBX: Record<PartOfSpeech, string> = {
  noun: 'noun', verb: 'verb', adjective: 'adjective', adverb: 'adverb', properNoun: 'properNoun', other: 'other',
}

/** The date part of an ISO timestamp (TBX `<date>` is an xsd:date), or null. */
export function isoDate(timestamp: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(timestamp)
  return m ? m[1] : null
}

/** How an export error names a concept: `concept "c1"`. */
export const conceptLabel = (e: ConceptEntry): string => `concept ${JSON.stringify(e.concept.id)}`

/** How an export error names a term: `term "hazing" (en)`. */
export const termLabel = (t: Term): string => `term ${JSON.stringify(t.text)} (${t.lang})`
