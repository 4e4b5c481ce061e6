// Check: likely misspellings of glossary terms, one edit away ("Voenkamat", "refusniki"), with a report's own word frequencies as its dictionary.
import { textWordKeys } from '../../matcher'
import { TRANSLIT_KEY } from '../../matcher/stem'
import { FNV_OFFSET, FNV_PRIME, WordMemo } from '../../matcher/wordMemo'
import type { Lang } from '../../model'
import { astralClass, charClass } from '../../text/charClass'
import { foldForMatch } from '../../text/normalize'
import { insideAny, toOriginal, type MappedPassage } from '../document'
import { makeFinding, type Finding } from '../findings'
import { matchCase } from '../glossaryInfo'
import type { QaContext, ScannedDoc } from '../scan'
import { differsByInflection, MisspellingTargets, type TargetWord } from './targets'

/** Options of `checkMisspellings`. */
export interface MisspellingOptions {
  /** Shortest word (and stem) checked (default 6). */
  minLength?: number
  /**
   * A spelling used at least `frequentMin` times and at least `frequentRatio` times as often as the glossary
   * word it is near is taken for a word of the report's language, not a typo (defaults 3 and 0.5).
   */
  frequentMin?: number
  frequentRatio?: number
  /** Targets built beforehand (they depend on the glossary only); built once per context otherwise. */
  targets?: MisspellingTargets
}

/**
 * Calls `fn(start, end, cyrillic, hash)` for every run of letters and marks in `text` (what /[\p{L}\p{M}]+/gu
 * matches), by a table look-up per code unit: this runs over every character of every report. `hash` is an
 * FNV-1a hash of the word's units, for a `WordMemo` look-up that needs no string.
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

/** One word occurrence in a passage: folded form, check language and passage-text span. */
interface WordAt {
  folded: string
  lang: Lang
  passage: MappedPassage
  start: number
  end: number
}

/** The words of one language in a report: counts, the spellings a glossary hit covers, and a sorted list for prefix look-ups. */
interface Vocabulary {
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
interface WordTable {
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
 * Keys a text word is compared by: itself and itself minus inflection or Russian endings (each a prefix of the
 * word, so a key is known by its length). Fills `out` with the key lengths, the word's own first; returns how many.
 */
function wordKeyLengths(word: string, lang: Lang, min: number, out: Int32Array): number {
  out[0] = word.length
  let n = 1
  for (const k of textWordKeys(word, lang)) {
    const from = k.startsWith(TRANSLIT_KEY) ? 1 : 0
    const len = k.length - from
    if (len < min || len >= word.length || !word.startsWith(from ? k.slice(1) : k)) continue
    let dup = false
    for (let i = 1; i < n; i++) if (out[i] === len) dup = true
    if (!dup && n < out.length) out[n++] = len
  }
  return n
}

/** True when `word` has a key (see `wordKeyLengths`) of `len` letters, its prefix of that length. */
function hasKeyOfLength(word: string, lang: Lang, len: number): boolean {
  const n = wordKeyLengths(word, lang, len, scratchLengths)
  for (let i = 0; i < n; i++) if (scratchLengths[i] === len) return true
  return false
}

/** Scratch space of `wordKeyLengths` (a word has a handful of keys). */
const scratchLengths = new Int32Array(32)
const judgeLengths = new Int32Array(32)

/** How often a word family occurs in a vocabulary: the words that are `key` plus an ending (found by prefix). */
function familyCount(v: Vocabulary, key: string, lang: Lang): number {
  const sorted = (v.sorted ??= [...v.counts.keys()].sort())
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid] < key) lo = mid + 1
    else hi = mid
  }
  let n = 0
  for (let i = lo; i < sorted.length && sorted[i].startsWith(key); i++) {
    const w = sorted[i]
    if (w === key || (w.length - key.length <= 6 && hasKeyOfLength(w, lang, key.length))) n += v.counts.get(w)!
  }
  return n
}

/** A near miss of one word: the glossary word it is near and the ending cut off the text word. */
interface Near {
  target: TargetWord
  rest: string
}

/** Targets per glossary object (a glossary edit makes a new object: see `updateConcepts` callers). */
const targetsCache = new WeakMap<object, MisspellingTargets>()

/**
 * Finds words one edit (Damerau-Levenshtein 1) away from an admitted glossary word, comparing the word and its
 * stems (the word minus inflection or Russian endings) with glossary words and stems through a deletion index.
 * For precision: the word and stem are at least `minLength` letters; the word is matched by no glossary term
 * anywhere in the report; the difference is not inflection or derivation (a shared prefix or Snowball stem,
 * an edit in the last three letters) nor a first-letter change; and the spelling is not an established word of
 * the report (frequent in it, see `MisspellingOptions`). The suggestion is the glossary word with the text
 * word's ending and case.
 */
