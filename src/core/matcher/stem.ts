// Inflection-tolerant keys of words: Snowball stems, per-language inflection endings and (for Finnish) oblique stems.
import * as snowballNs from 'snowball-stemmers'
import type { SnowballStemmer } from 'snowball-stemmers'
import type { Lang } from '../model'
import { englishSpellingKey } from './english'
import { finnishObliqueStems, finnishSplits, isFinnishEnding } from './finnish'

// The package is CommonJS with an __esModule flag: Node puts its exports on `default`, bundlers on the namespace.
const snowball = ((snowballNs as { newStemmer?: unknown }).newStemmer
  ? snowballNs
  : (snowballNs as unknown as { default: typeof snowballNs }).default) as typeof snowballNs

const ALGORITHM: Record<Lang, string> = {
  en: 'english', fi: 'finnish', nb: 'norwegian', da: 'danish', sv: 'swedish', fr: 'french', ru: 'russian',
}

const stemmers = new Map<Lang, SnowballStemmer>()
const stemCache = new Map<Lang, Map<string, string>>()

/** The Snowball stem of a folded (lower-case) word in a language; cached. */
export function stemWord(word: string, lang: Lang): string {
  let cache = stemCache.get(lang)
  if (!cache) stemCache.set(lang, (cache = new Map()))
  let s = cache.get(word)
  if (s === undefined) {
    let stemmer = stemmers.get(lang)
    if (!stemmer) stemmers.set(lang, (stemmer = snowball.newStemmer(ALGORITHM[lang])))
    s = stemmer.stem(word)
    if (cache.size > 200_000) cache.clear()
    cache.set(word, s)
  }
  return s
}

/** Inflection endings (not derivational suffixes) a noun or adjective may take, per language. */
const ENDINGS: Record<Exclude<Lang, 'fi'>, Set<string>> = {
  en: new Set(['', 's', 'es']),
  fr: new Set(['', 's', 'x', 'e', 'es']),
  nb: new Set(['', 'e', 'en', 'et', 'er', 'ene', 'a', 'ens', 'ets', 'ers', 'enes', 's', 'n', 't', 'r', 'ne', 'ns', 'nes']),
  da: new Set(['', 'e', 'en', 'et', 'er', 'erne', 'ene', 'ens', 'ets', 'ernes', 's', 'n', 't', 'r', 'ne', 'rne', 'ns', 'nes', 'rnes']),
  sv: new Set(['', 'en', 'et', 'er', 'erna', 'ar', 'arna', 'or', 'orna', 'n', 'na', 's', 'ens', 'ets', 'ernas', 'arnas', 'ornas', 't', 'r', 'rna', 'a', 'e', 'ns', 'nas']),
  ru: new Set([
    '', 'а', 'я', 'у', 'ю', 'ом', 'ем', 'ём', 'е', 'и', 'ы', 'ов', 'ев', 'ей', 'ам', 'ям', 'ами', 'ями', 'ах', 'ях',
    'ой', 'ою', 'ию', 'ия', 'ие', 'ий', 'ая', 'ое', 'ые', 'ых', 'ым', 'ыми', 'ого', 'ому', 'ую', 'ого', 'ему', 'его', 'их', 'им', 'ими',
  ]),
}
const MAX_ENDING = 5

/** True when `rest` is an inflection ending of `lang` ("" included). */
export function isInflectionEnding(rest: string, lang: Lang): boolean {
  return lang === 'fi' ? isFinnishEnding(rest) : ENDINGS[lang].has(rest)
}

/** Shortest stem we trust when matching by stem or ending. */
export function minStemLength(lang: Lang): number {
  return lang === 'fi' ? 4 : 3
}

/**
 * The Snowball stem of a word when it only strips inflection, else null. Snowball also strips derivational
 * suffixes ("conscription" → "conscript", "hazing" → "haze", Danish "værnepligt" → "værnep"), which would
 * merge different concepts; we keep a stem only when the word is the stem plus an inflection ending, or
 * the stem just swaps a final y for i ("army" → "armi"). Russian stems are always kept.
 */
export function inflectionStem(word: string, lang: Lang): string | null {
  const stem = stemWord(word, lang)
  if (stem.length < minStemLength(lang) || stem === word) return null
  if (lang === 'ru') return stem
  if (word.startsWith(stem)) return isInflectionEnding(word.slice(stem.length), lang) ? stem : null
  const head = stem.slice(0, -1)
  return stem.endsWith('i') && word.startsWith(head) && word[head.length] === 'y' && isInflectionEnding(word.slice(stem.length), lang)
    ? stem
    : null
}

/**
 * Keys a glossary word matches by: its folded form, (Finnish) its oblique stems, and its inflection stem
 * only where the text side cannot reach it by cutting an ending: Russian, and y → i ("army" ~ "armies").
 * Cutting an ending off the glossary word itself would over-match (French "appelé" folds to "appele", and
 * "appel" is another word), so elsewhere the text word is cut instead (see `textWordKeys`).
 */
