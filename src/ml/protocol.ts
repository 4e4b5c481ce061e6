// The typed messages between the main thread (client.ts) and the ML worker (ml.worker.ts), in the app's job
// protocol shape: runs with an id and a job number, progress per job, and exactly one reply `{ id, ok, … }` per run.
import type { Lang } from '../core/model'
import type { ModelSource } from './modelSource'
import { describeModelSource } from './modelSource'

/** The two neural tasks of tier 2. */
export type MlTask = 'embeddings' | 'translation'
/** Where inference runs. `cpu` is Node (onnxruntime-node); the browser uses `webgpu` or `wasm`. */
export type MlDevice = 'webgpu' | 'wasm' | 'cpu'
/** Weight precision; selects the ONNX file (`model_quantized.onnx` for q8, `model.onnx` for fp32). */
export type MlDtype = 'q8' | 'fp32' | 'fp16'
/** The e5 family wants "query: " / "passage: " in front of texts; other models take none. */
export type EmbedPrefix = 'query' | 'passage' | 'none'

// ---- requests ---------------------------------------------------------------------------------
// The wire follows the app's job protocol (src/workers/jobProtocol.ts): a run carries `id` (the request) and `job`
// (what a cancel names; the client uses one number for both), a `kind` and its `input`; progress names the job and
// carries no `id`; the one reply per run is `{ id, ok, result | error }`. The types are defined here, not imported,
// because the ML worker's inputs, progress and error codes are its own.

/** Loads (once) the pipeline of `task` for `modelId` from `source`. */
export interface LoadInput {
  task: MlTask
  modelId: string
  source: ModelSource
  /**
   * Where ONNX Runtime Web finds its .wasm (an absolute URL prefix ending in `/`). By default the wasm that Vite
   * emits beside the worker's chunk, so the app serves it once and never asks a CDN.
   */
  wasmPaths?: string
  /** Force a device; by default WebGPU when an adapter is available, else WASM (CPU in Node). */
  device?: MlDevice
  /**
   * Threads of ONNX Runtime Web (`env.backends.onnx.wasm.numThreads`, a positive whole number); by default its own
   * choice. ONNX Runtime reads it once, when the worker's first model loads; without cross-origin isolation it is 1.
   */
  numThreads?: number
}
/** Embeds texts with a loaded embeddings model; vectors are mean-pooled and L2-normalised. */
export interface EmbedInput {
  modelId: string
  texts: string[]
  /** Texts per inference call (default 16); cancellation takes effect between batches. */
  batchSize?: number
  /** Which e5 prefix to add; ignored by models without prefixes. Default 'passage'. */
  prefix?: EmbedPrefix
}
/** Translates texts one by one with a loaded translation model. */
export interface TranslateInput {
  modelId: string
  texts: string[]
  src: Lang
  tgt: Lang
  /** Send `partial` progress with text as it is generated. */
  stream: boolean
  maxNewTokens?: number
}
/**
 * Lists a model's files (through transformers.js' ModelRegistry) with their sizes and whether the browser's cache
 * holds them. With `cacheOnly` nothing is requested from the source: sizes come from the cached responses only (a
 * model not in the cache is reported as not cached). Without it, sizes of files not in the cache come from the
 * source (a one-byte range request per file): ask that only after the user agreed to contact the source.
 */
export interface FilesInput {
  task: MlTask
  modelId: string
  source: ModelSource
  dtype: MlDtype
  cacheOnly: boolean
}
/** Deletes a model's cached files (ModelRegistry.clear_pipeline_cache) and frees its pipeline if loaded. */
export interface ClearInput {
  task: MlTask
  modelId: string
  source: ModelSource
  dtype: MlDtype
}
/** The input of each run kind. */
export interface MlInputs {
  load: LoadInput
  embed: EmbedInput
  translate: TranslateInput
  files: FilesInput
  clear: ClearInput
}
export type MlKind = keyof MlInputs
/** A run of one kind. */
export type RunRequest = { [K in MlKind]: { id: number; type: 'run'; job: number; kind: K; input: MlInputs[K] } }[MlKind]
/** Cancels the run `job`; that run ends with an error reply of code 'cancelled'. */
export interface CancelRequest {
  type: 'cancel'
  job: number
}
export type MlRequest = RunRequest | CancelRequest

// ---- progress ---------------------------------------------------------------------------------

/**
 * transformers.js progress objects, passed through unchanged (same shape as its `ProgressInfo`). Its 4.x aggregate
 * `progress_total` is not forwarded: the UI sums per-file progress itself.
 */
export type TransformersProgress =
  | { status: 'initiate'; name: string; file: string }
  | { status: 'download'; name: string; file: string }
  | { status: 'progress'; name: string; file: string; progress: number; loaded: number; total: number }
  | { status: 'done'; name: string; file: string }
  | { status: 'ready'; task: string; model: string }
/** Our own addition: batches done out of total during `embed`. */
export interface BatchProgress {
  status: 'batch'
  done: number
  total: number
}
/** Streamed translation: the newly generated piece of input `index` (append it to what came before). */
export interface PartialProgress {
  status: 'partial'
  index: number
  text: string
}
export type MlProgress = TransformersProgress | BatchProgress | PartialProgress

