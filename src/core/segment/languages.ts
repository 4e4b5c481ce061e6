// Language of each passage: detected when the text says enough, otherwise borrowed from context
// (a heading from the passage it introduces, a short item from agreeing neighbours, else the document).
import { detectLang, preferNordic, scoreOf, voteLanguage, type LangGuess, type RawDetector } from '../langdetect'
import type { Lang } from '../model'
import type { Passage } from './types'

/**
 * Sets `lang` on every passage and returns the document language (`forced` when given);
 * `raw` swaps the n-gram scorer (eld by default), e.g. to compare libraries.
 * Body passages vote for the document language; footnotes do not, as they often quote sources
 * in other languages.
 */
export function assignLanguages(passages: Passage[], forced?: Lang, raw?: RawDetector): Lang | 'und' {
  const own: LangGuess[] = passages.map((p) => detectLang(p.text, { raw }))
  const docLang = forced ?? documentLanguage(passages, own)
  const guesses = own.map((g) => preferNordic(g, docLang))
  const reliable = (i: number) => i >= 0 && i < passages.length && guesses[i].reliable && guesses[i].lang !== 'und'
  const body = (i: number) => passages[i].kind !== 'footnote'
  const nextBody = (i: number): number => {
    for (let j = i + 1; j < passages.length; j++) if (body(j)) return j
    return -1
  }
  /** The nearest reliable body passage in direction `dir`, within a few passages. */
  const neighbour = (i: number, dir: 1 | -1): Lang | null => {
    for (let j = i + dir, n = 0; j >= 0 && j < passages.length && n < 4; j += dir) {
      if (!body(j)) continue
      n++
      if (reliable(j)) return guesses[j].lang as Lang
    }
    return null
  }
  for (let i = 0; i < passages.length; i++) {
    const p = passages[i]
    const g = guesses[i]
    if (reliable(i)) p.lang = g.lang
    else if (docLang === 'und') p.lang = g.lang
    else if (p.kind === 'heading') {
      // A short heading speaks the language of the passage it introduces ("Questions" before an
      // English list) when its own scores allow it.
      const next = nextBody(i)
      const lang = next >= 0 && reliable(next) ? (guesses[next].lang as Lang) : null
      const top = g.scores[0]?.[1] ?? 0
      p.lang = lang && (g.lang === lang || scoreOf(g.scores, lang) >= top * 0.85) ? lang : docLang
    } else if (g.lang === docLang || p.kind === 'footnote') p.lang = docLang
    else {
      // A short passage keeps its own guess only when the passages around it confirm it.
      const next = neighbour(i, 1)
      p.lang = g.lang !== 'und' && next === g.lang && neighbour(i, -1) === g.lang ? g.lang : docLang
    }
  }
  return docLang
}

/**
 * The document language: what its body says, the first half counting four times as much as the
 * second. Reports quote long sources in other languages towards their end (003 is French with
 * English source excerpts filling its last two thirds); footnotes, often citations, do not vote.
 */
function documentLanguage(passages: Passage[], guesses: LangGuess[]): Lang | 'und' {
  const end = passages.length ? passages[passages.length - 1].end : 0
  const votes = passages.flatMap((p, i) =>
    p.kind !== 'footnote' && p.text.length > 60 ? [{ guess: guesses[i], weight: Math.min(p.text.length, 2000) * (p.start < end / 2 ? 4 : 1) }] : [],
  )
  return voteLanguage(votes) ?? voteLanguage(guesses.map((guess) => ({ guess, weight: 1 }))) ?? 'und'
}