export function termWordKeys(word: string, lang: Lang): string[] {
  const keys = new Set<string>([word])
  const stem = inflectionStem(word, lang)
  if (stem && (lang === 'ru' || !word.startsWith(stem))) keys.add(stem)
  if (lang === 'fi') for (const s of finnishObliqueStems(word)) keys.add(s)
  if (lang === 'en') for (const k of [...keys]) keys.add(englishSpellingKey(k))
  return [...keys]
}

const textKeyCache = new Map<Lang, Map<string, string[]>>()
const looseKeyCache = new Map<Lang, Map<string, string[]>>()

/** Memoises a per-language word function (texts repeat their words; the cache is bounded). */
function memo(caches: Map<Lang, Map<string, string[]>>, word: string, lang: Lang, fn: () => string[]): string[] {
  let cache = caches.get(lang)
  if (!cache) caches.set(lang, (cache = new Map()))
  let v = cache.get(word)
  if (v === undefined) {
    if (cache.size > 100_000) cache.clear()
    cache.set(word, (v = fn()))
  }
  return v
}

/** Keys a text word offers: its folded form, its inflection stem and every "word minus an inflection ending". */
export function textWordKeys(word: string, lang: Lang): string[] {
  return memo(textKeyCache, word, lang, () => computeTextWordKeys(word, lang))
}

/**
 * Russian case endings as romanised. Transliterated words keep them in every language ("prizyvnikov",
 * "dedovshchiny"), so transliteration terms also match a word minus one of these, under a separate key space.
 */
const RU_LATIN_ENDINGS = (
  'a u y i e o om em ov ev ey ej ei am ami iami yami akh ah ax ach iakh yakh oy oj oi ye yj yy iy ij ii aya aja aia ' +
  'ogo oye oje ykh ikh ym im ymi imi ju yu iu ja ya ia uiu'
).split(' ')
const RU_TERM_FINALS = ['a', 'ia', 'ya', 'ja', 'o', 'e', 'y', 'i', 'yy', 'iy', 'ij', 'yj', 'ii', 'yi']
/** Prefix of the key space of acronyms, which only match words written in capitals (never occurs in folded text). */
export const ACRONYM_KEY = '\u0002'
/** Prefix of the key space of transliteration stems (never occurs in folded text). */
export const TRANSLIT_KEY = '\u0001'

/** Extra keys of a word of a transliteration term: the word and its stem without a Russian ending. */
export function translitTermWordKeys(word: string): string[] {
  const keys = [TRANSLIT_KEY + word]
  for (const e of RU_TERM_FINALS) if (word.endsWith(e) && word.length - e.length >= 4) keys.push(TRANSLIT_KEY + word.slice(0, -e.length))
  return keys
}

function computeTextWordKeys(word: string, lang: Lang): string[] {
  const keys = new Set<string>([word])
  const min = minStemLength(lang)
  if (lang !== 'ru') {
    keys.add(TRANSLIT_KEY + word)
    for (const e of RU_LATIN_ENDINGS) if (word.endsWith(e) && word.length - e.length >= 4) keys.add(TRANSLIT_KEY + word.slice(0, -e.length))
  }
  const stem = inflectionStem(word, lang)
  if (stem) keys.add(stem)
  if (lang === 'fi') {
    for (const s of finnishSplits(word)) keys.add(s)
  } else {
    const endings = ENDINGS[lang]
    for (let k = 1; k <= Math.min(MAX_ENDING, word.length - min); k++) {
      if (endings.has(word.slice(word.length - k))) keys.add(word.slice(0, word.length - k))
    }
  }
  // British and American spellings meet on one key ("mobilisations" → "mobilization"); translit keys are left alone.
  if (lang === 'en') for (const k of [...keys]) if (k.charCodeAt(0) > 2) keys.add(englishSpellingKey(k))
  return [...keys]
}

/** Loose key of a glossary modifier word: its stem, if long enough to be matched by prefix. */
export function termWordLooseKeys(word: string, lang: Lang): string[] {
  const stem = stemWord(word, lang)
  return stem.length >= 4 ? [stem] : []
}

/**
 * Loose keys of a text word: its stem cut by 1..maxExtra letters, so that a glossary modifier "civil"
 * matches "civilian" (derivation, not inflection); used only for words that are not a phrase's last.
 */
export function textWordLooseKeys(word: string, lang: Lang, maxExtra = 4): string[] {
  return maxExtra === 4 ? memo(looseKeyCache, word, lang, () => computeLooseKeys(word, lang, 4)) : computeLooseKeys(word, lang, maxExtra)
}

function computeLooseKeys(word: string, lang: Lang, maxExtra: number): string[] {
  const stem = stemWord(word, lang)
  const out: string[] = []
  for (let k = 1; k <= maxExtra && stem.length - k >= 4; k++) out.push(stem.slice(0, stem.length - k))
  return out
}
