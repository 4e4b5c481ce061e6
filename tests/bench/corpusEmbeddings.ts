// Embeds every passage of the corpus with a real model in Node (the worker's own adapter code) and keeps the
// vectors on disk, so that evaluations and the calibration fit read them instead of re-running the model.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { applyModelSource } from '../../src/ml/modelSource'
import { embeddingVariant, embedLongTexts, loadEmbedder, prefixText } from '../../src/ml/adapters/embeddings'
import type { EmbedPrefix } from '../../src/ml/protocol'
import type { CorpusDoc } from './linkGold'

const HERE = dirname(fileURLToPath(import.meta.url))
const CACHE = join(HERE, '..', '.bench')

/** The e5 model the pack script builds, and the folder it is written to. */
export const PACK_MODEL = 'Xenova/multilingual-e5-small'
export const PACK_DIR = process.env.COI_MODELS ?? join(HERE, '..', '..', 'models')

/** True when the model pack has been built (`npm run model-pack`). */
export function packAvailable(modelId = PACK_MODEL, dir = PACK_DIR): boolean {
  return existsSync(join(dir, modelId, 'config.json'))
}

/**
 * Vectors of every passage of `docs` (footnotes included), by document file and passage position, embedded
 * with `prefix` and pooled over window-sized pieces; cached under tests/.bench by model variant and text hash.
 */
export async function corpusEmbeddings(docs: readonly CorpusDoc[], prefix: EmbedPrefix = 'query', modelId = PACK_MODEL, dir = PACK_DIR) {
  const variant = embeddingVariant(modelId, prefix)
  const file = join(CACHE, `emb-${variant.replace(/[^\w.#-]+/g, '_')}.json`)
  const stored: Record<string, number[]> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}
  const hash = (t: string) => createHash('sha256').update(t).digest('hex').slice(0, 24)
  const missing = [...new Set(docs.flatMap((d) => d.passages.map((p) => p.text)))].filter((t) => !stored[hash(t)])
  if (missing.length) {
    const tf = await import('@huggingface/transformers')
    applyModelSource(tf.env as never, { kind: 'local', path: dir })
    const embedder = await loadEmbedder(tf, modelId, { device: 'cpu', dtype: 'fp32' })
    const vecs = await embedLongTexts(embedder, missing, { prefix: prefixText(modelId, prefix), batchSize: 16 })
    missing.forEach((t, i) => (stored[hash(t)] = Array.from(vecs[i], (x) => Math.round(x * 1e6) / 1e6)))
    mkdirSync(CACHE, { recursive: true })
    writeFileSync(file, JSON.stringify(stored))
  }
  const out = new Map<string, Float32Array[]>()
  for (const d of docs) out.set(d.file, d.passages.map((p) => Float32Array.from(stored[hash(p.text)])))
  return out
}
