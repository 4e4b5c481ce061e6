// The text of a termbase rule problem (core/validateEntry) in the interface language, naming what it is about.
import i18next from 'i18next'
import type { EntryProblem } from '../core/validateEntry'
import type { EntryValidationError } from '../db/termbase'

/** One problem as a sentence, e.g. "Two preferred terms in fi: “A” and “B”; …", prefixed by its concept when given. */
export function problemText(p: EntryProblem, conceptId?: string): string {
  const text = i18next.t(`problemDetail.${p.code}`, p.params)
  return conceptId ? i18next.t('problemDetail.inConcept', { id: conceptId, text }) : text
}

/** Every problem of one concept, joined, for a single alert line. */
export function problemsText(problems: readonly EntryProblem[], conceptId?: string): string {
  return problems.map((p) => problemText(p, conceptId)).join(' ')
}

/** A write error as the user should read it: a rule problem (EntryValidationError) translated, else its message. */
export function writeErrorText(e: unknown): string {
  const v = e as Partial<EntryValidationError> | null
  if (e instanceof Error && e.name === 'EntryValidationError' && Array.isArray(v?.problems)) return problemsText(v.problems, v.conceptId)
  return e instanceof Error ? e.message : String(e)
}
