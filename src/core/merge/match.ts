// Finds, for each concept of an imported file, the concepts of the termbase it may be: by concept id,
// else by shared preferred or admitted terms (same language, same text under foldForSearch, the
// normaliser behind the termbase's `norm` index).
import type { ConceptEntry, Lang, Term } from '../model'
import { foldForSearch } from '../text'

/** Why an existing concept is a candidate for an imported one. */
export interface MatchCandidate {
  conceptId: string
  /** True when the file carries this concept's id. */
  byId: boolean
  /** The imported terms shared with it, as "lang:text". */
  sharedTerms: string[]
}

/** An index of the termbase for matching: concept ids and preferred/admitted terms by (lang, norm). */
export interface MatchIndex {
  ids: Set<string>
  byTerm: Map<string, Set<string>>
}

/** True for the statuses that identify a concept (deprecated and forbidden terms may be shared by homonyms). */
export function identifiesConcept(t: Pick<Term, 'status'>): boolean {
  return t.status === 'preferred' || t.status === 'admitted'
}

/** The matching key of a term: its language and folded text. */
export function termKey(lang: Lang, text: string): string {
  return `${lang}\u0000${foldForSearch(text)}`
}

/** Builds the index of the termbase's concepts. */
export function buildMatchIndex(existing: readonly ConceptEntry[]): MatchIndex {
  const ids = new Set<string>()
  const byTerm = new Map<string, Set<string>>()
  for (const e of existing) {
    ids.add(e.concept.id)
    for (const t of e.terms) {
      if (!identifiesConcept(t)) continue
      const k = termKey(t.lang, t.text)
      const set = byTerm.get(k)
      if (set) set.add(e.concept.id)
      else byTerm.set(k, new Set([e.concept.id]))
    }
  }
  return { ids, byTerm }
}

/**
 * The existing concepts an imported entry may be. A file that carries one of our concept ids is that
 * concept (a term it shares with another concept is a homonym, not a conflict). Otherwise: every
 * concept sharing one of its preferred or admitted terms, most shared terms first.
 */
export function findCandidates(index: MatchIndex, incoming: ConceptEntry): MatchCandidate[] {
  const found = new Map<string, MatchCandidate>()
  const byId = index.ids.has(incoming.concept.id)
  const get = (id: string) => {
    let c = found.get(id)
    if (!c) found.set(id, (c = { conceptId: id, byId: false, sharedTerms: [] }))
    return c
  }
  if (byId) get(incoming.concept.id).byId = true
  for (const t of incoming.terms) {
    if (!identifiesConcept(t)) continue
    for (const id of index.byTerm.get(termKey(t.lang, t.text)) ?? []) {
      if (byId && id !== incoming.concept.id) continue
      const c = get(id)
      const label = `${t.lang}:${t.text}`
      if (!c.sharedTerms.includes(label)) c.sharedTerms.push(label)
    }
  }
  return [...found.values()].sort((a, b) => Number(b.byId) - Number(a.byId) || b.sharedTerms.length - a.sharedTerms.length)
}
