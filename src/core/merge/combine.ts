// The three ways an imported concept meets an existing one: merged into it, replacing it, or added as
// a new concept with ids that do not collide. Pure: entries in, a new entry out (inputs untouched).
import { copyPlain, type ConceptEntry, type Term, type TermSource } from '../model'
import { pairTerms } from './diff'

/** Makes ids that are not yet in use. */
export interface IdSource {
  conceptIds: Set<string>
  termIds: Set<string>
  newId: (kind: 'concept' | 'term') => string
}

function freshId(used: Set<string>, wanted: string, make: () => string): string {
  let id = wanted
  while (!id || used.has(id)) id = make()
  used.add(id)
  return id
}

function unionSources(a: readonly TermSource[], b: readonly TermSource[]): TermSource[] {
  const key = (s: TermSource) => `${s.doc}\u0000${s.quote ?? ''}`
  const seen = new Set(a.map(key))
  return [...a.map((s) => ({ ...s })), ...b.filter((s) => !seen.has(key(s)) && seen.add(key(s))).map((s) => ({ ...s }))]
}

const copy = copyPlain

/**
 * Merges `incoming` into `base`: the file's non-empty concept fields and definitions win, related ids
 * and sources are united, terms are paired (by id, then language and folded text) and take the file's
 * text, status, type and (when given) part of speech and note; unpaired file terms are added, and the
 * base's other terms are kept. The base's ids and creation times are kept.
 */
export function mergeInto(base: ConceptEntry, incoming: ConceptEntry, ids: IdSource): ConceptEntry {
  const c = copy(base.concept)
  const i = incoming.concept
  if (i.subjectField) c.subjectField = i.subjectField
  if (i.note) c.note = i.note
  for (const [l, d] of Object.entries(i.definitions)) if (d) c.definitions[l as keyof typeof c.definitions] = d
  for (const r of i.related) if (!c.related.includes(r)) c.related.push(r)
  const { pairs, added } = pairTerms(base.terms, incoming.terms)
  const merged = new Map<Term, Term>()
  for (const [old, inc] of pairs) {
    const t: Term = { ...copy(old), text: inc.text, status: inc.status, type: inc.type, sources: unionSources(old.sources, inc.sources) }
    if (inc.partOfSpeech) t.partOfSpeech = inc.partOfSpeech
    if (inc.note) t.note = inc.note
    merged.set(old, t)
  }
  const terms = base.terms.map((t) => merged.get(t) ?? copy(t))
  for (const t of added) terms.push({ ...copy(t), id: freshId(ids.termIds, t.id, () => ids.newId('term')), conceptId: c.id })
  return { concept: c, terms }
}

/**
 * Replaces `base` by `incoming`, keeping the base's concept id (links and QA ignores point to it) and
 * creation time, and the ids and creation times of the terms the two share.
 */
export function replaceWith(base: ConceptEntry, incoming: ConceptEntry, ids: IdSource): ConceptEntry {
  const concept = { ...copy(incoming.concept), id: base.concept.id, created: base.concept.created }
  const { pairs } = pairTerms(base.terms, incoming.terms)
  const kept = new Map(pairs.map(([old, inc]) => [inc, old]))
  const terms = incoming.terms.map((t): Term => {
    const old = kept.get(t)
    if (old) return { ...copy(t), id: old.id, conceptId: concept.id, created: old.created }
    return { ...copy(t), id: freshId(ids.termIds, t.id, () => ids.newId('term')), conceptId: concept.id }
  })
  return { concept, terms }
}

/** The imported entry as a new concept: its own ids where free, fresh ones where they are taken. */
export function asNewEntry(incoming: ConceptEntry, ids: IdSource): ConceptEntry {
  const id = freshId(ids.conceptIds, incoming.concept.id, () => ids.newId('concept'))
  return {
    concept: { ...copy(incoming.concept), id },
    terms: incoming.terms.map((t) => ({ ...copy(t), id: freshId(ids.termIds, t.id, () => ids.newId('term')), conceptId: id })),
  }
}

/** What merging two concepts of the termbase gives, and which preferred terms had to become admitted. */
export interface ConceptMerge {
  merged: ConceptEntry
  /** Terms of the absorbed concept that were preferred where the kept one already has a preferred term. */
  demoted: Term[]
}

/**
 * Merges concept `source` into `target` (the merge-concepts tool): the target keeps its id and
 * fields and gains what it lacks (subject field, definitions per language, related ids); a differing
 * note or definition of the source is kept in the note. Shared terms unite their sources; the
 * source's other terms join the target, a preferred one becoming admitted where the target already
 * has a preferred term in that language (reported in `demoted`, so the user is told). Moved terms
 * keep their ids (the source concept goes away).
 */
export function absorbConcept(target: ConceptEntry, source: ConceptEntry): ConceptMerge {
  const c = copy(target.concept)
  const s = source.concept
  c.subjectField ||= s.subjectField
  const notes = c.note ? [c.note] : []
  if (s.note && s.note !== c.note) notes.push(s.note)
  for (const [l, d] of Object.entries(s.definitions) as [keyof typeof c.definitions, string][]) {
    if (!d) continue
    if (!c.definitions[l]) c.definitions[l] = d
    else if (c.definitions[l] !== d) notes.push(`[definition ${l}] ${d}`)
  }
  if (notes.length) c.note = notes.join('\n')
  c.related = [...new Set([...c.related, ...s.related])].filter((r) => r !== c.id && r !== s.id)
  const { pairs, added } = pairTerms(target.terms, source.terms)
  const joined = new Map(pairs.map(([t, o]) => [t, o]))
  const terms: Term[] = target.terms.map((t) => {
    const o = joined.get(t)
    return o ? { ...copy(t), sources: unionSources(t.sources, o.sources), note: t.note || o.note } : copy(t)
  }).map((t) => (t.note === undefined ? (({ note: _n, ...rest }) => rest)(t) : t))
  const preferred = new Set(terms.filter((t) => t.status === 'preferred').map((t) => t.lang))
  const demoted: Term[] = []
  for (const t of added) {
    const moved: Term = { ...copy(t), conceptId: c.id }
    if (moved.status === 'preferred' && preferred.has(moved.lang)) {
      moved.status = 'admitted'
      demoted.push(moved)
    } else if (moved.status === 'preferred') preferred.add(moved.lang)
    terms.push(moved)
  }
  return { merged: { concept: c, terms }, demoted }
}
