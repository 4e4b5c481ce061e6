// Names shared by the MultiTerm XML exporter and importer, so that the two cannot drift. MultiTerm
// fields are defined per termbase; these are the names our export writes and the import looks for
// first (the import also knows the usual alternatives, see import.ts).
import type { Lang } from '../model'

/** MultiTerm language types and codes of the supported languages. */
export const MT_LANGS: Record<Lang, { type: string; code: string }> = {
  en: { type: 'English', code: 'EN' },
  fi: { type: 'Finnish', code: 'FI' },
  nb: { type: 'Norwegian (Bokmal)', code: 'NB' },
  da: { type: 'Danish', code: 'DA' },
  sv: { type: 'Swedish', code: 'SV' },
  fr: { type: 'French', code: 'FR' },
  ru: { type: 'Russian', code: 'RU' },
}

/** Descriptive field names (`<descrip type="…">`). */
export const MT_FIELDS = {
  subjectField: 'Subject field',
  note: 'Note',
  related: 'Related concept',
  definition: 'Definition',
  termId: 'Term ID',
  status: 'Status',
  type: 'Term type',
  partOfSpeech: 'Part of speech',
  usageNote: 'Usage note',
  context: 'Context',
  source: 'Source',
} as const

/** Who the transactions name (MultiTerm records a user per transaction). */
export const MT_USER = 'COI Termbench'
