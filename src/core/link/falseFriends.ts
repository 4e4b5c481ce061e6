// Decides whether two words that share a cognate key really are cognates across languages: a curated list of
// false friends, and a length-aware similarity of the whole words, so that "aktuelle" ↔ "actually" is no evidence.
import type { Lang } from '../model'
import { stemWord } from '../matcher/stem'
import { damerauLevenshtein } from '../text/editDistance'
import { searchKeyWord } from '../text/searchKey'

/**
 * Known false friends between the workbench's languages and English (and French), as pairs of folded search-key
 * stems: a word starting with the first stem and a word starting with the second are never taken as cognates.
 * Sources: the classic Scandinavian/French–English false-friend lists of translator training, plus pairs seen in
 * the reports (Danish "aktuelle" ~ "actually", "statslige" ~ "statically").
 */
const FALSE_FRIENDS_WRITTEN: readonly (readonly [string, string])[] = [
  // Nordic and Finnish against English
  ['aktuel', 'actual'], ['aktuell', 'actual'], ['ajankohtai', 'actual'], ['eventuel', 'eventual'], ['eventuell', 'eventual'],
  ['statslig', 'static'], ['statlig', 'static'], ['sensibel', 'sensible'], ['konsekvent', 'consequent'],
  ['praeservativ', 'preservative'], ['novelle', 'novel'], ['gymnasi', 'gymnasium'], ['ordinaer', 'ordinary'],
  ['kompetent', 'competitive'], ['mening', 'meaning'], ['formular', 'formula'], ['kritik', 'critical'],
  ['fabrik', 'fabric'], ['kontrol', 'controvers'],
  // French against English
  ['actuel', 'actual'], ['actuellement', 'actually'], ['eventuel', 'eventually'], ['achever', 'achieve'],
  ['assister', 'assist'], ['attendre', 'attend'], ['blesser', 'bless'], ['librairie', 'library'],
  ['journee', 'journey'], ['delai', 'delay'], ['prevenir', 'prevent'], ['rester', 'rest'], ['monnaie', 'money'],
  ['resumer', 'resume'], ['sympathique', 'sympathetic'],
]

/** English derivational endings that turn a cognate stem into a word of another class ("actual" → "actually"). */
const ENGLISH_ADVERB = /(?:al|[^i]e|iv|en|an|ous|ar|ab|ib|ful|less|ed|ing|r|t)ly$/

/** Fold a word the way cognate keys are made (its search key: case, diacritics and spelling variants folded). */
function fold(word: string): string {
  return searchKeyWord(word)
}

const FALSE_FRIENDS = FALSE_FRIENDS_WRITTEN.filter(([a, b]) => a !== b).map(([a, b]) => [fold(a), fold(b)] as const)

/** Letters of the stem compared: past it, suffixes and compound parts differ by language. */
const STEM = 9

/** Spelling conventions that differ between the languages for one sound: c/k/q, z/s, ph/f, th/t. */
function spelling(key: string): string {
  return key.replace(/ph/g, 'f').replace(/th/g, 't').replace(/[cq]/g, 'k').replace(/z/g, 's')
}

/** True when the two folded words form a known false-friend pair, in either order. */
export function isFalseFriend(a: string, b: string): boolean {
  const x = fold(a)
  const y = fold(b)
  for (const [p, q] of FALSE_FRIENDS) {
    if ((x.startsWith(p) && y.startsWith(q)) || (x.startsWith(q) && y.startsWith(p))) return true
  }
  return false
}

/** Similarity of two folded words in [0, 1]: 1 − edit distance / length of the longer, over a common stem. */
export function cognateSimilarity(a: string, b: string): number {
  const x = spelling(fold(a))
  const y = spelling(fold(b))
  const n = Math.max(x.length, y.length)
  if (!n) return 0
  // Compare the shorter word with the start of the longer: compounds ("militærtjeneste" ~ "military") and
  // inflection endings ("mobilisering" ~ "mobilisation") differ by language after the shared stem.
  const cut = Math.min(x.length, y.length, STEM)
  const d = damerauLevenshtein(x.slice(0, cut), y.slice(0, cut), cut)
  return 1 - d / cut
}

/**
 * Whether a shared cognate key between word `a` (in one language) and word `b` (in another) is real evidence.
 * Refused: known false friends; an English adverb in -ly against a word that is not one (the stem's meaning moved);
 * words shorter than 5 letters; and words whose shared length is less than 65 % alike (edit distance over the
 * shorter word's length, against the start of the longer). Within one language (`sameLanguage` names it), a shared
 * key is evidence only for forms of one word (one Snowball stem starts the other's): "particular" ~ "participate"
 * is not.
 */
export function verifyCognate(a: string, b: string, sameLanguage: Lang | false = false): boolean {
  if (sameLanguage) {
    const [x, y] = [stemWord(a.toLowerCase(), sameLanguage), stemWord(b.toLowerCase(), sameLanguage)].sort((p, q) => p.length - q.length)
    return x.length >= 4 && y.startsWith(x)
  }
  const x = fold(a)
  const y = fold(b)
  if (isFalseFriend(x, y)) return false
  if (ENGLISH_ADVERB.test(a.toLowerCase()) !== ENGLISH_ADVERB.test(b.toLowerCase())) return false
  if (Math.min(x.length, y.length) < 5) return false
  return cognateSimilarity(x, y) >= 0.65
}
