// The ML layer in Node with the real transformers.js + ONNX Runtime on a tiny generated model: the
// embeddings adapter (dimension, unit norm, determinism, batching, cancellation), the model source,
// the registry, the cache, and the worker protocol (driven in-process), including the clear error when
// no model can be loaded. Nothing here leaves 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { createServer } from 'node:net'
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import * as tf from '@huggingface/transformers'
import { generateTinyModel, type TinyModel } from '../fixtures/tiny-model/generate'
import {
  applyPrefix,
  chunkForEmbedding,
  cosine,
  embedLongTexts,
  DEFAULT_EMBEDDING_MODEL,
  detectDevice,
  embeddingDtype,
  embeddingModelInfo,
  embeddingVariant,
  EMBEDDING_MODELS,
  embedTexts,
  isWebGpuSupported,
  loadEmbedder,
  type Embedder,
} from '../../src/ml/adapters/embeddings'
import { applyModelSource, describeModelSource, modelFileLocation, parseModelSource, validateModelSource, type TransformersEnvLike } from '../../src/ml/modelSource'
import { CancelledError, MlError, toErrorResponse, type MlProgress, type MlRequest, type MlResponse } from '../../src/ml/protocol'
import { embedWithCache, LruEmbeddingCache, sha256Hex } from '../../src/ml/embedCache'
import { createMlHandler } from '../../src/ml/ml.worker'
import { createMlClient, type WorkerLike } from '../../src/ml/client'

const TMP = resolve('tests/.tmp/ml-unit')
let model: TinyModel
let embedder: Embedder

/** A port nothing listens on (bound, then closed), for "server down" cases. */
async function closedPort(): Promise<number> {
  const srv = createServer()
  await new Promise<void>((ok) => srv.listen(0, '127.0.0.1', ok))
  const port = (srv.address() as { port: number }).port
  await new Promise<void>((ok) => srv.close(() => ok()))
  return port
}

/** The worker's handler behind a WorkerLike, in this process (structured clone like postMessage). */
function inProcessWorker(): WorkerLike & { messages: MlResponse[] } {
  const listeners: ((e: MessageEvent) => void)[] = []
  const messages: MlResponse[] = []
  const handle = createMlHandler((msg) => {
    const copy = structuredClone(msg)
    messages.push(copy)
    setTimeout(() => listeners.forEach((l) => l({ data: copy } as MessageEvent)))
  })
  return {
    messages,
    postMessage: (m: MlRequest) => void setTimeout(() => handle(structuredClone(m))),
    addEventListener: (type, l) => void (type === 'message' && listeners.push(l)),
    terminate: () => undefined,
  }
}

const TEXTS = [
  'The report describes the security situation in the city.',
  'Asylum seekers fled from the conflict.',
  'Women and children face discrimination.',
  'The police arrested journalists after the protests.',
  'Returnees face a risk of persecution.',
]

beforeAll(async () => {
  rmSync(TMP, { recursive: true, force: true })
  model = generateTinyModel(TMP)
  applyModelSource(tf.env, { kind: 'local', path: model.dir })
  embedder = await loadEmbedder(tf, model.modelId, { device: 'cpu' })
})
afterAll(() => rmSync(TMP, { recursive: true, force: true }))

