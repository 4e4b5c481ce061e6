// Scores a sentence alignment against a gold alignment: precision, recall and F1 over sentence links.

/** Anything with source and target sentence positions (an `AlignBead`, a gold bead). */
export interface BeadLike {
  src: readonly number[]
  tgt: readonly number[]
}

/** Precision, recall and F1 of an alignment. */
export interface AlignmentScore {
  precision: number
  recall: number
  f1: number
  /** Links in the prediction, in the gold, and in both. */
  predicted: number
  gold: number
  correct: number
}

/** The sentence links "i-j" of beads: every source sentence × every target sentence of a bead (null beads add none). */
export function alignmentLinks(beads: readonly BeadLike[]): Set<string> {
  const out = new Set<string>()
  for (const b of beads) for (const i of b.src) for (const j of b.tgt) out.add(`${i}-${j}`)
  return out
}

/** Precision, recall and F1 of `predicted` against `gold`, counted over sentence links. */
export function scoreAlignment(predicted: readonly BeadLike[], gold: readonly BeadLike[]): AlignmentScore {
  const p = alignmentLinks(predicted)
  const g = alignmentLinks(gold)
  let correct = 0
  for (const l of p) if (g.has(l)) correct++
  const precision = p.size ? correct / p.size : 0
  const recall = g.size ? correct / g.size : 0
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
  return { precision, recall, f1, predicted: p.size, gold: g.size, correct }
}

/**
 * Beads from a ladder (hunalign's output: rungs [i, j, score], from [0, 0] to [n, m]): each step between two
 * rungs is one bead.
 */
export function beadsFromLadder(ladder: readonly (readonly number[])[]): BeadLike[] {
  const out: BeadLike[] = []
  for (let k = 1; k < ladder.length; k++) {
    const [i0, j0] = ladder[k - 1]
    const [i1, j1] = ladder[k]
    if (i1 === i0 && j1 === j0) continue
    out.push({ src: Array.from({ length: i1 - i0 }, (_, d) => i0 + d), tgt: Array.from({ length: j1 - j0 }, (_, d) => j0 + d) })
  }
  return out
}
