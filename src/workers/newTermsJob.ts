// The new-term run the worker performs (core/suggest/newTerms.ts over every imported report), as a plain function
// that Node tests call as is; ignored candidates are left out here so the page gets only what it shows.
import type { Matcher } from '../core/matcher'
import { dictionaryWordCheck, type LinkDictionary } from '../core/link/dictionary'
import { findNewTerms, type NewTermCandidate } from '../core/suggest/newTerms'
import type { CandidatesJobDocument } from './candidatesJob'

/** What to read: every imported report, and the candidate keys the user has ignored. */
export interface NewTermsJobInput {
  documents: CandidatesJobDocument[]
  ignored: string[]
}

/**
 * The candidates of the reports that the glossary lacks and the user has not ignored, best first; with the bilingual
 * dictionary, romanised Russian words too (it tells them from the languages' own words).
 */
export function runNewTermsJob(input: NewTermsJobInput, matcher: Matcher | null, dictionary: LinkDictionary | null = null): NewTermCandidate[] {
  const ignored = new Set(input.ignored)
  const passages = input.documents.flatMap((d) => d.passages.map((p) => ({ doc: d.id, index: p.index, lang: p.lang, kind: p.kind, text: p.text, start: p.start })))
  const isWord = dictionary ? dictionaryWordCheck(dictionary) : undefined
  return findNewTerms(passages, matcher, { isWord }).filter((c) => !ignored.has(c.key))
}
