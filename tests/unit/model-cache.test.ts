// The cached-models list and the download sizes: which model variants the app looks for, how ModelRegistry's
// answers become list entries and download sizes, and the ML worker's `files` run in Node with the real
// transformers.js on tiny generated models served from a local folder (sizes must be the files' real sizes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { generateTinyModel, generateTinyTranslationModel, type TinyModel, type TinyTranslationModel } from '../fixtures/tiny-model/generate'
import { cacheCandidates, downloadBytes, toCachedModel } from '../../src/ml/cachedModels'
import { DEFAULT_EMBEDDING_MODEL } from '../../src/ml/adapters/embeddings'
import { NLLB_MODEL_ID } from '../../src/ml/adapters/translation'
import type { FilesResult, MlRequest, MlResponse } from '../../src/ml/protocol'
import { createMlHandler } from '../../src/ml/ml.worker'
import { createMlClient, type WorkerLike } from '../../src/ml/client'

const TMP = resolve('tests/.tmp/model-cache-unit')
let embed: TinyModel
let mt: TinyTranslationModel

function inProcessWorker(): WorkerLike {
  const listeners: ((e: MessageEvent) => void)[] = []
  const handle = createMlHandler((msg: MlResponse) => setTimeout(() => listeners.forEach((l) => l({ data: structuredClone(msg) } as MessageEvent))))
  return {
    postMessage: (m: MlRequest) => void setTimeout(() => handle(structuredClone(m))),
    addEventListener: (type, l) => void (type === 'message' && listeners.push(l)),
    terminate: () => undefined,
  }
}

const size = (modelId: string, file: string) => statSync(join(TMP, modelId, file)).size

beforeAll(() => {
  rmSync(TMP, { recursive: true, force: true })
  embed = generateTinyModel(TMP, 'test/tiny-e5')
  mt = generateTinyTranslationModel(TMP, 'test/tiny-opus-mt')
})
afterAll(() => rmSync(TMP, { recursive: true, force: true }))

describe('which models the cache list looks for', () => {
  it('every offered embedding model at q8 (WASM) and fp32 (WebGPU), every translation model at its dtypes, and a custom embedding id', () => {
    const all = cacheCandidates('someone/custom-embedder')
    const key = (v: { task: string; modelId: string; dtype: string }) => `${v.task}|${v.modelId}|${v.dtype}`
    const keys = all.map(key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys).toContain(`embeddings|${DEFAULT_EMBEDDING_MODEL}|q8`)
    expect(keys).toContain(`embeddings|${DEFAULT_EMBEDDING_MODEL}|fp32`)
    expect(keys).toContain('embeddings|someone/custom-embedder|q8')
    expect(keys).toContain('translation|Xenova/opus-mt-fi-en|q8')
    expect(keys).toContain('translation|Xenova/opus-mt-fi-en|fp32')
    // NLLB stays 8-bit on WebGPU too: one variant only.
    expect(keys.filter((k) => k.includes(NLLB_MODEL_ID))).toEqual([`translation|${NLLB_MODEL_ID}|q8`])
    // The configured model is not listed twice when it is one of the offered ones.
    expect(cacheCandidates(DEFAULT_EMBEDDING_MODEL).filter((v) => v.modelId === DEFAULT_EMBEDDING_MODEL)).toHaveLength(2)
  })
})

