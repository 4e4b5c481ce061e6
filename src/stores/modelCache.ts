// The models in the browser's cache (for the Data page: list, sizes, delete) and the download size of a model (for
// the download question, asked only when the user wants it). Both go through the ML worker's ModelRegistry calls.
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { MlError, type MlTask } from '../ml/protocol'
import { cacheCandidates, downloadBytes, toCachedModel, type CachedModel } from '../ml/cachedModels'
import { detectDevice, embeddingDtype } from '../ml/adapters/embeddings'
import { translationDtype } from '../ml/adapters/translation'
import { useMlStore } from './ml'
import { useModelConsentStore } from './modelConsent'

export const useModelCacheStore = defineStore('modelCache', () => {
  const ml = useMlStore()
  /** The cached models of the current model source, after `refresh`; null before the first listing. */
  const models = shallowRef<CachedModel[] | null>(null)
  /** Why the last listing failed, or ''. */
  const error = shallowRef('')

  /**
   * Lists the cached models of the current source. Sends no request: the worker reads the browser's cache only.
   */
  let generation = 0
  async function refresh(): Promise<void> {
    const mine = ++generation
    try {
      const client = await ml.mlClient()
      const source = ml.plainSource()
      const found: CachedModel[] = []
      for (const v of cacheCandidates(ml.embeddingModel)) {
        const entry = toCachedModel(await client.files({ ...v, source, cacheOnly: true }))
        if (entry) found.push(entry)
      }
      if (mine !== generation) return
      models.value = found
      error.value = ''
    } catch (e) {
      // A worker stopped by a change of source is no failure: the listing runs again for the new source.
      if (mine === generation && !(e instanceof MlError && e.code === 'cancelled')) error.value = (e as Error).message
    }
  }

  /** Deletes a cached model's files (freeing it in the worker if loaded); its next use asks before downloading again. */
  async function remove(m: CachedModel): Promise<void> {
    const client = await ml.mlClient()
    await client.clear({ task: m.task, modelId: m.modelId, dtype: m.dtype, source: ml.plainSource() })
    ml.forgetModel(m.task, m.modelId)
    await useModelConsentStore().forget(m.modelId)
    await refresh()
  }

  /**
   * The bytes a download of `modelId` for `task` would transfer, from the configured source (a one-byte range request
   * per file not cached): call it only when the user asked. Null when the source does not tell a file's size.
   */
  async function downloadSize(task: MlTask, modelId: string): Promise<number | null> {
    const client = await ml.mlClient()
    const device = await detectDevice()
    const dtype = task === 'embeddings' ? embeddingDtype(device) : translationDtype(modelId, device)
    return downloadBytes(await client.files({ task, modelId, dtype, source: ml.plainSource(), cacheOnly: false }))
  }

  return { models, error, refresh, remove, downloadSize }
})
