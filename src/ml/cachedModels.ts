// What the app asks ModelRegistry about, and how its answers become the Data page's cached-models list and the
// download question's sizes. Pure: the worker does the asking (modelFiles.ts), the stores call these on the answers.
import type { FilesResult, MlDevice, MlDtype, MlTask } from './protocol'
import { EMBEDDING_MODELS, embeddingDtype } from './adapters/embeddings'
import { TRANSLATION_MODELS, translationDtype } from './adapters/translation'

/** One model at one precision: what a cache lookup or a size lookup is about. */
export interface ModelVariant {
  task: MlTask
  modelId: string
  dtype: MlDtype
}

/** A model with files in the browser's cache. */
export interface CachedModel extends ModelVariant {
  /** Bytes of the cached files (sizes read from the cached responses). */
  bytes: number
  /** Cached files out of the files its pipeline loads. */
  filesCached: number
  filesTotal: number
}

/** The dtypes the app may load a model at: WASM's and WebGPU's (see the adapters), without repeats. */
function dtypesOf(task: MlTask, modelId: string): MlDtype[] {
  const pick = (d: MlDevice) => (task === 'embeddings' ? embeddingDtype(d) : translationDtype(modelId, d))
  return [...new Set([pick('wasm'), pick('webgpu')])]
}

/**
 * Every model variant the app could have put in the cache: the embedding models offered (plus the configured one,
 * which may be any id) and every translation model, each at the dtypes its devices use.
 */
export function cacheCandidates(embeddingModel: string): ModelVariant[] {
  const embedIds = [...new Set([embeddingModel, ...EMBEDDING_MODELS.map((m) => m.id)])]
  const models: [MlTask, string][] = [...embedIds.map((id): [MlTask, string] => ['embeddings', id]), ...TRANSLATION_MODELS.map((m): [MlTask, string] => ['translation', m.id])]
  return models.flatMap(([task, modelId]) => dtypesOf(task, modelId).map((dtype) => ({ task, modelId, dtype })))
}

/** A file of model weights (ONNX graph or its external data), as opposed to config and tokenizer files. */
const isWeights = (file: string) => /\.onnx(_data(_\d+)?)?$/.test(file)

/**
 * The cache entry of a listing, or null when none of the variant's weight files is cached: config and tokenizer
 * files are shared by a model's dtypes (and a size lookup may have cached them), so alone they list nothing.
 */
export function toCachedModel(res: FilesResult): CachedModel | null {
  const cached = res.files.filter((f) => f.cached)
  if (!cached.some((f) => isWeights(f.file))) return null
  return {
    task: res.task,
    modelId: res.modelId,
    dtype: res.dtype,
    bytes: cached.reduce((sum, f) => sum + (f.bytes ?? 0), 0),
    filesCached: cached.length,
    filesTotal: res.files.length,
  }
}

/**
 * What a download of the listed files would transfer: the bytes of the files not cached yet; null when the source
 * did not tell the size of one of them (a server that sends no Content-Length), so the question never understates.
 */
export function downloadBytes(res: FilesResult): number | null {
  let sum = 0
  for (const f of res.files) {
    if (f.cached) continue
    if (f.bytes === undefined) return null
    sum += f.bytes
  }
  return sum
}
