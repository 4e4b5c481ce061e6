// Sentence alignment: the Gale–Church length cost, lexical anchors, and the DP's beads on small constructed cases.
import { describe, expect, it } from 'vitest'
import {
  alignSentences, anchorSimilarity, beadsFromLadder, beadsToPairs, lengthCost, normalCdf, numberMismatch, priorCost,
  scoreAlignment, sentenceFeatures, type AlignBead,
} from '../../src/core/align'

const shape = (beads: AlignBead[]) => beads.map((b) => b.type)
const model = { c: 1, s2: 6.8 }

describe('Gale–Church costs', () => {
  it('computes the normal CDF', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6)
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 3)
    expect(normalCdf(-1.96)).toBeCloseTo(0.025, 3)
  })
  it('makes proportional lengths cheap and disproportional ones dear', () => {
    expect(lengthCost(100, 100, model)).toBeLessThan(0.1)
    expect(lengthCost(100, 40, model)).toBeGreaterThan(lengthCost(100, 90, model))
    expect(lengthCost(100, 0, model)).toBeGreaterThan(5)
    expect(lengthCost(100, 120, { c: 1.2, s2: 6.8 })).toBeLessThan(0.1)
  })
  it('prefers 1-1 beads a priori', () => {
    expect(priorCost('1-1')).toBeLessThan(priorCost('2-1'))
    expect(priorCost('2-1')).toBeLessThan(priorCost('1-0'))
  })
})

describe('anchors', () => {
  const f = (s: string[], lang: 'fr' | 'en') => sentenceFeatures(s, lang)
  it('scores shared numbers and names', () => {
    const a = f(['Selon Huseyn Aliyev, 901 affaires en 2023.'], 'fr')
    const b = f(['According to Huseyn Aliyev, 901 cases in 2023.'], 'en')
    const c = f(['The weather was fine.'], 'en')
    expect(anchorSimilarity(a, b)).toBeGreaterThan(0.5)
    expect(anchorSimilarity(a, c)).toBe(0)
  })
  it('counts numbers found on one side only', () => {
    expect(numberMismatch(f(['En 2023, 901 cas.'], 'fr'), f(['In 2023, 901 cases.'], 'en'))).toBe(0)
    expect(numberMismatch(f(['En 2023, 901 cas.'], 'fr'), f(['In 2024, 17 cases.'], 'en'))).toBe(1)
  })
})

