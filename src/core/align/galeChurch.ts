// Gale–Church length cost of a bead: sentences that translate each other have proportional lengths.

/** Bead shapes the aligner uses: sentences of the source × sentences of the target. */
export type BeadType = '1-1' | '1-2' | '2-1' | '1-0' | '0-1' | '2-2'

/** Prior probabilities of bead shapes (Gale & Church 1993, Table 5; 2-2 kept rare). */
export const BEAD_PRIORS: Record<BeadType, number> = {
  '1-1': 0.89,
  '1-0': 0.0099 / 2,
  '0-1': 0.0099 / 2,
  '2-1': 0.089 / 2,
  '1-2': 0.089 / 2,
  '2-2': 0.011,
}

/** Parameters of the length model. */
export interface LengthModel {
  /** Expected target characters per source character. */
  c: number
  /** Variance per source character (Gale & Church: 6.8). */
  s2: number
}

/** Standard normal cumulative distribution (Abramowitz–Stegun 26.2.17, error < 7.5e-8). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z))
  const d = 0.3989422804014327 * Math.exp((-z * z) / 2)
  const p = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))))
  return z >= 0 ? 1 - p : p
}

/**
 * Estimates the length model from the two texts' total lengths: c = target chars / source chars, shrunk towards 1
 * by `prior` characters on each side, so that a short text (or one untranslated sentence in it) cannot skew it.
 */
export function estimateLengthModel(srcLengths: readonly number[], tgtLengths: readonly number[], s2 = 6.8, prior = 1000): LengthModel {
  const a = srcLengths.reduce((s, x) => s + x, 0)
  const b = tgtLengths.reduce((s, x) => s + x, 0)
  return { c: (b + prior) / (a + prior), s2 }
}

/**
 * −log P(lengths | match): how unlikely it is that a source group of `l1` characters translates as a target
 * group of `l2` characters. Symmetric form: the variance grows with the mean of both lengths in source units.
 */
export function lengthCost(l1: number, l2: number, model: LengthModel): number {
  if (l1 === 0 && l2 === 0) return 0
  const mean = (l1 + l2 / model.c) / 2
  const delta = (l2 - l1 * model.c) / Math.sqrt(model.s2 * mean)
  const p = 2 * (1 - normalCdf(Math.abs(delta)))
  return -Math.log(Math.max(p, 1e-12))
}

/** −log prior of a bead shape. */
export function priorCost(type: BeadType): number {
  return -Math.log(BEAD_PRIORS[type])
}
