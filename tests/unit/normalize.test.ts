// Folding for search and matching, the offset map back to the original, and confusable (mixed-script) handling.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  detectMixedScript, findMixedScriptWords, foldConfusables, foldForMatch, foldForSearch, normalizeWithMap, toOriginalSpan,
} from '../../src/core/text'

// Real lines from the corpus (004 en, 001 nb, 002 da, 000 fi, 003 fr).
const EN_MIXED = 'Voенkomat (in English: military Commissariat) – often translated into English by military enlistment office'
const EN_ARABIC = 'In certain cases, some of the Voenkومات are in favour of sending out summons by registered post.'
const DA_SPLIT = 'mulighederne for alternativ \n\nmilitærtjeneste i Rusland.'

describe('foldForSearch', () => {
  it('folds case and every diacritic', () => {
    expect(foldForSearch('Værnepligtige')).toBe('vaernepligtige')
    expect(foldForSearch('Pakkovärväys')).toBe('pakkovarvays')
    expect(foldForSearch('Førstegangstjeneste')).toBe('forstegangstjeneste')
    expect(foldForSearch('Réfugiés à l’étranger')).toBe("refugies a l'etranger")
    expect(foldForSearch('dedovštšina')).toBe('dedovstsina')
  })
  it('folds confusables inside Latin words (Cyrillic and Arabic)', () => {
    expect(foldForSearch('Voенkomat')).toBe('voenkomat')
    expect(foldForSearch('Voenkوماتs')).toBe('voenkomats')
  })
  it('leaves a real Russian word in Cyrillic', () => {
    expect(foldForSearch('Военкомат')).toBe('военкомат')
  })
  it('drops soft hyphens and zero-width characters, applies NFKD compatibility, collapses white space', () => {
    expect(foldForSearch('værne\u00adpligt')).toBe('vaernepligt')
    expect(foldForSearch('kontrakt\u200bsoldat')).toBe('kontraktsoldat')
    expect(foldForSearch('ﬁnal  \n report ')).toBe('final report')
  })
})

describe('foldForMatch', () => {
  it('keeps ä ö å (and š ž) as letters in Finnish and ä ö å in Swedish', () => {
    expect(foldForMatch('Pakkovärväyksestä', 'fi')).toBe('pakkovärväyksestä')
    expect(foldForMatch('dedovštšina', 'fi')).toBe('dedovštšina')
    expect(foldForMatch('Värnplikt', 'sv')).toBe('värnplikt')
    expect(foldForMatch('Värnplikt', 'en')).toBe('varnplikt')
  })
  it('keeps æ ø å in Norwegian and Danish', () => {
    expect(foldForMatch('Værnepligtige', 'da')).toBe('værnepligtige')
    expect(foldForMatch('Førstegangstjeneste på', 'nb')).toBe('førstegangstjeneste på')
    expect(foldForMatch('Værnepligtige', 'fr')).toBe('vaernepligtige')
  })
  it('folds French accents to base letters', () => {
    expect(foldForMatch('Insoumission à l’armée, reçu', 'fr')).toBe("insoumission a l'armee, recu")
    expect(foldForMatch('voïenkomat', 'fr')).toBe('voienkomat')
  })
  it('folds Cyrillic by Russian rules whatever the language: й stays, ё becomes е', () => {
    expect(foldForMatch('Вёрстка войной', 'en')).toBe('верстка войной')
    expect(foldForMatch('войной', 'fi')).toBe('войной')
    expect(foldForSearch('войной')).toBe('воинои')
  })
  it('recomposes decomposed input (a + combining diaeresis) to one letter', () => {
    expect(foldForMatch('va\u0308rva\u0308ys', 'fi')).toBe('värväys')
  })
})

