// Sentence embeddings (transformers.js feature-extraction): the model registry, device and dtype choice,
// e5 prefixes, batching with cancellation between batches, and cosine similarity. transformers.js is
// passed in (the worker imports it lazily), so this module never pulls it into the main bundle.
import type { EmbedPrefix, MlDevice, MlDtype, TransformersProgress } from '../protocol'
import { CancelledError } from '../protocol'
import { normaliseInPlace } from '../../core/link/hybrid'

/** What the app knows about an embedding model before downloading it. */
export interface EmbeddingModelInfo {
  id: string
  label: string
  /** Vector dimension. */
  dims: number
  /** Prefixes the model was trained with (e5: "query: " / "passage: "). */
  prefixes?: { query: string; passage: string }
  note: string
}

/**
 * The default: multilingual-e5-small (100 languages incl. fi, nb, da, sv, fr, ru). It is the model the link
 * calibration was fitted with, and the one `npm run model-pack` builds for agencies without internet.
 */
export const DEFAULT_EMBEDDING_MODEL = 'Xenova/multilingual-e5-small'

/** Embedding models offered in the settings. Download sizes come from the model source (ModelRegistry), not from here. */
export const EMBEDDING_MODELS: readonly EmbeddingModelInfo[] = [
  {
    id: DEFAULT_EMBEDDING_MODEL,
    label: 'Multilingual E5 small (default)',
    dims: 384,
    prefixes: { query: 'query: ', passage: 'passage: ' },
    note: 'Retrieval-tuned; texts get "query: " / "passage: " prefixes. Link scores are calibrated on it.',
  },
  {
    id: 'Xenova/paraphrase-multilingual-MiniLM-L12-v2',
    label: 'Multilingual MiniLM L12',
    dims: 384,
    note: 'Fast paraphrase model, 50+ languages; link scores are calibrated on E5, so they are less exact with it.',
  },
  {
    id: 'Xenova/LaBSE',
    label: 'LaBSE',
    dims: 768,
    note: 'Bitext mining model, strongest for aligning translations; large download.',
  },
]

/** The registry entry of `modelId`, if it is a known model. */
export function embeddingModelInfo(modelId: string): EmbeddingModelInfo | undefined {
  return EMBEDDING_MODELS.find((m) => m.id === modelId)
}

/** The text the model wants before each input for `prefix` ("query: " for e5), or "" ('none', or no prefixes). */
export function prefixText(modelId: string, prefix: EmbedPrefix = 'passage'): string {
  return prefix === 'none' ? '' : (embeddingModelInfo(modelId)?.prefixes?.[prefix] ?? '')
}

/** Adds the model's prefix to each text ('none', or a model without prefixes, leaves texts as they are). */
export function applyPrefix(texts: readonly string[], modelId: string, prefix: EmbedPrefix = 'passage'): string[] {
  const p = prefixText(modelId, prefix)
  return texts.map((t) => p + t)
}

/**
 * The cache variant of a (model, prefix) pair: e5 vectors of "query: x" and "passage: x" differ. "/long" marks
 * vectors pooled over window-sized pieces (`embedLongTexts`), which differ from one truncated pass.
 */
export function embeddingVariant(modelId: string, prefix: EmbedPrefix = 'passage'): string {
  return (prefix !== 'none' && embeddingModelInfo(modelId)?.prefixes ? `${modelId}#${prefix}` : modelId) + '/long'
}

// ---- device and dtype -------------------------------------------------------------------------

/** True when running under Node (tests, CLI, benchmarks). */
export function isNode(): boolean {
  return (globalThis as { process?: { release?: { name?: string } } }).process?.release?.name === 'node'
}

/** True when the WebGPU API exists (`navigator.gpu`); an adapter may still be unavailable. */
export function isWebGpuSupported(nav: unknown = (globalThis as { navigator?: unknown }).navigator): boolean {
  return !!nav && typeof nav === 'object' && 'gpu' in nav && !!(nav as { gpu?: unknown }).gpu
}

/**
 * Picks the device: CPU in Node; WebGPU when the browser can give an adapter; WASM otherwise (also in
 * headless browsers and with the GPU disabled, where `navigator.gpu` exists but has no adapter).
 */
export async function detectDevice(nav: unknown = (globalThis as { navigator?: unknown }).navigator): Promise<MlDevice> {
  if (isNode()) return 'cpu'
  if (!isWebGpuSupported(nav)) return 'wasm'
  try {
    const gpu = (nav as { gpu: { requestAdapter(): Promise<unknown> } }).gpu
    return (await gpu.requestAdapter()) ? 'webgpu' : 'wasm'
  } catch {
    return 'wasm'
  }
}

/** Embedding dtype per device: 8-bit weights on WASM/CPU (4× smaller download), fp32 on WebGPU. */
export function embeddingDtype(device: MlDevice): MlDtype {
  return device === 'webgpu' ? 'fp32' : 'q8'
}

export { cosine } from '../../core/link/hybrid'

// ---- loading and running ----------------------------------------------------------------------

type Transformers = typeof import('@huggingface/transformers')

/** The part of a feature-extraction pipeline we use. */
export interface FeatureExtractor {
  (texts: string[], options: { pooling: 'mean'; normalize: boolean }): Promise<{ data: ArrayLike<number>; dims: number[]; dispose?: () => void }>
  model?: { config?: { hidden_size?: number } }
  dispose?: () => Promise<void>
}

