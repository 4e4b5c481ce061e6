// Association measures against hand-computed values: Dunning's G² and the Dice coefficient.
import { describe, expect, it } from 'vitest'
import { contingency, dice, logLikelihood, signedLogLikelihood } from '../../src/core/suggest'

describe('log-likelihood G² (Dunning 1993)', () => {
  it('matches a hand computation on a tiny table', () => {
    // a=1 b=0 c=0 d=9, n=10. Expected: E(a)=1·1/10=0.1, E(d)=9·9/10=8.1 (the zero cells add nothing).
    // G² = 2·(1·ln(1/0.1) + 9·ln(9/8.1)) = 2·(2.302585 + 0.948245) = 6.501659
    expect(logLikelihood({ a: 1, b: 0, c: 0, d: 9 })).toBeCloseTo(6.501659, 5)
  })
  it('matches a larger table', () => {
    // a=10 b=20 c=30 d=940: E = 1.2, 28.8, 38.8, 931.2 →
    // 2·(10 ln(10/1.2) + 20 ln(20/28.8) + 30 ln(30/38.8) + 940 ln(940/931.2)) = 30.069075
    expect(logLikelihood({ a: 10, b: 20, c: 30, d: 940 })).toBeCloseTo(30.069075, 4)
    expect(logLikelihood({ a: 3, b: 1, c: 2, d: 94 })).toBeCloseTo(15.761523, 4)
  })
  it('is zero for independence and for an empty table', () => {
    expect(logLikelihood({ a: 5, b: 5, c: 5, d: 5 })).toBeCloseTo(0, 10)
    expect(logLikelihood({ a: 0, b: 0, c: 0, d: 0 })).toBe(0)
  })
  it('is symmetric in rows and columns, and signed by the direction', () => {
    const t = { a: 10, b: 20, c: 30, d: 940 }
    expect(logLikelihood({ a: t.a, b: t.c, c: t.b, d: t.d })).toBeCloseTo(logLikelihood(t), 10)
    expect(signedLogLikelihood(t)).toBeGreaterThan(0)
    // An n-gram that avoids the positive passages: same G², negative sign.
    expect(signedLogLikelihood({ a: 0, b: 30, c: 100, d: 870 })).toBeLessThan(0)
  })
  it('works with fractional (weighted) counts', () => {
    const g = logLikelihood({ a: 2.5, b: 0.5, c: 1, d: 96 })
    expect(g).toBeGreaterThan(10)
    expect(Number.isFinite(g)).toBe(true)
  })
})

describe('Dice coefficient', () => {
  it('is 2a / (2a + b + c)', () => {
    expect(dice({ a: 10, b: 20, c: 30, d: 940 })).toBeCloseTo(20 / 70, 10)
    expect(dice({ a: 4, b: 0, c: 0, d: 1 })).toBe(1)
    expect(dice({ a: 0, b: 3, c: 3, d: 1 })).toBe(0)
  })
})

describe('contingency from marginals', () => {
  it('fills the four cells', () => {
    expect(contingency(3, 5, 4, 100)).toEqual({ a: 3, b: 2, c: 1, d: 94 })
  })
})