describe('from ModelRegistry answers to list entries and download sizes', () => {
  const res = (files: FilesResult['files']): FilesResult => ({ task: 'embeddings', modelId: 'm', dtype: 'q8', files })

  it('lists a model whose weights are cached, with the cached bytes and an incomplete mark', () => {
    expect(toCachedModel(res([]))).toBeNull()
    expect(toCachedModel(res([{ file: 'config.json', cached: false, bytes: 10 }]))).toBeNull()
    // Config and tokenizer files are shared by a model's dtypes: alone they do not make a variant cached.
    expect(toCachedModel(res([{ file: 'config.json', cached: true, bytes: 10 }, { file: 'onnx/model.onnx', cached: false, bytes: 4000 }]))).toBeNull()
    expect(toCachedModel(res([{ file: 'config.json', cached: true, bytes: 10 }, { file: 'onnx/model_quantized.onnx', cached: true, bytes: 1000 }]))).toEqual({
      task: 'embeddings', modelId: 'm', dtype: 'q8', bytes: 1010, filesCached: 2, filesTotal: 2,
    })
    expect(toCachedModel(res([{ file: 'config.json', cached: false, bytes: 10 }, { file: 'onnx/model_quantized.onnx', cached: true, bytes: 1000 }, { file: 'onnx/model_quantized.onnx_data', cached: true, bytes: 5 }]))).toMatchObject({ bytes: 1005, filesCached: 2, filesTotal: 3 })
  })

  it('counts only what is not cached yet, and never guesses a size the source did not tell', () => {
    expect(downloadBytes(res([{ file: 'config.json', cached: true, bytes: 10 }, { file: 'onnx/model_quantized.onnx', cached: false, bytes: 1000 }]))).toBe(1000)
    expect(downloadBytes(res([{ file: 'config.json', cached: false, bytes: 10 }, { file: 'onnx/model_quantized.onnx', cached: false }]))).toBeNull()
    expect(downloadBytes(res([{ file: 'config.json', cached: true }]))).toBe(0)
  })
})

describe('the worker asks ModelRegistry (real transformers.js, local folder)', () => {
  const client = createMlClient(inProcessWorker, { source: { kind: 'local', path: TMP } })

  it('lists the files an embedding pipeline loads at q8, with their real sizes', async () => {
    const out = await client.files({ task: 'embeddings', modelId: embed.modelId, dtype: 'q8', cacheOnly: false })
    const files = ['config.json', 'onnx/model_quantized.onnx', 'tokenizer.json', 'tokenizer_config.json']
    expect(out.files.map((f) => f.file).sort()).toEqual(files)
    for (const f of out.files) expect(f).toEqual({ file: f.file, cached: false, bytes: size(embed.modelId, f.file) })
    expect(downloadBytes(out)).toBe(files.reduce((s, f) => s + size(embed.modelId, f), 0))
    // fp32 loads model.onnx instead.
    const fp32 = await client.files({ task: 'embeddings', modelId: embed.modelId, dtype: 'fp32', cacheOnly: false })
    expect(fp32.files.map((f) => f.file)).toContain('onnx/model.onnx')
    expect(fp32.files.map((f) => f.file)).not.toContain('onnx/model_quantized.onnx')
  })

  it('lists a translation model’s encoder and merged decoder', async () => {
    const out = await client.files({ task: 'translation', modelId: mt.modelId, dtype: 'q8', cacheOnly: false })
    const names = out.files.map((f) => f.file)
    expect(names).toEqual(expect.arrayContaining(['config.json', 'onnx/encoder_model_quantized.onnx', 'onnx/decoder_model_merged_quantized.onnx']))
    for (const f of out.files) expect(f.bytes).toBe(size(mt.modelId, f.file))
  })

  it('a cache-only listing reads nothing from the source: no files for a model never seen, no sizes for uncached files', async () => {
    const fresh = generateTinyModel(TMP, 'test/tiny-e5-never-asked')
    const out = await client.files({ task: 'embeddings', modelId: fresh.modelId, dtype: 'q8', cacheOnly: true })
    expect(out.files).toEqual([])
    expect(toCachedModel(out)).toBeNull()
    // A model whose file list is known (asked above) is listed as not cached, without sizes: none were read.
    const known = await client.files({ task: 'embeddings', modelId: embed.modelId, dtype: 'q8', cacheOnly: true })
    expect(known.files.length).toBeGreaterThan(0)
    for (const f of known.files) expect(f).toEqual({ file: f.file, cached: false })
    expect(toCachedModel(known)).toBeNull()
    // …and deleting it deletes nothing, without an error.
    expect(await client.clear({ task: 'embeddings', modelId: fresh.modelId, dtype: 'q8' })).toEqual({ modelId: fresh.modelId, filesDeleted: 0 })
  })

  it('a missing model is a clear model-unreachable error, not an empty list', async () => {
    const err = (await client.files({ task: 'embeddings', modelId: 'test/not-there', dtype: 'q8', cacheOnly: false }).catch((e: unknown) => e)) as { code: string; message: string }
    expect(err.code).toBe('model-unreachable')
    expect(err.message).toContain('test/not-there')
  })
})