describe('alignSentences beads', () => {
  it('aligns 1-1 when sentences correspond', () => {
    const src = ['Onko Venäjällä raportoitu pakkovärväystä vuonna 2024?', 'Vastaus perustuu lähteisiin.', 'Kiitos.']
    const tgt = ['Has forced recruitment been reported in Russia in 2024?', 'The response is based on sources.', 'Thanks.']
    const beads = alignSentences(src, tgt, { srcLang: 'fi', tgtLang: 'en' })
    expect(shape(beads)).toEqual(['1-1', '1-1', '1-1'])
    expect(beads.map((b) => [b.src, b.tgt])).toEqual([[[0], [0]], [[1], [1]], [[2], [2]]])
  })
  it('makes a 1-2 bead when one sentence is translated by two', () => {
    const src = ['Vastaus perustuu huolellisesti valittuihin lähteisiin, joista kaikki on listattu vastauksen lähdeluetteloon.', 'Kiitos paljon.']
    const tgt = ['The response is based on carefully selected sources of information.', 'All sources used are referenced.', 'Thank you.']
    const beads = alignSentences(src, tgt, { srcLang: 'fi', tgtLang: 'en' })
    expect(shape(beads)).toEqual(['1-2', '1-1'])
    expect(beads[0].tgt).toEqual([0, 1])
  })
  it('makes a 2-1 bead when two sentences are translated by one', () => {
    const src = ['The response is based on carefully selected sources of information.', 'All sources used are referenced.', 'Thank you.']
    const tgt = ['Vastaus perustuu huolellisesti valittuihin lähteisiin, joista kaikki on listattu vastauksen lähdeluetteloon.', 'Kiitos paljon.']
    expect(shape(alignSentences(src, tgt, { srcLang: 'en', tgtLang: 'fi' }))).toEqual(['2-1', '1-1'])
  })
  it('makes a 1-0 bead for a sentence with no translation', () => {
    const src = ['In 2023, 901 cases were opened.', 'Footnote 77 of the source says 5555 and 6666 things here.', 'In 2024, 427 sentences were issued.']
    const tgt = ['En 2023, 901 affaires ont été ouvertes.', 'En 2024, 427 condamnations ont été prononcées.']
    const beads = alignSentences(src, tgt, { srcLang: 'en', tgtLang: 'fr' })
    expect(shape(beads)).toEqual(['1-1', '1-0', '1-1'])
    expect(beads[1]).toMatchObject({ src: [1], tgt: [] })
  })
  it('makes a 0-1 bead for an added sentence', () => {
    const src = ['In 2023, 901 cases were opened.', 'In 2024, 427 sentences were issued.']
    const tgt = ['En 2023, 901 affaires ont été ouvertes.', 'Le traducteur ajoute 5555 et 6666 ici.', 'En 2024, 427 condamnations ont été prononcées.']
    const beads = alignSentences(src, tgt, { srcLang: 'en', tgtLang: 'fr' })
    expect(shape(beads)).toEqual(['1-1', '0-1', '1-1'])
    expect(beads[1]).toMatchObject({ src: [], tgt: [1] })
  })
  it('lets an embedding similarity decide where lengths cannot', () => {
    const src = ['aaaa bbbb', 'cccc dddd']
    const tgt = ['xxxx yyyy zz', 'wwww vvvv']
    const one = alignSentences(src, tgt, { embeddings: { src: [[1, 0], [0, 1]], tgt: [[1, 0], [0, 1]] } })
    expect(shape(one)).toEqual(['1-1', '1-1'])
    expect(one[0].neural).toBeCloseTo(1)
  })
  it('handles empty sides', () => {
    expect(alignSentences([], [])).toEqual([])
    expect(shape(alignSentences(['Only one.'], []))).toEqual(['1-0'])
    expect(shape(alignSentences([], ['Only one.']))).toEqual(['0-1'])
  })
  it('keeps order and covers every sentence exactly once (monotonic)', () => {
    const src = Array.from({ length: 30 }, (_, i) => `Sentence number ${100 + i} says ${'x'.repeat(10 + ((i * 7) % 23))}.`)
    const tgt = Array.from({ length: 28 }, (_, i) => `Lause numero ${100 + i + (i > 10 ? 1 : 0)} sanoo ${'y'.repeat(12 + ((i * 5) % 19))}.`)
    const beads = alignSentences(src, tgt)
    expect(beads.flatMap((b) => b.src)).toEqual(src.map((_, i) => i))
    expect(beads.flatMap((b) => b.tgt)).toEqual(tgt.map((_, i) => i))
  })
})

describe('scoring and export helpers', () => {
  it('scores links of beads (precision, recall, F1)', () => {
    const gold = [{ src: [0], tgt: [0] }, { src: [1], tgt: [1, 2] }]
    expect(scoreAlignment(gold, gold).f1).toBe(1)
    const s = scoreAlignment([{ src: [0], tgt: [0] }, { src: [1], tgt: [1] }, { src: [], tgt: [2] }], gold)
    expect(s).toMatchObject({ precision: 1, correct: 2, gold: 3, predicted: 2 })
    expect(s.recall).toBeCloseTo(2 / 3)
  })
  it('reads hunalign ladders as beads', () => {
    expect(beadsFromLadder([[0, 0, 0], [1, 1, 0.5], [2, 3, 0.4], [3, 3, 0.1]])).toEqual([
      { src: [0], tgt: [0] },
      { src: [1], tgt: [1, 2] },
      { src: [2], tgt: [] },
    ])
  })
  it('turns beads into sentence pairs, skipping null beads', () => {
    const beads = alignSentences(['Yksi 2020.', 'Kaksi 2021.'], ['One 2020.', 'Two 2021.'])
    expect(beadsToPairs(beads, ['Yksi 2020.', 'Kaksi 2021.'], ['One 2020.', 'Two 2021.'])).toEqual([
      { src: 'Yksi 2020.', tgt: 'One 2020.' },
      { src: 'Kaksi 2021.', tgt: 'Two 2021.' },
    ])
  })
})
