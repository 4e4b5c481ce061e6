// Finds proper names and cognates in a passage and keys them by transliteration-tolerant search keys.
import type { Lang } from '../model'
import { searchKeyWord } from '../text/searchKey'
import { isStopword } from './stopwords'

/** Kinds of lexical feature: a capitalised name, two or three names in a row, a long word's cognate stem. */
export type LexicalKind = 'name' | 'phrase' | 'cognate'

/** A name or cognate mention: `e:<key>` (name), `e2:<key key>` (multi-word name), `g:<prefix>` (cognate). */
export interface LexicalMention {
  kind: LexicalKind
  key: string
  start: number
  end: number
  surface: string
}

/** Options of `extractNames`. */
export interface NameOptions {
  /** Characters of the search key kept as a cognate stem (default 5). */
  cognatePrefix?: number
  /** Shortest word (in letters) that yields a cognate stem (default 6). */
  cognateMinLength?: number
  /** Also key long words by their consonant skeleton (`k:`), which survives vowel changes ("répétés" ~ "repeated"); default true. */
  skeleton?: boolean
}

/** First letter plus the following consonants of a search key, c/q→k and z→s, repeats collapsed, 4 characters. */
export function consonantSkeleton(key: string): string {
  const body = key.slice(1).replace(/[aeiouy]/g, '').replace(/[cq]/g, 'k').replace(/z/g, 's')
  return (key[0] + body).replace(/(.)\1+/g, '$1').slice(0, 4)
}

const WORD_RE = /[\p{L}\p{M}]+/gu
const SENTENCE_END = /[.!?:;•·\-–—([«"“]\s*$|^\s*$/

const keyCache = new Map<string, string[]>()

/** Search keys of a word; in French text, "ch" is also read the English way (names copied from English sources). */
function keysOf(word: string, lang: Lang | 'und'): string[] {
  const french = lang === 'fr' && /ch/i.test(word)
  const id = (french ? 'fr\u0000' : '') + word
  const hit = keyCache.get(id)
  if (hit) return hit
  const base = searchKeyWord(word)
  const keys = !french ? (base ? [base] : []) : [...new Set([base, searchKeyWord(word, { lang: 'fr' })].filter(Boolean))]
  if (keyCache.size > 200_000) keyCache.clear()
  keyCache.set(id, keys)
  return keys
}

const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase()
/** All capitals ("FSB", "EUAA"), or mostly capitals with a lower-case letter ("MoD"). */
function isAcronym(w: string): boolean {
  if (w.length < 2 || w.length > 8 || !isUpper(w[0])) return false
  const upper = [...w].filter(isUpper).length
  return upper >= 2 && upper >= w.length - upper
}

/**
 * Names and cognates of `text` in language `lang`:
 * - a capitalised word (Latin or Cyrillic) that does not start a sentence, or an acronym, is a name, keyed by
 *   its search key, so "Sjojgu" ~ "Shoigu", "Vojenkomat" ~ "Voenkomat", "Новая" ~ "Novaja" ~ "Novaya";
 * - names in a row also give a phrase key ("Novaja Gazeta" ~ "Novaya Gazeta");
 * - every word of at least `cognateMinLength` letters that is no stop word gives a cognate key, the first
 *   `cognatePrefix` characters of its search key ("mobilisation" ~ "mobilization" ~ "mobilisering"), and words
 *   of 7 letters or more also their consonant skeleton ("répétés" ~ "repeated", "légitime" ~ "legitimate").
 */
export function extractNames(text: string, lang: Lang | 'und' = 'und', opts: NameOptions = {}): LexicalMention[] {
  const prefix = opts.cognatePrefix ?? 5
  const minLen = opts.cognateMinLength ?? 6
  const words = scanWords(text)
  // A capitalised word at a sentence start is a name only when a name follows it ("Huseyn Aliyev").
  for (let i = 0; i < words.length; i++) {
    const w = words[i]
    if (w.maybeName && !w.name && words[i + 1]?.name && words[i + 1].joined) w.name = true
  }
  const out: LexicalMention[] = []
  let run: Word[] = []
  const flush = () => {
    for (let n = 2; n <= 3; n++)
      for (let i = 0; i + n <= run.length; i++) {
        const parts = run.slice(i, i + n)
        const start = parts[0].start
        const end = parts[n - 1].end
        const key = parts.map((p) => p.keys[0]).join(' ')
        out.push({ kind: 'phrase', key: 'e2:' + key, start, end, surface: text.slice(start, end) })
      }
    run = []
  }
  for (const w of words) {
    if (!w.joined || !w.name) flush()
    if (w.name) {
      for (const k of w.keys) out.push({ kind: 'name', key: 'e:' + k, start: w.start, end: w.end, surface: w.text })
      if (w.keys.length) run.push(w)
    }
    if (!w.stop && !w.acronym && [...w.text].length >= minLen) {
      for (const k of w.keys) {
        if (k.length >= prefix) out.push({ kind: 'cognate', key: 'g:' + k.slice(0, prefix), start: w.start, end: w.end, surface: w.text })
        if (opts.skeleton !== false && w.text.length >= 7) {
          const sk = consonantSkeleton(k)
          if (sk.length === 4) out.push({ kind: 'cognate', key: 'k:' + sk, start: w.start, end: w.end, surface: w.text })
        }
      }
    }
  }
  flush()
  return out

  function scanWords(s: string): Word[] {
    const list: Word[] = []
    let lastEnd = 0
    for (const m of s.matchAll(WORD_RE)) {
      const word = m[0]
      const start = m.index!
      const gap = s.slice(lastEnd, start)
      lastEnd = start + word.length
      const stop = isStopword(word)
      const capital = isUpper(word[0])
      const initial = SENTENCE_END.test(s.slice(Math.max(0, start - 3), start))
      const acronym = isAcronym(word)
      const maybeName = !stop && capital && word.length >= 3
      list.push({
        text: word, start, end: start + word.length, stop, acronym, maybeName,
        name: acronym ? !(stop && word === word.toUpperCase()) : !stop && capital && !initial && word.length >= 3,
        joined: /^[\s'’"«»“”-]*$/.test(gap) && !/[.!?]/.test(gap),
        keys: keysOf(word, lang),
      })
    }
    return list
  }
}

interface Word {
  text: string
  start: number
  end: number
  stop: boolean
  acronym: boolean
  /** Capitalised, no stop word: a name unless it only starts a sentence. */
  maybeName: boolean
  name: boolean
  /** Only white space or quotes separate it from the word before. */
  joined: boolean
  keys: string[]
}
