// Decides whether two spellings are the same term up to inflection ("conscrits" ~ "conscrit", "sotilaskomissariaatissa" ~ "sotilaskomissariaatti").
import { buildMatcher, type Matcher } from '../matcher'
import type { Lang } from '../model'
import { phraseKey } from './ngrams'

const matchers = new Map<string, Matcher>()

/** A one-term matcher for `text` (cached; the cache is bounded). */
function matcherFor(text: string, lang: Lang): Matcher {
  const key = lang + '\u0000' + text
  let m = matchers.get(key)
  if (!m) {
    if (matchers.size > 2000) matchers.clear()
    const t0 = '1970-01-01T00:00:00.000Z'
    m = buildMatcher(
      {
        entries: [
          {
            concept: { id: 'x', definitions: {}, related: [], created: t0, modified: t0 },
            terms: [{ id: 'x', conceptId: 'x', lang, text, status: 'preferred', type: 'fullForm', sources: [], created: t0, modified: t0 }],
          },
        ],
      },
      { translitVariants: false, looseModifiers: false },
    )
    matchers.set(key, m)
  }
  return m
}

/** True when the glossary matcher finds `term` as the whole of `text` (inflected or not, not as a compound part). */
function wholeMatch(term: string, text: string, lang: Lang): boolean {
  const t = text.trim()
  return matcherFor(term, lang)
    .match(t, lang, { termLangs: [lang] })
    .some((h) => h.start === 0 && h.end === t.length && !h.compound)
}

/**
 * True when `a` and `b` name the same term in `lang`: equal after case folding, equal stemmed keys, or one
 * matched by the glossary matcher as an inflected form of the other (either direction).
 */
export function sameTerm(a: string, b: string, lang: Lang): boolean {
  const fa = a.trim().toLowerCase()
  const fb = b.trim().toLowerCase()
  if (!fa || !fb) return false
  if (fa === fb || phraseKey(a, lang) === phraseKey(b, lang)) return true
  return wholeMatch(a, b, lang) || wholeMatch(b, a, lang)
}

/** True when the glossary matcher finds `term` (inflected or not) anywhere in `text`. */
export function containsTerm(text: string, term: string, lang: Lang): boolean {
  return matcherFor(term.trim(), lang).match(text, lang, { termLangs: [lang] }).length > 0
}
