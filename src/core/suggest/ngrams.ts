// Word n-grams (1–3 words) of a passage with offsets and inflection-tolerant keys: the units term candidates are mined from.
import type { Lang } from '../model'
import { isInflectionEnding, stemWord } from '../matcher'
import { foldForMatch } from '../text/normalize'
import { isStopwordIn } from '../text/stopwords'

/** A word of a text: letters with inner hyphens ("ID-kort", "joukko-osasto"); offsets are UTF-16 into the text. */
export interface WordToken {
  text: string
  start: number
  end: number
}

/** One n-gram occurrence: its key (stemmed, folded words) and its span in the text. */
export interface NgramOccurrence {
  key: string
  start: number
  end: number
  /** Number of content words (function words inside do not count). */
  n: number
}

const WORD_RE = /[\p{L}\p{M}]+(?:[-‐‑][\p{L}\p{M}]+)*/gu
const CYRILLIC = /[\u0400-\u04ff]/
/** What may stand between two words of one n-gram: a space, or an elided French article ("catégorie d'aptitude"). */
const JOIN = /^(?: |['’] ?)$/
/** Words that are never part of a term: markup and citation residue. */
const NOISE = new Set(['url', 'http', 'https', 'www', 'pdf', 'html', 'com', 'org', 'sup'])

/** The words of `text`, in order. */
export function wordTokens(text: string): WordToken[] {
  const out: WordToken[] = []
  for (const m of text.matchAll(WORD_RE)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length })
  return out
}

/** Lower case, NFC, typographic hyphens as '-'. */
export function foldWord(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(/[‐‑]/g, '-')
}

/**
 * Finnish Snowball stems of one word still differ between cases ("sopimussotilas" / "sopimussotil",
 * "asevelvollisuus" / "asevelvollisuud"); trimming the stem's last consonant run (and an -a/-ä before an
 * s) lets them meet. Keys only group surfaces, so a little over-merging costs nothing.
 */
function finnishKey(stem: string): string {
  if (stem.length < 7) return stem
  let k = stem.replace(/[aä]s$/, '').replace(/[sdtn]+$/, '')
  if (k.length < 6) k = stem
  return k
}

const keyCache = new Map<Lang, Map<string, string>>()

/** A word minus its longest inflection ending (plural, definite, case) that leaves at least four letters. */
function stripInflection(f: string, lang: Lang): string {
  for (let k = Math.min(5, f.length - 4); k >= 1; k--) if (isInflectionEnding(f.slice(f.length - k), lang)) return f.slice(0, f.length - k)
  return f
}

/**
 * The grouping key of one word: folded as the matcher folds `lang` (French and English lose their accents),
 * minus an inflection ending, so that "conscrits" ~ "conscrit" and "innkallingen" ~ "innkalling" while
 * derivations stay apart ("conscription" ≠ "conscript", "deserter" ≠ "desertion"). Finnish words take their
 * Snowball stem instead (case endings are too many to strip by list). Function words stay as they are.
 */
export function wordKey(word: string, lang: Lang): string {
  let cache = keyCache.get(lang)
  if (!cache) keyCache.set(lang, (cache = new Map()))
  let k = cache.get(word)
  if (k === undefined) {
    const lower = foldWord(word)
    if (isStopwordIn(lower, lang) || lower.length < 4) k = lower
    else {
      const f = foldForMatch(lower, lang)
      k = f
        .split('-')
        .map((p) => (p.length < 4 ? p : lang === 'fi' ? finnishKey(stemWord(p, lang)) : stripInflection(p, lang)))
        .join('-')
    }
    if (cache.size > 200_000) cache.clear()
    cache.set(word, k)
  }
  return k
}

/** The key of a phrase (a term or a candidate): its word keys joined by spaces. */
export function phraseKey(text: string, lang: Lang): string {
  return wordTokens(text).map((t) => wordKey(t.text, lang)).join(' ')
}

/** True when a word may open or close an n-gram in `lang`. */
export function isEdgeWord(word: string, lang: Lang): boolean {
  const f = foldWord(word)
  return f.length >= 2 && !isStopwordIn(f, lang) && !NOISE.has(f) && !CYRILLIC.test(f)
}

/**
 * Every n-gram of 1..`maxWords` content words of `text` in `lang`, function words inside allowed ("register
 * over innkallinger", "interdiction de sortie du territoire"): words joined only by a space (or a French
 * elision), no function word at either edge, no Cyrillic word, no markup residue. Offsets are into `text`.
 */
export function extractNgrams(text: string, lang: Lang, maxWords = 3): NgramOccurrence[] {
  const toks = wordTokens(text)
  const out: NgramOccurrence[] = []
  const keys = toks.map((t) => wordKey(t.text, lang))
  const edge = toks.map((t) => isEdgeWord(t.text, lang))
  const inner = toks.map((t) => !CYRILLIC.test(t.text) && !NOISE.has(foldWord(t.text)))
  for (let i = 0; i < toks.length; i++) {
    if (!edge[i]) continue
    let key = keys[i]
    let content = 1
    for (let j = i; j < toks.length && j - i < 2 * maxWords; j++) {
      if (j > i) {
        if (!inner[j] || !JOIN.test(text.slice(toks[j - 1].end, toks[j].start))) break
        if (edge[j] && ++content > maxWords) break
        key += ' ' + keys[j]
      }
      if (edge[j]) out.push({ key, start: toks[i].start, end: toks[j].end, n: content })
    }
  }
  return out
}
