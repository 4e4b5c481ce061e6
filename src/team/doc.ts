// Reading and writing the team termbase Y.Doc in its layout (see core/team/layout.ts): concepts in and out,
// proposals, reviews that apply them. Used by the browser store, the tests and the benchmark.
import * as Y from 'yjs'
import type { Concept, ConceptEntry, Term } from '../core/model'
import { CONCEPT_FIELDS, parseTermKey, TEAM_ROOTS, termKey, TERM_FIELDS, type FieldChange, type Proposal, type ProposalStatus, type Review } from '../core/team/layout'

/** The root maps of a team document. */
export function roots(doc: Y.Doc) {
  return {
    concepts: doc.getMap<Y.Map<unknown>>(TEAM_ROOTS.concepts),
    proposals: doc.getMap<Proposal>(TEAM_ROOTS.proposals),
    reviews: doc.getMap<Review>(TEAM_ROOTS.reviews),
  }
}

/** The field map of one concept entry: concept fields by name, term fields under term keys. */
export function entryFields(entry: ConceptEntry): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const c = entry.concept
  for (const f of CONCEPT_FIELDS) if (c[f] !== undefined) out[f] = c[f]
  for (const t of entry.terms) {
    for (const f of TERM_FIELDS) if (t[f] !== undefined) out[termKey(t.id, f)] = t[f]
  }
  return out
}

/** Writes whole entries into the approved termbase (a reviewer's or admin's seeding), in one transaction. */
export function putEntries(doc: Y.Doc, entries: ConceptEntry[]): void {
  const { concepts } = roots(doc)
  doc.transact(() => {
    for (const e of entries) {
      const m = new Y.Map<unknown>()
      for (const [k, v] of Object.entries(entryFields(e))) m.set(k, v)
      concepts.set(e.concept.id, m)
    }
  })
}

/** Reads one concept back as an entry, or null when it is absent or has no complete term. */
export function readEntry(doc: Y.Doc, conceptId: string): ConceptEntry | null {
  const m = roots(doc).concepts.get(conceptId)
  return m ? entryFromFields(conceptId, m.toJSON()) : null
}

/** Every approved concept as entries (concepts without a complete term are left out). */
export function readAllEntries(doc: Y.Doc): ConceptEntry[] {
  const out: ConceptEntry[] = []
  roots(doc).concepts.forEach((m, id) => {
    const e = entryFromFields(id, m.toJSON())
    if (e) out.push(e)
  })
  return out
}

/** Builds an entry from a concept's field map. */
export function entryFromFields(conceptId: string, fields: Record<string, unknown>): ConceptEntry | null {
  const now = new Date(0).toISOString()
  const concept: Concept = {
    id: conceptId,
    definitions: (fields.definitions as Concept['definitions']) ?? {},
    related: (fields.related as string[]) ?? [],
    created: (fields.created as string) ?? now,
    modified: (fields.modified as string) ?? now,
  }
  if (fields.subjectField !== undefined) concept.subjectField = fields.subjectField as string
  if (fields.note !== undefined) concept.note = fields.note as string
  const terms = new Map<string, Partial<Term>>()
  for (const [k, v] of Object.entries(fields)) {
    const tk = parseTermKey(k)
    if (!tk) continue
    const t = terms.get(tk.termId) ?? { id: tk.termId, conceptId }
    ;(t as Record<string, unknown>)[tk.field] = v
    terms.set(tk.termId, t)
  }
  const full: Term[] = []
  for (const t of terms.values()) {
    if (!t.text || !t.lang) continue
    full.push({ sources: [], status: 'admitted', type: 'fullForm', created: concept.created, modified: concept.modified, ...t } as Term)
  }
  return full.length ? { concept, terms: full } : null
}

/** The field-level differences that turn `before` (null for a new concept) into `after`. */
export function diffEntries(before: ConceptEntry | null, after: ConceptEntry): FieldChange[] {
  const a = before ? entryFields(before) : {}
  const b = entryFields(after)
  const changes: FieldChange[] = []
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (k === 'modified' || parseTermKey(k)?.field === 'modified') continue
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) changes.push({ field: k, before: a[k] ?? null, after: b[k] ?? null })
  }
  return changes
}

/** Appends a proposal (what a contributor may do). */
export function addProposal(doc: Y.Doc, p: Proposal): void {
  roots(doc).proposals.set(p.id, p)
}

/** A proposal's status: proposed until reviewed. */
export function proposalStatus(doc: Y.Doc, id: string): ProposalStatus {
  return roots(doc).reviews.get(id)?.status ?? 'proposed'
}

/**
 * Records a review; an approval also applies the proposal's changes to the approved termbase in
 * the same transaction (so the server sees both as one reviewer's update).
 */
export function reviewProposal(doc: Y.Doc, id: string, review: Review): void {
  const { concepts, proposals, reviews } = roots(doc)
  const p = proposals.get(id)
  if (!p) throw new Error(`no proposal "${id}"`)
  doc.transact(() => {
    if (review.status === 'approved') {
      let m = concepts.get(p.conceptId)
      if (!m) {
        m = new Y.Map<unknown>()
        concepts.set(p.conceptId, m)
      }
      for (const c of p.changes) setField(m, c.field, c.after)
      setField(m, 'modified', review.at)
    }
    reviews.set(id, review)
  })
}

/** Sets (or, for null, removes) one field of a concept map. */
export function setField(m: Y.Map<unknown>, field: string, value: unknown): void {
  if (value === null || value === undefined) m.delete(field)
  else m.set(field, value)
}
