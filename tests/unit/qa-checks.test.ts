// Each terminology QA check on small constructed glossaries and reports (no corpus needed).
import { describe, expect, it } from 'vitest'
import type { Lang } from '../../src/core/model'
import {
  checkDeprecatedTerms, checkLinkedAbsent, checkMisspellings, checkMixedScript, checkTranslitConvention, checkVariants,
  createQaContext, runQa, usageCounts, usageMatrix, type QaDocument,
} from '../../src/core/qa'
import { hydrateStarter } from '../../src/core/starterGlossary'

/** A small glossary in the starter shape: the Voenkomat, dedovshchina, ACS and a forbidden term. */
function miniGlossary(extra: Array<{ id: string; terms: Array<Record<string, string>> }> = []) {
  return hydrateStarter({
    entries: [
      {
        concept: { id: 'c-voenkomat' },
        terms: [
          { lang: 'ru', text: 'военкомат', status: 'preferred' },
          { lang: 'en', text: 'military commissariat', status: 'preferred' },
          { lang: 'en', text: 'Voenkomat', status: 'admitted', type: 'transliteration' },
          { lang: 'en', text: 'Voenkoms', status: 'deprecated', type: 'transliteration' },
          { lang: 'en', text: 'recruitment bureau', status: 'forbidden' },
          { lang: 'nb', text: 'militærkommissariat', status: 'preferred' },
          { lang: 'nb', text: 'Vojenkomat', status: 'admitted', type: 'transliteration' },
          { lang: 'fr', text: 'commissariat militaire', status: 'preferred' },
        ],
      },
      {
        concept: { id: 'c-dedovshchina' },
        terms: [
          { lang: 'ru', text: 'дедовщина', status: 'preferred' },
          { lang: 'en', text: 'dedovshchina', status: 'preferred', type: 'transliteration' },
          { lang: 'en', text: 'hazing', status: 'admitted' },
          { lang: 'nb', text: 'dedovsjtsjina', status: 'preferred', type: 'transliteration' },
          { lang: 'fr', text: 'dedovchtchina', status: 'preferred', type: 'transliteration' },
        ],
      },
      {
        concept: { id: 'c-ags' },
        terms: [
          { lang: 'en', text: 'alternative civil service', status: 'preferred' },
          { lang: 'en', text: 'ACS', status: 'admitted', type: 'acronym' },
          { lang: 'en', text: 'AGS', status: 'admitted', type: 'acronym' },
          { lang: 'en', text: 'alternative military service', status: 'deprecated', type: 'variant' },
          { lang: 'nb', text: 'alternativ siviltjeneste', status: 'preferred' },
        ],
      },
      ...extra.map((e) => ({ concept: { id: e.id }, terms: e.terms })),
    ],
  })
}

const doc = (id: string, lang: Lang, text: string): QaDocument => ({ id, lang, text })

describe('deprecated-term and forbidden-term', () => {
  it('flags a deprecated transliteration with the admitted transliteration as suggestion', () => {
    const text = 'Every Voenkoms keeps a register.'
    const ctx = createQaContext(miniGlossary(), [doc('a', 'en', text)])
    const [f] = checkDeprecatedTerms(ctx)
    expect(f).toMatchObject({ check: 'deprecated-term', severity: 'warning', conceptId: 'c-voenkomat', surface: 'Voenkoms', suggestion: 'Voenkomat' })
    expect(text.slice(f.start, f.end)).toBe('Voenkoms')
    expect(f.detail).toContain('military commissariat')
  })

  it('flags a forbidden term as an error with the preferred term', () => {
    const ctx = createQaContext(miniGlossary(), [doc('a', 'en', 'He went to the recruitment bureau twice.')])
    expect(checkDeprecatedTerms(ctx)).toEqual([
      expect.objectContaining({ check: 'forbidden-term', severity: 'error', surface: 'recruitment bureau', suggestion: 'military commissariat' }),
    ])
  })

  it('suggests in the passage language and lowers quoted passages to info', () => {
    const text = 'Rapporten siterer kilden.\n\nThe right to alternative military service is in the constitution.'
    const passages = [
      { text: 'Rapporten siterer kilden.', start: 0, end: 25, lang: 'nb' as const },
      { text: 'The right to alternative military service is in the constitution.', start: 27, end: text.length, lang: 'en' as const },
    ]
    const ctx = createQaContext(miniGlossary(), [{ id: 'n', lang: 'nb', text, passages }])
    const [f] = checkDeprecatedTerms(ctx)
    expect(f).toMatchObject({ severity: 'info', suggestion: 'alternative civil service', passageIndex: 1 })
    expect(text.slice(f.start, f.end)).toBe('alternative military service')
  })
})

