// The bead cost with a model, as Bertalign scores beads: the cosine of the embeddings of the concatenated
// sentences of each side, less the similarity to the neighbouring sentences (margin), times a length penalty.
import type { DpLevel } from './dp'

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
}

/** The overlaps to embed for a side: every run of 1 … `max` sentences, with its count and start. */
export function overlapTexts(sentences: readonly string[], max = 4): { text: string; count: number; start: number }[] {
  const out: { text: string; count: number; start: number }[] = []
  for (let k = 1; k <= max; k++)
    for (let i = 0; i + k <= sentences.length; i++) out.push({ text: sentences.slice(i, i + k).map((s) => s.trim()).join(' '), count: k, start: i })
  return out
}

/** `OverlapVectors` from the vectors of `overlapTexts`' entries, in the same order. */
export function overlapVectors(entries: readonly { count: number; start: number }[], vectors: readonly ArrayLike<number>[]): OverlapVectors {
  const byCount: ArrayLike<number>[][] = []
  entries.forEach((e, x) => ((byCount[e.count - 1] ??= [])[e.start] = vectors[x]))
  return { byCount }
}

function normalised(v: Float32Array): Float32Array {
  let s = 0
  for (let d = 0; d < v.length; d++) s += v[d] * v[d]
  const inv = s > 0 ? 1 / Math.sqrt(s) : 0
  for (let d = 0; d < v.length; d++) v[d] *= inv
  return v
}

function sumOf(units: readonly ArrayLike<number>[], from: number, count: number): Float32Array {
  const out = new Float32Array(units[from].length)
  for (let u = from; u < from + count; u++) for (let d = 0; d < out.length; d++) out[d] += units[u][d]
  return normalised(out)
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

/**
 * A search level over embedded units. A bead's score is Bertalign's: cos(src overlap, tgt overlap) less the mean of
 * each overlap's cosine with the sentences just before and after the other side's overlap (margin), times
 * log2(1 + min/max) of the two sides' lengths (target lengths divided by the texts' ratio `c`) when it is positive.
 * The cost is the negated score; 1-0 and 0-1 beads cost `skip`.
 */
export function embeddingLevel(
  src: { len: ArrayLike<number>; vectors: OverlapVectors },
  tgt: { len: ArrayLike<number>; vectors: OverlapVectors },
  c: number,
  w: EmbeddingWeights,
  max = 4,
): DpLevel {
  const n = src.len.length
  const m = tgt.len.length
  const sv = complete(src.vectors, n, max)
  const tv = complete(tgt.vectors, m, max)
  const srcSum = new Float64Array(n + 1)
  const tgtSum = new Float64Array(m + 1)
  for (let i = 0; i < n; i++) srcSum[i + 1] = srcSum[i] + src.len[i]
  for (let j = 0; j < m; j++) tgtSum[j + 1] = tgtSum[j] + tgt.len[j]
  // Cosines of an overlap with single units of the other side, each computed once. The search goes row by row
  // (source position i ascending), so source-side caches keep only the last rows: memory stays linear.
  const rowCache = new Map<number, Map<number, number>>()
  const unitCache = new Map<number, Map<number, number>>()
  let lastRow = -1
  const cached = (cache: Map<number, Map<number, number>>, key: number, idx: number, a: ArrayLike<number>, b: ArrayLike<number>) => {
    let row = cache.get(key)
    if (!row) cache.set(key, (row = new Map()))
    let v = row.get(idx)
    if (v === undefined) row.set(idx, (v = dot(a, b)))
    return v
  }
  /** Mean cosine of the source overlap (start s, count di) with the target units just before `from` and at `to`. */
  const srcNeighbours = (a: ArrayLike<number>, s: number, di: number, from: number, to: number) => {
    let sum = 0
    let k = 0
    if (from > 0) (sum += cached(rowCache, s * 8 + di, from - 1, a, tv[0][from - 1])), k++
    if (to < m) (sum += cached(rowCache, s * 8 + di, to, a, tv[0][to])), k++
    return k ? sum / k : 0
  }
  /** Mean cosine of the target overlap (start t, count dj) with the source units just before `from` and at `to`. */
  const tgtNeighbours = (b: ArrayLike<number>, t: number, dj: number, from: number, to: number) => {
    let sum = 0
    let k = 0
    if (from > 0) (sum += cached(unitCache, from - 1, t * 4 + dj - 1, b, sv[0][from - 1])), k++
    if (to < n) (sum += cached(unitCache, to, t * 4 + dj - 1, b, sv[0][to])), k++
    return k ? sum / k : 0
  }
  return {
    n,
    m,
    cost(i, j, di, dj) {
      if (di === 0 || dj === 0) return w.skip
      if (i !== lastRow) {
        // Rows only ascend within a search; a new search (or a trace) starts the caches afresh.
        if (i < lastRow) rowCache.clear(), unitCache.clear()
        for (const key of rowCache.keys()) if (key >> 3 < i - 5) rowCache.delete(key)
        for (const key of unitCache.keys()) if (key < i - 6) unitCache.delete(key)
        lastRow = i
      }
      const a = sv[di - 1][i - di]
      const b = tv[dj - 1][j - dj]
      const margin = dot(a, b) - (srcNeighbours(a, i - di, di, j - dj, j) + tgtNeighbours(b, j - dj, dj, i - di, i)) / 2
      const l1 = srcSum[i] - srcSum[i - di]
      const l2 = (tgtSum[j] - tgtSum[j - dj]) / c
      const penalty = l1 > 0 && l2 > 0 ? Math.log2(1 + Math.min(l1, l2) / Math.max(l1, l2)) : 0
      // A length mismatch lowers a good score; it must not soften a bad one (a negative margin times a small
      // penalty would make ill-fitting many-sentence beads cheap).
      return margin > 0 ? -margin * penalty : -margin
    },
    coarser: () => {
      const half = (len: ArrayLike<number>, units: readonly ArrayLike<number>[]) => {
        const l = Array.from({ length: Math.ceil(len.length / 2) }, (_, k) => len[2 * k] + (2 * k + 1 < len.length ? len[2 * k + 1] : 0))
        return { len: l, vectors: { byCount: [halve(units)] } }
      }
      return embeddingLevel(half(src.len, sv[0]), half(tgt.len, tv[0]), c, w, max)
    },
  }
}
