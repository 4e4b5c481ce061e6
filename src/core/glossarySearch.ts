// Search-as-you-type over the whole termbase: case-, diacritic- and transliteration-tolerant,
// fast enough for 100k terms on every keystroke (one native indexOf scan over packed strings).
import { lastAtOrBelow } from './sortedSearch'
import type { ConceptEntry, Lang } from './model'
import { foldForSearch, searchKeyTokens } from './text'

/** What the index needs of a term. */
export interface SearchableTerm {
  conceptId: string
  lang: Lang
  text: string
}

/** A concept that matched, with how well. Lower rank is better. */
export interface SearchHit {
  conceptId: string
  /** 0 exact term, 1 term prefix, 2 word prefix, 3 substring, 4 transliteration-tolerant only. */
  rank: number
  /** The best-matching term's language and text. */
  lang: Lang
  text: string
}

/** A packed search index: built once per glossary change, queried per keystroke. */
export interface GlossarySearchIndex {
  size: number
  /** "\n" + norm0 + "\n" + norm1 … ; starts[i] is where term i's norm begins. */
  normBlob: string
  normStarts: Int32Array
  keyBlob: string
  keyStarts: Int32Array
  terms: SearchableTerm[]
  /** Concept number of each packed term, and the number of concepts. */
  conceptOf: Int32Array
  concepts: number
}

function pack(parts: string[]): { blob: string; starts: Int32Array } {
  const starts = new Int32Array(parts.length)
  let pos = 1
  for (let i = 0; i < parts.length; i++) {
    starts[i] = pos
    pos += parts[i].length + 1
  }
  return { blob: '\n' + parts.join('\n') + '\n', starts }
}

/** Folded text and transliteration key of a term text; cached across rebuilds by the caller. */
export type SearchFieldCache = Map<string, readonly [norm: string, key: string]>

/**
 * Builds the index from terms (or from entries through termsOfEntries). Linear in total term length.
 * Terms are packed in alphabetical order of their folded text, so that hits come out sorted. Pass the
 * same `cache` on every rebuild and only new or changed texts are folded again.
 */
export function buildSearchIndex(input: SearchableTerm[], cache: SearchFieldCache = new Map()): GlossarySearchIndex {
  const fields = input.map((t) => {
    let f = cache.get(t.text)
    if (!f) {
      f = [foldForSearch(t.text).replace(/\n/g, ' '), searchKeyTokens(t.text).join(' ')]
      cache.set(t.text, f)
    }
    return f
  })
  const order = input.map((_, i) => i).sort((a, b) => (fields[a][0] < fields[b][0] ? -1 : fields[a][0] > fields[b][0] ? 1 : 0))
  const terms = order.map((i) => input[i])
  const n = pack(order.map((i) => fields[i][0]))
  const k = pack(order.map((i) => fields[i][1]))
  const ids = new Map<string, number>()
  const conceptOf = Int32Array.from(terms, (t) => {
    let c = ids.get(t.conceptId)
    if (c === undefined) ids.set(t.conceptId, (c = ids.size))
    return c
  })
  return { size: terms.length, normBlob: n.blob, normStarts: n.starts, keyBlob: k.blob, keyStarts: k.starts, terms, conceptOf, concepts: ids.size }
}

/** Flattens entries into searchable terms. */
export function termsOfEntries(entries: ConceptEntry[]): SearchableTerm[] {
  const out: SearchableTerm[] = []
  for (const e of entries) for (const t of e.terms) out.push({ conceptId: e.concept.id, lang: t.lang, text: t.text })
  return out
}

/** Index of the term whose packed slot contains blob position `pos` (binary search). */
const slotOf = (starts: Int32Array, pos: number): number => lastAtOrBelow(starts, pos)

function scan(blob: string, starts: Int32Array, needle: string, visit: (termIdx: number, offset: number) => void): void {
  if (!needle) return
  let from = 0
  for (;;) {
    const at = blob.indexOf(needle, from)
    if (at < 0) return
    const idx = slotOf(starts, at)
    visit(idx, at - starts[idx])
    from = at + 1
  }
}

/**
 * Finds concepts whose terms match `query`, best first. Matches folded text (case, diacritics,
 * confusables) and transliteration-tolerant keys ("dedovsjina" finds "dedovshchina" and "дедовщина").
 * Empty query: no hits (the caller shows everything).
 */
export function searchGlossary(index: GlossarySearchIndex, query: string, limit = 5000): SearchHit[] {
  const q = foldForSearch(query).trim().replace(/\s+/g, ' ')
  if (!q) return []
  // Best (rank, alphabetical term position) per concept, then one numeric sort.
  const best = new Float64Array(index.concepts).fill(Infinity)
  const touched: number[] = []
  const offer = (termIdx: number, rank: number) => {
    const c = index.conceptOf[termIdx]
    const key = rank * index.size + termIdx
    if (best[c] === Infinity) touched.push(c)
    if (key < best[c]) best[c] = key
  }
  scan(index.normBlob, index.normStarts, q, (i, off) => {
    const len = (i + 1 < index.size ? index.normStarts[i + 1] - 1 : index.normBlob.length - 1) - index.normStarts[i]
    const atWordStart = off === 0 || index.normBlob[index.normStarts[i] + off - 1] === ' '
    offer(i, off === 0 && len === q.length ? 0 : off === 0 ? 1 : atWordStart ? 2 : 3)
  })
  const qKey = searchKeyTokens(query).join(' ')
  if (qKey.length >= 3) scan(index.keyBlob, index.keyStarts, qKey, (i) => offer(i, 4))
  const keys = Float64Array.from(touched, (c) => best[c])
  const n = keys.length
  keys.sort()
  const hits: SearchHit[] = []
  for (let i = 0; i < Math.min(n, limit); i++) {
    const t = index.terms[keys[i] % index.size]
    hits.push({ conceptId: t.conceptId, rank: Math.floor(keys[i] / index.size), lang: t.lang, text: t.text })
  }
  return hits
}
