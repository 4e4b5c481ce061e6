// Cross-lingual similarity as ranking evidence for co-occurrence candidates, and the quotation filter of mining units.
import { describe, expect, it } from 'vitest'
import type { ConceptEntry, Glossary, Lang } from '../../src/core/model'
import { segmentDocument } from '../../src/core/segment'
import {
  crossSimilarity, crossSkeleton, isForeignSentence, mineCandidates, prepareMining, profileDice, referenceProfiles, sameTerm, trigramProfile, trigramWeights,
  type SuggestDocument,
} from '../../src/core/suggest'
import { buildMatcher } from '../../src/core/matcher'

describe('cross-lingual skeletons and similarity', () => {
  it('folds romanisations of one Russian word together', () => {
    const forms = ['dedovshchina', 'dedovsjtsjina', 'dedovchtchina', 'dedovštšina', 'дедовщина']
    for (const f of forms) expect(crossSkeleton(f), f).toBe(crossSkeleton('dedovshchina'))
    expect(crossSkeleton('Voенkomat')).toBe(crossSkeleton('Voenkomat'))
    expect(crossSkeleton('Voenkomat')).not.toBe(crossSkeleton('Vojenkomat'))
  })
  it('scores look-alikes high, word order aside, and unrelated words low', () => {
    expect(crossSimilarity('régions annexées', 'fr', 'annexed regions', 'en')).toBeGreaterThan(0.7)
    expect(crossSimilarity('régions annexées', 'fr', 'annexed regions', 'en')).toBeGreaterThan(crossSimilarity('régions', 'fr', 'annexed regions', 'en'))
    expect(crossSimilarity('Vojenkomat', 'nb', 'Voenkomat', 'en')).toBeGreaterThan(0.5)
    expect(crossSimilarity('mobilisering', 'nb', 'mobilisation', 'en')).toBeGreaterThan(0.45)
    expect(crossSimilarity('utsettelse', 'nb', 'deferral', 'en')).toBeLessThan(0.15)
    // Function words do not count: "article du code" is as close to "code article" as "article code" is.
    expect(crossSimilarity('article du code', 'fr', 'code article', 'en')).toBeCloseTo(1, 5)
  })
  it('finds a compound part ("sotilaskomissariaatti" ~ "commissariat")', () => {
    expect(crossSimilarity('sotilaskomissariaatti', 'fi', 'commissariat militaire', 'fr')).toBeGreaterThan(crossSimilarity('sotilaspassi', 'fi', 'commissariat militaire', 'fr'))
  })
  it('weighs common endings less than rare stems', () => {
    const w = trigramWeights(['information', 'situation', 'mobilisation', 'population', 'convocation', 'station', 'summons'])
    const a = trigramProfile('information', 'en')
    const b = trigramProfile('convocation', 'fr')
    expect(profileDice(a, b, w)).toBeLessThan(profileDice(a, b))
    expect(w.weights.get('ion')!).toBeLessThan(w.weights.get('sum')!)
  })
  it('builds references from the other languages only', () => {
    const T = '2025-01-01T00:00:00.000Z'
    const g: Glossary = {
      entries: [
        {
          concept: { id: 'c', definitions: {}, related: [], created: T, modified: T },
          terms: (
            [['en', 'mobilisation'], ['nb', 'mobilisering']] as [Lang, string][]
          ).map(([lang, text], i) => ({ id: `t${i}`, conceptId: 'c', lang, text, status: 'preferred', type: 'fullForm', sources: [], created: T, modified: T })),
        },
      ],
    }
    const refs = referenceProfiles(g, 'nb').get('c')!
    expect(refs).toHaveLength(1)
    expect(profileDice(refs[0], trigramProfile('mobilisation', 'en'))).toBe(1)
  })
})

