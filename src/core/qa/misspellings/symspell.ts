// A SymSpell-style deletion index: finds the words one edit away from a query without comparing it to every word.
//
// Every indexed word is stored under itself and under each string made by deleting one of its characters; a
// query looks up itself and its own one-character deletions. Two words at Damerau-Levenshtein distance 1
// always share one of those keys (a substitution deletes the same position on both sides, a transposition
// deletes either letter), so candidates are found in O(length) lookups and then verified exactly.
import { damerauLevenshtein } from '../../text/editDistance'

/** The distinct strings made by deleting one UTF-16 unit of `w`. */
export function deletions(w: string): string[] {
  const out = new Set<string>()
  for (let i = 0; i < w.length; i++) out.add(w.slice(0, i) + w.slice(i + 1))
  return [...out]
}

/** A word found near a query, with its payload and distance. */
export interface NearWord<T> {
  word: string
  payload: T
  distance: number
}

/** A deletion index over words with payloads, for distance 0 and 1 look-ups. */
export class DeletionIndex<T> {
  private readonly keys = new Map<string, Array<{ word: string; payload: T }>>()
  /** Number of (word, payload) pairs added. */
  size = 0

  /** Adds a word with its payload (a word may be added with several payloads). */
  add(word: string, payload: T): void {
    const entry = { word, payload }
    for (const k of [word, ...deletions(word)]) {
      const list = this.keys.get(k)
      if (list) list.push(entry)
      else this.keys.set(k, [entry])
    }
    this.size++
  }

  /** Indexed words within Damerau-Levenshtein distance 1 of `query` (distance 0 included), each pair once. */
  lookup(query: string): Array<NearWord<T>> {
    const out: Array<NearWord<T>> = []
    const seen = new Set<{ word: string; payload: T }>()
    for (const k of [query, ...deletions(query)]) {
      const list = this.keys.get(k)
      if (!list) continue
      for (const e of list) {
        if (seen.has(e)) continue
        seen.add(e)
        const d = damerauLevenshtein(query, e.word, 1)
        if (d <= 1) out.push({ word: e.word, payload: e.payload, distance: d })
      }
    }
    return out
  }
}
