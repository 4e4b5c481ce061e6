// A bilingual dictionary for tier-1 linking: a word of a non-English passage yields keys made of its English
// translations' stems, and an English word yields its own stem, so "indkaldelse" (da) and "call-up" (en) meet.
import type { Lang } from '../model'
import { englishSpellingKey } from '../matcher/english'
import { stemWord } from '../matcher/stem'
import { foldLexicon } from './lexicon'
import { isStopword } from './stopwords'

/** One language's dictionary as the pack writes it (scripts/dict-pack.mjs): word → English phrases, best first. */
export type DictionaryEntries = ReadonlyMap<string, readonly string[]>

/** How words are looked up and how many translations a word may yield. */
export interface DictionaryOptions {
  /** English phrases kept per word, in dictionary order (default 2, chosen on the dev half of the link gold). */
  maxPhrases?: number
  /** Keys kept per word, over all its phrases (default 3). */
  maxKeys?: number
  /**
   * Shortest headword stem a word may start with when neither the word nor its stem is a headword (inflected
   * or compound words: "militærtjenesten" → "militær"; default 5; 0: no prefix match).
   */
  minPrefix?: number
}

interface LangTable {
  /** Lower-case word → keys. */
  exact: Map<string, string[]>
  /** Snowball stem of a headword → keys (headwords sharing a stem merged, first ones first). */
  stems: Map<string, string[]>
}

type ResolvedOptions = Required<DictionaryOptions>

/**
 * A dictionary ready for linking. Lookup tables are built per language on first use (stemming tens of thousands of
 * headwords takes a moment), and the set of English keys (every key some word of some language yields: an English
 * word outside it yields no feature) on the first English word, over all languages, so results never depend on
 * which language was looked up first.
 */
export interface LinkDictionary {
  readonly entries: Partial<Record<Lang, DictionaryEntries>>
  readonly options: ResolvedOptions
  readonly tables: Map<Lang, LangTable>
  english?: Set<string>
}

/** One dictionary hit in a text: the English keys, and where the word was found. */
export interface DictionaryHit {
  keys: string[]
  start: number
  end: number
  surface: string
}

/**
 * Parses one language's pack file (scripts/dict-pack.mjs): a line per word, "word TAB phrase | phrase …".
 * Throws on a malformed line, naming the file and the line.
 */
export function parseDictionaryPack(text: string, file = 'dictionary'): Map<string, string[]> {
  const out = new Map<string, string[]>()
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (!line) continue
    const tab = line.indexOf('\t')
    const word = tab > 0 ? line.slice(0, tab) : ''
    const phrases = tab > 0 ? line.slice(tab + 1).split(' | ').map((p) => p.trim()).filter(Boolean) : []
    if (!word || !phrases.length || word.includes(' ')) throw new Error(`${file}:${i + 1}: expected "word TAB translation | translation …", got ${JSON.stringify(line.slice(0, 60))}`)
    out.set(word, phrases)
  }
  return out
}

const englishKeys = new Map<string, string>()

/** The key of an English word: folded, one spelling (British → American), Snowball stem; memoised. */
export function englishKey(word: string): string {
  let k = englishKeys.get(word)
  if (k === undefined) {
    k = stemWord(englishSpellingKey(foldLexicon(word.toLowerCase())), 'en')
    if (englishKeys.size > 200_000) englishKeys.clear()
    englishKeys.set(word, k)
  }
  return k
}

const WORD_RE = /[\p{L}\p{M}]+(?:[-‐][\p{L}\p{M}]+)*/gu

/** The content words of an English phrase, as `matchDictionary` finds them in text ("call-up" → call; "the armed forces" → armed, forces). */
function contentWords(phrase: string): string[] {
  return [...phrase.matchAll(/[\p{L}\p{M}]+/gu)].map((m) => m[0]).filter((w) => w.length >= 3 && !isStopword(w))
}

/** The keys a word's phrases yield, capped. */
function keysOf(phrases: readonly string[], maxPhrases: number, maxKeys: number): string[] {
  const keys: string[] = []
  for (const p of phrases.slice(0, maxPhrases))
    for (const w of contentWords(p)) {
      const k = englishKey(w)
      if (!keys.includes(k)) keys.push(k)
    }
  return keys.slice(0, maxKeys)
}

/** A dictionary over each language's entries (English entries are ignored); tables are built on first use. */
export function buildDictionary(entries: Partial<Record<Lang, DictionaryEntries>>, opts: DictionaryOptions = {}): LinkDictionary {
  const options: ResolvedOptions = {
    maxPhrases: opts.maxPhrases ?? 2, maxKeys: opts.maxKeys ?? 3, minPrefix: opts.minPrefix ?? 5,
  }
  const own = { ...entries }
  delete own.en
  return { entries: own, options, tables: new Map() }
}

