// Russian words a report writes in Latin letters ("povestka", "srochniki", "Vojenkomat"), told from the report's own
// words because a report also writes the same word in Cyrillic somewhere (a source's title, a quotation): a Latin
// word whose stem is the stem of a romanisation of a Cyrillic word of the reports, under any convention. Words of
// the passage's own language (Norwegian "kontrakt" is also a romanisation of "контракт") and people's names are left
// out. Pure, and linear in the length of the reports.
import type { Lang } from '../model'
import { isStopwordIn } from '../text/stopwords'
import { transliterationVariants } from '../text/translit'

/** Says whether a word belongs to a language's own vocabulary (a dictionary's headword), when a dictionary is at hand. */
export type WordCheck = (word: string, lang: Lang) => boolean

/** A Latin spelling of a Russian word found in a passage: its span, and the Cyrillic word it spells. */
export interface TranslitHit {
  start: number
  end: number
  latin: string
  cyrillic: string
}

/** Shortest stem compared: shorter words share stems by chance. */
const MIN_STEM = 5
// Russian case and number endings as romanised (longest first), and the short endings other languages add.
const ENDING = /(?:ykh|ikh|ami|yami|akh|yakh|ogo|ego|omu|emu|oye|aya|yaya|iye|yye|ij|iy|yj|yy|ei|ej|oj|oi|om|em|am|yam|ov|ev|ah|ax|ja|ya|ju|yu|en|er|et|es|a|e|i|o|u|y|s)$/
const CYRILLIC_WORD = /[\u0400-\u04ff]{5,}/gu
const LATIN_WORD = /\p{L}{5,}/gu
/** Endings of Russian surnames: a capitalised word ending so is a person, not a term. */
const SURNAME = /(?:ov|ev|yov|in|ova|eva|ina|sky|skiy|skii|ski|skaya|ska|enko|uk|yuk|ich|vich)$/

/** The stem a Latin spelling is compared by: lower case, no diacritics, one inflection ending off. */
export function translitStem(latin: string): string {
  const s = latin.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z]/g, '')
  const cut = s.replace(ENDING, '')
  return cut.length >= MIN_STEM ? cut : s
}

/**
 * Romanisation stems of the Cyrillic words of `texts`, each with the Cyrillic word it comes from: of several words
 * with one stem (the cases of one word), the most frequent, then the shortest, so that the proposed Russian term is
 * its most usual form, in small letters unless it is a name.
 */
export function cyrillicStems(texts: readonly string[]): Map<string, string> {
  const counts = new Map<string, number>()
  // A name keeps its capital ("Госуслуги"): a word never written small that is capitalised inside a sentence.
  const small = new Set<string>()
  const named = new Map<string, string>()
  for (const t of texts)
    for (const m of t.matchAll(CYRILLIC_WORD)) {
      const lower = m[0].toLowerCase()
      counts.set(lower, (counts.get(lower) ?? 0) + 1)
      if (m[0][0] === lower[0]) small.add(lower)
      else if (/[\p{L}\d,] $/u.test(t.slice(Math.max(0, m.index - 2), m.index))) named.set(lower, m[0])
    }
  const best = new Map<string, string>()
  const better = (a: string, b: string) => counts.get(a)! - counts.get(b)! || b.length - a.length
  for (const word of counts.keys())
    for (const v of transliterationVariants(word)) {
      const stem = translitStem(v.text)
      if (stem.length < MIN_STEM) continue
      const prev = best.get(stem)
      if (!prev || better(word, prev) > 0) best.set(stem, word)
    }
  return new Map([...best].map(([stem, word]) => [stem, (!small.has(word) && named.get(word)) || word]))
}

/**
 * The Latin words of `text` (written in `lang`) that spell a Cyrillic word of `stems`: not a function word, not a
 * word of `lang` itself (`isWord`), and not a person's name (a capitalised word with a Russian surname's ending, or
 * next to another capitalised word: "Sergey Krivenko", "Novaya Gazeta").
 */
export function transliteratedWords(text: string, lang: Lang, stems: ReadonlyMap<string, string>, isWord?: WordCheck): TranslitHit[] {
  const out: TranslitHit[] = []
  for (const m of text.matchAll(LATIN_WORD)) {
    const w = m[0]
    if (/[\u0400-\u04ff]/.test(w)) continue
    const cyr = stems.get(translitStem(w))
    if (!cyr) continue
    const lower = w.toLowerCase()
    if (isStopwordIn(lower, lang) || isWord?.(lower, lang)) continue
    if (/^\p{Lu}/u.test(w) && (SURNAME.test(lower) || nextToCapital(text, m.index, m.index + w.length))) continue
    out.push({ start: m.index, end: m.index + w.length, latin: w, cyrillic: cyr })
  }
  return out
}

/** True when a capitalised word stands right before or after [start, end), separated by a space only. */
function nextToCapital(text: string, start: number, end: number): boolean {
  return /\p{Lu}\p{Ll}+ $/u.test(text.slice(Math.max(0, start - 30), start)) || /^ \p{Lu}\p{Ll}/u.test(text.slice(end, end + 3))
}
