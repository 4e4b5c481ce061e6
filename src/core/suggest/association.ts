// Association measures over a 2×2 contingency table: how strongly an n-gram goes with a concept's passages.
//
//                 passage linked to the concept   other passages
//   has n-gram              a                         c
//   lacks n-gram            b                         d
//
// Counts may be fractional (passages weighted by link confidence); both measures stay well defined.

/** A 2×2 contingency table (see the module header for the cells' meaning). */
export interface Contingency {
  a: number
  b: number
  c: number
  d: number
}

/** x · ln(x / e), with the limit 0 at x = 0. */
function xlx(x: number, e: number): number {
  return x > 0 && e > 0 ? x * Math.log(x / e) : 0
}

/**
 * Dunning's (1993) log-likelihood ratio G² = 2 Σ O·ln(O/E) over the four cells, where E are the counts
 * expected if rows and columns were independent. Asymptotically χ² with one degree of freedom
 * (3.84 ≈ p 0.05, 10.83 ≈ p 0.001); unlike χ² it stays reliable for the rare events that terms are.
 */
export function logLikelihood(t: Contingency): number {
  const { a, b, c, d } = t
  const n = a + b + c + d
  if (n <= 0) return 0
  const r1 = a + c // passages with the n-gram
  const r2 = b + d
  const k1 = a + b // positive passages
  const k2 = c + d
  const g = xlx(a, (r1 * k1) / n) + xlx(b, (r2 * k1) / n) + xlx(c, (r1 * k2) / n) + xlx(d, (r2 * k2) / n)
  return Math.max(0, 2 * g)
}

/**
 * G² signed by the direction of the association: positive when the n-gram is more frequent in the
 * positive passages than elsewhere (a/(a+b) > c/(c+d)), negative when it avoids them.
 */
export function signedLogLikelihood(t: Contingency): number {
  const g = logLikelihood(t)
  const pPos = t.a + t.b > 0 ? t.a / (t.a + t.b) : 0
  const pNeg = t.c + t.d > 0 ? t.c / (t.c + t.d) : 0
  return pPos >= pNeg ? g : -g
}

/** Dice coefficient 2a / ((a + b) + (a + c)): overlap of the n-gram's passages with the positive ones, in [0, 1]. */
export function dice(t: Contingency): number {
  const den = 2 * t.a + t.b + t.c
  return den > 0 ? (2 * t.a) / den : 0
}

/** Builds the table from marginals: `joint` positives with the n-gram, `pos` positives, `freq` passages with it, `n` in all. */
export function contingency(joint: number, pos: number, freq: number, n: number): Contingency {
  return { a: joint, b: Math.max(0, pos - joint), c: Math.max(0, freq - joint), d: Math.max(0, n - pos - freq + joint) }
}
