/// <reference lib="webworker" />
// The ML worker: a thin shell that switches on the request type, loads each pipeline once, forwards
// transformers.js progress objects unchanged, and supports cancel. It depends on nothing outside its own
// lazily-loaded chunk: transformers.js (and ONNX Runtime with it) is imported dynamically on the first
// load, so neither ever lands in the main bundle.
import type { ClearInput, EmbedInput, FilesInput, LoadInput, LoadResult, MlDevice, MlProgress, MlReply, MlRequest, MlResponse, MlResults, RunRequest, TranslateInput } from './protocol'
import { CancelledError, MlError, toErrorResponse } from './protocol'
import { applyModelSource, modelSourceKey, type ModelSource } from './modelSource'
import { detectDevice, embeddingVariant, embedLongTexts, loadEmbedder, prefixText, type Embedder } from './adapters/embeddings'
import { loadTranslator, translateTexts, type Translator } from './adapters/translation'
import { embedWithCache, LruEmbeddingCache } from './embedCache'
import { clearModelFiles, listModelFiles } from './modelFiles'

type Transformers = typeof import('@huggingface/transformers')

/** A pipeline being loaded or loaded, with the source/device it came from. */
interface Slot<T> {
  key: string
  source: ModelSource
  loading: Promise<T>
}

/** Resolves like `p`, or rejects with CancelledError as soon as `signal` aborts. */
function raceAbort<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new CancelledError())
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new CancelledError())
    signal.addEventListener('abort', onAbort, { once: true })
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

/**
 * Creates the request handler. The worker wires it to `postMessage`; tests can drive it in Node with
 * the real transformers.js. Every request ends with exactly one `result` or `error` message.
 */
