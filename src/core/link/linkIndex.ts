// An inverted index over passage features with BM25-like, IDF-weighted scoring of only the passages that share a feature.
import type { PassageKind } from '../model'
import type { FeatureCounts, FeatureKind, PassageFeatures } from './features'
import { isDictionaryKey, kindOfKey } from './features'

/**
 * How much one matching feature of each kind is worth, before IDF; `dictionary`: one English stem shared through
 * the bilingual dictionary (worth nothing when left out; its features only exist when a dictionary is given).
 */
export type FeatureWeights = Record<FeatureKind, number> & { dictionary?: number }

/** Default weights, tuned on the fr→en and da/nb→en gold sets (tests/fixtures/link-gold.json). */
export const DEFAULT_WEIGHTS: Required<FeatureWeights> = {
  concept: 1.2,
  date: 2.0,
  month: 1.0,
  year: 0.3,
  number: 1.6,
  percent: 1.8,
  range: 1.8,
  name: 1.0,
  phrase: 1.2,
  cognate: 0.6,
  lexicon: 2.0,
  dictionary: 0.5,
}

/** The passages that have one key, with their precomputed BM25 term impacts, highest impact first. */
interface PostingList {
  docs: Int32Array
  impacts: Float32Array
}

/** The index over the passages of one document (or collection). */
export interface LinkIndex {
  /** Number of indexed passages. */
  size: number
  /** Number of passages document frequencies count (indexed plus background). */
  docs: number
  /** Posting lists, each sorted by impact, highest first. */
  postings: Map<string, PostingList>
  /** Document frequency of each key. */
  df: Map<string, number>
  /** Passage kinds, by passage position. */
  kinds: (PassageKind | undefined)[]
  /** The indexed features, by passage position (for evidence). */
  features: PassageFeatures[]
  k1: number
  b: number
}

/** Options of `buildLinkIndex`. */
export interface LinkIndexOptions {
  /** BM25 term-frequency saturation (default 1.2). */
  k1?: number
  /** BM25 length normalisation (default 0.5). */
  b?: number
  /**
   * Passages that count for document frequency only (typically the source document): a feature common in
   * either report, such as a citation repeated in every paragraph, then weighs less.
   */
  background?: readonly PassageFeatures[]
}

/** Inverse document frequency of a key in the index (BM25's, always positive); 0 for an unknown key. */
export function idf(index: LinkIndex, key: string): number {
  const df = index.df.get(key)
  if (!df) return 0
  return Math.log(1 + (index.docs - df + 0.5) / (df + 0.5))
}

/** Builds the inverted index over the features of passages (one `PassageFeatures` per passage, in order). */
export function buildLinkIndex(features: PassageFeatures[], opts: LinkIndexOptions = {}): LinkIndex {
  const k1 = opts.k1 ?? 1.2
  const b = opts.b ?? 0.5
  const avg = features.reduce((s, f) => s + f.length, 0) / Math.max(1, features.length) || 1
  const lists = new Map<string, number[]>()
  features.forEach((f, doc) => {
    const norm = k1 * (1 - b + (b * f.length) / avg)
    for (const [key, tf] of f.tf) {
      let list = lists.get(key)
      if (!list) lists.set(key, (list = []))
      list.push(doc, (tf * (k1 + 1)) / (tf + norm))
    }
  })
  const postings = new Map<string, PostingList>()
  const df = new Map<string, number>()
  for (const [key, flat] of lists) {
    const n = flat.length / 2
    const order = Array.from({ length: n }, (_, i) => i)
    order.sort((x, y) => flat[2 * y + 1] - flat[2 * x + 1] || flat[2 * x] - flat[2 * y])
    const docs = new Int32Array(n)
    const impacts = new Float32Array(n)
    order.forEach((o, i) => {
      docs[i] = flat[2 * o]
      impacts[i] = flat[2 * o + 1]
    })
    postings.set(key, { docs, impacts })
    df.set(key, n)
  }
  for (const f of opts.background ?? []) for (const key of f.tf.keys()) if (df.has(key)) df.set(key, df.get(key)! + 1)
  const docs = features.length + (opts.background?.length ?? 0)
  return { size: features.length, docs, postings, df, kinds: features.map((f) => f.passageKind), features, k1, b }
}

