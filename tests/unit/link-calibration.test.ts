// Links a researcher can trust: false friends are no cognates, section numbers and dates alone make no strong link,
// references link only to references, and scores are calibrated probabilities with a strength (see calibrate.ts).
import { describe, expect, it } from 'vitest'
import {
  CALIBRATION, extractFeatures, isFalseFriend, isReferenceLike, leadingEnumeratorLength, linkDocuments, pairFeatures, probability, verifyCognate,
  type LinkPassage,
} from '../../src/core/link'

describe('false friends', () => {
  it('refuses the false friends the reports meet, and keeps true cognates', () => {
    for (const [a, b] of [['aktuelle', 'actually'], ['aktuel', 'actual'], ['statslige', 'statically'], ['eventuelt', 'eventually'], ['actuellement', 'actually']])
      expect(verifyCognate(a, b), `${a} ~ ${b}`).toBe(false)
    for (const [a, b] of [['mobilisering', 'mobilization'], ['reservister', 'reservists'], ['konstitution', 'constitution'], ['militærtjeneste', 'military'], ['légitime', 'legitimate']])
      expect(verifyCognate(a, b), `${a} ~ ${b}`).toBe(true)
    expect(isFalseFriend('Aktuelle', 'ACTUAL')).toBe(true)
  })
  it('refuses an English -ly adverb against an adjective, and short or unlike words', () => {
    expect(verifyCognate('officielle', 'officially')).toBe(false)
    expect(verifyCognate('family', 'familie')).toBe(true)
    expect(verifyCognate('stat', 'state')).toBe(false)
    expect(verifyCognate('baggrundsoplysninger', 'background')).toBe(false)
  })
  it('within one language, takes two forms of one word and refuses different words that share a key', () => {
    expect(verifyCognate('actually', 'actual', 'en')).toBe(true)
    expect(verifyCognate('Conscription', 'conscripts', 'en')).toBe(true)
    expect(verifyCognate('government', 'governance', 'en')).toBe(true)
    expect(verifyCognate('statement', 'statistics', 'en')).toBe(false)
    expect(verifyCognate('particular', 'participate', 'en')).toBe(false)
    expect(verifyCognate('mobilisation', 'mobilised', 'en')).toBe(true)
    expect(verifyCognate('værnepligtige', 'værnepligten', 'da')).toBe(true)
  })
})

describe('weak evidence', () => {
  it('finds the enumerator that opens a passage', () => {
    expect(leadingEnumeratorLength('2.1 Behov for mandskab')).toBe(4)
    expect(leadingEnumeratorLength('76. This was actually')).toBe(4)
    expect(leadingEnumeratorLength('(iv) the fourth')).toBe(5)
    expect(leadingEnumeratorLength('2024 was a year')).toBe(0)
  })
  it('takes no numeric feature from a section number', () => {
    const f = extractFeatures({ text: '2.1 Behov for mandskab', kind: 'heading' }, 'da')
    expect(f.features.filter((x) => x.kind === 'number' || x.kind === 'date')).toEqual([])
  })
  it('tells bibliography entries from statements that cite a source', () => {
    expect(isReferenceLike('Reuters: U.S. intelligence assesses Ukraine war has cost Russia 315,000 casualties (13.12.23) url')).toBe(true)
    expect(isReferenceLike('Meduza: A numbers game. What we know about the balance of power (10.01.24), url; BBC: Putin to boost troop numbers (01.12.23) url')).toBe(true)
    expect(isReferenceLike('According to Reuters, the war has cost Russia 315,000 casualties, most of them in the east of Ukraine, and the army keeps recruiting.')).toBe(false)
    expect(isReferenceLike('EUAA, The Russian Federation – Military service, December 2022, https://euaa.europa.eu/x.pdf')).toBe(true)
  })
})

describe('calibrated links', () => {
  const da: LinkPassage[] = [
    { text: 'Denne temarapport indeholder aktuelle baggrundsoplysninger om militærtjeneste i Rusland.', kind: 'paragraph', lang: 'da' },
    { text: '2.1 Behov for mandskab', kind: 'heading', lang: 'da' },
    { text: 'Reuters: Russia short of around 4.8 million workers in 2023, crunch to persist (24.12.23) url', kind: 'paragraph', lang: 'da' },
  ]
  const en: LinkPassage[] = [
    { text: '40. So actually in terms of the ongoing Kursk conflict, the responsibilities that the conscripts have are the same.', kind: 'list', lang: 'en' },
    { text: '2.1. Screening at the Voenkomat', kind: 'heading', lang: 'en' },
    { text: 'Reuters: Russia short of around 4.8 million workers in 2023, crunch to persist, 24 December 2023, url', kind: 'paragraph', lang: 'en' },
    { text: 'In 2023 the shortage of workers in Russia was estimated at 4.8 million people by the central bank.', kind: 'paragraph', lang: 'en' },
  ]
  const links = linkDocuments(da, en, { langA: 'da', langB: 'en', top: 3 })

  it('gives no strong link through a false friend or a section number alone', () => {
    for (const c of links[0].candidates) expect(c.strength).not.toBe('strong')
    expect(links[0].candidates.every((c) => !(c.evidence.cognates ?? []).some((f) => f.b.surface === 'actually'))).toBe(true)
    for (const c of links[1].candidates) expect(c.strength).not.toBe('strong')
  })
  it('links a bibliography entry only to a bibliography entry', () => {
    expect(links[2].candidates.map((c) => c.index)).toEqual([2])
  })
  it('scores are probabilities that grow with substantive shared evidence', () => {
    const ev = (concepts: number, names: number) => ({
      concepts: Array.from({ length: concepts }, (_, i) => ({ key: 'c:' + i, kind: 'concept' as const, a: { surface: '', start: 0, end: 0 }, b: { surface: '', start: 0, end: 0 }, weight: 1 })),
      numbers: [], cognates: [], words: [], lexical: 0.3 + 0.1 * (concepts + names),
      names: Array.from({ length: names }, (_, i) => ({ key: 'e:' + i, kind: 'name' as const, a: { surface: '', start: 0, end: 0 }, b: { surface: '', start: 0, end: 0 }, weight: 1 })),
    })
    const ctx = { lexicalRank: 1, charsA: 300, charsB: 300 }
    const p = [ev(0, 0), ev(1, 0), ev(2, 1), ev(3, 2)].map((e) => probability(CALIBRATION.lexical, pairFeatures(e, ctx)))
    for (const v of p) {
      expect(v).toBeGreaterThanOrEqual(0)
      expect(v).toBeLessThanOrEqual(1)
    }
    for (let i = 1; i < p.length; i++) expect(p[i]).toBeGreaterThan(p[i - 1])
    expect(CALIBRATION.lexical.strong).toBeGreaterThan(CALIBRATION.lexical.weak)
  })
})