describe('embedding model registry', () => {
  // Download sizes are no longer written here: they come from the model source (tests/unit/model-cache.test.ts).
  it('defaults to multilingual MiniLM and lists e5 (with prefixes) and LaBSE', () => {
    expect(DEFAULT_EMBEDDING_MODEL).toBe('Xenova/multilingual-e5-small')
    expect(EMBEDDING_MODELS.map((m) => m.id)).toEqual(['Xenova/multilingual-e5-small', 'Xenova/paraphrase-multilingual-MiniLM-L12-v2', 'Xenova/LaBSE'])
    expect(embeddingModelInfo('Xenova/multilingual-e5-small')?.prefixes).toEqual({ query: 'query: ', passage: 'passage: ' })
  })

  it('adds e5 prefixes only where the model has them', () => {
    expect(applyPrefix(['a'], 'Xenova/multilingual-e5-small', 'query')).toEqual(['query: a'])
    expect(applyPrefix(['a'], 'Xenova/multilingual-e5-small', 'passage')).toEqual(['passage: a'])
    expect(applyPrefix(['a'], 'Xenova/multilingual-e5-small', 'none')).toEqual(['a'])
    expect(applyPrefix(['a'], 'Xenova/paraphrase-multilingual-MiniLM-L12-v2', 'query')).toEqual(['a'])
    expect(embeddingVariant('Xenova/multilingual-e5-small', 'query')).toBe('Xenova/multilingual-e5-small#query/long')
    expect(embeddingVariant('Xenova/paraphrase-multilingual-MiniLM-L12-v2', 'query')).toBe('Xenova/paraphrase-multilingual-MiniLM-L12-v2/long')
  })

  it('chooses CPU in Node, WebGPU only with navigator.gpu, and the dtype per device', async () => {
    expect(await detectDevice()).toBe('cpu')
    expect(isWebGpuSupported({ gpu: {} })).toBe(true)
    expect(isWebGpuSupported({})).toBe(false)
    expect(isWebGpuSupported(undefined)).toBe(false)
    expect(embeddingDtype('wasm')).toBe('q8')
    expect(embeddingDtype('cpu')).toBe('q8')
    expect(embeddingDtype('webgpu')).toBe('fp32')
  })
})

describe('model source', () => {
  const fresh = (): TransformersEnvLike => ({
    allowRemoteModels: true,
    allowLocalModels: true,
    remoteHost: 'x',
    remotePathTemplate: 'x',
    localModelPath: 'x',
    backends: { onnx: { wasm: {} } },
  })

  it('configures the hub, a self-hosted URL, or a local folder, and the wasm path', () => {
    const env = fresh()
    applyModelSource(env, { kind: 'hub' })
    expect(env).toMatchObject({ remoteHost: 'https://huggingface.co/', remotePathTemplate: '{model}/resolve/{revision}/', allowRemoteModels: true, allowLocalModels: false })
    applyModelSource(env, { kind: 'url', baseUrl: 'http://127.0.0.1:8080/models' }, 'http://127.0.0.1:8080/ort')
    expect(env).toMatchObject({ remoteHost: 'http://127.0.0.1:8080/models/', remotePathTemplate: '{model}/', allowRemoteModels: true, allowLocalModels: false })
    expect(env.backends.onnx).toEqual({ wasm: { wasmPaths: 'http://127.0.0.1:8080/ort/' } })
    applyModelSource(env, { kind: 'local', path: '/srv/models' })
    expect(env).toMatchObject({ localModelPath: '/srv/models/', allowRemoteModels: false, allowLocalModels: true })
  })

  it('validates, parses and describes settings', () => {
    expect(validateModelSource({ kind: 'url', baseUrl: 'not a url' })).toMatch(/not a URL/)
    expect(validateModelSource({ kind: 'url', baseUrl: 'ftp://x/' })).toMatch(/http/)
    expect(() => applyModelSource(fresh(), { kind: 'url', baseUrl: 'nope' })).toThrow(/not a URL/)
    expect(parseModelSource({ kind: 'url', baseUrl: ' https://m.example/ ' })).toEqual({ kind: 'url', baseUrl: 'https://m.example/' })
    expect(parseModelSource({ kind: 'url' })).toBeNull()
    expect(parseModelSource('hub')).toBeNull()
    expect(describeModelSource({ kind: 'hub' })).toBe('the Hugging Face hub')
    expect(modelFileLocation({ kind: 'url', baseUrl: 'https://m.example' }, 'Xenova/LaBSE', 'config.json')).toBe('https://m.example/Xenova/LaBSE/config.json')
    expect(modelFileLocation({ kind: 'hub' }, 'Xenova/LaBSE', 'config.json')).toBe('https://huggingface.co/Xenova/LaBSE/resolve/main/config.json')
  })
})

