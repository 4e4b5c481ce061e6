// Which files a model's pipeline loads, how big they are and whether the browser's cache holds them, and deleting
// them: transformers.js' ModelRegistry, called by the ML worker after it has set the model source. A cache-only
// listing sends no request at all (remote and local loading are switched off while it runs), so the Data page can
// list cached models without asking anyone; sizes of uncached files come from the source only when asked to.
import type { ClearInput, ClearResult, FilesInput, FilesResult, MlTask, ModelFile } from './protocol'

type Transformers = typeof import('@huggingface/transformers')

/** transformers.js' pipeline task of each of our tasks. */
export const PIPELINE_TASK: Record<MlTask, string> = { embeddings: 'feature-extraction', translation: 'translation' }

/** Runs `fn` with transformers.js unable to fetch anything (remote and local loading off), then restores both. */
async function withoutRequests<T>(env: Transformers['env'], fn: () => Promise<T>): Promise<T> {
  const { allowRemoteModels, allowLocalModels } = env
  env.allowRemoteModels = false
  env.allowLocalModels = false
  try {
    return await fn()
  } finally {
    env.allowRemoteModels = allowRemoteModels
    env.allowLocalModels = allowLocalModels
  }
}

/**
 * Lists the files `req.task`'s pipeline loads for `req.modelId` at `req.dtype`, with sizes and cache state. With
 * `cacheOnly`, a model whose config is not cached lists no files, and uncached files carry no size. The model
 * source must be applied to `tf.env` first.
 */
export async function listModelFiles(tf: Pick<Transformers, 'env' | 'ModelRegistry'>, req: FilesInput): Promise<FilesResult> {
  const R = tf.ModelRegistry
  const task = PIPELINE_TASK[req.task]
  const opts = { dtype: req.dtype }
  const cachedStatus = () => R.is_pipeline_cached_files(task, req.modelId, opts)
  let status: Awaited<ReturnType<typeof cachedStatus>>
  if (req.cacheOnly) {
    try {
      status = await withoutRequests(tf.env, cachedStatus)
    } catch {
      // The config (which names the files) is not cached: nothing of the model is.
      return { task: req.task, modelId: req.modelId, dtype: req.dtype, files: [] }
    }
  } else {
    status = await cachedStatus()
  }
  const files: ModelFile[] = []
  for (const { file, cached } of status.files) {
    // A cached file's size is read from the cached response (`local_files_only`: never the network).
    const meta = cached
      ? await R.get_file_metadata(req.modelId, file, { local_files_only: true })
      : req.cacheOnly
        ? undefined
        : await R.get_file_metadata(req.modelId, file)
    files.push({ file, cached, ...(meta?.size !== undefined ? { bytes: meta.size } : {}) })
  }
  return { task: req.task, modelId: req.modelId, dtype: req.dtype, files }
}

/** Deletes the cached files of `req.modelId`'s pipeline; sends no request (the config it needs is in the cache). */
export async function clearModelFiles(tf: Pick<Transformers, 'env' | 'ModelRegistry'>, req: ClearInput): Promise<ClearResult> {
  const R = tf.ModelRegistry
  try {
    const res = await withoutRequests(tf.env, () => R.clear_pipeline_cache(PIPELINE_TASK[req.task], req.modelId, { dtype: req.dtype }))
    return { modelId: req.modelId, filesDeleted: res.filesDeleted }
  } catch {
    // No cached config: nothing of this model is cached.
    return { modelId: req.modelId, filesDeleted: 0 }
  }
}
