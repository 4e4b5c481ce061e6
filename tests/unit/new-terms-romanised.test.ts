// Romanised Russian words as new terms (core/suggest/transliterated.ts through findNewTerms): a Latin word whose stem
// romanises a Cyrillic word of the reports is proposed with that word, unless it is a word of some language of the
// dictionary, a name (never written with a small letter, or a surname), seen once, or looked for without a dictionary.
import { describe, expect, it } from 'vitest'
import { findNewTerms, type NewTermPassage } from '../../src/core/suggest/newTerms'
import { cyrillicStems, translitStem, transliteratedWords } from '../../src/core/suggest/transliterated'

const p = (text: string, lang: NewTermPassage['lang'] = 'en', kind = 'paragraph', index = 0): NewTermPassage => ({ doc: 'r1', index, lang, kind, text, start: 0 })
/** A stand-in for the dictionary: the few words of these texts that are words of some language. */
const WORDS = new Set(['kontrakt', 'regions', 'region', 'meduza'])
const isWord = (w: string) => WORDS.has(w)

const passages = [
  p('Source: Повестка в военкомат, Медуза, 2024; Путин подписал контракт.', 'en', 'footnote', 0),
  p('A povestka is served in person. Men who ignore the povestki are fined, and the voenkomat keeps the list.', 'en', 'paragraph', 1),
  p('Meduza reported that Vladimir Putin signed it; the voenkomat in each region sends it.', 'en', 'paragraph', 2),
  p('Mange signerer en kontrakt. En kontrakt varer ett år.', 'nb', 'paragraph', 3),
]

describe('romanised Russian words', () => {
  it('stems a romanisation and its inflections alike', () => {
    expect(translitStem('povestki')).toBe(translitStem('povestka'))
    expect(translitStem('srochnikov')).toBe(translitStem('srochniki'))
    expect(cyrillicStems(['Повестка в военкомат']).get(translitStem('povestka'))).toBe('повестка')
    // A name keeps its capital: never written small, capitalised inside a sentence.
    expect(cyrillicStems(['Запись через портал Госуслуги.']).get(translitStem('Gosuslugi'))).toBe('Госуслуги')
  })

  it('shows a sentence as the example rather than a heading that is only the word', () => {
    const out = findNewTerms([passages[0], p('Voenkomat', 'en', 'heading', 4), ...passages.slice(1)], null, { isWord })
    expect(out.find((c) => c.terms[0].text.toLowerCase() === 'voenkomat')?.example.text).toMatch(/keeps the list/)
  })

  it('proposes a romanised word used twice (in any case form) with the Cyrillic word it spells', () => {
    const out = findNewTerms(passages, null, { isWord })
    const povestka = out.find((c) => c.terms[0].text === 'povestka')
    expect(povestka).toMatchObject({ kind: 'transliterated', count: 2 })
    expect(povestka!.terms).toEqual([{ text: 'povestka', lang: 'en', type: 'transliteration' }, { text: 'повестка', lang: 'ru', type: 'fullForm' }])
    expect(out.find((c) => c.terms[0].text === 'voenkomat')?.terms[1].text).toBe('военкомат')
  })

  it('leaves out words of a language (Norwegian "kontrakt"), names and words seen once, and everything without a dictionary', () => {
    const out = findNewTerms(passages, null, { isWord }).filter((c) => c.kind === 'transliterated').map((c) => c.terms[0].text.toLowerCase())
    expect(out).not.toContain('kontrakt')
    expect(out).not.toContain('putin')
    expect(out).not.toContain('meduza')
    expect(findNewTerms(passages, null).filter((c) => c.kind === 'transliterated')).toEqual([])
    // A surname's ending, or a capitalised word beside another one, is a person.
    const stems = cyrillicStems(['Путин', 'Кривенко'])
    expect(transliteratedWords('Vladimir Putin said so; Krivenko agreed.', 'en', stems, () => false)).toEqual([])
  })
})