describe('embeddings on the real runtime (tiny model)', () => {
  it('loads on CPU with the q8 file and reports the dimension', () => {
    expect(embedder).toMatchObject({ device: 'cpu', dtype: 'q8', dims: model.hidden })
  })

  it('returns unit-norm vectors of the model dimension', async () => {
    const vectors = await embedTexts(embedder, TEXTS)
    expect(vectors).toHaveLength(TEXTS.length)
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array)
      expect(v.length).toBe(model.hidden)
      expect(Math.hypot(...v)).toBeCloseTo(1, 5)
    }
  })

  it('gives identical vectors for identical texts and different ones for different texts', async () => {
    const [a, b, c] = await embedTexts(embedder, [TEXTS[0], TEXTS[0], TEXTS[1]])
    expect(Array.from(a)).toEqual(Array.from(b))
    expect(cosine(a, b)).toBeCloseTo(1, 6)
    expect(cosine(a, c)).toBeLessThan(0.999)
  })

  it('pools a text longer than the window over its pieces, and leaves a short one as one pass', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `${TEXTS[i % TEXTS.length]} (${i}).`).join(' ')
    const pieces = chunkForEmbedding(long, 200)
    expect(pieces.length).toBeGreaterThan(3)
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(200)
    expect(pieces.join(' ')).toBe(long.replace(/\s+/g, ' ').trim())
    const [pooled, short] = await embedLongTexts(embedder, [long, TEXTS[0]], { maxChars: 200 })
    const [direct] = await embedTexts(embedder, [TEXTS[0]])
    expect(cosine(short, direct)).toBeCloseTo(1, 5)
    expect(Math.hypot(...pooled)).toBeCloseTo(1, 5)
    const parts = await embedTexts(embedder, pieces)
    const mean = parts[0].map((_, d) => parts.reduce((s, v, k) => s + pieces[k].length * v[d], 0))
    expect(cosine(pooled, mean)).toBeCloseTo(1, 5)
  })

  it('cuts a sentence longer than the window at white space', () => {
    const word = 'mobilisering '
    const pieces = chunkForEmbedding(word.repeat(100), 120)
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(120)
    expect(pieces.every((p) => !p.startsWith(' ') && !p.endsWith(' '))).toBe(true)
  })

  it('gives the same vectors in batches as one by one', async () => {
    const batched = await embedTexts(embedder, TEXTS, { batchSize: 3 })
    const single = await Promise.all(TEXTS.map(async (t) => (await embedTexts(embedder, [t]))[0]))
    batched.forEach((v, i) => v.forEach((x, k) => expect(x).toBeCloseTo(single[i][k], 5)))
  })

  it('stops between batches when cancelled', async () => {
    const controller = new AbortController()
    const batches: number[] = []
    const run = embedTexts(embedder, [...TEXTS, ...TEXTS], {
      batchSize: 2,
      signal: controller.signal,
      onBatch: (done) => {
        batches.push(done)
        if (done === 2) controller.abort()
      },
    })
    await expect(run).rejects.toBeInstanceOf(CancelledError)
    expect(batches).toEqual([1, 2])
  })

  it('cosine handles zero vectors and rejects mismatched lengths', () => {
    expect(cosine([0, 0], [1, 0])).toBe(0)
    expect(cosine([1, 0], [0, 1])).toBe(0)
    expect(cosine([2, 0], [1, 0])).toBeCloseTo(1)
    expect(() => cosine([1], [1, 2])).toThrow(/length/)
  })
})

