// Glosses: the L phrase a report puts next to a foreign term in brackets, "Voenkomat (military commissariat)" or "absence without official leave (AWOL)".
import type { Lang } from '../model'
import { extractNgrams, type NgramOccurrence } from './ngrams'

/** Most words a gloss may have (longer brackets are explanations, not glosses). */
const MAX_GLOSS_WORDS = 8
const OPEN = /^\s*[(«"“‘'[]\s*/
const CLOSE: Record<string, string> = { '(': ')', '«': '»', '"': '"', '“': '”', '‘': '’', "'": "'", '[': ']' }

/**
 * N-grams of `text` that gloss the foreign term at [start, end): the whole bracketed phrase right after
 * it (and its n-grams that start where it starts), or the n-grams ending right before a bracket that holds
 * it. Offsets are into `text`.
 */
export function glossesOf(text: string, start: number, end: number, lang: Lang, maxWords = 3): NgramOccurrence[] {
  const out: NgramOccurrence[] = []
  // "Voenkomat (bureau de recrutement)", "Vernepliktige («Prizyvnik»)" read either way.
  const after = OPEN.exec(text.slice(end))
  if (after) {
    const open = after[0].trim()[0]
    const from = end + after[0].length
    const close = text.indexOf(CLOSE[open] ?? ')', from)
    if (close > from) {
      const inner = text.slice(from, close)
      if (inner.split(/\s+/).length <= MAX_GLOSS_WORDS)
        for (const g of extractNgrams(inner, lang, maxWords)) if (g.start <= 3) out.push({ ...g, start: from + g.start, end: from + g.end })
    }
  }
  // "absence without official leave (AWOL)": the hit sits in brackets; take what ends before them.
  const before = text.slice(0, start)
  const m = /[(«"“‘'[]\s*$/.exec(before)
  if (m) {
    const cut = m.index
    const closeAt = text.slice(end).search(/^\s*[)»"”’'\]]/)
    if (closeAt === 0) {
      const lead = before.slice(Math.max(0, cut - 120), cut)
      const offset = cut - lead.length
      for (const g of extractNgrams(lead, lang, maxWords)) if (lead.slice(g.end).trim() === '') out.push({ ...g, start: offset + g.start, end: offset + g.end })
    }
  }
  return out
}