/** Options of `searchLinkIndex`. */
export interface SearchOptions {
  /** How many candidates to return (default 10). */
  top?: number
  weights?: Partial<FeatureWeights>
  /** Traverse at most this many postings per key, the highest-impact ones (default 300): bounds the work per query. */
  maxPostings?: number
  /** Which passages may be returned (by position); all by default. */
  accept?: (doc: number) => boolean
  /** Weight of the whole query next to its best sentence window (default 0.1). */
  windowMix?: number
}

/** A scored candidate: its position in the index, the raw BM25 score and that score over the query's own. */
export interface ScoredCandidate {
  index: number
  raw: number
  /** raw / (score of a perfect average-length match), clamped to [0, 1]. */
  score: number
}

/** The weight of one query key: kind weight × IDF × a saturated query term frequency. */
export function queryWeight(index: LinkIndex, key: string, qtf: number, weights: FeatureWeights): number {
  const w = (isDictionaryKey(key) ? weights.dictionary : weights[kindOfKey(key)]) ?? 0
  return w * idf(index, key) * (1 + Math.log(qtf))
}

interface Scratch {
  acc: Float64Array
  best: Float64Array
}

/** Reusable score accumulators, so a query costs what its postings cost and not the size of the index. */
const scratch = new WeakMap<LinkIndex, Scratch>()

function scratchOf(index: LinkIndex): Scratch {
  let s = scratch.get(index)
  if (!s || s.acc.length !== index.size) {
    s = { acc: new Float64Array(index.size), best: new Float64Array(index.size) }
    scratch.set(index, s)
  }
  return s
}

/** Adds the query's weighted postings into `acc`, records newly touched passages, and returns the query's self score. */
function accumulate(index: LinkIndex, query: FeatureCounts, weights: FeatureWeights, cap: number, acc: Float64Array, touched: number[]): number {
  let self = 0
  for (const [key, qtf] of query.tf) {
    const list = index.postings.get(key)
    if (!list) continue
    const qw = queryWeight(index, key, qtf, weights)
    if (qw <= 0) continue
    self += qw
    const n = Math.min(list.docs.length, cap)
    const { docs, impacts } = list
    for (let i = 0; i < n; i++) {
      const doc = docs[i]
      if (acc[doc] === 0) touched.push(doc)
      acc[doc] += qw * impacts[i]
    }
  }
  return self
}

/**
 * Scores the passages of `index` that share at least one feature with `query`, term at a time, and returns the
 * `top` best. Work is bounded by the posting lists of the query's keys (each capped at `maxPostings`). When the
 * query has sentence windows, a passage's score is its best window's score plus `windowMix` × the whole query's.
 */
export function searchLinkIndex(index: LinkIndex, query: PassageFeatures, opts: SearchOptions = {}): ScoredCandidate[] {
  const top = opts.top ?? 10
  const weights = { ...DEFAULT_WEIGHTS, ...opts.weights }
  const cap = opts.maxPostings ?? 300
  const mix = opts.windowMix ?? 0.1
  const { acc, best } = scratchOf(index)
  const touched: number[] = []
  let norm: number
  if (!query.windows?.length) {
    norm = accumulate(index, query, weights, cap, acc, touched)
  } else {
    let maxSelf = 0
    const seen: number[] = []
    for (const w of query.windows) {
      const local: number[] = []
      maxSelf = Math.max(maxSelf, accumulate(index, w, weights, cap, acc, local))
      for (const doc of local) {
        if (best[doc] === 0) seen.push(doc)
        if (acc[doc] > best[doc]) best[doc] = acc[doc]
        acc[doc] = 0
      }
    }
    const selfFull = accumulate(index, query, weights, cap, acc, touched)
    for (const doc of touched) acc[doc] = best[doc] + mix * acc[doc]
    for (const doc of seen) {
      if (acc[doc] === 0) touched.push(doc), (acc[doc] = best[doc])
      best[doc] = 0
    }
    norm = maxSelf + mix * selfFull
  }
  const out: ScoredCandidate[] = []
  for (const doc of touched) {
    const raw = acc[doc]
    acc[doc] = 0
    if (opts.accept && !opts.accept(doc)) continue
    out.push({ index: doc, raw, score: norm > 0 ? Math.min(1, raw / norm) : 0 })
  }
  out.sort((x, y) => y.raw - x.raw || x.index - y.index)
  return out.slice(0, top)
}
