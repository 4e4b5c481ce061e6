// Main-thread side of the ML worker: turns request ids into Promises, routes progress and streamed
// text to callbacks, and offers cancel and terminate. The worker starts on the first request.
import type { EmbedResult, LoadRequest, LoadResult, MlProgress, MlRequest, MlRequestBody, MlResponse, MlResults, EmbedRequest, TranslateRequest, TranslateResult } from './protocol'
import { MlError } from './protocol'
import { DEFAULT_MODEL_SOURCE, type ModelSource } from './modelSource'

/** What the client needs of a Worker (a real one, or an in-process fake in tests). */
export interface WorkerLike {
  postMessage(message: MlRequest): void
  addEventListener(type: 'message' | 'error', listener: (event: MessageEvent) => void): void
  terminate(): void
}

/** A pending request: await it like a Promise; `id` and `cancel()` identify and stop it. */
export type MlCall<T> = Promise<T> & { readonly id: string; cancel(): void }

/** The ML client API (see `createMlClient`). */
export interface MlClient {
  /** Loads a pipeline once (later loads of the same model and source resolve at once). */
  load(req: Omit<MlRequestBody<LoadRequest>, 'type' | 'source'> & { source?: ModelSource }, onProgress?: (p: MlProgress) => void): MlCall<LoadResult>
  /** Embeds texts with a loaded embeddings model; progress reports batches. */
  embed(req: Omit<MlRequestBody<EmbedRequest>, 'type'>, onProgress?: (p: MlProgress) => void): MlCall<EmbedResult>
  /** Translates texts with a loaded translation model; `onPartial` receives streamed pieces (needs `stream: true`). */
  translate(req: Omit<MlRequestBody<TranslateRequest>, 'type'>, onPartial?: (index: number, text: string) => void): MlCall<TranslateResult>
  /** Cancels a request by id: its promise rejects with code 'cancelled' at once; the worker stops at its next check. */
  cancel(id: string): void
  /** Stops the worker; pending requests reject with 'cancelled'. The next request starts a new worker. */
  terminate(): void
  /** Number of requests still waiting for an answer. */
  readonly pending: number
}

/** Options of `createMlClient`. */
export interface MlClientOptions {
  /** Default model source for `load` (the hub unless set). */
  source?: ModelSource
  /** Absolute URL prefix of ONNX Runtime's wasm files; default: the app's own `ort/` folder. */
  wasmPaths?: string
}

/** The app's own copy of ONNX Runtime's wasm files (public/ort/, copied by scripts/copy-ort-wasm.mjs). */
export function defaultWasmPaths(): string | undefined {
  return typeof document !== 'undefined' ? new URL('ort/', document.baseURI).href : undefined
}

/** The production worker: a module worker built by Vite from ml.worker.ts into its own chunk. */
export function createDefaultWorker(): WorkerLike {
  return new Worker(new URL('./ml.worker.ts', import.meta.url), { type: 'module', name: 'ml' })
}

interface Pending {
  resolve: (value: never) => void
  reject: (err: MlError) => void
  onProgress?: (p: MlProgress) => void
  onPartial?: (index: number, text: string) => void
}

/**
 * Creates the main-thread client of the ML worker.
 * @param workerFactory makes the worker; defaults to `createDefaultWorker` (tests pass an in-process fake)
 */
export function createMlClient(workerFactory: () => WorkerLike = createDefaultWorker, options: MlClientOptions = {}): MlClient {
  let worker: WorkerLike | undefined
  let seq = 0
  const pending = new Map<string, Pending>()

  function failAll(err: MlError): void {
    for (const p of pending.values()) p.reject(err)
    pending.clear()
  }

  function onMessage(msg: MlResponse): void {
    const p = pending.get(msg.id)
    if (!p) return // answered already (cancelled) or unknown
    switch (msg.type) {
      case 'progress':
        p.onProgress?.(msg.progress)
        break
      case 'partial':
        p.onPartial?.(msg.index, msg.text)
        break
      case 'result':
        pending.delete(msg.id)
        p.resolve(msg.result as never)
        break
      case 'error':
        pending.delete(msg.id)
        p.reject(new MlError(msg.code, msg.message, msg.detail))
        break
    }
  }

  function ensureWorker(): WorkerLike {
    if (worker) return worker
    const w = workerFactory()
    w.addEventListener('message', (e) => onMessage(e.data as MlResponse))
    w.addEventListener('error', (e) => {
      const detail = (e as unknown as ErrorEvent).message || 'the worker script failed to load'
      failAll(new MlError('runtime', `The ML worker stopped: ${detail}. Neural features are unavailable; lexical features keep working.`, detail))
      if (worker === w) worker = undefined
      w.terminate()
    })
    return (worker = w)
  }

  function send<K extends keyof MlResults>(body: MlRequestBody, callbacks: Omit<Pending, 'resolve' | 'reject'>): MlCall<MlResults[K]> {
    const id = `ml-${++seq}`
    const promise = new Promise<MlResults[K]>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: never) => void, reject, ...callbacks })
    })
    try {
      ensureWorker().postMessage({ ...body, id } as MlRequest)
    } catch (err) {
      pending.get(id)?.reject(new MlError('runtime', `Could not start the ML worker: ${String(err)}`, String(err)))
      pending.delete(id)
    }
    return Object.assign(promise, { id, cancel: () => cancel(id) })
  }

  function cancel(id: string): void {
    const p = pending.get(id)
    if (!p) return
    pending.delete(id)
    worker?.postMessage({ type: 'cancel', id })
    p.reject(new MlError('cancelled', 'Cancelled.'))
  }

  return {
    load: (req, onProgress) =>
      send<'load'>({ type: 'load', ...req, source: req.source ?? options.source ?? DEFAULT_MODEL_SOURCE, wasmPaths: req.wasmPaths ?? options.wasmPaths ?? defaultWasmPaths() }, { onProgress }),
    embed: (req, onProgress) => send<'embed'>({ type: 'embed', ...req }, { onProgress }),
    translate: (req, onPartial) => send<'translate'>({ type: 'translate', ...req }, { onPartial }),
    cancel,
    terminate() {
      worker?.terminate()
      worker = undefined
      failAll(new MlError('cancelled', 'The ML worker was stopped.'))
    },
    get pending() {
      return pending.size
    },
  }
}
