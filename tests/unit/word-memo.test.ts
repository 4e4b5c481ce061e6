// The word memo behind phrase matching and the misspelling word table: look-ups in place, by hash, without cutting words out.
import { describe, expect, it } from 'vitest'
import { splitWords } from '../../src/core/matcher/words'
import { hashWord, WordMemo } from '../../src/core/matcher/wordMemo'
import { normalizeWithMap } from '../../src/core/text/normalize'

describe('WordMemo', () => {
  it('finds a stored word at any place in a text that holds it, and nothing for other words', () => {
    const memo = new WordMemo<number>()
    memo.set(hashWord('verneplikt'), 'verneplikt', 1)
    const text = 'om verneplikt og vernepliktige'
    expect(memo.get(hashWord('verneplikt'), text, 3, 13)).toBe(1)
    expect(memo.get(hashWord('vernepliktige'), text, 17, 30)).toBeUndefined()
    expect(memo.get(hashWord('og'), text, 14, 16)).toBeUndefined()
  })

  it('tells apart words that share a hash, by their letters', () => {
    const memo = new WordMemo<string>()
    memo.set(7, 'alpha', 'a')
    memo.set(7, 'omega', 'o')
    expect(memo.get(7, 'x omega', 2, 7)).toBe('o')
    expect(memo.get(7, 'alpha', 0, 5)).toBe('a')
    expect(memo.get(7, 'gamma', 0, 5)).toBeUndefined()
  })

  it('keeps every word through growth, and forgets them all on clear', () => {
    const memo = new WordMemo<number>()
    const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}x`)
    words.forEach((w, i) => memo.set(hashWord(w), w, i))
    expect(memo.size).toBe(5000)
    words.forEach((w, i) => expect(memo.get(hashWord(w), w, 0, w.length)).toBe(i))
    memo.clear()
    expect(memo.size).toBe(0)
    expect(memo.get(hashWord(words[0]), words[0], 0, words[0].length)).toBeUndefined()
  })

  it('gets from splitWords the same hash as hashWord gives the word, astral letters included', () => {
    const original = 'Vernepliktige i 2023: SOCh, 𝐀bc og военкомат'
    const w = splitWords(normalizeWithMap(original, 'nb'), original)
    for (let i = 0; i < w.count; i++) expect(w.hash[i], w.word(i)).toBe(hashWord(w.word(i)))
    expect(Array.from({ length: w.count }, (_, i) => w.word(i))).toEqual(['vernepliktige', 'i', '2023', 'soch', 'abc', 'og', 'военкомат'])
  })
})
