// The bead cost with a model, as Bertalign scores beads (the cosine of the embeddings of the concatenated sentences
// of each side, as a margin, times a length penalty), the margin taken against each side's nearest neighbours.
import type { DpLevel, Shape } from './dp'
import { normaliseInPlace } from '../link/hybrid'

/**
 * Embeddings of overlaps (runs of consecutive sentences, joined by a space) of one side: `byCount[k - 1][i]` is
 * the unit vector of sentences i … i+k-1. Count 1 must be complete; missing longer overlaps are summed from their
 * sentences.
 */
export interface OverlapVectors {
  byCount: (ArrayLike<number> | undefined)[][]
}

/** Weights of the embedding cost. */
export interface EmbeddingWeights {
  /** Cost of a 1-0 or 0-1 bead (Bertalign's skip, negated). */
  skip: number
  /** Nearest neighbours whose mean cosine is the margin's baseline (default 3). */
  k?: number
  /** Half-width, in units, of the stretch of the other side around the coarser path where they are looked for (default 32). */
  window?: number
}

/**
 * The overlaps to embed for a side: every run of 1 … `max` sentences, with its count and start. `breaks` are the
 * positions where a new block starts (a block and its translation are aligned apart): no run crosses one.
 */
export function overlapTexts(sentences: readonly string[], max = 4, breaks: readonly number[] = []): { text: string; count: number; start: number }[] {
  const out: { text: string; count: number; start: number }[] = []
  const crosses = (i: number, k: number) => breaks.some((b) => b > i && b < i + k)
  for (let k = 1; k <= max; k++)
    for (let i = 0; i + k <= sentences.length; i++) {
      if (k > 1 && crosses(i, k)) continue
      out.push({ text: sentences.slice(i, i + k).map((s) => s.trim()).join(' '), count: k, start: i })
    }
  return out
}

/** `OverlapVectors` from the vectors of `overlapTexts`' entries, in the same order. */
export function overlapVectors(entries: readonly { count: number; start: number }[], vectors: readonly ArrayLike<number>[]): OverlapVectors {
  const byCount: ArrayLike<number>[][] = []
  entries.forEach((e, x) => ((byCount[e.count - 1] ??= [])[e.start] = vectors[x]))
  return { byCount }
}

/** The overlap vectors of sentences `from` … `from + count - 1` alone (each run that lies inside them, re-indexed). */
export function sliceOverlaps(o: OverlapVectors, from: number, count: number): OverlapVectors {
  return { byCount: o.byCount.map((row, k) => row.slice(from, Math.max(from, from + count - k))) }
}

function sumOf(units: readonly ArrayLike<number>[], from: number, count: number): Float32Array {
  const out = new Float32Array(units[from].length)
  for (let u = from; u < from + count; u++) for (let d = 0; d < out.length; d++) out[d] += units[u][d]
  return normaliseInPlace(out)
}

/** Every overlap vector of counts 1 … max, filling the missing ones from their sentences' vectors. */
function complete(o: OverlapVectors, n: number, max: number): ArrayLike<number>[][] {
  for (let i = 0; i < n; i++) if (!o.byCount[0]?.[i]) throw new Error(`embeddings: sentence ${i} has no vector`)
  const units = o.byCount[0] as ArrayLike<number>[]
  const out: ArrayLike<number>[][] = []
  for (let k = 1; k <= max; k++) {
    const row: ArrayLike<number>[] = []
    for (let i = 0; i + k <= n; i++) row.push(o.byCount[k - 1]?.[i] ?? sumOf(units, i, k))
    out.push(row)
  }
  return out
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0
  for (let d = 0; d < a.length; d++) s += a[d] * b[d]
  return s
}

/** Vectors of units 2k and 2k+1 summed and normalised. */
function halve(units: readonly ArrayLike<number>[]): ArrayLike<number>[] {
  const out: ArrayLike<number>[] = []
  for (let k = 0; 2 * k < units.length; k++) out.push(sumOf(units, 2 * k, Math.min(2, units.length - 2 * k)))
  return out
}

/** For each unit of one side, the stretch [lo, hi) of the other side's units where its neighbours are looked for. */
interface Stretches {
  src: { lo: Int32Array; hi: Int32Array }
  tgt: { lo: Int32Array; hi: Int32Array }
}

/**
 * The stretches around a coarser path (each coarse unit k is units 2k and 2k+1 here): the units a coarse bead
 * pairs, widened by `window` each way. A 1-0 or 0-1 bead lends its place to the units on both sides of it.
 */
function stretchesAround(coarse: readonly Shape[], n: number, m: number, window: number): Stretches {
  const N = Math.ceil(n / 2)
  const M = Math.ceil(m / 2)
  const side = (units: number, others: number, along: 0 | 1) => {
    const lo = new Int32Array(units).fill(others)
    const hi = new Int32Array(units).fill(0)
    let I = 0
    let J = 0
    for (const step of coarse) {
      const [di, dj] = along === 0 ? step : [step[1], step[0]]
      for (let u = Math.max(0, I - (di ? 0 : 1)); u < Math.min(units, I + Math.max(di, 1)); u++) {
        lo[u] = Math.min(lo[u], J)
        hi[u] = Math.max(hi[u], J + dj)
      }
      I += di
      J += dj
    }
    const fine = along === 0 ? n : m
    const fineOthers = along === 0 ? m : n
    const out = { lo: new Int32Array(fine), hi: new Int32Array(fine) }
    for (let i = 0; i < fine; i++) {
      const u = i >> 1
      out.lo[i] = Math.max(0, 2 * Math.min(lo[u], hi[u]) - window)
      out.hi[i] = Math.min(fineOthers, 2 * Math.max(lo[u], hi[u]) + window)
    }
    return out
  }
  return { src: side(N, M, 0), tgt: side(M, N, 1) }
}

