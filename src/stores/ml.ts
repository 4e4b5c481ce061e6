// The machine-learning features as the UI sees them: the model source setting (shared by linking and
// translation), the worker client, load status with download progress, cached embeddings, and cached
// machine translation. When no model can be reached the status says so plainly; every caller keeps its
// lexical tier.
import { defineStore } from 'pinia'
import i18next from 'i18next'
import { ref, shallowRef, toRaw } from 'vue'
import type { MlClient } from '../ml/client'
import { MlError, type EmbedPrefix, type MlProgress, type MlTask } from '../ml/protocol'
import type { Lang } from '../core/model'
import { DEFAULT_MODEL_SOURCE, parseModelSource, validateModelSource, type ModelSource } from '../ml/modelSource'
import { DEFAULT_EMBEDDING_MODEL, embeddingVariant } from '../ml/adapters/embeddings'
import { embedWithCache } from '../ml/embedCache'
import { useDb } from '../db'
import { getMeta, setMeta } from '../db/termbase'
import { DexieEmbeddingCache, DexieTranslationCache } from '../db/mlCache'
import { pickTranslationModel, type TranslationModelInfo } from '../ml/adapters/translation'
import { translateWithCache } from '../ml/translationCache'

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
  /** Load status per translation model id. */
  const translationStatus = ref<Record<string, ModelStatus>>({})
  /** Translation loads in flight, by model id (concurrent callers share one load). */
  const translationLoads = new Map<string, Promise<TranslationModelInfo>>()
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
    translationStatus.value = {}
    translationLoads.clear()
    client?.terminate()
    client = undefined
    return null
  }

  /** The source as a plain object: a reactive proxy cannot be posted to the worker (DataCloneError). */
  function plainSource(): ModelSource {
    return structuredClone(toRaw(source.value))
  }

  async function getClient(): Promise<MlClient> {
    // The client module (and through it the worker and transformers.js) loads only when needed.
    const { createMlClient } = await import('../ml/client')
    client ??= createMlClient(undefined, { source: plainSource() })
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
      const r = await c.load({ task: 'embeddings', modelId: embeddingModel.value, source: plainSource() }, onProgress)
      embeddingStatus.value = { state: 'ready', device: r.device }
      return true
    } catch (e) {
      embeddingStatus.value = { state: 'unavailable', message: (e as Error).message }
      return false
    }
  }

  /**
   * Embeds texts (cached by content hash and model variant); null when no model can be loaded. Passage linking is a
   * symmetric task, so both sides get e5's "query: " prefix by default (its authors' advice for symmetric tasks).
   */
  async function embed(texts: string[], onBatch?: (done: number, total: number) => void, prefix: EmbedPrefix = 'query'): Promise<Float32Array[] | null> {
    if (!(await ensureEmbeddings())) return null
    const c = await getClient()
    const cache = new DexieEmbeddingCache(useDb())
    const { vectors } = await embedWithCache(texts, embeddingVariant(embeddingModel.value, prefix), cache, async (missing) => {
      const r = await c.embed({ modelId: embeddingModel.value, texts: missing, prefix }, (p) => {
        const b = p as { status: string; done?: number; total?: number }
        if (b.status === 'batch' && onBatch) onBatch(b.done ?? 0, b.total ?? 1)
      })
      return r.vectors
    })
    return vectors
  }

  function setTranslationStatus(id: string, status: ModelStatus): void {
    translationStatus.value = { ...translationStatus.value, [id]: status }
  }

  /**
   * Loads the translation model of the pair src → tgt (the registry's pick), with download progress in
   * `downloads`. Resolves with its registry entry; rejects with the worker's MlError when it cannot.
   */
  async function ensureTranslation(src: Lang, tgt: Lang): Promise<TranslationModelInfo> {
    await loadSettings()
    const info = pickTranslationModel(src, tgt)
    if (!info) throw new MlError('runtime', `Nothing to translate: source and target are both “${src}”.`)
    if (translationStatus.value[info.id]?.state === 'ready') return info
    const running = translationLoads.get(info.id)
    if (running) return running
    const loading = (async () => {
      setTranslationStatus(info.id, { state: 'loading' })
      downloads.value = {}
      try {
        const c = await getClient()
        const r = await c.load({ task: 'translation', modelId: info.id, source: plainSource() }, onProgress)
        setTranslationStatus(info.id, { state: 'ready', device: r.device })
        return info
      } catch (e) {
        setTranslationStatus(info.id, { state: 'unavailable', message: (e as Error).message })
        throw e instanceof MlError ? e : new MlError('runtime', (e as Error).message)
      } finally {
        translationLoads.delete(info.id)
      }
    })()
    translationLoads.set(info.id, loading)
    return loading
  }

  /**
   * Translates texts src→tgt with the registry's model for the pair (loading it first, with download
   * progress in `downloads`); rejects with the worker's MlError (code 'model-unreachable' and a plain
   * message) when no model can be loaded, or code 'cancelled' when `signal` aborts. Results are cached in
   * IndexedDB (translations table), so nothing is translated twice. `onPartial` receives the text so far
   * of input `index` as it streams (cached texts: once, in full). Texts are passed as they are: glossary
   * protection and checks belong to the caller.
   */
  async function translate(
    texts: string[],
    src: Lang,
    tgt: Lang,
    opts: { onPartial?: (index: number, text: string) => void; signal?: AbortSignal } = {},
  ): Promise<string[]> {
    const cancelled = () => new MlError('cancelled', 'Cancelled.')
    if (opts.signal?.aborted) throw cancelled()
    if (src === tgt) return [...texts]
    const cache = new DexieTranslationCache(useDb())
    const { id: modelId } = pickTranslationModel(src, tgt)!
    const { translations } = await translateWithCache(
      texts,
      modelId,
      src,
      tgt,
      cache,
      async (missing, onPiece) => {
        await ensureTranslation(src, tgt)
        if (opts.signal?.aborted) throw cancelled()
        const call = (await getClient()).translate({ modelId, texts: missing, src, tgt, stream: !!opts.onPartial }, opts.onPartial ? onPiece : undefined)
        const onAbort = () => call.cancel()
        opts.signal?.addEventListener('abort', onAbort, { once: true })
        try {
          return (await call).translations
        } finally {
          opts.signal?.removeEventListener('abort', onAbort)
        }
      },
      { onPartial: opts.onPartial },
    )
    return translations
  }

  /** The worker client (started on first use), with the settings loaded; for the model-cache store. */
  async function mlClient(): Promise<MlClient> {
    await loadSettings()
    return getClient()
  }

  /** Forgets the load state of a model whose cached files were deleted, so that its next use loads it again. */
  function forgetModel(task: MlTask, modelId: string): void {
    if (task === 'embeddings' && modelId === embeddingModel.value) embeddingStatus.value = { state: 'idle' }
    if (task === 'translation') {
      const { [modelId]: _gone, ...rest } = translationStatus.value
      translationStatus.value = rest
    }
  }

  /** Why no embeddings came: the model's own message when it could not be loaded, else a general note. */
  function embeddingsUnavailableNote(): string {
    return embeddingStatus.value.state === 'unavailable' ? embeddingStatus.value.message : i18next.t('compare.noModel')
  }

  return {
    source, embeddingModel, embeddingStatus, translationStatus, downloads,
    loadSettings, setSource, ensureEmbeddings, embed, embeddingsUnavailableNote, ensureTranslation, translate,
    mlClient, plainSource, forgetModel,
  }
})
