// Abbreviations and the long forms reports define for them, for new-term discovery (newTerms.ts): what has the shape
// of an abbreviation, Schwartz & Hearst's (2003) long-form search, the capitalised name before an abbreviation of
// another language's words, and a long form cleaned into a term.

/** Roman numerals, units and file words that look like abbreviations but are not terms. */
const NOT_ABBREVIATION = /^(?:[IVXLCDM]+|KM|KG|USD|EUR|RUB|NOK|DKK|SEK|PDF|URL|HTTP|HTTPS|WWW|HTML)$/

/**
 * True for an abbreviation: 2–10 characters, a capital first and at least two capitals, at most two small letters and
 * never two in a row (SCP, SOCh, MoD, ToR, ВУС, N53-FZ); a plural "s" aside (NGOs).
 */
export function isAbbreviation(word: string): boolean {
  const w = singular(word)
  if (w.length < 2 || w.length > 10 || !/^\p{Lu}/u.test(w) || NOT_ABBREVIATION.test(w)) return false
  if (!/^[\p{L}\d&-]+$/u.test(w) || /\p{Ll}{2}/u.test(w)) return false
  return (w.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && (w.match(/\p{Ll}/gu)?.length ?? 0) <= 2
}

/** An abbreviation without its plural "s" (NGOs → NGO). */
export const singular = (w: string) => (/^\p{Lu}{2,}s$/u.test(w) ? w.slice(0, -1) : w)

/**
 * Schwartz & Hearst (2003), findBestLongForm: the shortest end of `words` (the text before the bracket) whose
 * letters spell `short` in order, the first letter starting a word. Null when there is none.
 */
export function bestLongForm(short: string, words: string): string | null {
  const sf = short.toLowerCase()
  const lf = words.toLowerCase()
  let s = sf.length - 1
  let l = lf.length - 1
  const alnum = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c)
  while (s >= 0) {
    const c = sf[s]
    if (!alnum(c)) {
      s--
      continue
    }
    while (l >= 0 && (lf[l] !== c || (s === 0 && l > 0 && alnum(lf[l - 1])))) l--
    if (l < 0) return null
    l--
    s--
  }
  const from = lf.lastIndexOf(' ', l) + 1
  const long = words.slice(from).trim()
  return long.length > short.length && long.split(/\s+/).length >= 2 ? long : null
}

/** The run of capitalised words (small connecting words allowed inside) that ends `words`: a name, or ''. */
export function capitalisedName(words: string, maxWords: number): string {
  const parts = words.trim().split(/\s+/)
  let i = parts.length
  let capitals = 0
  while (i > 0 && parts.length - i < maxWords) {
    const w = parts[i - 1]
    if (/^\p{Lu}/u.test(w)) capitals++
    else if (!/^(?:of|for|and|the|de|du|des|la|le|et|og|av|af|ja)$/.test(w) || i === parts.length) break
    i--
  }
  while (i < parts.length && !/^\p{Lu}/u.test(parts[i])) i++
  return capitals >= 2 ? parts.slice(i).join(' ') : ''
}

/** Articles a long form does not start with ("the", "l'", "la" …). */
const LEADING_ARTICLE = /^(?:(?:the|a|an|la|le|les|den|det|de|en|et)\s+|l['‘’]\s*)(?=\S)/i

/** A long form as a term: no article before it, no quotes or brackets in it; '' when it is not a clean phrase. */
export function cleanLongForm(long: string | null): string {
  if (!long) return ''
  const t = long.replace(/^[\s"“”«»'‘’,;:–-]+|[\s"“”«»'‘’,;:–-]+$/g, '').replace(LEADING_ARTICLE, '')
  return /^[\p{L}][\p{L}\p{M}\d '’‐-]*$/u.test(t) && t.split(/\s+/).length >= 2 ? t : ''
}
