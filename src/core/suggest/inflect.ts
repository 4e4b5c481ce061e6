// Rule-based inflection for one-click fixes: the preferred term takes the inflection of the surface it replaces.
//
// A fallback, not a morphological analyser: Finnish singular cases (with consonant gradation and vowel
// harmony) and a plural approximation, Nordic definite and plural suffixes, English and French plurals, and
// the replaced surface's capitalisation. When nothing is recognised, the preferred term is used as written.
import type { Lang } from '../model'
import { finnishObliqueStems, isFinnishEnding, isInflectionEnding } from '../matcher'

const lastWord = (s: string) => /[\p{L}\p{M}-]+$/u.exec(s.trim())?.[0] ?? ''
const lower = (s: string) => s.toLowerCase()

/** Finnish cases by their back-vowel ending (front-vowel forms map to the same case). */
const FI_CASES: Record<string, string> = {
  n: 'gen', ssa: 'ine', sta: 'ela', lla: 'ade', lta: 'abl', lle: 'all', ksi: 'tra', na: 'ess', tta: 'abe', t: 'pl',
  a: 'par', ta: 'par',
}
const FI_ENDING: Record<string, string> = { gen: 'n', ine: 'ssa', ela: 'sta', ade: 'lla', abl: 'lta', all: 'lle', tra: 'ksi', ess: 'na', abe: 'tta', pl: 't' }
const GRADATION: Array<[string, string]> = [
  ['tt', 't'], ['kk', 'k'], ['pp', 'p'], ['nt', 'nn'], ['nk', 'ng'], ['mp', 'mm'], ['lt', 'll'], ['rt', 'rr'], ['ht', 'hd'],
]

/** True when a Finnish word takes back-vowel endings (decided by its last component: its last six letters). */
function backVowels(word: string): boolean {
  const tail = lower(word).slice(-6)
  if (/[aou]/.test(tail)) return true
  if (/[äöy]/.test(tail)) return false
  return /[aou]/.test(lower(word))
}

const harmonise = (ending: string, back: boolean) => (back ? ending : ending.replace(/a/g, 'ä').replace(/o/g, 'ö').replace(/u/g, 'y'))
const deharmonise = (ending: string) => ending.replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/y/g, 'u')

/** The Finnish case of `surface` read as an inflected form of `base`, or null. */
function finnishCase(surface: string, base: string): { case: string; plural: boolean } | null {
  const s = lower(surface)
  const stems = finnishObliqueStems(lower(base)).sort((x, y) => y.length - x.length)
  for (const stem of stems) {
    if (!s.startsWith(stem)) continue
    const rest = deharmonise(s.slice(stem.length))
    if (!isFinnishEnding(rest)) continue
    if (rest === '') return stem === lower(base) ? { case: 'nom', plural: false } : null
    // An oblique plural stem ("sotilai-", from "sotilas"): sotilaiden, sotilaita, sotilaissa.
    if (stem.endsWith('i') && !lower(base).endsWith('i')) {
      const pc = /^(den|tten|en)$/.test(rest) ? 'gen' : /^(ta|a)$/.test(rest) ? 'par' : rest === 'hin' ? 'ill' : FI_CASES[rest]
      if (pc) return { case: pc, plural: true }
    }
    if (/^(i|ei|oi)/.test(rest) && rest.length > 1 && FI_CASES[rest.replace(/^(e|o)?i/, '')] && rest !== 'ina') {
      return { case: FI_CASES[rest.replace(/^(e|o)?i/, '')], plural: true }
    }
    if (/^[aeiouäöy]n$/.test(rest) || /^(seen|hin|hen|hon|han)$/.test(rest)) return { case: 'ill', plural: false }
    const c = FI_CASES[rest]
    if (c) return { case: c, plural: false }
  }
  return null
}

/** The weak-grade vowel stem of a Finnish dictionary form (the stem of the genitive, inessive, …). */
function finnishWeakStem(w: string): string {
  if (w.endsWith('nen')) return w.slice(0, -3) + 'se'
  if (/(uu|yy)s$/.test(w)) return w.slice(0, -1) + 'de'
  if (/[uyoö]s$/.test(w)) return w.slice(0, -1) + 'kse'
  if (/[aä]s$/.test(w)) return w.slice(0, -1) + w[w.length - 2]
  if (/[eiouyäöa]$/.test(w)) {
    const head = w.slice(0, -1)
    for (const [strong, weak] of GRADATION) if (head.endsWith(strong)) return head.slice(0, -strong.length) + weak + w.slice(-1)
    return w
  }
  return w + 'i' // a foreign word ending in a consonant: "Voenkomat" → "Voenkomati-"
}

