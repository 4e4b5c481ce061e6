// The real model pack (multilingual-e5-small from `npm run model-pack`) in Node: download size per dtype,
// passages per second with one thread and with all, and the time to embed the whole corpus. Prints
// figures; asserts nothing. Skips with a message when the pack has not been built.
//
//   npx tsx tests/bench/embed-model.bench.ts        (or: npm run bench -- embed-model)
//   EMBED_BENCH_SAMPLE=200 sets the passages per throughput run (default 160);
//   EMBED_BENCH_FULL=1 also embeds the whole corpus with fp32 (slow on 2 cores), not only with q8.
//
// Batches pad every text to the longest of the batch, so the order of the texts matters a lot: runs
// are timed in corpus order (what embedTexts does today) and sorted by length (long with long).
import { performance } from 'node:perf_hooks'
import { existsSync, statSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'
import * as tf from '@huggingface/transformers'
import { applyPrefix, embedTexts, type FeatureExtractor } from '../../src/ml/adapters/embeddings'
import { applyModelSource } from '../../src/ml/modelSource'
import { corpusAvailable, loadCorpus } from './linkGold'

const MODEL_ID = 'Xenova/multilingual-e5-small'
const MODELS = resolve(process.env.COI_MODEL_PACK_DIR ?? 'models')
const PACK = join(MODELS, MODEL_ID)
const SAMPLE = Number(process.env.EMBED_BENCH_SAMPLE ?? 160)
const BATCH = 16
const ONNX = { fp32: 'model.onnx', q8: 'model_quantized.onnx' } as const
type Dtype = keyof typeof ONNX

const mb = (n: number) => (n / 1e6).toFixed(1)
const size = (f: string) => (existsSync(join(PACK, f)) ? statSync(join(PACK, f)).size : 0)

if (!existsSync(join(PACK, 'config.json')) || !corpusAvailable) {
  console.log(`(skipped: needs the model pack at ${PACK} — npm run model-pack — and the corpus)`)
  process.exit(0)
}

const dtypes = (Object.keys(ONNX) as Dtype[]).filter((d) => size(`onnx/${ONNX[d]}`) > 0)
const common = ['config.json', 'tokenizer.json', 'tokenizer_config.json'].reduce((a, f) => a + size(f), 0)
console.log(`## Model pack ${MODEL_ID}: download size`)
console.log('| dtype | ONNX MB | + config/tokenizer MB | total MB |')
console.log('| --- | ---: | ---: | ---: |')
for (const d of dtypes) console.log(`| ${d} | ${mb(size(`onnx/${ONNX[d]}`))} | ${mb(common)} | ${mb(size(`onnx/${ONNX[d]}`) + common)} |`)

const passages = loadCorpus().flatMap((doc) => doc.passages.map((p) => p.text))
const texts = applyPrefix(passages, MODEL_ID, 'passage')
const chars = passages.reduce((a, t) => a + t.length, 0)
// A deterministic spread of passages (every k-th), so short headings and long paragraphs both count.
const sample = texts.filter((_, i) => i % Math.max(1, Math.floor(texts.length / SAMPLE)) === 0).slice(0, SAMPLE)
const all = availableParallelism()
/** Texts ordered by length, so that a batch pads little. */
const byLength = (xs: string[]) => [...xs].sort((a, b) => a.length - b.length)

/** A feature-extraction pipeline with onnxruntime-node limited to `threads` intra-op threads. */
async function load(dtype: Dtype, threads: number): Promise<{ extractor: FeatureExtractor; loadMs: number }> {
  applyModelSource(tf.env, { kind: 'local', path: MODELS })
  const t0 = performance.now()
  const extractor = (await tf.pipeline('feature-extraction', MODEL_ID, {
    device: 'cpu',
    dtype,
    session_options: { intraOpNumThreads: threads, interOpNumThreads: 1 },
  })) as unknown as FeatureExtractor
  return { extractor, loadMs: performance.now() - t0 }
}

console.log(`\n## Throughput in Node (onnxruntime-node, cpu; ${all} cores, shared with other work: figures are noisy)`)
console.log(`${sample.length} corpus passages per run ("passage: " prefix), batch ${BATCH}, after a warm-up batch.`)
console.log('| dtype | threads | load s | order | passages/s |')
console.log('| --- | ---: | ---: | --- | ---: |')
for (const dtype of dtypes) {
  for (const threads of [...new Set([1, all])]) {
    const { extractor, loadMs } = await load(dtype, threads)
    await embedTexts({ extractor }, sample.slice(0, BATCH), { batchSize: BATCH })
    for (const [order, xs] of [['corpus', sample], ['by length', byLength(sample)]] as const) {
      const t0 = performance.now()
      await embedTexts({ extractor }, xs, { batchSize: BATCH })
      const s = (performance.now() - t0) / 1000
      console.log(`| ${dtype} | ${threads} | ${(loadMs / 1000).toFixed(1)} | ${order} | ${(xs.length / s).toFixed(1)} |`)
    }
    await extractor.dispose?.()
  }
}

console.log(`\n## Whole corpus: ${texts.length} passages, ${chars} characters (5 reports), all threads, batch ${BATCH}, by length`)
console.log('| dtype | seconds | passages/s |')
console.log('| --- | ---: | ---: |')
for (const dtype of dtypes.filter((d) => d === 'q8' || process.env.EMBED_BENCH_FULL)) {
  const { extractor } = await load(dtype, all)
  const t0 = performance.now()
  await embedTexts({ extractor }, byLength(texts), { batchSize: BATCH })
  const s = (performance.now() - t0) / 1000
  console.log(`| ${dtype} | ${s.toFixed(1)} | ${(texts.length / s).toFixed(1)} |`)
  await extractor.dispose?.()
}
