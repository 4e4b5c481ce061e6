// Gale–Church length cost of a bead: sentences that translate each other have proportional lengths.

/** A bead shape as "sentences of the source-sentences of the target" ('1-1', '2-1', '1-0', '1-3' …). */
export type BeadType = `${number}-${number}`

/**
 * Prior probabilities of bead shapes: Gale & Church 1993 (Table 5) for 1-1, 2-1/1-2 and 2-2; 1-0 and 0-1 twice
 * theirs (their Hansards had few untranslated lines; documents with figures, captions and formulas have more); each
 * further sentence in a bead beyond those a tenth as likely (3-1, 1-3: 0.0045; 1-4, 2-3: 0.00045), the decay
 * from 1-1 to 2-1 and 2-1 to 2-2 in their table.
 */
export const BEAD_PRIORS: Record<string, number> = {
  '1-1': 0.89,
  '1-0': 0.0099,
  '0-1': 0.0099,
  '2-1': 0.089 / 2,
  '1-2': 0.089 / 2,
  '2-2': 0.011,
}

/** The prior of a shape (see `BEAD_PRIORS`; unlisted shapes decay tenfold per sentence beyond three). */
export function shapePrior(di: number, dj: number): number {
  const listed = BEAD_PRIORS[`${di}-${dj}`]
  if (listed !== undefined) return listed
  if (di === 0 || dj === 0) return 0
  return (0.089 / 2) * 0.1 ** (di + dj - 3)
}

const SHAPE_COST = new Float64Array(64 * 64).fill(NaN)

/** −log prior of a shape, cached (shapes up to 63 sentences a side). */
export function shapeCost(di: number, dj: number): number {
  const key = di * 64 + dj
  let c = SHAPE_COST[key]
  if (c !== c) {
    c = -Math.log(Math.max(shapePrior(di, dj), 1e-12))
    if (di < 64 && dj < 64) SHAPE_COST[key] = c
  }
  return c
}

/**
 * Shape costs learned from a first alignment of the texts themselves (one Viterbi re-estimation): each two-sided
 * shape's prior is its share of the first path's two-sided beads, smoothed by `pseudo` beads spread as
 * `shapePrior` spreads them, and scaled so that the two-sided shapes keep their total prior (1-0 and 0-1 beads keep
 * theirs). A translation that re-cuts many sentences (Text+Berg: 58 % 1-1) then pays less for 2-2 or 3-1 beads
 * than one that keeps them (a message catalogue: 95 % 1-1), which the Hansard priors alone cannot tell apart.
 */
export function learnedShapeCost(path: readonly (readonly [number, number])[], shapes: readonly (readonly [number, number])[], pseudo = 100): (di: number, dj: number) => number {
  const counts = new Map<number, number>()
  let beads = 0
  for (const [di, dj] of path) {
    if (!di || !dj) continue
    counts.set(di * 64 + dj, (counts.get(di * 64 + dj) ?? 0) + 1)
    beads++
  }
  let mass = 0
  for (const [di, dj] of shapes) if (di && dj) mass += shapePrior(di, dj)
  const cost = new Map<number, number>()
  for (const [di, dj] of shapes) {
    if (!di || !dj) continue
    const p = (((counts.get(di * 64 + dj) ?? 0) + (pseudo * shapePrior(di, dj)) / mass) / (beads + pseudo)) * mass
    cost.set(di * 64 + dj, -Math.log(Math.max(p, 1e-12)))
  }
  return (di, dj) => cost.get(di * 64 + dj) ?? shapeCost(di, dj)
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
  const [di, dj] = type.split('-').map(Number)
  return shapeCost(di, dj)
}
