// A deliberately naive baseline for benchmarks: one case-insensitive regular expression per term, no folding or stemming.
import type { Glossary, Lang } from '../../src/core/model'

/** A hit of the naive baseline (offsets into the text). */
export interface NaiveHit {
  conceptId: string
  termId: string
  lang: Lang
  start: number
  end: number
  surface: string
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Finds every term of every language as a whole word, case-insensitively, by one regex per term. */
export function naiveRegexMatch(glossary: Glossary, text: string): NaiveHit[] {
  const hits: NaiveHit[] = []
  for (const entry of glossary.entries) {
    for (const t of entry.terms) {
      const body = escapeRe(t.text.trim()).replace(/\s+/g, '\\s+')
      if (!body) continue
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu')
      for (const m of text.matchAll(re)) {
        hits.push({ conceptId: entry.concept.id, termId: t.id, lang: t.lang, start: m.index, end: m.index + m[0].length, surface: m[0] })
      }
    }
  }
  return hits.sort((a, b) => a.start - b.start || b.end - a.end)
}
