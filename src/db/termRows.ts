// Glossary rows as stored: one EntryRow per concept (terms inside, plus its search keys), the term
// rows of schema versions 1–9 that migration 10 and old backups still carry, and plain copies for IndexedDB.
import { copyPlain, type Concept, type ConceptEntry, type Term } from '../core/model'
import { foldForSearch, searchKeyTokens } from '../core/text'
import type { EntryRow, TermRow } from './schema'

/**
 * Deep plain copy. IndexedDB cannot structured-clone Vue's reactive proxies; the copy reads through
 * them, so repositories accept reactive input without importing Vue. (Stores still call toRaw.)
 */
export function plain<T>(value: T): T {
  return copyPlain(value)
}

/** A legacy (v1–9) term row with its derived search fields; old backups' terms are read through it. */
export function toTermRow(term: Term): TermRow {
  const t = plain(term)
  return { ...t, norm: foldForSearch(t.text), keys: searchKeyTokens(t.text) }
}

/** Strips the derived fields of a legacy row (or anything shaped like a term), giving the model's Term back. */
export function fromTermRow(row: Term & { norm?: unknown; keys?: unknown }): Term {
  const { norm: _n, keys: _k, ...term } = row
  return term
}

/** The search key of a term in the entries' multi-entry index: language and folded text. */
export function entryKey(lang: string, text: string): string {
  return `${lang}|${foldForSearch(text)}`
}

/** The stored row of a concept (no copy is made: pass plain objects). */
export function toEntryRow(entry: ConceptEntry): EntryRow {
  const keys = [...new Set(entry.terms.map((t) => entryKey(t.lang, t.text)))]
  return { id: entry.concept.id, concept: entry.concept, terms: entry.terms, keys }
}

/** The model's entry of a stored row. */
export function fromEntryRow(row: EntryRow): ConceptEntry {
  return { concept: row.concept, terms: row.terms }
}

/** Groups terms by concept, in concept order (legacy rows, or backups' flat concept and term lists). */
export function joinEntries(concepts: readonly Concept[], rows: readonly (Term & { norm?: unknown; keys?: unknown })[]): ConceptEntry[] {
  const byConcept = new Map<string, Term[]>()
  for (const r of rows) {
    const list = byConcept.get(r.conceptId)
    const t = fromTermRow(r)
    if (list) list.push(t)
    else byConcept.set(r.conceptId, [t])
  }
  return concepts.map((c) => ({ concept: c, terms: byConcept.get(c.id) ?? [] }))
}

/** The flat concept and term lists of entries (the layout of backups and of schema versions 1–9). */
export function splitEntries(entries: readonly ConceptEntry[]): { concepts: Concept[]; terms: Term[] } {
  return { concepts: entries.map((e) => e.concept), terms: entries.flatMap((e) => e.terms) }
}
