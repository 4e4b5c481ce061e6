// Monotonic sentence alignment of a text and its translation: dynamic programming over 1-1, 1-2, 2-1, 1-0, 0-1 beads.
import type { Lang } from '../model'
import type { ConceptMatcherLike } from '../link/features'
import { cosine } from '../link/hybrid'
import { anchorsOf, groupNumberMismatch, groupSimilarity, sentenceFeatures, type SentenceAnchors } from './anchors'
import { estimateLengthModel, lengthCost, priorCost, type BeadType, type LengthModel } from './galeChurch'

/** One aligned unit: source sentence positions × target sentence positions (either may be empty). */
export interface AlignBead {
  src: number[]
  tgt: number[]
  type: BeadType
  /** The bead's cost in the DP (lower is better). */
  cost: number
  /** Anchor similarity of the two sides in [0, 1] (shared numbers, names, cognates, concepts). */
  anchor: number
  /** Neural similarity, when embeddings or a similarity function were given. */
  neural?: number
}

/** Options of `alignSentences`. */
export interface AlignOptions {
  srcLang?: Lang | 'und'
  tgtLang?: Lang | 'und'
  /** Glossary matcher: shared concepts become anchors. */
  matcher?: ConceptMatcherLike | null
  /** Sentence embeddings (one vector per sentence); a group's vector is the sum of its sentences'. */
  embeddings?: { src: readonly ArrayLike<number>[]; tgt: readonly ArrayLike<number>[] }
  /** Or a similarity of two sentence groups in [-1, 1]. */
  similarity?: (src: readonly number[], tgt: readonly number[]) => number
  /** Cost weight of the anchor similarity (default 4). */
  anchorWeight?: number
  /** Cost of numbers that one side has and the other lacks (default 2). */
  mismatchWeight?: number
  /** Cost weight of the neural similarity (default 6). */
  neuralWeight?: number
  /** Fixed cost of a 1-0 or 0-1 bead on top of its prior (default 1). */
  nullCost?: number
  /**
   * Length model. When omitted: c = 1 (or the texts' length ratio when their sentence counts are within 20%) for
   * a first pass, then c re-estimated from that pass's 1-1 beads and the texts aligned again.
   */
  lengthModel?: LengthModel
  /** Half-width of the search band around the diagonal, in sentences (default: wide enough for the texts). */
  band?: number
  /** Allow 2-2 beads (default false). */
  twoToTwo?: boolean
}

const MOVES: readonly (readonly [number, number, BeadType])[] = [
  [1, 1, '1-1'], [1, 0, '1-0'], [0, 1, '0-1'], [2, 1, '2-1'], [1, 2, '1-2'], [2, 2, '2-2'],
]

function prefixSums(xs: readonly number[]): Float64Array {
  const out = new Float64Array(xs.length + 1)
  xs.forEach((x, i) => (out[i + 1] = out[i] + x))
  return out
}

function range(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => from + k)
}

/** Sum of the vectors at `idx` (null when a vector is missing). */
function groupVector(vectors: readonly ArrayLike<number>[], idx: readonly number[]): Float64Array | null {
  const first = vectors[idx[0]]
  if (!first) return null
  const out = new Float64Array(first.length)
  for (const i of idx) {
    const v = vectors[i]
    if (!v) return null
    for (let d = 0; d < out.length; d++) out[d] += v[d]
  }
  return out
}

/**
 * Aligns the sentences of a source text with those of its translation, keeping order (no crossing). The cost
 * of a bead is the Gale–Church length cost (a fixed `nullCost` for 1-0 and 0-1) plus the bead prior, minus
 * `anchorWeight` × the anchor similarity
 * (shared numbers, dates, names, cognates, glossary concepts), plus `mismatchWeight` × the share of numbers
 * found on one side only, minus `neuralWeight` × the embedding similarity when one is given.
 */
export function alignSentences(src: readonly string[], tgt: readonly string[], opts: AlignOptions = {}): AlignBead[] {
  const srcLen = src.map((s) => s.replace(/\s+/g, ' ').trim().length)
  const tgtLen = tgt.map((s) => s.replace(/\s+/g, ' ').trim().length)
  const fa = sentenceFeatures(src, opts.srcLang ?? 'und', opts.matcher).map(anchorsOf)
  const fb = sentenceFeatures(tgt, opts.tgtLang ?? 'und', opts.matcher).map(anchorsOf)
  const input: DpInput = { srcLen, tgtLen, fa, fb }
  if (opts.lengthModel) return alignDp(input, opts.lengthModel, opts)
  const similar = Math.abs(src.length - tgt.length) <= 0.2 * Math.max(src.length, tgt.length)
  const first = alignDp(input, similar ? estimateLengthModel(srcLen, tgtLen) : { c: 1, s2: 6.8 }, opts)
  const ratios = first
    .filter((b) => b.type === '1-1' && srcLen[b.src[0]] > 0)
    .map((b) => tgtLen[b.tgt[0]] / srcLen[b.src[0]])
    .sort((x, y) => x - y)
  if (ratios.length < 3) return first
  const c = Math.min(2, Math.max(0.5, ratios[Math.floor(ratios.length / 2)]))
  return alignDp(input, { c, s2: 6.8 }, opts)
}

