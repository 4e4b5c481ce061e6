// Holds language-aware matching to its gold (tests/fixtures/langmatch-gold.json): terms of one language
// only in its passages, universal terms (transliterations, names, acronyms) everywhere, clean surfaces.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { corpusAvailable } from '../bench/linkGold'
import { evaluateLangMatch } from '../bench/eval-langmatch'

describe('language-aware matching gold', () => {
  it('has at least 40 cross-language and junk cases of every kind', () => {
    const items = JSON.parse(readFileSync('tests/fixtures/langmatch-gold.json', 'utf8')).items as Array<{ case: string }>
    expect(items.length).toBeGreaterThanOrEqual(40)
    for (const k of ['reject', 'accept', 'clean']) expect(items.filter((i) => i.case === k).length, k).toBeGreaterThanOrEqual(10)
  })
})

describe.skipIf(!corpusAvailable)('language-aware matching on the corpus', () => {
  it('reaches its floors and leaves no junk surface in the matrix', { timeout: 180_000 }, () => {
    const r = evaluateLangMatch()
    expect(r.precision).toBeGreaterThanOrEqual(0.95)
    expect(r.recall).toBeGreaterThanOrEqual(0.95)
    expect(r.junk).toBe(0)
  })
})