describe('unreachable model sources', () => {
  it('a self-hosted URL whose server is down gives model-unreachable with a clear message', async () => {
    const source = { kind: 'url' as const, baseUrl: `http://127.0.0.1:${await closedPort()}/` }
    applyModelSource(tf.env, source)
    const err = await loadEmbedder(tf, 'Xenova/multilingual-e5-small', { device: 'cpu' }).catch((e: unknown) => e)
    const res = toErrorResponse(1, err, { phase: 'load', modelId: 'Xenova/multilingual-e5-small', source })
    expect(res.code).toBe('model-unreachable')
    expect(res.error).toContain('Could not load the model “Xenova/multilingual-e5-small” from http://127.0.0.1:')
    expect(res.error).toMatch(/self-hosted model URL/)
    expect(res.error).toMatch(/lexical linking keep working/)
    expect(res.detail).toMatch(/fetch failed|ECONNREFUSED/i)
  })

  it('a local folder without the model gives model-unreachable', async () => {
    const source = { kind: 'local' as const, path: resolve(TMP, 'empty') }
    applyModelSource(tf.env, source)
    const err = await loadEmbedder(tf, 'Xenova/LaBSE', { device: 'cpu' }).catch((e: unknown) => e)
    const res = toErrorResponse(2, err, { phase: 'load', modelId: 'Xenova/LaBSE', source })
    expect(res.code).toBe('model-unreachable')
    expect(res.error).toMatch(/folder contains the model/)
  })

  it('other failures are runtime errors, cancellations are cancelled', () => {
    expect(toErrorResponse(3, new Error('boom'), { phase: 'run', modelId: 'm' })).toMatchObject({ code: 'runtime', error: 'The model runtime failed (m): boom' })
    expect(toErrorResponse(3, new CancelledError(), { phase: 'run' }).code).toBe('cancelled')
    expect(toErrorResponse(3, new SyntaxError('Unexpected token <'), { phase: 'load', source: { kind: 'url', baseUrl: 'http://127.0.0.1/' } })).toMatchObject({
      code: 'model-unreachable',
      error: expect.stringMatching(/not with model files/),
    })
  })
})

describe('embedding cache', () => {
  it('hashes the UTF-8 text with SHA-256', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    const s = 'Ääkköset ja кириллица 🙂'.repeat(9)
    expect(await sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'))
  })

  it('embeds only missing distinct texts and evicts least recently used entries', async () => {
    const cache = new LruEmbeddingCache(3)
    const calls: string[][] = []
    const embed = async (missing: string[]) => (calls.push(missing), missing.map((t) => Float32Array.of(t.length)))
    const first = await embedWithCache(['a', 'bb', 'a'], 'm', cache, embed)
    expect(calls).toEqual([['a', 'bb']])
    expect(first.cached).toBe(0)
    expect(first.vectors.map((v) => v[0])).toEqual([1, 2, 1])
    const second = await embedWithCache(['bb', 'ccc'], 'm', cache, embed)
    expect(calls[1]).toEqual(['ccc'])
    expect(second.cached).toBe(1)
    await embedWithCache(['dddd'], 'm', cache, embed) // evicts 'a' (least recently used)
    expect(cache.size).toBe(3)
    expect((await embedWithCache(['a'], 'm', cache, embed)).cached).toBe(0)
    expect((await embedWithCache(['a'], 'other-model', cache, embed)).cached).toBe(0)
  })
})