describe('variants', () => {
  it('reports one finding per concept and report, with forms and counts', () => {
    const text = 'The Voenkomat sends summons. Later the military commissariat called. Voenkomats differ. The Voenkomat again.'
    const ctx = createQaContext(miniGlossary(), [doc('a', 'en', text)])
    const found = checkVariants(ctx)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ conceptId: 'c-voenkomat', surface: 'military commissariat', suggestion: 'military commissariat' })
    expect(found[0].detail).toContain('«voenkomat» ×2')
    expect(found[0].detail).toContain('«military commissariat» ×1')
  })

  it('does not count an acronym next to its full form, nor a gloss in brackets', () => {
    const text = 'Alternative civil service (ACS) exists. ACS lasts longer. Hazing («dedovshchina») is common.'
    expect(checkVariants(createQaContext(miniGlossary(), [doc('a', 'en', text)]))).toEqual([])
  })

  it('reports two acronyms of one concept (ACS and AGS)', () => {
    const found = checkVariants(createQaContext(miniGlossary(), [doc('a', 'en', 'ACS is rare. AGS is granted to few.')]))
    expect(found.map((f) => f.conceptId)).toEqual(['c-ags'])
  })
})

describe('translit-convention', () => {
  it('flags "Voenkomat" in a Norwegian report, suggesting the Nordic "Vojenkomat"', () => {
    const text = 'Han ble kalt inn til Voenkomaten i Moskva.'
    const found = checkTranslitConvention(createQaContext(miniGlossary(), [doc('n', 'nb', text)]))
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ check: 'translit-convention', conceptId: 'c-voenkomat', surface: 'Voenkomaten', suggestion: 'Vojenkomaten' })
    expect(found[0].detail).toMatch(/scandinavian/)
  })

  it('accepts the language convention and Russian endings', () => {
    const text = 'Vojenkomat og dedovsjtsjiny er kjent. Hazing finnes.'
    expect(checkTranslitConvention(createQaContext(miniGlossary(), [doc('n', 'nb', text)]))).toEqual([])
  })

  it('flags an English spelling in French text with the French spelling', () => {
    const found = checkTranslitConvention(createQaContext(miniGlossary(), [doc('f', 'fr', 'La dedovshchina persiste.')]))
    expect(found[0]).toMatchObject({ surface: 'dedovshchina', suggestion: 'dedovchtchina' })
  })
})

describe('mixed-script', () => {
  it('finds Cyrillic and Arabic letters inside Latin words and folds them', () => {
    const text = 'The Voенkomat and the Voenkوماتs and Verстка reported.'
    const found = checkMixedScript(createQaContext(miniGlossary(), [doc('a', 'en', text)]))
    expect(found.map((f) => [f.surface, f.suggestion, f.severity])).toEqual([
      ['Voенkomat', 'Voenkomat', 'error'],
      ['Voenkوماتs', 'Voenkomats', 'error'],
      ['Verстка', 'Verstka', 'error'],
    ])
    expect(found[0].conceptId).toBe('c-voenkomat')
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.surface)
  })

  it('ignores URLs and pure Cyrillic words', () => {
    const text = 'See https://example.org/Voенkomat and военкомат.'
    expect(checkMixedScript(createQaContext(miniGlossary(), [doc('a', 'en', text)]))).toEqual([])
  })
})