/** A Finnish dictionary form put in a case (singular, or an approximate plural). */
function inflectFinnish(word: string, c: { case: string; plural: boolean }): string {
  const back = backVowels(word)
  const w = word
  if (c.case === 'nom') return w
  const weak = finnishWeakStem(w)
  const strong = /[eiouyäöa]$/.test(w) && !/(nen|s)$/.test(w) ? w : /[^aeiouyäö]$/.test(w) && !/(nen|s)$/.test(w) ? w + 'i' : null
  if (c.plural) {
    const v = weak.slice(-1)
    const pstem = v === 'i' ? weak.slice(0, -1) + 'ei' : v === 'e' ? weak.slice(0, -1) + 'i' : /[aä]/.test(v) ? weak.slice(0, -1) + 'i' : weak + 'i'
    if (c.case === 'pl') return weak + 't'
    const pe = c.case === 'gen' ? 'den' : c.case === 'par' ? 'ta' : c.case === 'ill' ? 'hin' : FI_ENDING[c.case]
    return pstem + harmonise(pe ?? 'n', back)
  }
  if (c.case === 'par') {
    if (w.endsWith('nen')) return w.slice(0, -3) + harmonise('sta', back)
    if (/(uu|yy)s$/.test(w)) return w.slice(0, -1) + harmonise('tta', back)
    if (/s$/.test(w)) return w + harmonise('ta', back)
    return (strong ?? w) + harmonise('a', back)
  }
  if (c.case === 'ill') {
    if (/(uu|yy)s$/.test(w)) return w.slice(0, -1) + harmonise('teen', back)
    if (/s$/.test(w)) return weak + weak.slice(-1) + 'n'
    const st = strong ?? weak
    return st + st.slice(-1) + 'n'
  }
  if (c.case === 'ess') return (strong ?? weak) + harmonise('na', back)
  return weak + harmonise(FI_ENDING[c.case], back)
}

/** The Nordic/English/French suffix of `surface` over `base` (its last words), when it is an inflection ending. */
function suffixOver(surface: string, base: string, lang: Lang): string | null {
  const s = lower(surface)
  const b = lower(base)
  if (s === b) return ''
  if (s.startsWith(b) && isInflectionEnding(s.slice(b.length), lang)) return s.slice(b.length)
  // e-final bases drop their e before a vowel ending ("runde" → "runden", "tjeneste" → "tjenesten" keep it).
  if (b.endsWith('e') && s.startsWith(b.slice(0, -1)) && isInflectionEnding(s.slice(b.length - 1), lang)) return s.slice(b.length - 1)
  return null
}

function appendNordic(word: string, suffix: string): string {
  if (!suffix) return word
  if (word.endsWith('e') && suffix.startsWith('e')) return word + suffix.slice(1)
  return word + suffix
}

const FR_STOP = new Set(['de', 'du', 'des', 'd', 'à', 'au', 'aux', 'sous', 'en', 'pour', 'sur', 'contre'])

function pluralFr(word: string): string {
  if (/[sxz]$/i.test(word)) return word
  if (/al$/i.test(word)) return word.slice(0, -2) + 'aux'
  if (/(eau|eu|au)$/i.test(word)) return word + 'x'
  return word + 's'
}

function pluralEn(word: string): string {
  if (/(s|x|z|ch|sh)$/i.test(word)) return word + 'es'
  if (/[^aeiou]y$/i.test(word)) return word.slice(0, -1) + 'ies'
  return word + 's'
}

/** Plural of a French phrase: the words before the first preposition ("commissariats militaires", "bureaux de recrutement"). */
function pluralPhraseFr(phrase: string): string {
  const parts = phrase.split(/(\s+|')/)
  let done = false
  return parts
    .map((p) => {
      if (done || /^\s+$|^'$/.test(p) || !p) return p
      if (FR_STOP.has(lower(p))) {
        done = true
        return p
      }
      return pluralFr(p)
    })
    .join('')
}

/** Plural of an English phrase: the last word, or the word before "of" ("registers of summonses"). */
function pluralPhraseEn(phrase: string): string {
  const m = /^(.*?)(\S+)(\s+of\s+.*)$/i.exec(phrase)
  if (m) return m[1] + pluralEn(m[2]) + m[3]
  return phrase.replace(/(\S+)$/, (w) => pluralEn(w))
}

/** Gives `text` the capitalisation of `surface`: all capitals, or a capital first letter. */
export function matchCase(text: string, surface: string): string {
  if (surface.length > 1 && surface === surface.toUpperCase() && surface !== surface.toLowerCase() && /\s/.test(text) === false) return text.toUpperCase()
  const first = surface.trim()[0]
  if (first && first !== first.toLowerCase() && text[0] === text[0].toLowerCase()) return text[0].toUpperCase() + text.slice(1)
  return text
}

/**
 * The `preferred` term inflected like `surface`, an occurrence of the glossary term `matched` (its
 * dictionary form) in a text of `lang`: "sotilaskomissariaatissa" (matched "sotilaskomissariaatti") makes
 * a preferred "puolustusministeriö" into "puolustusministeriössä"; "militærkontoret" (matched "militærkontor")
 * makes "militærkommissariat" into "militærkommissariatet"; "draft boards" makes "military commissariats".
 * The surface's capitalisation is kept.
 */
export function inflectLike(preferred: string, surface: string, matched: string, lang: Lang): string {
  const sw = lastWord(surface)
  const mw = lastWord(matched)
  let out = preferred
  if (lang === 'fi') {
    const c = finnishCase(sw, mw)
    if (c && (c.case !== 'nom' || c.plural)) out = preferred.replace(/([\p{L}\p{M}-]+)$/u, (w) => inflectFinnish(w, c))
  } else if (lang === 'nb' || lang === 'da' || lang === 'sv') {
    const suffix = suffixOver(sw, mw, lang)
    if (suffix) out = preferred.replace(/([\p{L}\p{M}-]+)$/u, (w) => appendNordic(w, suffix))
  } else if (lang === 'en' || lang === 'fr') {
    const plural = (w: string) => /[sx]$/i.test(w)
    const surfaceWords = surface.trim().split(/\s+/)
    const matchedWords = matched.trim().split(/\s+/)
    const sPlural = surfaceWords.some((w, i) => plural(w) && !plural(matchedWords[i] ?? ''))
    if (sPlural) out = lang === 'fr' ? pluralPhraseFr(preferred) : pluralPhraseEn(preferred)
  }
  return matchCase(out, surface)
}
