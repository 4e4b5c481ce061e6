// Embedding cache logic: vectors are keyed by (SHA-256 of the passage text, model variant), so a passage
// is embedded once per model. Defines the storage interface (the Dexie table implements it later), a
// Map-based LRU for a worker session, and `embedWithCache`, which embeds only what is missing.
import { sha256Hex } from '../core/text/hash'

/** SHA-256 of a text as hex: the content key of cached vectors (one implementation, in core). */
export { sha256Hex }

/** Storage of embedding vectors keyed by content hash and model variant (see `embeddingVariant`). */
export interface EmbeddingCache {
  /** Vectors for `hashes` under `model`, `undefined` where missing; same order as `hashes`. */
  getMany(model: string, hashes: readonly string[]): Promise<(Float32Array | undefined)[]>
  /** Stores vectors; `entries` pairs a content hash with its vector. */
  putMany(model: string, entries: readonly { hash: string; vector: Float32Array }[]): Promise<void>
}

/**
 * A bounded in-memory cache with least-recently-used eviction, for one worker session. Keys combine the
 * model variant and the content hash.
 */
export class LruEmbeddingCache implements EmbeddingCache {
  private readonly map = new Map<string, Float32Array>()
  constructor(readonly maxEntries = 20_000) {}

  get size(): number {
    return this.map.size
  }

  async getMany(model: string, hashes: readonly string[]): Promise<(Float32Array | undefined)[]> {
    return hashes.map((hash) => {
      const k = `${model}\u0000${hash}`
      const v = this.map.get(k)
      if (v) {
        this.map.delete(k) // refresh recency
        this.map.set(k, v)
      }
      return v
    })
  }

  async putMany(model: string, entries: readonly { hash: string; vector: Float32Array }[]): Promise<void> {
    for (const { hash, vector } of entries) {
      const k = `${model}\u0000${hash}`
      this.map.delete(k)
      this.map.set(k, vector)
    }
    while (this.map.size > this.maxEntries) this.map.delete(this.map.keys().next().value as string)
  }

  clear(): void {
    this.map.clear()
  }
}

/**
 * Returns one vector per text: cached vectors where present, and `embed` for the rest (each distinct
 * missing text once), storing what was computed. `cached` counts texts served from the cache.
 */
export async function embedWithCache(
  texts: readonly string[],
  model: string,
  cache: EmbeddingCache,
  embed: (missing: string[]) => Promise<Float32Array[]>,
): Promise<{ vectors: Float32Array[]; cached: number }> {
  const hashes = await Promise.all(texts.map(sha256Hex))
  const found = await cache.getMany(model, hashes)
  const missing = new Map<string, string>() // hash → text, each distinct text once
  hashes.forEach((h, i) => {
    if (!found[i]) missing.set(h, texts[i])
  })
  const computed = new Map<string, Float32Array>()
  if (missing.size) {
    const vectors = await embed([...missing.values()])
    const entries = [...missing.keys()].map((hash, i) => ({ hash, vector: vectors[i] }))
    for (const e of entries) computed.set(e.hash, e.vector)
    await cache.putMany(model, entries)
  }
  const vectors = hashes.map((h, i) => found[i] ?? computed.get(h)!)
  return { vectors, cached: found.filter(Boolean).length }
}
