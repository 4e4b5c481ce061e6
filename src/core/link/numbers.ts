// Finds numbers, dates, years, percentages and ranges in a passage and writes each as a language-neutral key.
import { monthOf, isAmbiguousMonth } from './months'
import { adjacent, isPlainInteger, parseNumber, tokenize, type Token } from './tokens'

/** Kinds of numeric feature. */
export type NumericKind = 'date' | 'month' | 'year' | 'number' | 'percent' | 'range'

/**
 * A numeric mention with its key: `d:2025-12-30` (date), `m:2025-12` (month and year), `y:2025` (year),
 * `n:1199` (number), `p:65` (percentage), `r:18-30` (range).
 */
export interface NumericMention {
  kind: NumericKind
  key: string
  start: number
  end: number
  /** The text as written. */
  surface: string
}

const ORDINAL_SUFFIX = new Set(['er', 're', 'e', 'st', 'nd', 'rd', 'th'])
const PERCENT_WORDS = new Set(['percent', 'procent', 'prosent', 'prosenttia', 'prosentti', 'prosenttiin', 'pct'])
const RANGE_WORDS = new Set(['to', 'til', 'till', 'à', 'a', 'au', 'until'])
const BETWEEN_WORDS = new Set(['between', 'entre', 'mellem', 'mellom', 'mellan'])
const AND_WORDS = new Set(['and', 'et', 'og', 'och', 'ja'])
const OF_WORDS = new Set(['of', 'de'])
const PER_WORDS = new Set(['pour', 'per'])
const CENT_WORDS = new Set(['cent'])
const MILLION_WORDS = new Set(['million', 'millions', 'millioner', 'millionen', 'miljoner', 'miljon', 'miljoonaa', 'miljoona', 'mln'])

const pad2 = (n: number) => String(n).padStart(2, '0')

function yearOf(t: Token | undefined): number {
  if (!t || t.kind !== 'num' || !/^\d{4}$/.test(t.text)) return 0
  const y = Number(t.text)
  return y >= 1900 && y <= 2100 ? y : 0
}

function dayOf(t: Token | undefined): number {
  if (!t || t.kind !== 'num' || !/^\d{1,2}$/.test(t.text)) return 0
  const d = Number(t.text)
  return d >= 1 && d <= 31 ? d : 0
}

const isWord = (t: Token | undefined, set: Set<string>) => !!t && t.kind === 'word' && set.has(t.text.toLowerCase())
const isPunct = (t: Token | undefined, chars: string) => !!t && t.kind === 'punct' && chars.includes(t.text)

/** Month named by token i (0 if none); an ambiguous word ("may") must be followed or preceded by a number. */
function monthAt(toks: Token[], i: number): number {
  const t = toks[i]
  if (!t || t.kind !== 'word') return 0
  return monthOf(t.text)
}

/** Parses a numeric date token (30.12.2025, 30/12/2025, 2025-12-30) into y, m, d. */
function numericDate(t: Token): { y: number; m: number; d: number } | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t.text)
  const dmy = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t.text)
  const [y, m, d] = iso ? [+iso[1], +iso[2], +iso[3]] : dmy ? [+dmy[3], +dmy[2], +dmy[1]] : [0, 0, 0]
  return m >= 1 && m <= 12 && d >= 1 && d <= 31 ? { y, m, d } : null
}

/**
 * Every numeric mention in `text`, in order. Dates are recognised in all six languages
 * ("30 December 2025", "December 30, 2025", "30.12.2025", "30. desember 2025", "30 décembre 2025",
 * "1er octobre 2024", "30. joulukuuta 2025"), month and year ("mars 2025", "joulukuussa 2024"),
 * percentages ("65 percent", "65 %", "0,2 pour cent", "65 prosent"), ranges ("18–30", "18 to 30",
 * "entre 18 et 30") and millions ("1 million" = 1000000). Integers below 10 are left out as too common.
 */
