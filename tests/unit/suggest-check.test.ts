// The glossary check of a translated text (constructed cases), its one-click fixes, and rule-based inflection.
import { describe, expect, it } from 'vitest'
import { buildMatcher } from '../../src/core/matcher'
import type { ConceptEntry, Glossary, Lang, TermStatus } from '../../src/core/model'
import { applyFix, checkTranslation, inflectLike } from '../../src/core/suggest'

const T = '2025-01-01T00:00:00.000Z'
function entry(id: string, terms: [Lang, string, TermStatus][]): ConceptEntry {
  return {
    concept: { id, definitions: {}, related: [], created: T, modified: T },
    terms: terms.map(([lang, text, status], i) => ({ id: `${id}-${lang}-${i}`, conceptId: id, lang, text, status, type: 'fullForm', sources: [], created: T, modified: T })),
  }
}
const glossary: Glossary = {
  entries: [
    entry('voenkomat', [
      ['en', 'military commissariat', 'preferred'], ['en', 'military enlistment office', 'admitted'], ['en', 'draft board', 'deprecated'],
      ['fi', 'sotilaskomissariaatti', 'preferred'], ['fi', 'kutsuntatoimisto', 'deprecated'],
      ['nb', 'militærkommissariat', 'preferred'], ['nb', 'militærkontor', 'admitted'], ['nb', 'militærsenter', 'forbidden'],
      ['fr', 'commissariat militaire', 'preferred'], ['fr', 'bureau de recrutement militaire', 'admitted'],
    ]),
    entry('summons', [['en', 'summons', 'preferred'], ['fi', 'kutsu', 'preferred'], ['nb', 'innkalling', 'preferred'], ['fr', 'convocation', 'preferred']]),
    entry('deferral', [['en', 'deferral', 'preferred'], ['fi', 'lykkäys', 'preferred'], ['nb', 'utsettelse', 'preferred']]),
  ],
}
const matcher = buildMatcher(glossary)

describe('checkTranslation', () => {
  it('accepts a translation that uses the preferred terms, inflected', () => {
    const f = checkTranslation({
      source: 'The military commissariat sent a summons.', target: 'Sotilaskomissariaatti lähetti kutsun.',
      srcLang: 'en', tgtLang: 'fi', matcher, glossary,
    })
    expect(f).toEqual([])
  })
  it('finds a deprecated term with its span and fixes it with the case ending kept', () => {
    const target = 'Hän kävi kutsuntatoimistossa eilen.'
    const f = checkTranslation({ source: 'He went to the military commissariat yesterday.', target, srcLang: 'en', tgtLang: 'fi', matcher, glossary })
    expect(f).toHaveLength(1)
    expect(f[0]).toMatchObject({ check: 'deprecated-term', conceptId: 'voenkomat', surface: 'kutsuntatoimistossa', replacement: 'sotilaskomissariaatissa' })
    expect(target.slice(f[0].start, f[0].end)).toBe('kutsuntatoimistossa')
    expect(applyFix(target, f[0])).toBe('Hän kävi sotilaskomissariaatissa eilen.')
  })
  it('reports a missing preferred term without a span when nothing renders the concept', () => {
    const f = checkTranslation({ source: 'He asked for a deferral.', target: 'Han ba om fritak.', srcLang: 'en', tgtLang: 'nb', matcher, glossary })
    expect(f).toHaveLength(1)
    expect(f[0]).toMatchObject({ check: 'missing-preferred', conceptId: 'deferral', preferred: 'utsettelse' })
    expect(f[0].start).toBeUndefined()
    expect(applyFix('Han ba om fritak.', f[0])).toBe('Han ba om fritak.')
  })
  it('flags admitted renderings and forbidden terms, with Nordic definite suffixes kept', () => {
    const target = 'Militærkontoret sendte innkallingen, ikke militærsenteret.'
    const f = checkTranslation({ source: 'The military commissariat sent the summons.', target, srcLang: 'en', tgtLang: 'nb', matcher, glossary })
    const byCheck = Object.fromEntries(f.map((x) => [x.check, x]))
    expect(byCheck['forbidden-term']).toMatchObject({ surface: 'militærsenteret', replacement: 'militærkommissariatet', severity: 'error' })
    expect(byCheck['non-preferred']).toMatchObject({ surface: 'Militærkontoret', replacement: 'Militærkommissariatet', severity: 'info' })
    let fixed = target
    for (const x of [...f].sort((a, b) => (b.start ?? 0) - (a.start ?? 0))) fixed = applyFix(fixed, x)
    expect(fixed).toBe('Militærkommissariatet sendte innkallingen, ikke militærkommissariatet.')
  })
  it('fixes English and French plurals and keeps capitals', () => {
    const en = 'Draft boards sent summonses.'
    const fe = checkTranslation({ source: 'Военкоматы…', target: en, srcLang: 'ru', tgtLang: 'en', matcher, glossary })
    expect(applyFix(en, fe.find((x) => x.check === 'deprecated-term')!)).toBe('Military commissariats sent summonses.')
    const fr = 'Les bureaux de recrutement militaire ont envoyé des convocations.'
    const ff = checkTranslation({ source: 'The military commissariats sent summonses.', target: fr, srcLang: 'en', tgtLang: 'fr', matcher, glossary })
    expect(applyFix(fr, ff[0])).toBe('Les commissariats militaires ont envoyé des convocations.')
  })
  it('finds the fix again when the text moved', () => {
    const target = 'Hän kävi kutsuntatoimistossa.'
    const f = checkTranslation({ source: 'He went to the military commissariat.', target, srcLang: 'en', tgtLang: 'fi', matcher, glossary })[0]
    expect(applyFix('Eilen. ' + target, f)).toBe('Eilen. Hän kävi sotilaskomissariaatissa.')
  })
})

