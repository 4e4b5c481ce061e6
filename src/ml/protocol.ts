// The typed messages between the main thread (client.ts) and the ML worker (ml.worker.ts): every request
// carries an id; the worker answers with progress/partial messages and exactly one result or error.
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

/** Loads (once) the pipeline of `task` for `modelId` from `source`. */
export interface LoadRequest {
  id: string
  type: 'load'
  task: MlTask
  modelId: string
  source: ModelSource
  /** Absolute URL prefix of ONNX Runtime's .wasm/.mjs files (the app's own `ort/` folder). */
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
export interface EmbedRequest {
  id: string
  type: 'embed'
  modelId: string
  texts: string[]
  /** Texts per inference call (default 16); cancellation takes effect between batches. */
  batchSize?: number
  /** Which e5 prefix to add; ignored by models without prefixes. Default 'passage'. */
  prefix?: EmbedPrefix
}
/** Translates texts one by one with a loaded translation model. */
export interface TranslateRequest {
  id: string
  type: 'translate'
  modelId: string
  texts: string[]
  src: Lang
  tgt: Lang
  /** Send `partial` messages with text as it is generated. */
  stream: boolean
  maxNewTokens?: number
}
/** Cancels the running request whose id is `id`; that request ends with an error of code 'cancelled'. */
export interface CancelRequest {
  id: string
  type: 'cancel'
}
export type MlRequest = LoadRequest | EmbedRequest | TranslateRequest | CancelRequest
/** A request without its id (the client assigns ids). */
export type MlRequestBody<T extends MlRequest = MlRequest> = T extends MlRequest ? Omit<T, 'id'> : never

// ---- progress ---------------------------------------------------------------------------------

/** transformers.js progress objects, passed through unchanged (same shape as its `ProgressInfo`). */
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
export type MlProgress = TransformersProgress | BatchProgress

// ---- responses --------------------------------------------------------------------------------

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
/** The result type of each request type. */
export interface MlResults {
  load: LoadResult
  embed: EmbedResult
  translate: TranslateResult
}

export type MlErrorCode = 'model-unreachable' | 'cancelled' | 'runtime'

export interface ProgressResponse {
  id: string
  type: 'progress'
  progress: MlProgress
}
export interface PartialResponse {
  id: string
  type: 'partial'
  /** Index of the input text being translated. */
  index: number
  /** The newly generated piece of text (append it to what came before). */
  text: string
}
export type ResultResponse = { [K in keyof MlResults]: { id: string; type: 'result'; request: K; result: MlResults[K] } }[keyof MlResults]
export interface ErrorResponse {
  id: string
  type: 'error'
  code: MlErrorCode
  /** A sentence a user can act on. */
  message: string
  /** The underlying technical message, for logs and bug reports. */
  detail?: string
}
export type MlResponse = ProgressResponse | PartialResponse | ResultResponse | ErrorResponse

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
  id: string,
  err: unknown,
  ctx: { phase: 'load' | 'run'; modelId?: string; source?: ModelSource },
): ErrorResponse {
  const detail = errorDetail(err)
  if (err instanceof CancelledError || (err instanceof MlError && err.code === 'cancelled')) return { id, type: 'error', code: 'cancelled', message: 'Cancelled.' }
  if (err instanceof MlError) return { id, type: 'error', code: err.code, message: err.message, detail: err.detail }
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
      type: 'error',
      code: 'model-unreachable',
      message: `Could not load ${model} from ${where}. ${hint} Neural features stay off; glossary matching and lexical linking keep working.`,
      detail,
    }
  }
  return { id, type: 'error', code: 'runtime', message: `The model runtime failed${ctx.modelId ? ` (${ctx.modelId})` : ''}: ${detail}`, detail }
}
