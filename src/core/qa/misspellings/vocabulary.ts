// A report's words for the misspelling check: every word of every passage read once into a table of spellings
// and occurrences, and the vocabulary per language (folded spellings, counts, those a glossary hit covers).
import { WordMemo } from '../../matcher/wordMemo'
import type { Lang } from '../../model'
import { astralClass, charClass } from '../../text/charClass'
import { FNV_OFFSET, FNV_PRIME } from '../../text/hash'
import { foldForMatch } from '../../text/normalize'
import type { ScannedDoc } from '../scan'

/**
 * Calls `fn(start, end, cyrillic, hash, ascii)` for every run of letters and marks in `text` (what
 * /[\p{L}\p{M}]+/gu matches), by a table look-up per code unit: this runs over every character of every report.
 * `hash` is an FNV-1a hash of the word's units, for a `WordMemo` look-up that needs no string; `ascii` says
 * every unit is ASCII.
 */
function forEachWord(text: string, fn: (start: number, end: number, cyrillic: boolean, hash: number, ascii: boolean) => void): void {
  let start = -1
  let cyr = false
  let ascii = true
  let h = FNV_OFFSET
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32
    const letter = c >= 0xd800 && c <= 0xdfff ? astralClass(text, c <= 0xdbff ? i : i - 1) === 1 : charClass(c) === 1
    if (letter) {
      if (start < 0) {
        start = i
        cyr = false
        ascii = true
        h = FNV_OFFSET
      }
      h = Math.imul(h ^ c, FNV_PRIME)
      if (c >= 0x80) {
        ascii = false
        if (c >= 0x400 && c <= 0x4ff) cyr = true
      }
    } else if (start >= 0) {
      fn(start, i, cyr, h, ascii)
      start = -1
    }
  }
}

/** The words of one language in a report: counts, the spellings a glossary hit covers, and a sorted list for prefix look-ups. */
export interface Vocabulary {
  counts: Map<string, number>
  covered: Set<string>
  sorted?: string[]
}

/** Folds words with a bounded cache per language (reports repeat their words, and checks are re-run). */
class WordFolder {
  private readonly caches = new Map<Lang, Map<string, string>>()
  fold(raw: string, lang: Lang): string {
    let cache = this.caches.get(lang)
    if (!cache) this.caches.set(lang, (cache = new Map()))
    let folded = cache.get(raw)
    if (folded === undefined) {
      if (cache.size > 200_000) cache.clear()
      cache.set(raw, (folded = foldForMatch(raw, lang)))
    }
    return folded
  }
}

const folder = new WordFolder()

/**
 * A report's words as written: one id per spelling and language, with its count and whether a glossary hit
 * covers one of its occurrences, and every occurrence in text order (so that findings need no second pass).
 */
export interface WordTable {
  /** Spelling ids per language, looked up in place (most occurrences repeat a spelling already seen). */
  ids: Map<Lang, WordMemo<number>>
  words: string[]
  langs: Lang[]
  counts: number[]
  covered: boolean[]
  /** Occurrences, three ints each: spelling id (−id−1 when a glossary hit covers it), passage position, start in the passage text. */
  occ: Int32Array
  occCount: number
}

/**
 * Reads every word of every passage once (see `WordTable`), leaving out words too short to fold to `min`
 * letters: an ASCII word folds letter for letter, and folding at most doubles a letter (æ → ae, ß → ss), so
 * ASCII words under `min` letters and other words under half of it cannot count.
 */
function collectWords(sd: ScannedDoc, min: number): WordTable {
  const shortest = Math.ceil(min / 2)
  const t: WordTable = { ids: new Map(), words: [], langs: [], counts: [], covered: [], occ: new Int32Array(3 * 4096), occCount: 0 }
  const hitsByPassage = new Map<number, Array<{ start: number; end: number }>>()
  for (const h of sd.hits) {
    const list = hitsByPassage.get(h.passageIndex)
    if (list) list.push(h.local)
    else hitsByPassage.set(h.passageIndex, [h.local])
  }
  sd.passages.forEach((mp, position) => {
    const hits = hitsByPassage.get(mp.index) ?? []
    let hi = 0
    const text = mp.text
    let lastLang: Lang | null = null
    let byWord: WordMemo<number> | undefined
    forEachWord(text, (start, end, cyrillic, hash, ascii) => {
      if (end - start < (ascii ? min : shortest)) return
      const lang: Lang = cyrillic ? 'ru' : mp.lang
      while (hi < hits.length && hits[hi].end <= start) hi++
      let covered = false
      for (let k = hi; k < hits.length && hits[k].start < end; k++) if (hits[k].end > start) covered = true
      if (lang !== lastLang || !byWord) {
        lastLang = lang
        byWord = t.ids.get(lang)
        // A report of n characters has roughly n / 20 distinct words (400 k characters: 16 k).
        if (!byWord) t.ids.set(lang, (byWord = new WordMemo(lang === 'ru' ? 512 : sd.doc.text.length / 20)))
      }
      let id = byWord.get(hash, text, start, end)
      if (id === undefined) {
        const word = text.slice(start, end)
        byWord.set(hash, word, (id = t.words.length))
        t.words.push(word)
        t.langs.push(lang)
        t.counts.push(0)
        t.covered.push(false)
      }
      t.counts[id]++
      if (covered) t.covered[id] = true
      if (3 * t.occCount + 3 > t.occ.length) {
        const grown = new Int32Array(2 * t.occ.length)
        grown.set(t.occ)
        t.occ = grown
      }
      const o = 3 * t.occCount++
      t.occ[o] = covered ? -id - 1 : id
      t.occ[o + 1] = position
      t.occ[o + 2] = start
    })
  })
  return t
}

/** The vocabulary of a report per language: folded word counts and the folded spellings glossary hits cover (each spelling folded once). */
function collectVocabulary(t: WordTable, folder: WordFolder): { vocab: Map<Lang, Vocabulary>; folded: string[] } {
  const vocab = new Map<Lang, Vocabulary>()
  const folded = t.words.map((word, id) => {
    const lang = t.langs[id]
    let v = vocab.get(lang)
    if (!v) vocab.set(lang, (v = { counts: new Map(), covered: new Set() }))
    const f = folder.fold(word, lang)
    v.counts.set(f, (v.counts.get(f) ?? 0) + t.counts[id])
    if (t.covered[id]) v.covered.add(f)
    return f
  })
  return { vocab, folded }
}

/**
 * A report's words as the misspelling check reads them: the table of spellings and occurrences, the vocabulary
 * per language, and each spelling folded (by spelling id).
 */
export function readReportWords(sd: ScannedDoc, min: number): { table: WordTable; vocab: Map<Lang, Vocabulary>; folded: string[] } {
  const table = collectWords(sd, min)
  return { table, ...collectVocabulary(table, folder) }
}
