// Sentence splitting inside a passage: Intl.Segmenter's sentence breaks, minus those that fall
// after abbreviations, initials, dates and item numbers, with closing quotes kept on the left.
import type { Lang } from '../model'
import { abbreviationEnd } from './abbreviations'

const segmenters = new Map<string, Intl.Segmenter>()

function segmenter(lang: Lang | 'und'): Intl.Segmenter {
  const key = lang === 'und' ? 'en' : lang
  let s = segmenters.get(key)
  if (!s) {
    s = new Intl.Segmenter(key, { granularity: 'sentence' })
    segmenters.set(key, s)
  }
  return s
}

/** Starts of text that never open a sentence (a break before them is a mistake). */
const CLOSING = /^[»”’)\]]+/
const LOWER_OR_DIGIT = /^[\s"“«(]*[\p{Ll}\d]/u

/**
 * Splits `text` (a passage text, whitespace already collapsed) into sentences and returns their
 * [start, end) offsets into `text`, trimmed of surrounding spaces.
 */
export function splitSentences(text: string, lang: Lang | 'und'): Array<[number, number]> {
  const raw: Array<[number, number]> = []
  for (const seg of segmenter(lang).segment(text)) raw.push([seg.index, seg.index + seg.segment.length])
  const merged: Array<[number, number]> = []
  for (const cur of raw) {
    const prev = merged[merged.length - 1]
    if (prev) {
      const closing = CLOSING.exec(text.slice(cur[0], cur[1]))
      if (closing) {
        // "« Il a dit. » Source" – the closing guillemet belongs to the sentence before it.
        const cut = cur[0] + closing[0].length + (/^\s/.test(text.slice(cur[0] + closing[0].length)) ? 1 : 0)
        prev[1] = Math.min(cut, cur[1])
        if (cut >= cur[1]) continue
        cur[0] = cut
      }
      const left = text.slice(prev[0], prev[1])
      const right = text.slice(cur[0], cur[1])
      const end = abbreviationEnd(left, lang)
      if (end === 'never-final' || (end === 'maybe-final' && LOWER_OR_DIGIT.test(right)) || !/\p{L}|\d/u.test(left)) {
        prev[1] = cur[1]
        continue
      }
    }
    merged.push([cur[0], cur[1]])
  }
  const out: Array<[number, number]> = []
  for (const [a0, b0] of merged) {
    let a = a0
    let b = b0
    while (a < b && text.charCodeAt(a) === 32) a++
    while (b > a && text.charCodeAt(b - 1) === 32) b--
    if (b > a) out.push([a, b])
  }
  return out
}
