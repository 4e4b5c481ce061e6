// Embedding cache logic: vectors are keyed by (SHA-256 of the passage text, model variant), so a passage
// is embedded once per model. Defines the storage interface (the Dexie table implements it later), a
// Map-based LRU for a worker session, and `embedWithCache`, which embeds only what is missing.

/** Storage of embedding vectors keyed by content hash and model variant (see `embeddingVariant`). */
export interface EmbeddingCache {
  /** Vectors for `hashes` under `model`, `undefined` where missing; same order as `hashes`. */
  getMany(model: string, hashes: readonly string[]): Promise<(Float32Array | undefined)[]>
  /** Stores vectors; `entries` pairs a content hash with its vector. */
  putMany(model: string, entries: readonly { hash: string; vector: Float32Array }[]): Promise<void>
}

/** Lowercase hex of a byte array. */
function toHex(bytes: Uint8Array): string {
  let s = ''
  for (const b of bytes) s += b.toString(16).padStart(2, '0')
  return s
}

// SHA-256 round constants (FIPS 180-4).
const K = Uint32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
])

/**
 * SHA-256 in plain JavaScript, for pages without `crypto.subtle` (it only exists in secure contexts:
 * https, localhost and 127.0.0.1; an app served over plain http on a LAN address has none).
 */
export function sha256Sync(data: Uint8Array): Uint8Array {
  const bitLen = data.length * 8
  const padded = new Uint8Array(((data.length + 9 + 63) >> 6) << 6)
  padded.set(data)
  padded[data.length] = 0x80
  const view = new DataView(padded.buffer)
  view.setUint32(padded.length - 8, Math.floor(bitLen / 2 ** 32))
  view.setUint32(padded.length - 4, bitLen >>> 0)
  const h = Uint32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19])
  const w = new Uint32Array(64)
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n))
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4)
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3)
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10)
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0
    }
    let [a, b, c, d, e, f, g, hh] = h
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) >>> 0
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0
      hh = g
      g = f
      f = e
      e = (d + t1) >>> 0
      d = c
      c = b
      b = a
      a = (t1 + t2) >>> 0
    }
    h[0] += a
    h[1] += b
    h[2] += c
    h[3] += d
    h[4] += e
    h[5] += f
    h[6] += g
    h[7] += hh
  }
  const out = new Uint8Array(32)
  const outView = new DataView(out.buffer)
  h.forEach((v, i) => outView.setUint32(i * 4, v))
  return out
}

/** SHA-256 of the UTF-8 text as lowercase hex; Web Crypto when available, the JS fallback otherwise. */
export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text)
  const subtle = globalThis.crypto?.subtle
  if (subtle) return toHex(new Uint8Array(await subtle.digest('SHA-256', bytes)))
  return toHex(sha256Sync(bytes))
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
