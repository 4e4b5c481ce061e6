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

/** Strict and lax precision, recall and F1 of beads, as the peers score them (Vecalign's score.py). */
export interface BeadScore {
  strict: { precision: number; recall: number; f1: number }
  lax: { precision: number; recall: number; f1: number }
  /** The counts behind them: [true positives, false positives] of precision and of recall, strict and lax. */
  counts: BeadCounts
}

/** Summable counts of `beadCounts` (add them over documents, then call `beadScoreOf`). */
export interface BeadCounts {
  precision: { tpStrict: number; fpStrict: number; tpLax: number; fpLax: number }
  recall: { tpStrict: number; fpStrict: number; tpLax: number; fpLax: number }
}

const beadKey = (b: BeadLike) => `${b.src.join(',')}:${b.tgt.join(',')}`

/** True and false positives of `test` beads against `gold` beads, strict (same bead) and lax (a shared link). */
function precisionCounts(gold: readonly BeadLike[], test: readonly BeadLike[]) {
  const goldKeys = new Set(gold.filter((b) => b.src.length || b.tgt.length).map(beadKey))
  const goldTargets = new Map<number, Set<number>>()
  for (const g of gold) for (const i of g.src) for (const j of g.tgt) (goldTargets.get(i) ?? goldTargets.set(i, new Set()).get(i)!).add(j)
  const out = { tpStrict: 0, fpStrict: 0, tpLax: 0, fpLax: 0 }
  const seen = new Set<string>()
  for (const t of test) {
    const key = beadKey(t)
    if ((!t.src.length && !t.tgt.length) || seen.has(key)) continue
    seen.add(key)
    if (goldKeys.has(key)) {
      out.tpStrict++
      out.tpLax++
      continue
    }
    out.fpStrict++
    if (t.src.some((i) => t.tgt.some((j) => goldTargets.get(i)?.has(j)))) out.tpLax++
    else out.fpLax++
  }
  return out
}

/**
 * Counts for strict and lax scores of one document: precision over the predicted beads (1-0 and 0-1 included),
 * recall over the gold beads that have both sides, as Vecalign's score.py does.
 */
export function beadCounts(gold: readonly BeadLike[], test: readonly BeadLike[]): BeadCounts {
  const both = (b: BeadLike) => b.src.length > 0 && b.tgt.length > 0
  return { precision: precisionCounts(gold, test), recall: precisionCounts(test.filter(both), gold.filter(both)) }
}

/** Adds two documents' counts. */
export function addBeadCounts(a: BeadCounts, b: BeadCounts): BeadCounts {
  const add = (x: BeadCounts['precision'], y: BeadCounts['precision']) => ({
    tpStrict: x.tpStrict + y.tpStrict, fpStrict: x.fpStrict + y.fpStrict, tpLax: x.tpLax + y.tpLax, fpLax: x.fpLax + y.fpLax,
  })
  return { precision: add(a.precision, b.precision), recall: add(a.recall, b.recall) }
}

/** Strict and lax P/R/F1 from (summed) counts; a ratio with nothing to divide by is 0. */
export function beadScoreOf(counts: BeadCounts): BeadScore {
  const ratio = (tp: number, fp: number) => (tp + fp > 0 ? tp / (tp + fp) : 0)
  const prf = (p: number, r: number) => ({ precision: p, recall: r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 })
  const { precision: pc, recall: rc } = counts
  return {
    strict: prf(ratio(pc.tpStrict, pc.fpStrict), ratio(rc.tpStrict, rc.fpStrict)),
    lax: prf(ratio(pc.tpLax, pc.fpLax), ratio(rc.tpLax, rc.fpLax)),
    counts,
  }
}

/** Strict and lax scores of one document's beads against its gold. */
export function scoreBeads(gold: readonly BeadLike[], test: readonly BeadLike[]): BeadScore {
  return beadScoreOf(beadCounts(gold, test))
}

/**
 * Parses beads in the peers' format, one a line: `[src indices]:[tgt indices]` with 0-based positions, `[]` for an
 * empty side (`[12]:[]` is a 1-0 bead). Blank lines are skipped; a malformed line throws naming its line number.
 */
export function parseBeadLines(text: string, where = 'beads'): BeadLike[] {
  const out: BeadLike[] = []
  const list = (s: string, line: number) => {
    const body = s.trim()
    if (!body) return []
    return body.split(',').map((x) => {
      const v = Number(x.trim())
      if (!Number.isInteger(v) || v < 0) throw new Error(`${where}, line ${line}: "${x.trim()}" is not a sentence position`)
      return v
    })
  }
  text.split(/\r?\n/).forEach((raw, k) => {
    const line = raw.trim()
    if (!line) return
    const m = /^\[([^\]]*)\]\s*:\s*\[([^\]]*)\]$/.exec(line)
    if (!m) throw new Error(`${where}, line ${k + 1}: expected "[i,…]:[j,…]", got "${line.slice(0, 60)}"`)
    out.push({ src: list(m[1], k + 1), tgt: list(m[2], k + 1) })
  })
  return out
}