describe('inflectLike', () => {
  it('copies Finnish cases with gradation and vowel harmony', () => {
    expect(inflectLike('puolustusministeriö', 'sotilaskomissariaatissa', 'sotilaskomissariaatti', 'fi')).toBe('puolustusministeriössä')
    expect(inflectLike('sotilaskomissariaatti', 'kutsuntalautakunnan', 'kutsuntalautakunta', 'fi')).toBe('sotilaskomissariaatin')
    expect(inflectLike('asevelvollisuus', 'varusmiespalvelusta', 'varusmiespalvelus', 'fi')).toBe('asevelvollisuutta')
    expect(inflectLike('sopimussotilas', 'palkkasotilaat', 'palkkasotilas', 'fi')).toBe('sopimussotilaat')
    expect(inflectLike('sopimussotilas', 'palkkasotilaiden', 'palkkasotilas', 'fi')).toBe('sopimussotilaiden')
  })
  it('copies Nordic definite and plural suffixes', () => {
    expect(inflectLike('militærkommissariat', 'militærkontoret', 'militærkontor', 'nb')).toBe('militærkommissariatet')
    expect(inflectLike('innkallingsrunde', 'innkallingen', 'innkalling', 'nb')).toBe('innkallingsrunden')
    expect(inflectLike('militærkommissariat', 'hvervekontorerne', 'hvervekontor', 'da')).toBe('militærkommissariaterne')
  })
  it('copies plurals and capitals in English and French', () => {
    expect(inflectLike('military commissariat', 'Draft boards', 'draft board', 'en')).toBe('Military commissariats')
    expect(inflectLike('register of summonses', 'registers of calls', 'register of calls', 'en')).toBe('registers of summonses')
    expect(inflectLike('bureau de recrutement', 'commissariats militaires', 'commissariat militaire', 'fr')).toBe('bureaux de recrutement')
  })
  it('leaves an uninflected surface alone', () => {
    expect(inflectLike('sotilaskomissariaatti', 'kutsuntatoimisto', 'kutsuntatoimisto', 'fi')).toBe('sotilaskomissariaatti')
  })
})
