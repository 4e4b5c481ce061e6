// IndexedDB-backed caches of the ML features: embeddings keyed by (model, content hash), so that no
// passage is embedded twice, and machine translations keyed the same way.
import type { EmbeddingCache } from '../ml/embedCache'
import type { TranslationCache } from '../ml/translationCache'
import type { WorkbenchDb } from './schema'

/** The embedding cache over the `embeddings` table. */
export class DexieEmbeddingCache implements EmbeddingCache {
  constructor(private readonly db: WorkbenchDb) {}

  async getMany(model: string, hashes: readonly string[]): Promise<(Float32Array | undefined)[]> {
    const rows = await this.db.embeddings.bulkGet(hashes.map((h) => [model, h] as [string, string]))
    return rows.map((r) => (r ? new Float32Array(r.vector) : undefined))
  }

  async putMany(model: string, entries: readonly { hash: string; vector: Float32Array }[]): Promise<void> {
    await this.db.embeddings.bulkPut(entries.map((e) => ({ model, hash: e.hash, vector: e.vector })))
  }
}

/** Cached translations for (model, hash) keys; undefined where missing. */
export async function getTranslations(db: WorkbenchDb, model: string, hashes: string[]): Promise<(string | undefined)[]> {
  return (await db.translations.bulkGet(hashes.map((h) => [model, h] as [string, string]))).map((r) => r?.text)
}

/** Stores translations. */
export async function putTranslations(db: WorkbenchDb, model: string, entries: { hash: string; text: string }[]): Promise<void> {
  await db.translations.bulkPut(entries.map((e) => ({ model, ...e })))
}

/** The translation cache over the `translations` table (keys from `translationHash`). */
export class DexieTranslationCache implements TranslationCache {
  constructor(private readonly db: WorkbenchDb) {}

  getMany(model: string, hashes: readonly string[]): Promise<(string | undefined)[]> {
    return getTranslations(this.db, model, [...hashes])
  }

  putMany(model: string, entries: readonly { hash: string; text: string }[]): Promise<void> {
    return putTranslations(this.db, model, [...entries])
  }
}
