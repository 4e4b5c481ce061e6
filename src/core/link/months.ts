// Month names of fi, nb, da, sv, fr and en (and their inflected and abbreviated forms), so dates compare across languages.

/** Full and abbreviated month names, folded (lower case, no diacritics), per month 1..12. Finnish is handled apart. */
const NAMES: readonly (readonly string[])[] = [
  ['january', 'jan', 'janvier', 'janv', 'januar', 'januari'],
  ['february', 'feb', 'febr', 'fevrier', 'fevr', 'fev', 'februar', 'februari'],
  ['march', 'mar', 'mars', 'marts'],
  ['april', 'apr', 'avril', 'avr'],
  ['may', 'mai', 'maj'],
  ['june', 'jun', 'juin', 'juni'],
  ['july', 'jul', 'juillet', 'juil', 'juli'],
  ['august', 'aug', 'aout', 'augusti'],
  ['september', 'sep', 'sept', 'septembre'],
  ['october', 'oct', 'octobre', 'oktober', 'okt'],
  ['november', 'nov', 'novembre'],
  ['december', 'dec', 'decembre', 'desember', 'des'],
]

/** Finnish month stems ("joulu" + "kuu" + case ending: joulukuuta, joulukuussa, joulukuun …), folded. */
const FINNISH: readonly string[] = [
  'tammi', 'helmi', 'maalis', 'huhti', 'touko', 'kesa', 'heina', 'elo', 'syys', 'loka', 'marras', 'joulu',
]
const FINNISH_ENDINGS = new Set(['', 'ta', 'ssa', 'n', 'lta', 'hun', 'sta', 'lla', 'ksi', 'na'])

const LOOKUP = new Map<string, number>()
NAMES.forEach((forms, i) => forms.forEach((f) => LOOKUP.set(f, i + 1)))

/** Month names that are also common words ("may", "des"): lower-case and bare, they need a day to count. */
const AMBIGUOUS = new Set(['may', 'mar', 'march', 'des', 'jan', 'sep', 'dec'])

/** Folds one word for month look-up: lower case, diacritics stripped, a trailing dot dropped. */
function foldWord(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\.$/, '')
}

/**
 * The month (1..12) a word names in any of the six languages, or 0. Finnish inflected forms count
 * ("joulukuuta", "maaliskuussa", "kesäkuun"); English/Nordic genitive -s is accepted ("Decembers").
 */
export function monthOf(word: string): number {
  const w = foldWord(word)
  const direct = LOOKUP.get(w)
  if (direct) return direct
  const k = w.indexOf('kuu')
  if (k > 0) {
    const stem = w.slice(0, k)
    const i = FINNISH.indexOf(stem)
    if (i >= 0 && FINNISH_ENDINGS.has(w.slice(k + 3))) return i + 1
  }
  if (w.length > 4 && w.endsWith('s')) {
    const g = LOOKUP.get(w.slice(0, -1))
    if (g) return g
  }
  return 0
}

/** True when the word is a month name that is also a common word, so it needs a number next to it to count. */
export function isAmbiguousMonth(word: string): boolean {
  return AMBIGUOUS.has(foldWord(word))
}
