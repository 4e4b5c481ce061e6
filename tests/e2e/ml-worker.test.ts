// The ML worker in real Chromium: a test page (built separately, never in dist/) creates the real client
// and worker; the worker loads a tiny generated model from a self-hosted URL on the test server, with ONNX
// Runtime's wasm served by the app itself; it embeds with progress, cancels, and reports unreachable
// sources clearly. Every request must stay on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { resolve } from 'node:path'
import { build } from 'vite'
import { openBrowser, serveApp, type TestBrowser } from './harness'
import { generateTinyModel, generateTinyTranslationModel, type TinyModel, type TinyTranslationModel } from '../fixtures/tiny-model/generate'

const PAGE_DIR = resolve('tests/.tmp/ml-page')
const MODEL_DIR = resolve('tests/.tmp/ml-e2e-models')
const EMPTY_DIR = resolve('tests/.tmp/ml-e2e-empty')

let app: Awaited<ReturnType<typeof serveApp>>
let tb: TestBrowser
let model: TinyModel
let mt: TinyTranslationModel
let mtLoop: TinyTranslationModel
const requests: string[] = []

beforeAll(async () => {
  rmSync(MODEL_DIR, { recursive: true, force: true })
  model = generateTinyModel(MODEL_DIR)
  mt = generateTinyTranslationModel(MODEL_DIR, 'test/tiny-opus-mt')
  mtLoop = generateTinyTranslationModel(MODEL_DIR, 'test/tiny-opus-mt-loop', { loop: true })
  mkdirSync(EMPTY_DIR, { recursive: true })
  await build({ configFile: resolve('tests/e2e/pages/vite.config.ts'), logLevel: 'warn' })
  app = await serveApp({ '/mlpage/': PAGE_DIR, '/models/': MODEL_DIR, '/no-models/': EMPTY_DIR })
  tb = await openBrowser()
  tb.context.on('request', (r) => requests.push(r.url()))
  await tb.page.goto(app.url + 'mlpage/ml.html')
  await tb.page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready')
})
afterAll(async () => {
  await tb?.close()
  await app?.close()
})

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const srv = createServer()
  await new Promise<void>((ok) => srv.listen(0, '127.0.0.1', ok))
  const port = (srv.address() as { port: number }).port
  await new Promise<void>((ok) => srv.close(() => ok()))
  return port
}

const TEXTS = [
  'The report describes the security situation in the city.',
  'Asylum seekers fled from the conflict.',
  'The report describes the security situation in the city.',
  'Women and children face discrimination.',
  'The police arrested journalists after the protests.',
]

