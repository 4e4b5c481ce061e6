// Main-thread side of the ML worker: turns runs into Promises, routes progress and streamed text to callbacks,
// and offers cancel and terminate. The worker starts on the first request.
import type { ClearInput, ClearResult, EmbedInput, EmbedResult, FilesInput, FilesResult, LoadInput, LoadResult, MlInputs, MlKind, MlProgress, MlRequest, MlResponse, MlResults, TranslateInput, TranslateResult } from './protocol'
import { MlError } from './protocol'
import { DEFAULT_MODEL_SOURCE, type ModelSource } from './modelSource'

/** What the client needs of a Worker (a real one, or an in-process fake in tests). */
export interface WorkerLike {
  postMessage(message: MlRequest): void
  addEventListener(type: 'message' | 'error', listener: (event: MessageEvent) => void): void
  terminate(): void
}

/** A pending run: await it like a Promise; `id` (also its job number) and `cancel()` identify and stop it. */
export type MlCall<T> = Promise<T> & { readonly id: number; cancel(): void }

/** The ML client API (see `createMlClient`). */
export interface MlClient {
  /** Loads a pipeline once (later loads of the same model and source resolve at once). */
  load(req: Omit<LoadInput, 'source'> & { source?: ModelSource }, onProgress?: (p: MlProgress) => void): MlCall<LoadResult>
  /** Embeds texts with a loaded embeddings model; progress reports batches. */
  embed(req: EmbedInput, onProgress?: (p: MlProgress) => void): MlCall<EmbedResult>
  /** Translates texts with a loaded translation model; `onPartial` receives streamed pieces (needs `stream: true`). */
  translate(req: TranslateInput, onPartial?: (index: number, text: string) => void): MlCall<TranslateResult>
  /** A model's files with sizes and cache state (see `FilesInput` for when the source is asked). */
  files(req: Omit<FilesInput, 'source'> & { source?: ModelSource }): MlCall<FilesResult>
  /** Deletes a model's cached files and frees its pipeline. */
  clear(req: Omit<ClearInput, 'source'> & { source?: ModelSource }): MlCall<ClearResult>
  /** Cancels a run by id: its promise rejects with code 'cancelled' at once; the worker stops at its next check. */
  cancel(id: number): void
  /** Stops the worker; pending requests reject with 'cancelled'. The next request starts a new worker. */
  terminate(): void
  /** Number of requests still waiting for an answer. */
  readonly pending: number
}

/** Options of `createMlClient`. */
export interface MlClientOptions {
  /** Default model source for `load` (the hub unless set). */
  source?: ModelSource
  /** Absolute URL prefix of ONNX Runtime's wasm files; default: the wasm Vite emits beside the worker. */
  wasmPaths?: string
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
  const pending = new Map<number, Pending>()

  function failAll(err: MlError): void {
    for (const p of pending.values()) p.reject(err)
    pending.clear()
  }

  function onMessage(msg: MlResponse): void {
    if (msg.type === 'progress') {
      const p = pending.get(msg.job)
      if (msg.progress.status === 'partial') p?.onPartial?.(msg.progress.index, msg.progress.text)
      else p?.onProgress?.(msg.progress)
      return
    }
    const p = pending.get(msg.id)
    if (!p) return // answered already (cancelled) or unknown
    pending.delete(msg.id)
    if (msg.ok) p.resolve(msg.result as never)
    else p.reject(new MlError(msg.code, msg.error, msg.detail))
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

  function send<K extends MlKind>(kind: K, input: MlInputs[K], callbacks: Omit<Pending, 'resolve' | 'reject'> = {}): MlCall<MlResults[K]> {
    const id = ++seq
    const promise = new Promise<MlResults[K]>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: never) => void, reject, ...callbacks })
    })
    try {
      ensureWorker().postMessage({ id, type: 'run', job: id, kind, input } as MlRequest)
    } catch (err) {
      pending.get(id)?.reject(new MlError('runtime', `Could not start the ML worker: ${String(err)}`, String(err)))
      pending.delete(id)
    }
    return Object.assign(promise, { id, cancel: () => cancel(id) })
  }

  function cancel(id: number): void {
    const p = pending.get(id)
    if (!p) return
    pending.delete(id)
    worker?.postMessage({ type: 'cancel', job: id })
    p.reject(new MlError('cancelled', 'Cancelled.'))
  }

  function withSource<T extends { source?: ModelSource }>(req: T): T & { source: ModelSource } {
    return { ...req, source: req.source ?? options.source ?? DEFAULT_MODEL_SOURCE }
  }

  return {
    load: (req, onProgress) => send('load', { ...withSource(req), wasmPaths: req.wasmPaths ?? options.wasmPaths }, { onProgress }),
    embed: (req, onProgress) => send('embed', req, { onProgress }),
    translate: (req, onPartial) => send('translate', req, { onPartial }),
    files: (req) => send('files', withSource(req)),
    clear: (req) => send('clear', withSource(req)),
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
