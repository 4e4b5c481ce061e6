// Numbers, dates, percentages and ranges become the same key whatever the language or the typography.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { extractNumbers, monthOf, parseNumber, tokenize } from '../../src/core/link'

const keys = (s: string) => extractNumbers(s).map((m) => m.key)

describe('parseNumber', () => {
  it('reads thousands grouped by space, NBSP, narrow NBSP, comma or dot as one number', () => {
    for (const raw of ['1 199', '1,199', '1199', '1\u00a0199', '1\u202f199', '1.199']) expect(parseNumber(raw)).toBe('1199')
    expect(parseNumber('300 000')).toBe('300000')
    expect(parseNumber('1,000,000')).toBe('1000000')
  })
  it('reads a decimal comma or point the same way', () => {
    expect(parseNumber('0,2')).toBe('0.2')
    expect(parseNumber('0.2')).toBe('0.2')
    expect(parseNumber('2 040,50')).toBe('2040.5')
    expect(parseNumber('21.5')).toBe('21.5')
  })
  it('gives every grouping of an integer the same value (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 99_999_999 }), fc.constantFrom(' ', '\u00a0', '\u202f', ',', '.'), (n, sep) => {
        const grouped = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep)
        const tok = tokenize(`about ${grouped} rubles`).find((t) => t.kind === 'num')!
        expect(tok.text).toBe(grouped)
        expect(parseNumber(tok.text)).toBe(String(n))
      }),
    )
  })
})

describe('monthOf', () => {
  it('knows the months of all six languages', () => {
    for (const w of ['December', 'décembre', 'desember', 'december', 'joulukuu', 'Dec', 'déc']) expect(monthOf(w)).toBe(12)
    for (const w of ['March', 'mars', 'marts', 'maaliskuu']) expect(monthOf(w)).toBe(3)
    for (const w of ['août', 'August', 'augusti', 'elokuu']) expect(monthOf(w)).toBe(8)
    expect(monthOf('mai')).toBe(5)
    expect(monthOf('maj')).toBe(5)
  })
  it('reads Finnish inflected month names', () => {
    for (const w of ['joulukuuta', 'joulukuussa', 'joulukuun', 'joulukuuhun', 'joulukuusta']) expect(monthOf(w)).toBe(12)
    expect(monthOf('kesäkuussa')).toBe(6)
    expect(monthOf('kuukausi')).toBe(0)
  })
  it('returns 0 for other words', () => {
    for (const w of ['conscription', 'kuu', 'marsh', 'decree']) expect(monthOf(w)).toBe(0)
  })
})

describe('extractNumbers', () => {
  it('keys a date written in any of the six languages the same way', () => {
    for (const s of ['30 December 2025', 'December 30, 2025', '30.12.2025', '30. desember 2025', '30 décembre 2025', '30. joulukuuta 2025', '30 december 2025', '2025-12-30', 'the 30th of December 2025'])
      expect(keys(s), s).toEqual(['d:2025-12-30'])
    expect(keys('1er octobre 2024')).toEqual(['d:2024-10-01'])
  })
  it('keys month and year, and bare years', () => {
    expect(keys('mars 2025')).toEqual(['m:2025-03'])
    expect(keys('in March 2025')).toEqual(['m:2025-03'])
    expect(keys('joulukuussa 2024')).toEqual(['m:2024-12'])
    expect(keys('i juli 2023')).toEqual(['m:2023-07'])
    expect(keys('En 2023 et 2024')).toEqual(['y:2023', 'y:2024'])
  })
  it('does not take the modal "may" before a year for a month', () => {
    expect(keys('it may 2025')).toEqual(['y:2025'])
    expect(keys('in May 2025')).toEqual(['m:2025-05'])
  })
  it('keys percentages in every language', () => {
    for (const s of ['65 percent', '65 %', '65%', '65 pour cent', '65 prosent', '65 procent', '65 prosenttia']) expect(keys(s), s).toEqual(['p:65'])
    expect(keys('0,2 pour cent')).toEqual(['p:0.2'])
    expect(keys('0.2 percent')).toEqual(['p:0.2'])
  })
  it('keys ranges (ages 18–30) with their ends', () => {
    for (const s of ['18–30', '18-30', '18 to 30', '18 à 30', 'entre 18 et 30', 'between 18 and 30', '18 til 30'])
      expect(keys(s), s).toEqual(['r:18-30', 'n:18', 'n:30'])
    expect(keys('10 000 à 30 000 roubles')).toEqual(['r:10000-30000', 'n:10000', 'n:30000'])
  })
  it('keys numbers and millions, and leaves out small integers', () => {
    expect(keys('1 199 cases')).toEqual(['n:1199'])
    expect(keys('7 millions de roubles and 7 million rubles')).toEqual(['n:7000000', 'n:7000000'])
    expect(keys('article 21.5, two or 3 times')).toEqual(['n:21.5'])
    expect(keys('section 3.1.2')).toEqual([])
  })
  it('gives offsets into the text', () => {
    const text = 'Selon 2 040 francs suisses (10 000 à 30 000 roubles)'
    for (const m of extractNumbers(text)) expect(text.slice(m.start, m.end)).toBe(m.surface)
  })
})