describe('ML worker in Chromium', () => {
  it('loads the tiny model from a self-hosted URL and embeds a batch with progress', async () => {
    const out = await tb.page.evaluate(
      async ({ baseUrl, modelId, texts }) => {
        const { client, cosine } = window.mlProbe
        const progress: { status: string }[] = []
        const load = await client.load({ task: 'embeddings', modelId, source: { kind: 'url', baseUrl } }, (p) => progress.push(p))
        const batches: { status: string }[] = []
        const res = await client.embed({ modelId, texts, batchSize: 2 }, (p) => batches.push(p))
        return {
          load,
          statuses: [...new Set(progress.map((p) => p.status))],
          last: progress.at(-1),
          batches,
          dims: res.dims,
          norms: res.vectors.map((v) => Math.hypot(...v)),
          same: cosine(res.vectors[0], res.vectors[2]),
          different: cosine(res.vectors[0], res.vectors[1]),
          isFloat32: res.vectors.every((v) => v instanceof Float32Array),
        }
      },
      { baseUrl: app.url + 'models/', modelId: model.modelId, texts: TEXTS },
    )
    expect(out.load).toMatchObject({ task: 'embeddings', modelId: model.modelId, device: 'wasm', dtype: 'q8', dims: model.hidden, loaded: true })
    expect(out.statuses).toEqual(expect.arrayContaining(['initiate', 'download', 'progress', 'done', 'ready']))
    expect(out.last).toEqual({ status: 'ready', task: 'feature-extraction', model: model.modelId })
    // 5 texts, 4 distinct (the repeated one is embedded once): 2 batches of 2.
    expect(out.batches).toEqual([1, 2].map((done) => ({ status: 'batch', done, total: 2 })))
    expect(out.dims).toBe(model.hidden)
    expect(out.isFloat32).toBe(true)
    for (const n of out.norms) expect(n).toBeCloseTo(1, 5)
    expect(out.same).toBeCloseTo(1, 6)
    expect(out.different).toBeLessThan(0.999)
    // The model came from the test server, ONNX Runtime's wasm from where Vite emitted it beside the page.
    expect(requests).toContain(app.url + 'models/' + model.modelId + '/onnx/model_quantized.onnx')
    expect(requests.filter((u) => u.endsWith('.wasm'))).toEqual([expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/mlpage\/assets\/ort-wasm-simd-threaded\.asyncify-[\w-]+\.wasm$/)])
  })

  it('cancels a running embed between batches', async () => {
    const out = await tb.page.evaluate(async (modelId) => {
      const { client, workerMessages } = window.mlProbe
      const texts = Array.from({ length: 3000 }, (_, i) => `the report ${i} describes the situation`)
      let seen = 0
      const call = client.embed({ modelId, texts, batchSize: 1 }, () => {
        if (++seen === 3) call.cancel()
      })
      const err = await call.then(
        () => null,
        (e: { code: string; message: string }) => ({ code: e.code, message: e.message }),
      )
      // Wait for the worker's own answer to the cancelled request.
      const t0 = Date.now()
      while (!workerMessages.some((m) => m.type !== 'progress' && m.id === call.id) && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 20))
      const final = workerMessages.find((m) => m.type !== 'progress' && m.id === call.id)
      const batchesRun = workerMessages.filter((m) => m.type === 'progress' && m.job === call.id).length
      // The worker is still usable afterwards.
      const after = await client.embed({ modelId, texts: ['asylum seekers'] })
      return { err, final, batchesRun, total: texts.length, afterDims: after.dims, pending: client.pending }
    }, model.modelId)
    expect(out.err).toEqual({ code: 'cancelled', message: 'Cancelled.' })
    expect(out.final).toMatchObject({ type: 'error', code: 'cancelled' })
    expect(out.batchesRun).toBeGreaterThanOrEqual(3)
    expect(out.batchesRun).toBeLessThan(out.total)
    expect(out.afterDims).toBe(model.hidden)
    expect(out.pending).toBe(0)
  })

  it('an unreachable or empty model source gives a clear model-unreachable error', async () => {
    const port = await closedPort()
    const out = await tb.page.evaluate(
      async ({ down, empty }) => {
        const { client } = window.mlProbe
        const tryLoad = (baseUrl: string) =>
          client.load({ task: 'embeddings', modelId: 'Xenova/multilingual-e5-small', source: { kind: 'url', baseUrl } }).then(
            () => null,
            (e: { code: string; message: string }) => ({ code: e.code, message: e.message }),
          )
        return { down: await tryLoad(down), empty: await tryLoad(empty) }
      },
      { down: `http://127.0.0.1:${port}/`, empty: app.url + 'no-models/' },
    )
    expect(out.down?.code).toBe('model-unreachable')
    expect(out.down?.message).toContain(`Could not load the model “Xenova/multilingual-e5-small” from http://127.0.0.1:${port}/`)
    expect(out.down?.message).toMatch(/lexical linking keep working/)
    expect(out.empty?.code).toBe('model-unreachable')
    expect(out.empty?.message).toContain(app.url + 'no-models/')
  })

  it('translates with streaming, and cancels a running translation', async () => {
    const out = await tb.page.evaluate(
      async ({ baseUrl, id, loopId }) => {
        const { client, workerMessages } = window.mlProbe
        const source = { kind: 'url' as const, baseUrl }
        await client.load({ task: 'translation', modelId: id, source })
        const pieces: string[] = []
        const res = await client.translate({ modelId: id, texts: ['turvapaikka'], src: 'fi', tgt: 'en', stream: true }, (_, t) => pieces.push(t))
        await client.load({ task: 'translation', modelId: loopId, source })
        let n = 0
        const call = client.translate({ modelId: loopId, texts: ['x'], src: 'en', tgt: 'fi', stream: true, maxNewTokens: 3000 }, () => {
          if (++n === 3) call.cancel()
        })
        const err = await call.then(
          () => null,
          (e: { code: string }) => e.code,
        )
        const t0 = Date.now()
        while (!workerMessages.some((m) => m.id === call.id && m.type === 'error') && Date.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 20))
        return {
          translations: res.translations,
          pieces,
          err,
          final: workerMessages.find((m) => m.id === call.id && m.type === 'error'),
          partials: workerMessages.filter((m) => m.type === 'progress' && m.job === call.id && m.progress.status === 'partial').length,
        }
      },
      { baseUrl: app.url + 'models/', id: mt.modelId, loopId: mtLoop.modelId },
    )
    expect(out.translations).toEqual([mt.output.join(' ')])
    expect(out.pieces.length).toBeGreaterThan(1)
    expect(out.pieces.join('').trim()).toBe(out.translations[0])
    expect(out.err).toBe('cancelled')
    expect(out.final).toMatchObject({ code: 'cancelled' })
    console.log(`[ml-worker] partial messages before the worker stopped: ${out.partials} of up to 3000`)
    expect(out.partials).toBeLessThan(500)
  })

  it('keeps transformers.js out of the page bundle (only the worker imports it, lazily)', () => {
    const assets = readdirSync(resolve(PAGE_DIR, 'assets'))
    const entry = assets.find((f) => /^ml-.*\.js$/.test(f))!
    const worker = assets.find((f) => /^ml\.worker-.*\.js$/.test(f))!
    expect(entry).toBeTruthy()
    expect(readFileSync(resolve(PAGE_DIR, 'assets', entry), 'utf8')).not.toMatch(/InferenceSession|onnxruntime/)
    const workerCode = readFileSync(resolve(PAGE_DIR, 'assets', worker), 'utf8')
    expect(workerCode).not.toMatch(/InferenceSession/)
    expect(workerCode).toMatch(/import\(["'`]\.\/transformers/)
  })

  it('made no request off 127.0.0.1', () => {
    expect(tb.external).toEqual([])
    expect(requests.filter((u) => !u.startsWith('http://127.0.0.1'))).toEqual([])
  })
})
