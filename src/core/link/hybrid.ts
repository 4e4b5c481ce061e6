// The hook where tier 2 (sentence embeddings) refines tier-1 link scores without throwing their evidence away.

/** A similarity between source passage `a` and candidate passage `b` (positions), in [-1, 1] or [0, 1]. */
export type NeuralSimilarity = (a: number, b: number) => number

/** Precomputed passage embeddings of both documents, one vector per passage, by position. */
export interface PassageEmbeddings {
  a: readonly ArrayLike<number>[]
  b: readonly ArrayLike<number>[]
}

/** Options of the neural tier in `linkDocuments`. */
export interface NeuralOptions {
  /** Similarity callback (e.g. from cached embeddings in the worker). */
  neural?: NeuralSimilarity
  /** Or embedding vectors: cosine similarity, and nearest neighbours join the candidate pool. */
  embeddings?: PassageEmbeddings
  /** Share of the neural similarity in the hybrid score (default 0.5). */
  neuralWeight?: number
}

/** Cosine similarity of two vectors (0 when either is zero). */
export function cosine(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let dot = 0
  let nx = 0
  let ny = 0
  const n = Math.min(x.length, y.length)
  for (let i = 0; i < n; i++) {
    dot += x[i] * y[i]
    nx += x[i] * x[i]
    ny += y[i] * y[i]
  }
  return nx > 0 && ny > 0 ? dot / Math.sqrt(nx * ny) : 0
}

/** The similarity function the options describe, or null when no neural tier is given. */
export function neuralFunction(opts: NeuralOptions): NeuralSimilarity | null {
  if (opts.neural) return opts.neural
  const e = opts.embeddings
  if (e) return (a, b) => (e.a[a] && e.b[b] ? cosine(e.a[a], e.b[b]) : 0)
  return null
}

/** Blends a lexical score and a neural similarity (negative similarities count as 0) into one score in [0, 1]. */
export function hybridScore(lexical: number, neural: number, neuralWeight = 0.5): number {
  const n = Math.max(0, Math.min(1, neural))
  return (1 - neuralWeight) * lexical + neuralWeight * n
}

/**
 * Positions of the `k` passages of `b` nearest to embedding `a`, by cosine (a dense scan over one document:
 * the neural tier's own candidates, added to the lexical pool so a link with no shared feature can surface).
 */
export function nearestByEmbedding(query: ArrayLike<number>, b: readonly ArrayLike<number>[], k: number): number[] {
  const scored = b.map((v, i) => ({ i, s: cosine(query, v) }))
  scored.sort((x, y) => y.s - x.s)
  return scored.slice(0, k).map((x) => x.i)
}