/** A loaded embedding model. */
export interface Embedder {
  modelId: string
  device: MlDevice
  dtype: MlDtype
  /** From the model config (hidden_size), when present. */
  dims?: number
  extractor: FeatureExtractor
}

/**
 * Loads a feature-extraction pipeline. Configure the model source first (`applyModelSource`).
 * Progress objects from transformers.js go to `onProgress` unchanged.
 */
export async function loadEmbedder(
  tf: Pick<Transformers, 'pipeline'>,
  modelId: string,
  opts: { device: MlDevice; dtype?: MlDtype; onProgress?: (p: TransformersProgress) => void },
): Promise<Embedder> {
  const dtype = opts.dtype ?? embeddingDtype(opts.device)
  const extractor = (await tf.pipeline('feature-extraction', modelId, {
    device: opts.device,
    dtype,
    progress_callback: opts.onProgress as never,
  })) as unknown as FeatureExtractor
  return { modelId, device: opts.device, dtype, dims: extractor.model?.config?.hidden_size, extractor }
}

/**
 * Lets queued messages (a cancel) run between batches, since inference keeps the thread busy. A
 * MessageChannel task is not clamped to 4 ms like nested timers are; Node has setImmediate.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve)
    else if (typeof MessageChannel === 'function') {
      const ch = new MessageChannel()
      ch.port1.addEventListener('message', () => {
        ch.port1.close()
        resolve()
      })
      ch.port1.start()
      ch.port2.postMessage(null)
    } else setTimeout(resolve, 0)
  })
}

/**
 * Embeds texts in batches: mean pooling, L2-normalised, one Float32Array per text. Checks `signal`
 * before each batch and throws `CancelledError` when it is aborted.
 */
export async function embedTexts(
  embedder: Pick<Embedder, 'extractor'>,
  texts: readonly string[],
  opts: { batchSize?: number; signal?: AbortSignal; onBatch?: (done: number, total: number) => void } = {},
): Promise<Float32Array[]> {
  const batchSize = Math.max(1, Math.floor(opts.batchSize ?? 16))
  const total = Math.ceil(texts.length / batchSize)
  const vectors: Float32Array[] = []
  for (let b = 0; b < total; b++) {
    await yieldToEventLoop()
    if (opts.signal?.aborted) throw new CancelledError()
    const batch = texts.slice(b * batchSize, (b + 1) * batchSize)
    const out = await embedder.extractor(batch, { pooling: 'mean', normalize: true })
    const dims = out.dims[out.dims.length - 1]
    const data = out.data
    for (let i = 0; i < batch.length; i++) {
      vectors.push(data instanceof Float32Array ? data.slice(i * dims, (i + 1) * dims) : Float32Array.from({ length: dims }, (_, k) => data[i * dims + k]))
    }
    out.dispose?.()
    opts.onBatch?.(b + 1, total)
  }
  return vectors
}

/**
 * Cuts a text into pieces of at most `maxChars` characters at sentence ends (a sentence longer than that is cut
 * at white space), so that no piece overflows the model's window (512 tokens for e5 and MiniLM; about 1,000
 * characters of Nordic or Finnish text stays well inside it).
 */
export function chunkForEmbedding(text: string, maxChars = 1000): string[] {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= maxChars) return [flat]
  const pieces: string[] = []
  let cur = ''
  for (const sentence of flat.split(/(?<=[.!?…])\s+(?=\S)/u)) {
    for (let s = sentence; s; ) {
      const room = maxChars - (cur ? cur.length + 1 : 0)
      if (s.length <= room) {
        cur = cur ? `${cur} ${s}` : s
        s = ''
      } else if (cur) {
        pieces.push(cur)
        cur = ''
      } else {
        const cut = s.lastIndexOf(' ', maxChars) > maxChars / 2 ? s.lastIndexOf(' ', maxChars) : maxChars
        pieces.push(s.slice(0, cut))
        s = s.slice(cut).trimStart()
      }
    }
  }
  if (cur) pieces.push(cur)
  return pieces
}

/**
 * Embeds texts of any length: each text is cut into window-sized pieces (`chunkForEmbedding`), every piece gets
 * the prefix and is embedded (in order of length, so that batches carry little padding), and a text's vector is
 * the length-weighted mean of its pieces, L2-normalised.
 */
export async function embedLongTexts(
  embedder: Pick<Embedder, 'extractor'>,
  texts: readonly string[],
  opts: { prefix?: string; maxChars?: number; batchSize?: number; signal?: AbortSignal; onBatch?: (done: number, total: number) => void } = {},
): Promise<Float32Array[]> {
  const owner: number[] = []
  const pieces: string[] = []
  texts.forEach((t, i) => {
    for (const p of chunkForEmbedding(t, opts.maxChars)) {
      owner.push(i)
      pieces.push((opts.prefix ?? '') + p)
    }
  })
  // Batches are padded to their longest text: embedding the pieces shortest first wastes the least work.
  const order = pieces.map((_, k) => k).sort((x, y) => pieces[x].length - pieces[y].length)
  const sorted = await embedTexts(embedder, order.map((k) => pieces[k]), opts)
  const vecs: Float32Array[] = new Array(pieces.length)
  order.forEach((k, i) => (vecs[k] = sorted[i]))
  const dims = vecs[0]?.length ?? 0
  const out = texts.map(() => new Float32Array(dims))
  vecs.forEach((v, k) => {
    const w = pieces[k].length
    const o = out[owner[k]]
    for (let d = 0; d < dims; d++) o[d] += w * v[d]
  })
  for (const o of out) normaliseInPlace(o)
  return out
}
