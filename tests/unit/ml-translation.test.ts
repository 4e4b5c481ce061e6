// Translation in Node with the real transformers.js on tiny generated encoder-decoder models: the model
// registry per language pair, streaming through TextStreamer, interruption, and the worker protocol.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import * as tf from '@huggingface/transformers'
import { SUPPORTED_LANGS } from '../../src/core/model'
import { generateTinyTranslationModel, type TinyTranslationModel } from '../fixtures/tiny-model/generate'
import {
  loadTranslator,
  NLLB_CODES,
  NLLB_MODEL_ID,
  OPUS_MT_PAIRS,
  pickTranslationModel,
  translateTexts,
  translationArgs,
  translationDtype,
  type Translator,
} from '../../src/ml/adapters/translation'
import { applyModelSource } from '../../src/ml/modelSource'
import { CancelledError, MlError, type MlRequest, type MlResponse } from '../../src/ml/protocol'
import { createMlHandler } from '../../src/ml/ml.worker'
import { createMlClient, type WorkerLike } from '../../src/ml/client'

const TMP = resolve('tests/.tmp/ml-unit-mt')
let tiny: TinyTranslationModel
let looping: TinyTranslationModel
let translator: Translator
let loopTranslator: Translator

function inProcessWorker(): WorkerLike & { messages: MlResponse[] } {
  const listeners: ((e: MessageEvent) => void)[] = []
  const messages: MlResponse[] = []
  const handle = createMlHandler((msg) => {
    messages.push(msg)
    setTimeout(() => listeners.forEach((l) => l({ data: structuredClone(msg) } as MessageEvent)))
  })
  return {
    messages,
    postMessage: (m: MlRequest) => void setTimeout(() => handle(structuredClone(m))),
    addEventListener: (type, l) => void (type === 'message' && listeners.push(l)),
    terminate: () => undefined,
  }
}

beforeAll(async () => {
  rmSync(TMP, { recursive: true, force: true })
  tiny = generateTinyTranslationModel(TMP, 'test/tiny-opus-mt')
  looping = generateTinyTranslationModel(TMP, 'test/tiny-opus-mt-loop', { loop: true })
  applyModelSource(tf.env, { kind: 'local', path: TMP })
  translator = await loadTranslator(tf, tiny.modelId, { device: 'cpu' })
  loopTranslator = await loadTranslator(tf, looping.modelId, { device: 'cpu' })
})
afterAll(() => rmSync(TMP, { recursive: true, force: true }))

describe('translation model registry', () => {
  it('uses a direct Opus-MT model where one exists, NLLB-200 otherwise', () => {
    expect(pickTranslationModel('fi', 'en')?.id).toBe('Xenova/opus-mt-fi-en')
    expect(pickTranslationModel('en', 'sv')?.id).toBe('Xenova/opus-mt-en-sv')
    expect(pickTranslationModel('da', 'en')?.id).toBe('Xenova/opus-mt-da-en')
    expect(pickTranslationModel('nb', 'en')?.id).toBe(NLLB_MODEL_ID)
    expect(pickTranslationModel('fi', 'sv')?.id).toBe(NLLB_MODEL_ID)
    expect(pickTranslationModel('fr', 'fr')).toBeNull()
    for (const p of ['fi-en', 'da-en', 'sv-en', 'fr-en', 'en-fi', 'en-da', 'en-sv', 'en-fr']) expect(OPUS_MT_PAIRS).toContain(p)
  })

  it('has an NLLB code for every supported language', () => {
    for (const lang of SUPPORTED_LANGS) expect(NLLB_CODES[lang]).toMatch(/^[a-z]{3}_(Latn|Cyrl)$/)
    expect(NLLB_CODES).toMatchObject({ fi: 'fin_Latn', nb: 'nob_Latn', da: 'dan_Latn', sv: 'swe_Latn', fr: 'fra_Latn', en: 'eng_Latn', ru: 'rus_Cyrl' })
  })

  it('passes FLORES codes to NLLB only, and picks the dtype per device', () => {
    expect(translationArgs(NLLB_MODEL_ID, 'nb', 'en')).toEqual({ src_lang: 'nob_Latn', tgt_lang: 'eng_Latn' })
    expect(translationArgs('Xenova/opus-mt-fi-en', 'fi', 'en')).toEqual({})
    expect(translationDtype('Xenova/opus-mt-fi-en', 'wasm')).toBe('q8')
    expect(translationDtype('Xenova/opus-mt-fi-en', 'webgpu')).toBe('fp32')
    expect(translationDtype(NLLB_MODEL_ID, 'webgpu')).toBe('q8')
  })
})

describe('translation on the real runtime (tiny encoder-decoder)', () => {
  it('translates each text, streaming pieces that add up to the result', async () => {
    const pieces: [number, string][] = []
    const out = await translateTexts(tf, translator, ['Asylum seekers fled.', 'Police'], { src: 'fi', tgt: 'en', onPartial: (i, t) => pieces.push([i, t]) })
    expect(out).toEqual([tiny.output.join(' '), tiny.output.join(' ')])
    expect(pieces.filter(([i]) => i === 0).length).toBeGreaterThan(1)
    for (const i of [0, 1]) expect(pieces.filter(([j]) => j === i).map(([, t]) => t).join('').trim()).toBe(out[i])
  })

  it('stops generating when cancelled (interruptable stopping criterion)', async () => {
    const controller = new AbortController()
    let pieces = 0
    const run = translateTexts(tf, loopTranslator, ['the report'], {
      src: 'en',
      tgt: 'fi',
      maxNewTokens: 400,
      signal: controller.signal,
      onPartial: () => {
        if (++pieces === 3) controller.abort()
      },
    })
    await expect(run).rejects.toBeInstanceOf(CancelledError)
    expect(pieces).toBeLessThan(10)
  })
})

describe('translation through the worker protocol', () => {
  it('loads, streams partial messages and returns the translations', async () => {
    const client = createMlClient(inProcessWorker)
    const source = { kind: 'local' as const, path: TMP }
    const loaded = await client.load({ task: 'translation', modelId: tiny.modelId, source })
    expect(loaded).toMatchObject({ task: 'translation', device: 'cpu', dtype: 'q8', loaded: true })
    const partial: string[] = []
    const res = await client.translate({ modelId: tiny.modelId, texts: ['asylum'], src: 'fi', tgt: 'en', stream: true }, (_, t) => partial.push(t))
    expect(res.translations).toEqual([tiny.output.join(' ')])
    expect(partial.join('').trim()).toBe(res.translations[0])
  })

  it('cancels a running translation', async () => {
    const worker = inProcessWorker()
    const client = createMlClient(() => worker)
    await client.load({ task: 'translation', modelId: looping.modelId, source: { kind: 'local', path: TMP } })
    let n = 0
    const call = client.translate({ modelId: looping.modelId, texts: ['x'], src: 'en', tgt: 'fi', stream: true, maxNewTokens: 2000 }, () => {
      if (++n === 3) call.cancel()
    })
    await expect(call).rejects.toBeInstanceOf(MlError)
    await new Promise((r) => setTimeout(r, 200))
    expect(worker.messages.find((m) => m.id === call.id && m.type === 'error')).toMatchObject({ code: 'cancelled' })
    expect(worker.messages.filter((m) => m.type === 'progress' && m.job === call.id && m.progress.status === 'partial').length).toBeLessThan(100)
  })
})
