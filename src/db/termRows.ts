// Term rows as stored: the model's Term plus derived search fields, and plain copies for IndexedDB.
import type { Term } from '../core/model'
import { foldForSearch, searchKeyTokens } from '../core/text'
import type { TermRow } from './schema'

/**
 * Deep plain copy. IndexedDB cannot structured-clone Vue's reactive proxies; JSON reads through
 * them, so repositories accept reactive input without importing Vue. (Stores still call toRaw.)
 */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/** A term row with its derived search fields. */
export function toTermRow(term: Term): TermRow {
  const t = plain(term)
  return { ...t, norm: foldForSearch(t.text), keys: searchKeyTokens(t.text) }
}

/** Strips the derived fields of a row, giving the model's Term back. */
export function fromTermRow(row: TermRow): Term {
  const { norm: _n, keys: _k, ...term } = row
  return term
}
