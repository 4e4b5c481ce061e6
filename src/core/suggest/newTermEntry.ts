// A new-term candidate accepted into the glossary: a new concept holding its terms, or its missing terms added to the
// concept that already has one of them; every term admitted (a new concept's full form preferred in its language),
// with the report and the sentence as its source.
import { newId, type ConceptEntry, type Term } from '../model'
import type { NewTermCandidate } from './newTerms'

/** The concept entry to save for `candidate`: `existing` extended, or a new concept; terms it already has are skipped. */
export function candidateEntry(candidate: NewTermCandidate, existing: ConceptEntry | undefined, source: { doc: string; quote: string }, now: string): ConceptEntry {
  const concept = existing?.concept ?? { id: newId('c-'), definitions: {}, related: [], created: now, modified: now }
  const had = new Set(existing?.terms.map((t) => `${t.lang}\u0000${t.text.toLowerCase()}`))
  const terms: Term[] = [...(existing?.terms ?? [])]
  for (const p of candidate.terms) {
    if (had.has(`${p.lang}\u0000${p.text.toLowerCase()}`)) continue
    had.add(`${p.lang}\u0000${p.text.toLowerCase()}`)
    const first = !existing && p.type === 'fullForm' && !terms.some((t) => t.lang === p.lang && t.status === 'preferred')
    terms.push({ id: newId('t-'), conceptId: concept.id, lang: p.lang, text: p.text, status: first ? 'preferred' : 'admitted', type: p.type, sources: [{ doc: source.doc, quote: source.quote }], created: now, modified: now })
  }
  return { concept: { ...concept, modified: now }, terms }
}