/** Per-sentence lengths and anchors of both sides. */
interface DpInput {
  srcLen: number[]
  tgtLen: number[]
  fa: SentenceAnchors[]
  fb: SentenceAnchors[]
}

/** One dynamic-programming pass under a length model. */
function alignDp(input: DpInput, model: LengthModel, opts: AlignOptions): AlignBead[] {
  const { srcLen, tgtLen, fa, fb } = input
  const n = srcLen.length
  const m = tgtLen.length
  const srcSum = prefixSums(srcLen)
  const tgtSum = prefixSums(tgtLen)
  const wA = opts.anchorWeight ?? 4
  const wM = opts.mismatchWeight ?? 2
  const wN = opts.neuralWeight ?? 6
  const wNull = opts.nullCost ?? 1
  const neural = neuralOf(opts)
  const moves = MOVES.filter((mv) => opts.twoToTwo || mv[2] !== '2-2')

  const beadCost = (i: number, j: number, di: number, dj: number, type: BeadType) => {
    const l1 = srcSum[i] - srcSum[i - di]
    const l2 = tgtSum[j] - tgtSum[j - dj]
    // A sentence left unaligned pays its prior and a fixed cost, not a length cost: Gale–Church would make a long
    // untranslated sentence so dear that the DP glued it to a neighbour instead.
    let cost = (di > 0 && dj > 0 ? lengthCost(l1, l2, model) : wNull) + priorCost(type)
    let anchor = 0
    let sim: number | undefined
    if (di > 0 && dj > 0) {
      const ga = fa.slice(i - di, i)
      const gb = fb.slice(j - dj, j)
      anchor = groupSimilarity(ga, gb)
      cost += wM * groupNumberMismatch(ga, gb) - wA * anchor
      if (neural) {
        sim = neural(range(i - di, di), range(j - dj, dj))
        cost -= wN * Math.max(0, sim)
      }
    }
    return { cost, anchor, sim }
  }

  // Banded DP: row i covers target positions [lo[i], hi[i]].
  const w = opts.band ?? Math.max(20, Math.abs(n - m) + Math.ceil(0.1 * Math.max(n, m)))
  const lo = new Int32Array(n + 1)
  const hi = new Int32Array(n + 1)
  const rowStart = new Int32Array(n + 2)
  for (let i = 0; i <= n; i++) {
    const center = n === 0 ? 0 : Math.round((i * m) / n)
    lo[i] = Math.max(0, center - w)
    hi[i] = Math.min(m, center + w)
    if (i === 0) lo[i] = 0
    if (i === n) hi[i] = m
    rowStart[i + 1] = rowStart[i] + (hi[i] - lo[i] + 1)
  }
  const size = rowStart[n + 1]
  const D = new Float64Array(size).fill(Infinity)
  const back = new Uint8Array(size)
  const at = (i: number, j: number) => (j < lo[i] || j > hi[i] ? -1 : rowStart[i] + (j - lo[i]))
  D[at(0, 0)] = 0
  for (let i = 0; i <= n; i++) {
    for (let j = lo[i]; j <= hi[i]; j++) {
      const here = at(i, j)
      for (let k = 0; k < moves.length; k++) {
        const [di, dj, type] = moves[k]
        if (i < di || j < dj) continue
        const prev = at(i - di, j - dj)
        if (prev < 0 || D[prev] === Infinity) continue
        const c = D[prev] + beadCost(i, j, di, dj, type).cost
        if (c < D[here]) {
          D[here] = c
          back[here] = k
        }
      }
    }
  }
  if (at(n, m) < 0 || D[at(n, m)] === Infinity) return []
  const beads: AlignBead[] = []
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const [di, dj, type] = moves[back[at(i, j)]]
    const { cost, anchor, sim } = beadCost(i, j, di, dj, type)
    const bead: AlignBead = { src: range(i - di, di), tgt: range(j - dj, dj), type, cost, anchor }
    if (sim !== undefined) bead.neural = sim
    beads.push(bead)
    i -= di
    j -= dj
  }
  return beads.reverse()
}

function neuralOf(opts: AlignOptions): ((a: number[], b: number[]) => number) | null {
  if (opts.similarity) return opts.similarity
  const e = opts.embeddings
  if (!e) return null
  return (a, b) => {
    const va = groupVector(e.src, a)
    const vb = groupVector(e.tgt, b)
    return va && vb ? cosine(va, vb) : 0
  }
}

/** The sentence pairs of the beads that have both sides, sentences of a side joined by a space (for TMX). */
export function beadsToPairs(beads: readonly AlignBead[], src: readonly string[], tgt: readonly string[]): { src: string; tgt: string }[] {
  return beads
    .filter((b) => b.src.length > 0 && b.tgt.length > 0)
    .map((b) => ({ src: b.src.map((i) => src[i].trim()).join(' '), tgt: b.tgt.map((j) => tgt[j].trim()).join(' ') }))
}
