// Romanisation of Russian under each convention, the variant list, and attribution of a spelling to conventions.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { TRANSLIT_CONVENTIONS, attributeConvention, transliterate, transliterationVariants } from '../../src/core/text'

const EXPECTED: Record<string, Record<(typeof TRANSLIT_CONVENTIONS)[number], string>> = {
  военкомат: {
    bgn: 'voyenkomat', simpleEn: 'voenkomat', iso9: 'voenkomat', scholarly: 'voenkomat', sfs4900: 'vojenkomat',
    scandinavian: 'vojenkomat', french: 'voïenkomat', german: 'wojenkomat',
  },
  дедовщина: {
    bgn: 'dedovshchina', simpleEn: 'dedovshchina', iso9: 'dedovŝina', scholarly: 'dedovščina', sfs4900: 'dedovštšina',
    scandinavian: 'dedovsjtsjina', french: 'dedovchtchina', german: 'dedowschtschina',
  },
}

describe('transliterate', () => {
  for (const [cyr, byConv] of Object.entries(EXPECTED)) {
    for (const conv of TRANSLIT_CONVENTIONS) {
      it(`${cyr} under ${conv} → ${byConv[conv]}`, () => expect(transliterate(cyr, conv)).toBe(byConv[conv]))
    }
  }
  it('spells контрактник kontraktnik everywhere', () => {
    for (const conv of TRANSLIT_CONVENTIONS) expect(transliterate('контрактник', conv)).toBe('kontraktnik')
  })
  it('keeps case: capitalised and all-caps words', () => {
    expect(transliterate('Военкомат', 'bgn')).toBe('Voyenkomat')
    expect(transliterate('ВОЕНКОМАТ', 'sfs4900')).toBe('VOJENKOMAT')
    expect(transliterate('Шойгу', 'french')).toBe('Choïgou')
  })
  it('passes non-Cyrillic text through (a corpus citation)', () => {
    expect(transliterate('ФЗ-53 «О воинской обязанности»', 'bgn')).toBe('FZ-53 «O voinskoy obyazannosti»')
  })
  it('iotates е at the start of a word and after vowels, not after consonants', () => {
    expect(transliterate('Ельцин', 'sfs4900')).toBe('Jeltsin')
    expect(transliterate('дезертир', 'sfs4900')).toBe('dezertir')
  })
  it('outputs no Cyrillic for any Russian input (property)', () => {
    const letters = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЕЁЖЩЮЯ'.split('')
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...letters), minLength: 1, maxLength: 12 }), fc.constantFrom(...TRANSLIT_CONVENTIONS), (w, c) => {
        expect(transliterate(w, c)).not.toMatch(/[\u0400-\u04ff]/)
      }),
    )
  })
})

describe('transliterationVariants', () => {
  it('lists every convention’s spelling once, plus simplified alternates', () => {
    const v = transliterationVariants('дедовщина')
    const texts = v.map((x) => x.text)
    expect(new Set(texts).size).toBe(texts.length)
    for (const s of Object.values(EXPECTED['дедовщина'])) expect(texts).toContain(s)
    expect(v.find((x) => x.text === 'dedovsjina')).toMatchObject({ convention: 'scandinavian', alternate: true })
    expect(v.find((x) => x.text === 'dedovschina')).toMatchObject({ convention: 'simpleEn', alternate: true })
    expect(v[0]).toEqual({ convention: 'bgn', text: 'dedovshchina', alternate: false })
  })
  it('deduplicates: voenkomat is produced by several conventions but listed once', () => {
    const texts = transliterationVariants('военкомат').map((x) => x.text)
    expect(texts.filter((t) => t === 'voenkomat')).toHaveLength(1)
    expect(texts).toEqual(expect.arrayContaining(['voyenkomat', 'vojenkomat', 'voïenkomat', 'wojenkomat']))
  })
})

describe('attributeConvention', () => {
  it('attributes real corpus spellings', () => {
    expect(attributeConvention('Vojenkomat', 'военкомат')).toEqual(['sfs4900', 'scandinavian'])
    expect(attributeConvention('dedovsjina', 'дедовщина')).toEqual(['scandinavian'])
    expect(attributeConvention('dedovchtchina', 'дедовщина')).toEqual(['french'])
    expect(attributeConvention('Dedovshchina', 'дедовщина')).toEqual(['bgn', 'simpleEn'])
  })
  it('lists conventions whose own rule gives the spelling before those that need an alternate', () => {
    const c = attributeConvention('voenkomat', 'военкомат')
    expect(c.slice(0, 3)).toEqual(['simpleEn', 'iso9', 'scholarly'])
    expect(c).toContain('bgn')
    expect(c).not.toContain('german')
  })
  it('is case-insensitive and returns nothing for another word', () => {
    expect(attributeConvention('DEDOVŠČINA', 'дедовщина')).toEqual(['scholarly'])
    expect(attributeConvention('desertion', 'дедовщина')).toEqual([])
  })
  it('attributes every convention’s own output to it (property)', () => {
    const letters = 'абвгдежзиклмнопрстуфхцчшщыэюя'.split('')
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...letters), minLength: 1, maxLength: 10 }), fc.constantFrom(...TRANSLIT_CONVENTIONS), (w, c) => {
        expect(attributeConvention(transliterate(w, c), w)).toContain(c)
      }),
    )
  })
})