describe('normalizeWithMap', () => {
  it('maps a match on folded text back to the mixed-script original', () => {
    const n = normalizeWithMap(EN_MIXED, 'en')
    const at = n.text.indexOf('voenkomat')
    expect(at).toBe(0)
    const span = toOriginalSpan(n, at, at + 'voenkomat'.length)
    expect(EN_MIXED.slice(span.start, span.end)).toBe('Voенkomat')
    const c = n.text.indexOf('military commissariat')
    const s2 = toOriginalSpan(n, c, c + 'military commissariat'.length)
    expect(EN_MIXED.slice(s2.start, s2.end)).toBe('military Commissariat')
  })
  it('maps the Arabic-letter typo back to its original span', () => {
    const n = normalizeWithMap(EN_ARABIC, 'en')
    const at = n.text.indexOf('voenkomat')
    const span = toOriginalSpan(n, at, at + 9)
    expect(EN_ARABIC.slice(span.start, span.end)).toBe('Voenkومات')
  })
  it('collapses white space runs (line breaks included) but spans still cover the original', () => {
    const n = normalizeWithMap(DA_SPLIT, 'da', { collapseWhitespace: true })
    expect(n.text).toBe('mulighederne for alternativ militærtjeneste i rusland.')
    const at = n.text.indexOf('alternativ militærtjeneste')
    const span = toOriginalSpan(n, at, at + 'alternativ militærtjeneste'.length)
    expect(DA_SPLIT.slice(span.start, span.end)).toBe('alternativ \n\nmilitærtjeneste')
  })
  it('maps expansions (æ → ae in search) to the one original letter', () => {
    const n = normalizeWithMap('Værnepligt', 'search')
    expect(n.text).toBe('vaernepligt')
    expect([...n.map.slice(0, 4)]).toEqual([0, 1, 1, 2])
    expect(toOriginalSpan(n, 1, 3)).toEqual({ start: 1, end: 2 })
  })
  it('is the identity map on ASCII without upper case (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcdefghij klmnop-.,0123'.split('')) }), (s) => {
        const n = normalizeWithMap(s, 'en')
        expect(n.text).toBe(s)
        expect([...n.map]).toEqual([...s].map((_, i) => i))
      }),
    )
  })
  it('always yields a monotone map inside the original (property, any Unicode)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('search', 'fi', 'da', 'fr', 'en', 'ru'), (s, p) => {
        const n = normalizeWithMap(s, p as 'search', { collapseWhitespace: true })
        expect(n.map.length).toBe(n.text.length)
        for (let i = 0; i < n.map.length; i++) {
          expect(n.map[i]).toBeGreaterThanOrEqual(i > 0 ? n.map[i - 1] : 0)
          expect(n.ends[i]).toBeGreaterThan(n.map[i])
          expect(n.ends[i]).toBeLessThanOrEqual(s.length)
        }
      }),
    )
  })
})

describe('confusables', () => {
  it('folds keyboard-layout and look-alike letters, keeping case', () => {
    expect(foldConfusables('Voенkomat')).toBe('Voenkomat')
    expect(foldConfusables('Voenkوماتs')).toBe('Voenkomats')
    expect(foldConfusables('Федеральный закон')).toBe('Федеральный закон')
  })
  it('folds a stray Latin look-alike inside a Cyrillic word to Cyrillic', () => {
    expect(foldConfusables('вoенкомат')).toBe('военкомат')
  })
  it('detects the scripts and the offending positions of a mixed word', () => {
    const info = detectMixedScript('Voенkomat')
    expect(info).toMatchObject({ mixed: true, majority: 'Latin', scripts: ['Latin', 'Cyrillic'], offending: [2, 3] })
    expect(detectMixedScript('Voenkوماتs').scripts).toEqual(['Latin', 'Arabic'])
    expect(detectMixedScript('военкомат').mixed).toBe(false)
    expect(detectMixedScript('Værnepligt').mixed).toBe(false)
  })
  it('finds mixed-script words in a real footnote, with their offsets and a suggestion', () => {
    const line = '<sup>466</sup> Verстка, Служба по контракту без альтернатив: принуждения, угрозы и штурмы, 27 May 2024'
    const found = findMixedScriptWords(line)
    expect(found).toHaveLength(1)
    expect(line.slice(found[0].start, found[0].end)).toBe('Verстка')
    expect(found[0].info.majority).toBe('Cyrillic')
    const mixed = findMixedScriptWords(EN_MIXED)
    expect(mixed.map((m) => [m.word, m.suggestion])).toEqual([['Voенkomat', 'Voenkomat']])
  })
})
