// Cross-lingual string similarity of a candidate to a concept's known terms in other languages: ranking evidence for co-occurrence candidates.
//
// Many terms of this domain look alike across languages: loanwords and internationalisms ("mobilisation",
// "mobilisering", "mobilisaatio"), Russian realia in several romanisations ("Voenkomat", "Vojenkomat",
// "voïenkomat"; "dedovshchina", "dedovsjtsjina", "dedovchtchina"), acronyms ("SOCh", "SVO") and shared Latin
// roots ("régions annexées" / "annexed regions"). Each word is respelled to a coarse Latin skeleton (Cyrillic
// romanised, confusables and diacritics folded, sh/sch/ch/sj/š → one letter, c/k/q, w/v, z/s, y/j/i and
// doubled letters merged), and two phrases are compared by the Dice coefficient of their multisets of
// character trigrams (content words only, padded at word edges), which ignores word order and finds
// compound parts ("sotilaskomissariaatti" ~ "commissariat").
//
// This is evidence the user already has: the terms the glossary holds for the concept in the *other*
// languages, never in the mined one.
import type { Glossary, Lang } from '../model'
import { foldConfusables, foldForSearch, transliterate } from '../text'
import { wordTokens } from './ngrams'
import type { MiningIndex } from './units'
import { isStopwordIn } from '../text/stopwords'

const CYRILLIC = /[\u0400-\u04ff]/

const RULES: Array<[RegExp, string]> = [
  [/ae/g, 'e'], [/t?sch|t?sh|t?sj|tch|ch|t?s'?c/g, 'S'], [/ph/g, 'f'], [/th/g, 't'], [/ck/g, 'k'], [/qu/g, 'k'], [/q/g, 'k'],
  [/c(?=[eiy])/g, 's'], [/c/g, 'k'], [/w/g, 'v'], [/x/g, 'ks'], [/z/g, 's'], [/[yj]/g, 'i'], [/-/g, ''], [/(.)\1+/g, '$1'],
]

const skelCache = new Map<string, string>()

/** The coarse Latin skeleton of one word (see the module header). */
export function crossSkeleton(word: string): string {
  let s = skelCache.get(word)
  if (s === undefined) {
    let w = foldConfusables(word)
    if (CYRILLIC.test(w)) w = transliterate(w, 'simpleEn')
    w = w.toLowerCase().replace(/š/g, 'sh').replace(/ž/g, 'zh')
    s = foldForSearch(w)
    for (const [re, to] of RULES) s = s.replace(re, to)
    if (skelCache.size > 100_000) skelCache.clear()
    skelCache.set(word, s)
  }
  return s
}

/** Character trigrams of the content words of a phrase, as counts (words padded with '#'). */
export type TrigramProfile = Map<string, number>

/** The trigram profile of `text` written in `lang` (function words of `lang` left out). */
export function trigramProfile(text: string, lang: Lang): TrigramProfile {
  const out: TrigramProfile = new Map()
  for (const t of wordTokens(text)) {
    if (isStopwordIn(t.text, lang) && !/^\p{Lu}+$/u.test(t.text)) continue
    const w = '#' + crossSkeleton(t.text) + '#'
    for (let i = 0; i + 3 <= w.length; i++) {
      const g = w.slice(i, i + 3)
      out.set(g, (out.get(g) ?? 0) + 1)
    }
  }
  return out
}

/** Trigram weights (e.g. `trigramWeights`); a trigram missing from the map weighs `fallback`. */
export interface TrigramWeights {
  weights: ReadonlyMap<string, number>
  fallback: number
}

/** Dice coefficient of two trigram multisets, in [0, 1]; with `w`, each trigram counts with its weight. */
export function profileDice(a: TrigramProfile, b: TrigramProfile, w?: TrigramWeights): number {
  const wt = (g: string) => (w ? (w.weights.get(g) ?? w.fallback) : 1)
  let na = 0
  let nb = 0
  let common = 0
  for (const [g, n] of a) na += n * wt(g)
  for (const [g, n] of b) {
    const x = wt(g)
    nb += n * x
    const m = a.get(g)
    if (m) common += Math.min(m, n) * x
  }
  return na + nb > 0 ? (2 * common) / (na + nb) : 0
}

/**
 * Inverse document frequency of trigrams over a vocabulary (the words of the mined corpus): ln(1 + N / df).
 * Common endings ("ion", "on#", "er#") then weigh less than the rare stems that make two terms alike.
 */
export function trigramWeights(words: Iterable<string>): TrigramWeights {
  const df = new Map<string, number>()
  let n = 0
  for (const word of words) {
    n++
    const w = '#' + crossSkeleton(word) + '#'
    const seen = new Set<string>()
    for (let i = 0; i + 3 <= w.length; i++) seen.add(w.slice(i, i + 3))
    for (const g of seen) df.set(g, (df.get(g) ?? 0) + 1)
  }
  const weights = new Map<string, number>()
  for (const [g, d] of df) weights.set(g, Math.log(1 + n / d))
  return { weights, fallback: Math.log(1 + n) }
}

/** Cross-lingual similarity of two phrases in their languages (see the module header), in [0, 1]. */
export function crossSimilarity(a: string, langA: Lang, b: string, langB: Lang): number {
  return profileDice(trigramProfile(a, langA), trigramProfile(b, langB))
}

/** The profiles of a concept's terms in languages other than `lang` (Russian ones romanised), to compare candidates with. */
export function referenceProfiles(glossary: Glossary, lang: Lang): Map<string, TrigramProfile[]> {
  const out = new Map<string, TrigramProfile[]>()
  for (const e of glossary.entries) {
    const list: TrigramProfile[] = []
    for (const t of e.terms) if (t.lang !== lang) list.push(trigramProfile(t.text, t.lang))
    out.set(e.concept.id, list)
  }
  return out
}

/** The best similarity of a candidate profile to any of the reference profiles (0 when there are none). */
export function bestSimilarity(candidate: TrigramProfile, references: readonly TrigramProfile[], w?: TrigramWeights): number {
  let best = 0
  for (const r of references) best = Math.max(best, profileDice(candidate, r, w))
  return best
}

/**
 * The similarity evidence for mining `idx.lang` with `glossary`: reference profiles of every concept's terms
 * in the other languages, and trigram weights from the vocabulary of the L corpus (one surface per word key).
 */
export function similarityEvidence(glossary: Glossary, idx: MiningIndex): { references: Map<string, TrigramProfile[]>; weights: TrigramWeights } {
  const words: string[] = []
  for (const [key, forms] of idx.surfaces) {
    if (key.includes(' ')) continue
    let best = key
    let n = -1
    for (const [s, c] of forms) if (c > n) (best = s), (n = c)
    words.push(best)
  }
  return { references: referenceProfiles(glossary, idx.lang), weights: trigramWeights(words) }
}