describe('quotations in another language', () => {
  it('tells an English quotation in a Norwegian report from Norwegian and Danish sentences', () => {
    expect(isForeignSentence('Conditions of exemptions and deferrals were changed several times, which created a situation in which offices were applying different reasoning.', 'nb')).toBe(true)
    expect(isForeignSentence('Vilkårene for fritak og utsettelse ble endret flere ganger, og kontorene praktiserte reglene ulikt.', 'nb')).toBe(false)
    expect(isForeignSentence('Betingelserne for fritagelse blev ændret flere gange, og kontorerne anvendte reglerne forskelligt.', 'nb')).toBe(false)
    expect(isForeignSentence('Gosuslugi', 'nb')).toBe(false)
  })
  it('gives such sentences no n-grams', () => {
    const text = 'Mange menn ble innkalt til tjeneste i fjor.\n\nThe men were called up for service in the spring of that year by the office.\n'
    const d: SuggestDocument = { file: 'nb.txt', text, passages: segmentDocument(text, { lang: 'nb' }).passages.map((p) => ({ ...p, lang: 'nb' as Lang })) }
    const idx = prepareMining([d], 'nb', buildMatcher({ entries: [] }))
    expect(idx.units.length).toBe(2)
    expect(idx.grams[0].size).toBeGreaterThan(0)
    expect(idx.grams[1].size).toBe(0)
    expect(prepareMining([d], 'nb', buildMatcher({ entries: [] }), { keepForeign: true }).grams[1].size).toBeGreaterThan(0)
  })
})

describe('re-ranking co-occurrence candidates by similarity', () => {
  const T = '2025-01-01T00:00:00.000Z'
  const entry = (id: string, terms: [Lang, string][]): ConceptEntry => ({
    concept: { id, definitions: {}, related: [], created: T, modified: T },
    terms: terms.map(([lang, text], i) => ({ id: `${id}-${lang}-${i}`, conceptId: id, lang, text, status: 'preferred', type: 'fullForm', sources: [], created: T, modified: T })),
  })
  const glossary: Glossary = { entries: [entry('mob', [['en', 'mobilisation'], ['da', 'mobilisering']])] }
  const doc = (file: string, lang: Lang, paras: string[]): SuggestDocument => {
    const text = paras.join('\n\n') + '\n'
    return { file, text, passages: segmentDocument(text, { lang }).passages }
  }
  const names = ['Ivanov', 'Petrov', 'Sidorov', 'Kuznetsov', 'Smirnov', 'Popov']
  const cities = ['Kazan', 'Samara', 'Omsk', 'Tomsk', 'Perm', 'Ufa']
  const en = doc('en.txt', 'en', [
    ...names.map((n, i) => `In ${2010 + i} the mobilisation reached ${n} in ${cities[i]}, aged ${i + 30}.`),
    'Many men left Russia in 2022 after the announcement.',
  ])
  // "kunngjorde" goes with every mobilisation sentence exactly as "mobilisering" does: association cannot tell them apart.
  const nb = doc('nb.txt', 'nb', [
    ...names.map((n, i) => `I ${2010 + i} kunngjorde mobilisering for ${n} i ${cities[i]}, ${i + 30} år gammel.`),
    'Mange menn forlot Russland i 2022 etter kunngjøringen.',
    'Rapporten bygger på åpne kilder og intervjuer i flere regioner.',
  ])
  it('puts the look-alike first where association ties, and reports the similarity', () => {
    const on = mineCandidates([en, nb], glossary, 'nb', { conceptIds: ['mob'], cognates: false }).candidates.get('mob')!
    expect(sameTerm(on[0].text, 'mobilisering', 'nb')).toBe(true)
    expect(on[0].similarity).toBeGreaterThan(0.6)
    const off = mineCandidates([en, nb], glossary, 'nb', { conceptIds: ['mob'], cognates: false, crossLingual: false }).candidates.get('mob')!
    expect(off[0].similarity).toBeUndefined()
    expect(off.findIndex((c) => sameTerm(c.text, 'mobilisering', 'nb'))).toBeGreaterThan(0)
  })
})
