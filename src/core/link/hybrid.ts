// The hook where tier 2 (sentence embeddings) joins linking: a similarity callback or the passages' vectors.

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
  /** Or embedding vectors: cosine similarity, and the nearest passages join the candidate pool (dense retrieval). */
  embeddings?: PassageEmbeddings
}

/** Scales `v` to unit length in place (a zero vector stays zero) and returns it. */
export function normaliseInPlace(v: Float32Array): Float32Array {
  let s = 0
  for (let d = 0; d < v.length; d++) s += v[d] * v[d]
  const inv = s > 0 ? 1 / Math.sqrt(s) : 0
  for (let d = 0; d < v.length; d++) v[d] *= inv
  return v
}

/** Cosine similarity of two vectors of one length (0 when either is zero); vectors of different lengths are an error. */
export function cosine(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) throw new Error(`cosine: vectors differ in length (${x.length} vs ${y.length})`)
  let dot = 0
  let nx = 0
  let ny = 0
  const n = x.length
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
  if (e) return (a, b) => (e.a[a]?.length && e.b[b]?.length ? cosine(e.a[a], e.b[b]) : 0)
  return null
}