export function extractNumbers(text: string): NumericMention[] {
  const toks = tokenize(text)
  const out: NumericMention[] = []
  const used = new Set<number>()
  const emit = (kind: NumericKind, key: string, from: number, to: number) => {
    out.push({ kind, key, start: toks[from].start, end: toks[to].end, surface: text.slice(toks[from].start, toks[to].end) })
    for (let k = from; k <= to; k++) used.add(k)
  }
  for (let i = 0; i < toks.length; i++) {
    if (used.has(i)) continue
    const t = toks[i]
    if (t.kind === 'date') {
      const d = numericDate(t)
      if (d) emit('date', `d:${d.y}-${pad2(d.m)}-${pad2(d.d)}`, i, i)
      continue
    }
    // Day, month name, year.
    const day = dayOf(t)
    if (day) {
      let j = i + 1
      if (toks[j] && adjacent(t, toks[j]) && (isPunct(toks[j], '.') || isWord(toks[j], ORDINAL_SUFFIX))) j++
      if (isWord(toks[j], OF_WORDS)) j++
      const month = monthAt(toks, j)
      if (month) {
        let k = j + 1
        if (isPunct(toks[k], '.')) k++
        if (isPunct(toks[k], ',')) k++
        const year = yearOf(toks[k])
        if (year) {
          emit('date', `d:${year}-${pad2(month)}-${pad2(day)}`, i, k)
          continue
        }
      }
    }
    if (t.kind === 'word') {
      const month = monthAt(toks, i)
      if (month) {
        let k = i + 1
        if (isPunct(toks[k], '.')) k++
        const d = dayOf(toks[k])
        // English order: December 30, 2025.
        if (d && isPunct(toks[k + 1], ',') && yearOf(toks[k + 2])) {
          emit('date', `d:${yearOf(toks[k + 2])}-${pad2(month)}-${pad2(d)}`, i, k + 2)
          continue
        }
        const y = yearOf(toks[k])
        const lowerAmbiguous = isAmbiguousMonth(t.text) && t.text[0] === t.text[0].toLowerCase() && k === i + 1
        if (y && !lowerAmbiguous) {
          emit('month', `m:${y}-${pad2(month)}`, i, k)
          continue
        }
      }
      continue
    }
    if (t.kind !== 'num') continue
    const value = parseNumber(t.text)
    // Percentages.
    const n1 = toks[i + 1]
    if (isPunct(n1, '%‰') || isWord(n1, PERCENT_WORDS)) {
      emit('percent', `p:${value}`, i, i + 1)
      continue
    }
    if (isWord(n1, PER_WORDS) && isWord(toks[i + 2], CENT_WORDS)) {
      emit('percent', `p:${value}`, i, i + 2)
      continue
    }
    // Millions.
    if (isWord(n1, MILLION_WORDS)) {
      const v = Number(value) * 1_000_000
      if (Number.isFinite(v)) emit('number', `n:${Math.round(v)}`, i, i + 1)
      continue
    }
    // Ranges: 18–30, 18 to 30, between 18 and 30.
    const between = isWord(toks[i - 1], BETWEEN_WORDS)
    const joiner = isPunct(n1, '-–—') || isWord(n1, RANGE_WORDS) || (between && isWord(n1, AND_WORDS))
    const n2 = toks[i + 2]
    const b = n2 && n2.kind === 'num' ? parseNumber(n2.text) : ''
    if (joiner && b && /^\d+$/.test(value) && /^\d+$/.test(b) && Number(value) < Number(b)) {
      out.push({ kind: 'range', key: `r:${value}-${b}`, start: t.start, end: n2.end, surface: text.slice(t.start, n2.end) })
    }
    // A year or a number.
    const y = yearOf(t)
    if (y) out.push({ kind: 'year', key: `y:${y}`, start: t.start, end: t.end, surface: t.text })
    else if (!(isPlainInteger(t.text) && Number(t.text) < 10))
      out.push({ kind: 'number', key: `n:${value}`, start: t.start, end: t.end, surface: t.text })
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end)
}