/** Progress of a run: names the job, carries no `id` (only the reply does). */
export interface ProgressMessage {
  type: 'progress'
  job: number
  /** Never set: a reply's `id` is what settles a request, so progress leaves it out (job protocol). */
  id?: undefined
  progress: MlProgress
}

// ---- replies ----------------------------------------------------------------------------------

export interface LoadResult {
  task: MlTask
  modelId: string
  device: MlDevice
  dtype: MlDtype
  /** The embedding dimension (embeddings only), from the model config. */
  dims?: number
  /** False when the pipeline was already loaded and was reused. */
  loaded: boolean
}
export interface EmbedResult {
  modelId: string
  dims: number
  /** One vector per input text, in order. */
  vectors: Float32Array[]
  /** How many vectors came from the worker's session cache. */
  cached: number
}
export interface TranslateResult {
  modelId: string
  translations: string[]
}
/** One file of a model: its path in the model folder, its size in bytes when known, and whether it is cached. */
export interface ModelFile {
  file: string
  bytes?: number
  cached: boolean
}
export interface FilesResult {
  task: MlTask
  modelId: string
  dtype: MlDtype
  /** Every file the pipeline loads (empty when `cacheOnly` and the model's config is not cached). */
  files: ModelFile[]
}
export interface ClearResult {
  modelId: string
  filesDeleted: number
}
/** The result type of each run kind. */
export interface MlResults {
  load: LoadResult
  embed: EmbedResult
  translate: TranslateResult
  files: FilesResult
  clear: ClearResult
}

export type MlErrorCode = 'model-unreachable' | 'cancelled' | 'runtime'

/**
 * The one reply to a run. `type` repeats `ok` as a word, so that every message of the ML worker is told apart by
 * `type` ('progress' | 'result' | 'error').
 */
export type ResultReply = { [K in MlKind]: { id: number; ok: true; type: 'result'; kind: K; result: MlResults[K] } }[MlKind]
export interface ErrorReply {
  id: number
  ok: false
  type: 'error'
  code: MlErrorCode
  /** A sentence a user can act on. */
  error: string
  /** The underlying technical message, for logs and bug reports. */
  detail?: string
}
export type MlReply = ResultReply | ErrorReply
export type MlResponse = ProgressMessage | MlReply

// ---- errors -----------------------------------------------------------------------------------

/** The error a client promise rejects with. */
export class MlError extends Error {
  constructor(
    readonly code: MlErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message)
    this.name = 'MlError'
  }
}

/** Thrown inside the worker/adapters when a request is cancelled. */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled.')
    this.name = 'CancelledError'
  }
}

/** Messages of network failures, HTTP errors and missing files in transformers.js and fetch (Node and browsers). */
const UNREACHABLE =
  /fetch failed|failed to fetch|networkerror|load failed|network request failed|econnrefused|econnreset|enotfound|eai_again|etimedout|could not locate file|not found locally|local file missing|unauthorized access|forbidden access|occurred while trying to load file|unable to get model file/i

/** The technical message of an unknown thrown value, including a `cause` (Node's fetch hides the reason there). */
export function errorDetail(err: unknown): string {
  if (!(err instanceof Error)) return String(err)
  const cause = (err as { cause?: unknown }).cause
  const causeText = cause instanceof Error ? `${(cause as { code?: string }).code ?? ''} ${cause.message}`.trim() : cause ? String(cause) : ''
  return causeText && !err.message.includes(causeText) ? `${err.message} (${causeText})` : err.message
}

/**
 * Turns anything thrown while serving a request into the wire error: its code and a message a user can
 * act on. `phase` is 'load' while fetching and opening a model, 'run' afterwards.
 */
export function toErrorResponse(
  id: number,
  err: unknown,
  ctx: { phase: 'load' | 'run'; modelId?: string; source?: ModelSource },
): ErrorReply {
  const detail = errorDetail(err)
  if (err instanceof CancelledError || (err instanceof MlError && err.code === 'cancelled')) return { id, ok: false, type: 'error', code: 'cancelled', error: 'Cancelled.' }
  if (err instanceof MlError) return { id, ok: false, type: 'error', code: err.code, error: err.message, detail: err.detail }
  const model = ctx.modelId ? `the model “${ctx.modelId}”` : 'the model'
  const where = ctx.source ? describeModelSource(ctx.source) : 'its source'
  // A web server that answers every path with an HTML page (a SPA fallback) makes JSON parsing fail.
  const notModelFiles = ctx.phase === 'load' && err instanceof SyntaxError
  if (ctx.phase === 'load' && (UNREACHABLE.test(detail) || notModelFiles)) {
    const hint = notModelFiles
      ? 'The server answered, but not with model files: check the model URL.'
      : ctx.source?.kind === 'local'
        ? 'Check that the folder contains the model (config.json, tokenizer.json, onnx/…).'
        : ctx.source?.kind === 'url'
          ? 'Check the self-hosted model URL and that the server is running.'
          : 'Check the network connection, or set a self-hosted model URL in the settings.'
    return {
      id,
      ok: false,
      type: 'error',
      code: 'model-unreachable',
      error: `Could not load ${model} from ${where}. ${hint} Neural features stay off; glossary matching and lexical linking keep working.`,
      detail,
    }
  }
  return { id, ok: false, type: 'error', code: 'runtime', error: `The model runtime failed${ctx.modelId ? ` (${ctx.modelId})` : ''}: ${detail}`, detail }
}
