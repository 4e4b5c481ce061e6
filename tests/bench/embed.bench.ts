// Embedding throughput (passages/s) of the real transformers.js + ONNX Runtime pipeline on the tiny
// generated model: this measures the plumbing (tokenizer, session, pooling, batching, worker protocol,
// hashing/cache), not a real model's compute. Prints figures; asserts nothing.
//
//   Node:      npx tsx tests/bench/embed.bench.ts          (or: npm run bench -- embed)
//   Chromium:  BENCH_CHROMIUM=1 npx tsx tests/bench/embed.bench.ts
//              (needs /usr/bin/chromium and a built dist/ for the test server: npx vite build; it builds
//               the ML test page into tests/.tmp/ml-page and runs the real worker with WASM.)
import { performance } from 'node:perf_hooks'
import { existsSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import * as tf from '@huggingface/transformers'
import { generateTinyModel } from '../fixtures/tiny-model/generate'
import { embedTexts, loadEmbedder } from '../../src/ml/adapters/embeddings'
import { applyModelSource } from '../../src/ml/modelSource'
import { createMlHandler } from '../../src/ml/ml.worker'
import { createMlClient, type WorkerLike } from '../../src/ml/client'
import type { MlRequest } from '../../src/ml/protocol'

const DIR = resolve('tests/.tmp/bench-embed-model')
const N = 2000
rmSync(DIR, { recursive: true, force: true })
const model = generateTinyModel(DIR)
const words = model.vocab.filter((w) => /^[a-zé]+$/.test(w))

/** N passages of 20–40 words (deterministic), each distinct; `tag` keeps runs from hitting the cache. */
function passages(n: number, tag = ''): string[] {
  let s = 42
  const r = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  return Array.from({ length: n }, (_, i) => `${tag}${i} ` + Array.from({ length: 20 + Math.floor(r() * 20) }, () => words[Math.floor(r() * words.length)]).join(' ') + '.')
}
const fmt = (n: number) => n.toFixed(0).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')

console.log(`## Embedding throughput, tiny model (hidden ${model.hidden}, vocab ${model.vocab.length}), ${N} passages of 20–40 words`)
console.log('| where | path | batch | passages/s |')
console.log('| --- | --- | ---: | ---: |')

applyModelSource(tf.env, { kind: 'local', path: DIR })
const embedder = await loadEmbedder(tf, model.modelId, { device: 'cpu' })
await embedTexts(embedder, passages(64, 'warm'), { batchSize: 16 })
for (const batchSize of [1, 8, 32]) {
  const texts = passages(N, `a${batchSize}`)
  const t0 = performance.now()
  await embedTexts(embedder, texts, { batchSize })
  console.log(`| Node (onnxruntime-node, cpu) | adapter | ${batchSize} | ${fmt(N / ((performance.now() - t0) / 1000))} |`)
}

// Through the worker protocol in-process (request ids, progress, SHA-256 keys, session cache).
const handle = createMlHandler((msg) => setTimeout(() => listeners.forEach((l) => l({ data: msg } as MessageEvent))))
const listeners: ((e: MessageEvent) => void)[] = []
const fake: WorkerLike = { postMessage: (m: MlRequest) => void setTimeout(() => handle(m)), addEventListener: (t, l) => void (t === 'message' && listeners.push(l)), terminate: () => undefined }
const client = createMlClient(() => fake)
await client.load({ task: 'embeddings', modelId: model.modelId, source: { kind: 'local', path: DIR } })
const texts = passages(N, 'p')
let t0 = performance.now()
await client.embed({ modelId: model.modelId, texts, batchSize: 32 })
console.log(`| Node | protocol, cold cache | 32 | ${fmt(N / ((performance.now() - t0) / 1000))} |`)
t0 = performance.now()
const again = await client.embed({ modelId: model.modelId, texts, batchSize: 32 })
console.log(`| Node | protocol, all cached (${again.cached}) | 32 | ${fmt(N / ((performance.now() - t0) / 1000))} |`)

if (process.env.BENCH_CHROMIUM) {
  const { openBrowser, serveApp } = await import('../e2e/harness')
  const { build } = await import('vite')
  if (!existsSync('dist/index.html')) {
    console.log('\n(Chromium figure skipped: build the app first with `npx vite build`.)')
  } else {
    await build({ configFile: resolve('tests/e2e/pages/vite.config.ts'), logLevel: 'warn' })
    const app = await serveApp({ '/mlpage/': resolve('tests/.tmp/ml-page'), '/models/': DIR })
    const tb = await openBrowser()
    try {
      await tb.page.goto(app.url + 'mlpage/ml.html')
      await tb.page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready')
      const rows = await tb.page.evaluate(
        async ({ baseUrl, modelId, sets }) => {
          const { client } = window.mlProbe
          const load = await client.load({ task: 'embeddings', modelId, source: { kind: 'url', baseUrl } })
          await client.embed({ modelId, texts: sets.warm, batchSize: 16 })
          const out: [number, number][] = []
          for (const [batchSize, texts] of sets.runs) {
            const t = performance.now()
            await client.embed({ modelId, texts, batchSize })
            out.push([batchSize, texts.length / ((performance.now() - t) / 1000)])
          }
          return { device: load.device, out }
        },
        { baseUrl: app.url + 'models/', modelId: model.modelId, sets: { warm: passages(64, 'w'), runs: [1, 8, 32].map((b) => [b, passages(N, `c${b}`)] as [number, string[]]) } },
      )
      for (const [b, pps] of rows.out) console.log(`| Chromium (onnxruntime-web, ${rows.device}, 1 thread) | worker + protocol, cold cache | ${b} | ${fmt(pps)} |`)
    } finally {
      await tb.close()
      await app.close()
    }
  }
} else {
  console.log('\nChromium figure: BENCH_CHROMIUM=1 (npm run bench sets it; needs dist/ and /usr/bin/chromium).')
}
rmSync(DIR, { recursive: true, force: true })