/** The lookup table of one language (built and kept on first use), or undefined when the dictionary lacks it. */
function tableOf(dict: LinkDictionary, lang: Lang): LangTable | undefined {
  let table = dict.tables.get(lang)
  const map = dict.entries[lang]
  if (table || !map) return table
  const { maxPhrases, maxKeys } = dict.options
  table = { exact: new Map(), stems: new Map() }
  for (const [word, phrases] of map) {
    const keys = keysOf(phrases, maxPhrases, maxKeys)
    if (!keys.length) continue
    const w = word.toLowerCase()
    table.exact.set(w, keys)
    const stem = stemWord(w, lang)
    const prev = table.stems.get(stem)
    if (!prev) table.stems.set(stem, keys)
    else if (prev.length < maxKeys) table.stems.set(stem, [...new Set([...prev, ...keys])].slice(0, maxKeys))
  }
  dict.tables.set(lang, table)
  return table
}

/** Every English key some word of some language of the dictionary yields (built on first use). */
function englishSet(dict: LinkDictionary): Set<string> {
  if (dict.english) return dict.english
  const set = new Set<string>()
  const { maxPhrases, maxKeys } = dict.options
  for (const map of Object.values(dict.entries)) for (const phrases of map!.values()) for (const k of keysOf(phrases, maxPhrases, maxKeys)) set.add(k)
  return (dict.english = set)
}

/** The keys of a lower-case word of `lang` in one table: the word's, else its stem's, else the longest known stem it starts with. */
function lookup(table: LangTable, word: string, lang: Lang, minPrefix: number): string[] | undefined {
  const stem = stemWord(word, lang)
  let hit = table.exact.get(word) ?? table.stems.get(stem)
  for (let n = stem.length - 1; !hit && minPrefix > 0 && n >= minPrefix; n--) hit = table.stems.get(stem.slice(0, n))
  return hit
}

/**
 * The dictionary hits of `text`, written in `lang`: each content word (not a stop word, three letters or more)
 * that the dictionary knows, with its English keys; in an English text, each content word whose key some
 * translation yields. Nothing for a language the dictionary lacks, or for 'und'.
 */
export function matchDictionary(text: string, lang: Lang | 'und', dict: LinkDictionary): DictionaryHit[] {
  const out: DictionaryHit[] = []
  if (lang === 'und') return out
  const table = lang === 'en' ? undefined : tableOf(dict, lang)
  if (lang !== 'en' && !table) return out
  const english = lang === 'en' ? englishSet(dict) : null
  for (const m of text.matchAll(WORD_RE)) {
    let start = m.index!
    for (const part of m[0].split(/[-‐]/)) {
      const at = start
      start += part.length + 1
      if (part.length < 3 || isStopword(part)) continue
      const lower = part.toLowerCase()
      let keys: string[] | undefined
      if (english) {
        const k = englishKey(lower)
        if (english.has(k)) keys = [k]
      } else keys = lookup(table!, lower, lang, dict.options.minPrefix)
      if (keys) out.push({ keys, start: at, end: at + part.length, surface: part })
    }
  }
  return out
}

/**
 * True when `word` (lower case) is a word of `lang` as the dictionary knows it: a headword or a headword's inflection
 * (its Snowball stem), or for English a word some translation yields. False for a language the dictionary lacks.
 */
export function isDictionaryWord(dict: LinkDictionary, word: string, lang: Lang): boolean {
  if (lang === 'en') return englishSet(dict).has(englishKey(word))
  const table = tableOf(dict, lang)
  return !!table && (table.exact.has(word) || table.stems.has(stemWord(word, lang)))
}

/** Whether a word (lower case) is a word of any language of the dictionary, English included (`isDictionaryWord`). */
export function dictionaryWordCheck(dict: LinkDictionary): (word: string) => boolean {
  const langs: Lang[] = ['en', ...(Object.keys(dict.entries) as Lang[])]
  return (word) => langs.some((l) => isDictionaryWord(dict, word, l))
}

/** The pack's manifest.json (scripts/dict-pack.mjs): each language's file and where it came from. */
export interface DictionaryManifest {
  key: string
  languages: Partial<Record<Lang, { file: string; words: number; sources: { package: string; version: string; dictionary: string; license: string; inverted: boolean }[] }>>
}

/** Builds a dictionary from the texts of a pack's language files (see `parseDictionaryPack`). */
export function dictionaryFromPack(files: Partial<Record<Lang, string>>, opts: DictionaryOptions = {}): LinkDictionary {
  const entries: Partial<Record<Lang, DictionaryEntries>> = {}
  for (const [lang, text] of Object.entries(files) as [Lang, string][]) entries[lang] = parseDictionaryPack(text, `${lang}.txt`)
  return buildDictionary(entries, opts)
}