/**
 * Mean of the `k` largest cosines of each overlap with the other side's single units in its stretch (the union
 * of its units' stretches; all of the other side without stretches).
 */
function neighbourMeans(rows: ArrayLike<number>[][], units: readonly ArrayLike<number>[], k: number, stretch?: { lo: Int32Array; hi: Int32Array }): Float32Array[] {
  const best = new Float64Array(k)
  return rows.map((row, c) =>
    Float32Array.from(row, (a, i) => {
      let lo = 0
      let hi = units.length
      if (stretch) {
        lo = units.length
        hi = 0
        for (let u = i; u <= i + c; u++) (lo = Math.min(lo, stretch.lo[u])), (hi = Math.max(hi, stretch.hi[u]))
      }
      const want = Math.min(k, hi - lo)
      if (want <= 0) return 0
      best.fill(-Infinity)
      for (let j = lo; j < hi; j++) {
        const v = dot(a, units[j])
        if (v <= best[want - 1]) continue
        let q = want - 1
        while (q > 0 && best[q - 1] < v) (best[q] = best[q - 1]), q--
        best[q] = v
      }
      let sum = 0
      for (let q = 0; q < want; q++) sum += best[q]
      return sum / want
    }),
  )
}

/**
 * A search level over embedded units. A bead's score is Bertalign's with a nearest-neighbour margin (as in LASER's
 * and Vecalign's margin scores): cos(src overlap, tgt overlap) less the mean of each overlap's mean cosine with its
 * `k` nearest single units of the other side, times log2(1 + min/max) of the two sides' lengths (target lengths
 * divided by the texts' ratio `c`) when it is positive. The cost is the negated score; 1-0 and 0-1 beads cost
 * `skip`. The neighbours are looked for near the coarser level's path (`refine`), so time stays linear; on the
 * coarsest level, searched in full, among all units.
 */
export function embeddingLevel(
  src: { len: ArrayLike<number>; vectors: OverlapVectors },
  tgt: { len: ArrayLike<number>; vectors: OverlapVectors },
  c: number,
  w: EmbeddingWeights,
  max = 4,
  stretches?: Stretches,
): DpLevel {
  const n = src.len.length
  const m = tgt.len.length
  const sv = complete(src.vectors, n, max)
  const tv = complete(tgt.vectors, m, max)
  const srcSum = new Float64Array(n + 1)
  const tgtSum = new Float64Array(m + 1)
  for (let i = 0; i < n; i++) srcSum[i + 1] = srcSum[i] + src.len[i]
  for (let j = 0; j < m; j++) tgtSum[j + 1] = tgtSum[j] + tgt.len[j]
  const k = w.k ?? 3
  // Computed on the first bead scored: a level that is only refined (or only halved) never needs them.
  let near: { src: Float32Array[]; tgt: Float32Array[] } | null = null
  return {
    n,
    m,
    cost(i, j, di, dj) {
      if (di === 0 || dj === 0) return w.skip
      near ??= { src: neighbourMeans(sv, tv[0], k, stretches?.src), tgt: neighbourMeans(tv, sv[0], k, stretches?.tgt) }
      const margin = dot(sv[di - 1][i - di], tv[dj - 1][j - dj]) - (near.src[di - 1][i - di] + near.tgt[dj - 1][j - dj]) / 2
      const l1 = srcSum[i] - srcSum[i - di]
      const l2 = (tgtSum[j] - tgtSum[j - dj]) / c
      const penalty = l1 > 0 && l2 > 0 ? Math.log2(1 + Math.min(l1, l2) / Math.max(l1, l2)) : 0
      // A length mismatch lowers a good score; it must not soften a bad one (a negative margin times a small
      // penalty would make ill-fitting many-sentence beads cheap).
      return margin > 0 ? -margin * penalty : -margin
    },
    coarser: () => {
      const half = (len: ArrayLike<number>, units: readonly ArrayLike<number>[]) => {
        const l = Array.from({ length: Math.ceil(len.length / 2) }, (_, q) => len[2 * q] + (2 * q + 1 < len.length ? len[2 * q + 1] : 0))
        return { len: l, vectors: { byCount: [halve(units)] } }
      }
      return embeddingLevel(half(src.len, sv[0]), half(tgt.len, tv[0]), c, w, max)
    },
    refine: (coarse) => embeddingLevel({ len: src.len, vectors: { byCount: sv } }, { len: tgt.len, vectors: { byCount: tv } }, c, w, max, stretchesAround(coarse, n, m, w.window ?? 32)),
  }
}
