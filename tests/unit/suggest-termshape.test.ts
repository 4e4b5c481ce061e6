// Candidates that are terms: noun-phrase shapes per language, no word of another language's sentences,
// and one confidence in [0, 1] whatever the source, low where little evidence stands behind a candidate, most likely first.
import { describe, expect, it } from 'vitest'
import { confidenceOf, isForeignCandidate, isTermShaped, refineCandidates, type Candidate } from '../../src/core/suggest'

const cand = (text: string, source: Candidate['source'], score: number, quotes: string[] = []): Candidate => ({
  conceptId: 'c', lang: 'da', text, score, source, evidence: quotes.map((q, i) => ({ file: 'f', start: i, end: i + 1, text: q })),
})

describe('term shapes', () => {
  it('refuses word sequences with a function word or verb at an edge or a non-connector inside', () => {
    expect(isTermShaped('Årsager som helbred', 'da')).toBe(false)
    expect(isTermShaped('begrunde', 'da')).toBe(false)
    expect(isTermShaped('familiemæssige', 'da')).toBe(false)
    expect(isTermShaped('af værnepligt', 'da')).toBe(false)
  })
  it('keeps the noun phrases terms are made of, connectors included', () => {
    expect(isTermShaped('forbud mod at forlade landet', 'da')).toBe(true)
    expect(isTermShaped('soldat sous contrat', 'fr')).toBe(true)
    expect(isTermShaped('register over innkallinger', 'nb')).toBe(true)
    expect(isTermShaped('Article 328 of the Criminal Code', 'en')).toBe(true)
    expect(isTermShaped('SOCh', 'en')).toBe(true)
  })
})

describe('candidates from another language', () => {
  it('drops a candidate found mostly in sentences of another language', () => {
    const english = cand('conscripts', 'cooccurrence', 774313, ['The conscripts were sent to the front and the officers said that they were not.'])
    const danish = cand('værnepligtige', 'cooccurrence', 50, ['De værnepligtige blev sendt til fronten, og det er ikke første gang.'])
    expect(isForeignCandidate(english, 'da')).toBe(true)
    expect(isForeignCandidate(danish, 'da')).toBe(false)
    expect(refineCandidates([english, danish], 'da').map((c) => c.text)).toEqual(['værnepligtige'])
  })
})

describe('one confidence scale', () => {
  it('puts every source in [0, 1], the first co-occurrence candidate above the later ones', () => {
    const list = refineCandidates([cand('værnepligt', 'cooccurrence', 774313), cand('indkaldelse', 'cooccurrence', 1200), cand('værnepligtig', 'cognate', 0.75)], 'da')
    for (const c of list) expect(c.confidence! >= 0 && c.confidence! <= 1, c.text).toBe(true)
    expect(list[0].confidence!).toBeGreaterThan(list[1].confidence!)
    expect(confidenceOf(cand('x', 'mt', 0.9), 0.9)).toBeLessThanOrEqual(1)
  })
  it('gives a first co-occurrence candidate a low confidence when little linked evidence and no look-alike stand behind it', () => {
    const weak = { ...cand('Jevropa', 'cooccurrence', 40), support: { joint: 0.6, mass: 3, gloss: 0 }, similarity: 0.1 }
    const strong = { ...cand('værnepligt', 'cooccurrence', 40), support: { joint: 60, mass: 300, gloss: 0 }, similarity: 0.8 }
    expect(confidenceOf(weak, 40)).toBeLessThan(0.15)
    expect(confidenceOf(strong, 40)).toBeGreaterThan(0.5)
  })
  it('lists the most likely candidate first, whatever the miner\'s order', () => {
    const first = { ...cand('udrejse', 'cooccurrence', 50), support: { joint: 1, mass: 300, gloss: 0 }, similarity: 0.05 }
    const second = { ...cand('udrejseforbud', 'cooccurrence', 45), support: { joint: 40, mass: 300, gloss: 0 }, similarity: 0.9 }
    const list = refineCandidates([first, second], 'da')
    expect(list.map((c) => c.text)).toEqual(['udrejseforbud', 'udrejse'])
    expect(list[0].confidence!).toBeGreaterThan(list[1].confidence!)
  })
})
