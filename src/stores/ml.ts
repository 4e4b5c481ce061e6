// The machine-learning features as the UI sees them: the model source setting (shared by linking and
// translation), the worker client, load status with download progress, and cached embeddings.
// When no model can be reached the status says so plainly; every caller keeps its lexical tier.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { MlClient } from '../ml/client'
import type { MlProgress } from '../ml/protocol'
import { DEFAULT_MODEL_SOURCE, parseModelSource, validateModelSource, type ModelSource } from '../ml/modelSource'
import { DEFAULT_EMBEDDING_MODEL } from '../ml/adapters/embeddings'
import { embedWithCache } from '../ml/embedCache'
import { useDb } from '../db'
import { getMeta, setMeta } from '../db/termbase'
import { DexieEmbeddingCache } from '../db/mlCache'

/** WARNING: stored in users' databases; do not rename. */
const SOURCE_KEY = 'modelSource'
const MODEL_KEY = 'embeddingModel'

/** Load state of one model. */
export type ModelStatus = { state: 'idle' } | { state: 'loading' } | { state: 'ready'; device: string } | { state: 'unavailable'; message: string }

export const useMlStore = defineStore('ml', () => {
  /** Where models are downloaded from. */
  const source = ref<ModelSource>(DEFAULT_MODEL_SOURCE)
  /** The embedding model id. */
  const embeddingModel = ref(DEFAULT_EMBEDDING_MODEL)
  /** Status of the embedding model. */
  const embeddingStatus = shallowRef<ModelStatus>({ state: 'idle' })
  /** Download progress per file, 0–100. */
  const downloads = ref<Record<string, number>>({})
  let client: MlClient | undefined
  let settingsLoaded = false

  async function loadSettings(): Promise<void> {
    if (settingsLoaded) return
    settingsLoaded = true
    const db = useDb()
    source.value = parseModelSource(await getMeta(db, SOURCE_KEY)) ?? DEFAULT_MODEL_SOURCE
    embeddingModel.value = (await getMeta<string>(db, MODEL_KEY)) ?? DEFAULT_EMBEDDING_MODEL
  }

  /** Saves the model source; returns an error message when it is not valid. */
  async function setSource(next: ModelSource, model = embeddingModel.value): Promise<string | null> {
    const problem = validateModelSource(next)
    if (problem) return problem
    source.value = next
    embeddingModel.value = model
    await setMeta(useDb(), SOURCE_KEY, next)
    await setMeta(useDb(), MODEL_KEY, model)
    embeddingStatus.value = { state: 'idle' }
    client?.terminate()
    client = undefined
    return null
  }

  async function getClient(): Promise<MlClient> {
    // The client module (and through it the worker and transformers.js) loads only when needed.
    const { createMlClient } = await import('../ml/client')
    client ??= createMlClient(undefined, { source: source.value })
    return client
  }

  function onProgress(p: MlProgress): void {
    const any = p as { status: string; file?: string; progress?: number }
    if (any.status === 'progress' && any.file) downloads.value = { ...downloads.value, [any.file]: Math.round(any.progress ?? 0) }
  }

  /** Loads the embedding model; resolves false (with the status explaining why) when it cannot. */
  async function ensureEmbeddings(): Promise<boolean> {
    await loadSettings()
    if (embeddingStatus.value.state === 'ready') return true
    embeddingStatus.value = { state: 'loading' }
    downloads.value = {}
    try {
      const c = await getClient()
      const r = await c.load({ task: 'embeddings', modelId: embeddingModel.value, source: source.value }, onProgress)
      embeddingStatus.value = { state: 'ready', device: r.device }
      return true
    } catch (e) {
      embeddingStatus.value = { state: 'unavailable', message: (e as Error).message }
      return false
    }
  }

  /** Embeds texts (cached by content hash and model); null when no model can be loaded. */
  async function embed(texts: string[], onBatch?: (done: number, total: number) => void): Promise<Float32Array[] | null> {
    if (!(await ensureEmbeddings())) return null
    const c = await getClient()
    const cache = new DexieEmbeddingCache(useDb())
    const { vectors } = await embedWithCache(texts, embeddingModel.value, cache, async (missing) => {
      const r = await c.embed({ modelId: embeddingModel.value, texts: missing, prefix: 'passage' }, (p) => {
        const b = p as { status: string; done?: number; total?: number }
        if (b.status === 'batch' && onBatch) onBatch(b.done ?? 0, b.total ?? 1)
      })
      return r.vectors
    })
    return vectors
  }

  return { source, embeddingModel, embeddingStatus, downloads, loadSettings, setSource, ensureEmbeddings, embed }
})
