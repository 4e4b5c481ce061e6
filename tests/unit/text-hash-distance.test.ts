// The one hash (FNV-1a) and the one edit distance (bounded Damerau-Levenshtein, OSA) that core shares.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hashWord } from '../../src/core/matcher/wordMemo'
import { findingId } from '../../src/core/qa'
import { damerauLevenshtein, fnv1a, fnv1aHex } from '../../src/core/text'

describe('fnv1a', () => {
  it('gives the published 32-bit FNV-1a values', () => {
    expect(fnv1a('')).toBe(0x811c9dc5)
    expect(fnv1a('a')).toBe(0xe40c292c)
    expect(fnv1a('foobar')).toBe(0xbf9cf968)
    expect(fnv1aHex('a')).toBe('e40c292c')
    expect(fnv1aHex('', 0)).toBe('00000000')
  })

  it('is the hash the word memo gives a word without astral characters', () => {
    for (const w of ['verneplikt', 'военкомат', 'ähtäri', 'x']) expect(hashWord(w) >>> 0).toBe(fnv1a(w))
  })

  it('keeps the finding ids stored before it became shared', () => {
    // Computed by the copy that lived in qa/findings.ts: ignored findings must stay ignored.
    expect(findingId('misspelling', 'doc-1', 42, 'voenkamat')).toBe('78b5cdfaabb27132')
  })
})

/** Unbounded OSA distance by the full table, as a reference. */
function osa(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  }
  return d[a.length][b.length]
}

describe('damerauLevenshtein', () => {
  it('counts an adjacent transposition as one edit, where Levenshtein counts two', () => {
    expect(damerauLevenshtein('verneplikt', 'vernepilkt')).toBe(1)
    expect(damerauLevenshtein('ab', 'ba')).toBe(1)
    // Optimal string alignment: a transposed pair is not edited again.
    expect(damerauLevenshtein('ca', 'abc')).toBe(3)
  })

  it('stops at the bound and says so with max + 1', () => {
    expect(damerauLevenshtein('abc', 'xyz', 1)).toBe(2)
    expect(damerauLevenshtein('abcdefgh', 'abcdefghijklm', 2)).toBe(3)
    // Every row stays within the bound, and the last cell still exceeds it.
    expect(damerauLevenshtein('aa', 'bcäc', 2)).toBe(3)
    expect(damerauLevenshtein('voenkomat', 'vojenkomat', 0)).toBe(1)
    expect(damerauLevenshtein('voenkomat', 'vojenkomat', 1)).toBe(1)
    expect(damerauLevenshtein('same', 'same', 0)).toBe(0)
  })

  it('equals the full table when within the bound, and max + 1 past it', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'ä'), maxLength: 8 })
    fc.assert(
      fc.property(word, word, fc.nat(6), (a, b, max) => {
        const full = osa(a, b)
        expect(damerauLevenshtein(a, b)).toBe(full)
        expect(damerauLevenshtein(a, b, max)).toBe(full <= max ? full : max + 1)
      }),
      { numRuns: 2000 },
    )
  })
})
