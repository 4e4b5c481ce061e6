// The peers' strict and lax bead scores (Vecalign's score.py) on hand-computed cases, and the gold-file parser.
import { describe, expect, it } from 'vitest'
import { addBeadCounts, beadCounts, beadScoreOf, parseBeadLines, scoreBeads } from '../../src/core/align'

const b = (src: number[], tgt: number[]) => ({ src, tgt })

describe('scoreBeads', () => {
  const gold = [b([0], [0]), b([1], [1, 2]), b([2], []), b([3], [3])]
  const test = [b([0], [0]), b([1], [1]), b([], [2]), b([2, 3], [3])]

  it('counts precision over predicted beads and recall over gold beads with both sides, strict and lax', () => {
    const s = scoreBeads(gold, test)
    // Precision: 1 exact of 4 predicted; lax also takes [1]:[1] and [2,3]:[3] (they share a link with the gold),
    // not the 0-1 bead. Recall over the 3 two-sided gold beads: 1 exact; lax all 3 overlap a prediction.
    expect(s.strict.precision).toBeCloseTo(1 / 4)
    expect(s.strict.recall).toBeCloseTo(1 / 3)
    expect(s.strict.f1).toBeCloseTo(2 / 7)
    expect(s.lax.precision).toBeCloseTo(3 / 4)
    expect(s.lax.recall).toBeCloseTo(1)
    expect(s.lax.f1).toBeCloseTo(6 / 7)
  })

  it('gives 1 for the gold itself and sums counts over documents before dividing', () => {
    expect(scoreBeads(gold, gold).strict.f1).toBe(1)
    const total = beadScoreOf(addBeadCounts(beadCounts(gold, test), beadCounts(gold, gold)))
    // Precision: (1 + 4) of (4 + 4); recall: (1 + 3) of (3 + 3).
    expect(total.strict.precision).toBeCloseTo(5 / 8)
    expect(total.strict.recall).toBeCloseTo(4 / 6)
  })

  it('scores nothing predicted as 0, not as a division by zero', () => {
    expect(scoreBeads(gold, []).strict).toEqual({ precision: 0, recall: 0, f1: 0 })
  })
})

describe('parseBeadLines', () => {
  it('reads the peers\' format, empty sides included', () => {
    expect(parseBeadLines('[0]:[0]\n[1, 2]:[1]\n[3]:[]\n\n[]:[2,3]\n')).toEqual([b([0], [0]), b([1, 2], [1]), b([3], []), b([], [2, 3])])
  })
  it('names the line of a malformed bead', () => {
    expect(() => parseBeadLines('[0]:[0]\n[1]-[1]', 'gold/dev')).toThrow('gold/dev, line 2: expected "[i,…]:[j,…]"')
    expect(() => parseBeadLines('[0]:[x]', 'g')).toThrow('g, line 1: "x" is not a sentence position')
  })
})