export function createMlHandler(post: (msg: MlResponse) => void, importTransformers: () => Promise<Transformers> = () => import('@huggingface/transformers')) {
  let tf: Promise<Transformers> | undefined
  const embedders = new Map<string, Slot<Embedder>>()
  const translators = new Map<string, Slot<Translator>>()
  const running = new Map<number, AbortController>()
  const cache = new LruEmbeddingCache()
  /** transformers.js' env is global: loads run one after another so that each sees its own source. */
  let loadQueue: Promise<unknown> = Promise.resolve()
  /** Runs `task` after every earlier use of the global env (loads, file listings) has finished. */
  function queued<T>(task: () => Promise<T>): Promise<T> {
    const next = loadQueue.catch(() => undefined).then(task)
    loadQueue = next
    return next
  }

  async function runtime(numThreads?: number): Promise<Transformers> {
    const t = await (tf ??= importTransformers())
    const wasm = t.env.backends.onnx.wasm
    if (numThreads !== undefined && !(Number.isInteger(numThreads) && numThreads > 0)) throw new MlError('runtime', `numThreads must be a positive whole number, not ${numThreads}.`)
    if (wasm && numThreads) wasm.numThreads = numThreads
    // Without cross-origin isolation ONNX Runtime Web cannot use threads; say so instead of warning.
    if (wasm && typeof crossOriginIsolated !== 'undefined' && !crossOriginIsolated) wasm.numThreads = 1
    return t
  }

  async function loadModel<T extends Embedder | Translator>(
    req: LoadInput,
    slots: Map<string, Slot<T>>,
    open: (t: Transformers, device: MlDevice) => Promise<T>,
    signal: AbortSignal,
  ): Promise<LoadResult> {
    const t = await runtime(req.numThreads)
    const device = req.device ?? (await detectDevice())
    const key = `${modelSourceKey(req.source)}|${req.device ?? 'auto'}`
    const existing = slots.get(req.modelId)
    let loaded = false
    if (!existing || existing.key !== key) {
      loaded = true
      const loading = queued(async () => {
        applyModelSource(t.env, req.source, req.wasmPaths)
        try {
          return await open(t, device)
        } catch (err) {
          // WebGPU can fail on some drivers/ops: fall back to WASM once (network errors excepted).
          if (device !== 'webgpu' || toErrorResponse(0, err, { phase: 'load' }).code === 'model-unreachable') throw err
          return open(t, 'wasm')
        }
      })
      slots.set(req.modelId, { key, source: req.source, loading })
      loading.then(
        // The model now comes from another source/device: free the previous pipeline.
        () => existing?.loading.then(disposeOf, () => undefined),
        // A failed load is forgotten, so that the next load request tries again.
        () => void (slots.get(req.modelId)?.loading === loading && slots.delete(req.modelId)),
      )
    }
    const model = await raceAbort(slots.get(req.modelId)!.loading, signal)
    return { task: req.task, modelId: req.modelId, device: model.device, dtype: model.dtype, dims: 'dims' in model ? model.dims : undefined, loaded }
  }

  function disposeOf(m: Embedder | Translator): void {
    void ('extractor' in m ? m.extractor.dispose?.() : m.pipe.dispose?.())
  }

  function slotOf<T>(slots: Map<string, Slot<T>>, modelId: string): Slot<T> {
    const slot = slots.get(modelId)
    if (!slot) throw new MlError('runtime', `The model “${modelId}” is not loaded: load it first.`)
    return slot
  }

  async function embed(req: EmbedInput, job: number, signal: AbortSignal): Promise<MlResults['embed']> {
    const embedder = await raceAbort(slotOf(embedders, req.modelId).loading, signal)
    const prefix = req.prefix ?? 'passage'
    const { vectors, cached } = await embedWithCache(req.texts, embeddingVariant(req.modelId, prefix), cache, (missing) =>
      embedLongTexts(embedder, missing, {
        prefix: prefixText(req.modelId, prefix),
        batchSize: req.batchSize,
        signal,
        onBatch: (done, total) => progress(job, { status: 'batch', done, total }),
      }),
    )
    return { modelId: req.modelId, dims: vectors[0]?.length ?? embedder.dims ?? 0, vectors, cached }
  }

  async function translate(req: TranslateInput, job: number, signal: AbortSignal): Promise<MlResults['translate']> {
    const translator = await raceAbort(slotOf(translators, req.modelId).loading, signal)
    const translations = await translateTexts(await runtime(), translator, req.texts, {
      src: req.src,
      tgt: req.tgt,
      signal,
      maxNewTokens: req.maxNewTokens,
      onPartial: req.stream ? (index, text) => progress(job, { status: 'partial', index, text }) : undefined,
    })
    return { modelId: req.modelId, translations }
  }

  /** Posts progress of `job`; transformers.js 4's aggregate `progress_total` is left out (see TransformersProgress). */
  function progress(job: number, p: MlProgress | { status: 'progress_total' }): void {
    if (p.status !== 'progress_total') post({ type: 'progress', job, progress: p })
  }

  /** Frees the pipeline of `modelId` for `task`, if one is loaded, so that its cached files can go. */
  async function unload(req: ClearInput): Promise<void> {
    const slots: Map<string, Slot<Embedder | Translator>> = req.task === 'embeddings' ? embedders : translators
    const slot = slots.get(req.modelId)
    slots.delete(req.modelId)
    if (slot) await slot.loading.then(disposeOf, () => undefined)
  }

  async function files(req: FilesInput): Promise<MlResults['files']> {
    const t = await runtime()
    return queued(() => {
      applyModelSource(t.env, req.source)
      return listModelFiles(t, req)
    })
  }

  async function clear(req: ClearInput): Promise<MlResults['clear']> {
    const t = await runtime()
    await unload(req)
    return queued(() => {
      applyModelSource(t.env, req.source)
      return clearModelFiles(t, req)
    })
  }

  async function serve(req: RunRequest, signal: AbortSignal): Promise<MlReply> {
    const onProgress = (p: MlProgress) => progress(req.job, p)
    switch (req.kind) {
      case 'load': {
        const input = req.input
        const result =
          input.task === 'embeddings'
            ? await loadModel(input, embedders, (t, device) => loadEmbedder(t, input.modelId, { device, onProgress }), signal)
            : await loadModel(input, translators, (t, device) => loadTranslator(t, input.modelId, { device, onProgress }), signal)
        return { id: req.id, ok: true, type: 'result', kind: 'load', result }
      }
      case 'embed':
        return { id: req.id, ok: true, type: 'result', kind: 'embed', result: await embed(req.input, req.job, signal) }
      case 'translate':
        return { id: req.id, ok: true, type: 'result', kind: 'translate', result: await translate(req.input, req.job, signal) }
      case 'files':
        return { id: req.id, ok: true, type: 'result', kind: 'files', result: await files(req.input) }
      case 'clear':
        return { id: req.id, ok: true, type: 'result', kind: 'clear', result: await clear(req.input) }
    }
  }

  /** The source a run's model comes from, for error messages. */
  function sourceOf(req: RunRequest): ModelSource | undefined {
    if ('source' in req.input) return req.input.source
    return (req.kind === 'embed' ? embedders : translators).get(req.input.modelId)?.source
  }

  /** Handles one message; resolves when a run's reply has been posted. */
  return async function handle(req: MlRequest): Promise<void> {
    if (req.type === 'cancel') {
      running.get(req.job)?.abort()
      return
    }
    const controller = new AbortController()
    running.set(req.job, controller)
    try {
      post(await serve(req, controller.signal))
    } catch (err) {
      post(toErrorResponse(req.id, err, { phase: req.kind === 'load' || req.kind === 'files' ? 'load' : 'run', modelId: req.input.modelId, source: sourceOf(req) }))
    } finally {
      running.delete(req.job)
    }
  }
}

if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  const scope = self as unknown as DedicatedWorkerGlobalScope
  const handle = createMlHandler((msg) => scope.postMessage(msg))
  scope.addEventListener('message', (e: MessageEvent<MlRequest>) => void handle(e.data))
}