export function checkMisspellings(ctx: QaContext, opts: MisspellingOptions = {}): Finding[] {
  const min = opts.minLength ?? 6
  const frequentMin = opts.frequentMin ?? 3
  const frequentRatio = opts.frequentRatio ?? 0.5
  let targets = opts.targets ?? targetsCache.get(ctx.glossary.glossary)
  if (!targets) targetsCache.set(ctx.glossary.glossary, (targets = new MisspellingTargets(ctx.glossary)))
  const out: Finding[] = []
  for (const sd of ctx.docs) {
    const table = collectWords(sd, min)
    const { vocab, folded } = collectVocabulary(table, folder)
    const nearBy = new Map<Lang, Map<string, Near>>()
    for (const [lang, v] of vocab) {
      const near = new Map<string, Near>()
      for (const [word] of v.counts) {
        if (word.length < min || v.covered.has(word)) continue
        const n = judge(targets, v, word, lang, min, frequentMin, frequentRatio)
        if (n) near.set(word, n)
      }
      if (near.size) nearBy.set(lang, near)
    }
    if (!nearBy.size) continue
    const nearOf = folded.map((f, id) => nearBy.get(table.langs[id])?.get(f))
    for (let o = 0; o < 3 * table.occCount; o += 3) {
      const id = table.occ[o]
      const near = id >= 0 ? nearOf[id] : undefined
      if (!near) continue
      const mp = sd.passages[table.occ[o + 1]]
      const start = table.occ[o + 2]
      const end = start + table.words[id].length
      if (mp.urls.length && insideAny(mp.urls, start, end)) continue
      const lang = table.langs[id]
      const w: WordAt = { folded: folded[id], lang, passage: mp, start, end }
      out.push(finding(ctx, sd, w, near, vocab.get(lang)!.counts.get(folded[id]) ?? 1))
    }
  }
  return out
}

/** The glossary word a report word is a likely misspelling of, or null (see `checkMisspellings`). */
function judge(targets: MisspellingTargets, v: Vocabulary, word: string, lang: Lang, min: number, frequentMin: number, frequentRatio: number): Near | null {
  let best: Near | null = null
  // Every key is a prefix of the word of `min` letters or more. Most words have no such prefix with the shape of
  // a glossary word, and then nothing below can find one: that is decided before the word's keys are looked up.
  let shaped = false
  for (let len = min; len <= word.length && !shaped; len++) shaped = targets.mayBeNear(lang, word, len)
  if (!shaped) return null
  const n = wordKeyLengths(word, lang, min, judgeLengths)
  for (let i = 0; i < n; i++) {
    const len = judgeLengths[i]
    const key = len === word.length ? word : word.slice(0, len)
    if (targets.isKnown(lang, key)) return null
    const nears = targets.lookup(lang, key)
    if (!nears.length) continue
    const rest = word.slice(len)
    for (const near of nears) {
      if (near.distance !== 1 || differsByInflection(key, near.word, lang, near.payload.translit)) continue
      const mine = familyCount(v, key, lang)
      if (mine >= frequentMin && mine >= frequentRatio * familyCount(v, near.word, lang)) continue
      if (!best || (best.target.generated && !near.payload.generated) || rest.length < best.rest.length) best = { target: near.payload, rest }
    }
  }
  return best
}

/** False when `spelling` is a deprecated or forbidden glossary term ("refusenikis"), so not to be suggested. */
function admittedSpelling(ctx: QaContext, spelling: string, lang: Lang): boolean {
  return !ctx.glossary.termsSpelt(spelling, lang).some((t) => t.status === 'deprecated' || t.status === 'forbidden')
}

function finding(ctx: QaContext, sd: ScannedDoc, w: WordAt, near: Near, count: number): Finding {
  const span = toOriginal(sd.doc.text, w.passage, w.start, w.end)
  const surface = sd.doc.text.slice(span.start, span.end)
  const t = near.target
  const term = ctx.glossary.termById.get(t.termId)
  const base = t.display ?? t.key
  const rest = near.rest && surface.length === w.folded.length ? surface.slice(surface.length - near.rest.length) : near.rest
  return makeFinding({
    check: 'misspelling', severity: w.passage.quoted ? 'info' : 'warning',
    conceptId: t.conceptId, termId: t.termId, ...(term ? { term: term.text } : {}),
    docId: sd.doc.id, passageIndex: w.passage.index, ...span, surface,
    suggestion: matchCase(admittedSpelling(ctx, base + rest, w.lang) ? base + rest : base, surface),
    detail: `one edit from «${base}»${t.generated ? ' (a transliteration)' : ''} (${ctx.glossary.label(t.conceptId)}); «${w.folded}» occurs ${count}× in this report`,
  })
}