describe('worker protocol (handler in-process, real runtime)', () => {
  const local = () => ({ kind: 'local' as const, path: model.dir })

  it('loads once, forwarding transformers.js progress unchanged, then embeds with batch progress', async () => {
    const worker = inProcessWorker()
    const client = createMlClient(() => worker)
    const progress: MlProgress[] = []
    const loaded = await client.load({ task: 'embeddings', modelId: model.modelId, source: local() }, (p) => progress.push(p))
    expect(loaded).toMatchObject({ task: 'embeddings', modelId: model.modelId, device: 'cpu', dtype: 'q8', dims: model.hidden, loaded: true })
    expect(new Set(progress.map((p) => p.status))).toEqual(new Set(['initiate', 'download', 'progress', 'done', 'ready']))
    expect(progress.find((p) => p.status === 'progress')).toMatchObject({ name: model.modelId, progress: 100 })
    expect(progress.at(-1)).toEqual({ status: 'ready', task: 'feature-extraction', model: model.modelId })

    expect(await client.load({ task: 'embeddings', modelId: model.modelId, source: local() })).toMatchObject({ loaded: false })

    const batches: MlProgress[] = []
    const res = await client.embed({ modelId: model.modelId, texts: TEXTS, batchSize: 2 }, (p) => batches.push(p))
    expect(res.dims).toBe(model.hidden)
    expect(res.vectors).toHaveLength(TEXTS.length)
    expect(batches).toEqual([
      { status: 'batch', done: 1, total: 3 },
      { status: 'batch', done: 2, total: 3 },
      { status: 'batch', done: 3, total: 3 },
    ])
    const direct = await embedTexts(embedder, TEXTS)
    res.vectors.forEach((v, i) => expect(cosine(v, direct[i])).toBeCloseTo(1, 5))
    const again = await client.embed({ modelId: model.modelId, texts: [TEXTS[0], 'new text'] })
    expect(again.cached).toBe(1)
    expect(client.pending).toBe(0)
  })

  it('cancels a running embed between batches', async () => {
    const worker = inProcessWorker()
    const client = createMlClient(() => worker)
    await client.load({ task: 'embeddings', modelId: model.modelId, source: local() })
    const many = Array.from({ length: 400 }, (_, i) => `the report ${i} describes the situation`)
    const call: ReturnType<typeof client.embed> = client.embed({ modelId: model.modelId, texts: many, batchSize: 1 }, (p) => {
      if (p.status === 'batch' && p.done === 3) call.cancel()
    })
    const err = await call.catch((e: unknown) => e)
    expect(err).toBeInstanceOf(MlError)
    expect((err as MlError).code).toBe('cancelled')
    await new Promise((r) => setTimeout(r, 100))
    const workerError = worker.messages.find((m) => m.id === call!.id && m.type === 'error')
    expect(workerError).toMatchObject({ code: 'cancelled' })
    const batchMessages = worker.messages.filter((m) => m.type === 'progress' && m.job === call!.id)
    expect(batchMessages.length).toBeLessThan(many.length)
  })

  it('an unreachable source ends the load with model-unreachable and a clear message', async () => {
    const client = createMlClient(inProcessWorker)
    const baseUrl = `http://127.0.0.1:${await closedPort()}/models/`
    const err = (await client.load({ task: 'embeddings', modelId: 'Xenova/paraphrase-multilingual-MiniLM-L12-v2', source: { kind: 'url', baseUrl } }).catch((e: unknown) => e)) as MlError
    expect(err).toBeInstanceOf(MlError)
    expect(err.code).toBe('model-unreachable')
    expect(err.message).toContain(`from ${baseUrl}`)
    // Using a model that never loaded is a runtime error that says what to do.
    const err2 = (await client.embed({ modelId: 'Xenova/paraphrase-multilingual-MiniLM-L12-v2', texts: ['x'] }).catch((e: unknown) => e)) as MlError
    expect(err2).toMatchObject({ code: 'runtime', message: expect.stringMatching(/not loaded: load it first/) })
  })

  it('sets the thread count of ONNX Runtime Web from the load request, and refuses one that is not a positive whole number', async () => {
    const wasm = tf.env.backends.onnx.wasm!
    const before = wasm.numThreads
    try {
      const client = createMlClient(inProcessWorker)
      await client.load({ task: 'embeddings', modelId: model.modelId, source: local(), numThreads: 3 })
      expect(wasm.numThreads).toBe(3)
      for (const bad of [0, 1.5, -2]) {
        const err = (await client.load({ task: 'embeddings', modelId: model.modelId, source: local(), numThreads: bad }).catch((e: unknown) => e)) as MlError
        expect(err).toMatchObject({ code: 'runtime', message: `numThreads must be a positive whole number, not ${bad}.` })
      }
      expect(wasm.numThreads).toBe(3)
    } finally {
      wasm.numThreads = before
    }
  })

  it('terminate rejects pending requests', async () => {
    const client = createMlClient(inProcessWorker)
    const call = client.load({ task: 'embeddings', modelId: model.modelId, source: local() })
    client.terminate()
    await expect(call).rejects.toMatchObject({ code: 'cancelled' })
  })
})