describe('misspelling', () => {
  it('finds one-edit misspellings of glossary words, also inflected', () => {
    const text = 'The Voenkamat called. Two Voenkamats wrote. Dedovshshina persists; the voenkomet replied.'
    const found = checkMisspellings(createQaContext(miniGlossary(), [doc('a', 'en', text)]))
    expect(found.map((f) => [f.surface, f.suggestion])).toEqual([
      ['Voenkamat', 'Voenkomat'],
      ['Voenkamats', 'Voenkomats'],
      ['Dedovshshina', 'Dedovshchina'],
      ['voenkomet', 'Voenkomat'],
    ])
  })

  it('leaves a spelling of another convention to translit-convention ("dedovschina" is simplified English)', () => {
    const ctx = createQaContext(miniGlossary(), [doc('a', 'en', 'Dedovschina persists.')])
    expect(checkMisspellings(ctx)).toEqual([])
    expect(checkTranslitConvention(ctx)).toEqual([expect.objectContaining({ surface: 'Dedovschina', suggestion: 'Dedovshchina' })])
  })

  it('leaves ordinary words alone: derivations, first-letter changes, short words', () => {
    const extra = [{ id: 'c-deferral', terms: [{ lang: 'en', text: 'deferral', status: 'preferred' }, { lang: 'en', text: 'deserter', status: 'preferred' }] }]
    const text = 'A referral; he deserted; the deferrals; hazed.'
    expect(checkMisspellings(createQaContext(miniGlossary(extra), [doc('a', 'en', text)]))).toEqual([])
  })

  it('takes a spelling frequent in the report for a word of its language', () => {
    const g = miniGlossary([{ id: 'c-x', terms: [{ lang: 'en', text: 'kontraktnik', status: 'preferred', type: 'transliteration' }] }])
    const often = 'The kontraknik came. '.repeat(4)
    expect(checkMisspellings(createQaContext(g, [doc('a', 'en', often)]))).toEqual([])
    expect(checkMisspellings(createQaContext(g, [doc('a', 'en', often + 'The kontraktnik left. '.repeat(20))]))).toHaveLength(4)
  })
})

describe('linked-absent', () => {
  const en = { id: 'en', lang: 'en' as Lang, text: 'The Voenkomat sends the summons.', passages: [{ text: 'The Voenkomat sends the summons.', start: 0, end: 32 }] }
  it('reports a concept missing from the linked passage, and a deprecated rendering there', () => {
    const nb = { id: 'nb', lang: 'nb' as Lang, text: 'Innkallingen kommer i posten.', passages: [{ text: 'Innkallingen kommer i posten.', start: 0, end: 29 }] }
    const ctx = createQaContext(miniGlossary(), [en, nb])
    const found = checkLinkedAbsent(ctx, { passagePairs: [{ a: 'en', passageA: 0, b: 'nb', passageB: 0, score: 0.8 }] })
    expect(found).toEqual([expect.objectContaining({ check: 'linked-absent', severity: 'info', docId: 'nb', conceptId: 'c-voenkomat', suggestion: 'militærkommissariat' })])
    const en2 = { id: 'en2', lang: 'en' as Lang, text: 'Every Voenkoms sends the summons.', passages: [{ text: 'Every Voenkoms sends the summons.', start: 0, end: 33 }] }
    const ctx2 = createQaContext(miniGlossary(), [en, en2])
    const found2 = checkLinkedAbsent(ctx2, { passagePairs: [{ a: 'en', passageA: 0, b: 'en2', passageB: 0 }] })
    expect(found2).toEqual([expect.objectContaining({ severity: 'warning', docId: 'en2', surface: 'Voenkoms', suggestion: 'military commissariat' })])
  })
})

describe('usage matrix and runQa', () => {
  it('counts renderings per concept and report', () => {
    const docs = [doc('a', 'en', 'The Voenkomat and the voenkomat and the military commissariat.'), doc('b', 'nb', 'Vojenkomat og militærkommissariatet.')]
    const ctx = createQaContext(miniGlossary(), docs)
    const m = usageMatrix(ctx)
    expect(m.reports).toEqual([{ id: 'a', lang: 'en' }, { id: 'b', lang: 'nb' }])
    expect(m.concepts[0]).toMatchObject({ id: 'c-voenkomat', total: 5 })
    expect(usageCounts(m)['c-voenkomat']).toEqual({
      a: { voenkomat: 2, 'military commissariat': 1 },
      b: { vojenkomat: 1, militærkommissariatet: 1 },
    })
    const cell = m.cells.find((c) => c.docId === 'a')!
    expect(cell.forms[0]).toMatchObject({ surface: 'voenkomat', status: 'admitted', count: 2 })
  })

  it('runs the default checks, sorts and leaves out ignored findings', () => {
    const text = 'Every Voenkoms and the Voенkomat.'
    const all = runQa(miniGlossary(), [doc('a', 'en', text)])
    expect(all.findings.map((f) => f.check)).toEqual(['deprecated-term', 'mixed-script', 'variants'])
    const ignored = runQa(miniGlossary(), [doc('a', 'en', text)], { ignored: [all.findings[0].id] })
    expect(ignored.findings.map((f) => f.check)).toEqual(['mixed-script', 'variants'])
    expect(Object.keys(all.timings)).toContain('scan')
  })
})
