// Validation of a concept entry before it is saved or imported: the rules a termbase must keep.
import { isLang, PARTS_OF_SPEECH, TERM_STATUSES, TERM_TYPES, type ConceptEntry } from './model'
import type { MessageParams } from './message'

/** One problem found in an entry; `termIndex` points into entry.terms when the problem is a term's. */
export interface EntryProblem {
  termIndex?: number
  field: 'text' | 'lang' | 'status' | 'type' | 'partOfSpeech' | 'concept'
  /** A stable code, translatable in the UI. */
  code: 'emptyTerm' | 'duplicateTerm' | 'badLang' | 'badStatus' | 'badType' | 'badPos' | 'noTerms' | 'emptyId' | 'twoPreferred'
  /** English text, for logs, the CLI and the team server; the UI translates `code` with `params`. */
  message: string
  /** What the message names (term number, text, language, value), for the translated text. */
  params: MessageParams
}

/**
 * Checks an entry: no empty term, no exact duplicate in one language, at most one preferred term per
 * language (a second one is reported, never silently demoted), supported codes only.
 */
export function validateEntry(entry: ConceptEntry): EntryProblem[] {
  const problems: EntryProblem[] = []
  if (!entry.concept.id.trim()) problems.push({ field: 'concept', code: 'emptyId', message: 'concept id is empty', params: {} })
  if (entry.terms.length === 0) problems.push({ field: 'concept', code: 'noTerms', message: 'a concept needs at least one term', params: {} })
  const seen = new Set<string>()
  const preferred = new Map<string, string>()
  entry.terms.forEach((t, i) => {
    if (!t.text.trim()) problems.push({ termIndex: i, field: 'text', code: 'emptyTerm', message: `term ${i + 1} is empty`, params: { term: i + 1 } })
    if (!isLang(t.lang)) problems.push({ termIndex: i, field: 'lang', code: 'badLang', message: `unsupported language code "${t.lang}"`, params: { term: i + 1, value: t.lang } })
    if (!(TERM_STATUSES as readonly string[]).includes(t.status))
      problems.push({ termIndex: i, field: 'status', code: 'badStatus', message: `unknown status "${t.status}"`, params: { term: i + 1, value: t.status } })
    if (!(TERM_TYPES as readonly string[]).includes(t.type))
      problems.push({ termIndex: i, field: 'type', code: 'badType', message: `unknown term type "${t.type}"`, params: { term: i + 1, value: t.type } })
    if (t.partOfSpeech !== undefined && !(PARTS_OF_SPEECH as readonly string[]).includes(t.partOfSpeech))
      problems.push({ termIndex: i, field: 'partOfSpeech', code: 'badPos', message: `unknown part of speech "${t.partOfSpeech}"`, params: { term: i + 1, value: t.partOfSpeech } })
    const key = `${t.lang}\u0000${t.text.trim()}`
    if (t.text.trim() && seen.has(key))
      problems.push({ termIndex: i, field: 'text', code: 'duplicateTerm', message: `"${t.text.trim()}" appears twice in ${t.lang}`, params: { term: i + 1, text: t.text.trim(), lang: t.lang } })
    seen.add(key)
    if (t.status === 'preferred' && t.text.trim()) {
      const first = preferred.get(t.lang)
      if (first !== undefined)
        problems.push({ termIndex: i, field: 'status', code: 'twoPreferred', message: `two preferred terms in ${t.lang}: "${first}" and "${t.text.trim()}"; make one of them admitted`, params: { term: i + 1, lang: t.lang, first, text: t.text.trim() } })
      else preferred.set(t.lang, t.text.trim())
    }
  })
  return problems
}
