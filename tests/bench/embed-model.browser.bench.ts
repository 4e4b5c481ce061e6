// The real model pack (multilingual-e5-small, q8 as the app loads it on WASM) in headless Chromium, through the
// app's own ML client and worker: passages per second with one thread and with all, the corpus embedded cold
// and warm as the Compare view does, the bytes downloaded, the worker's memory, and the same model on WebGPU where a
// second Chromium (without --disable-gpu) offers it.
// Prints figures; asserts nothing. Skips with a message without the pack, the corpus or a built dist/.
//
//   npm run bench -- embed-model.browser        (builds the app; the ML test page is built here)
//   EMBED_BROWSER_SAMPLE=150   passages of 002 per throughput run
//   EMBED_BROWSER_DOCS=002,001 reports embedded cold and warm (by file prefix), extrapolated per character to
//                              the corpus; EMBED_BROWSER_DOCS=all embeds the whole corpus (slow on 2 cores)
//   EMBED_BROWSER_THREADS=1,2  numThreads of the throughput runs, in order (default 1, then every core)
//   EMBED_BROWSER_GPU_MINUTES=15, EMBED_BROWSER_GPU_SAMPLE=48   the WebGPU run's time limit and passages
//   EMBED_BROWSER_LOG=1        print every model file the server sends (path and bytes)
import { performance } from 'node:perf_hooks'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import type { CDPSession, Page } from 'playwright-core'
import { openBrowser, serveApp } from '../e2e/harness'
import { CORPUS_DIR, corpusAvailable, loadCorpus, type CorpusDoc } from './linkGold'
import { PACK_DIR, PACK_MODEL, packAvailable } from './corpusEmbeddings'
import type { EmbedPrefix } from '../../src/ml/protocol'

const PAGE_DIR = resolve('tests/.tmp/ml-page')
const SAMPLE = Number(process.env.EMBED_BROWSER_SAMPLE ?? 150)
const DOCS = (process.env.EMBED_BROWSER_DOCS ?? '002,001').split(',').map((s) => s.trim())
const ONNX = { fp32: 'model.onnx', q8: 'model_quantized.onnx' } as const
const mb = (n: number) => (n / 1e6).toFixed(1)
const sec = (ms: number) => (ms / 1000).toFixed(1)

if (!packAvailable() || !corpusAvailable || !existsSync('dist/index.html')) {
  console.log(`(skipped: needs the model pack in ${PACK_DIR} — npm run model-pack —, the corpus in ${CORPUS_DIR} and a built dist/)`)
  process.exit(0)
}

// ---- the pack on disk -------------------------------------------------------------------------
const pack = join(PACK_DIR, PACK_MODEL)
const size = (f: string) => (existsSync(join(pack, f)) ? statSync(join(pack, f)).size : 0)
const common = ['config.json', 'tokenizer.json', 'tokenizer_config.json'].reduce((a, f) => a + size(f), 0)
console.log(`## ${PACK_MODEL} in Chromium (onnxruntime-web, WASM), through the app's ML client and worker`)
console.log('\n### Download size of the pack')
console.log('| dtype | ONNX MB | + config/tokenizer MB | total MB |')
console.log('| --- | ---: | ---: | ---: |')
for (const [d, f] of Object.entries(ONNX)) if (size(`onnx/${f}`)) console.log(`| ${d} | ${mb(size(`onnx/${f}`))} | ${mb(common)} | ${mb(size(`onnx/${f}`) + common)} |`)

// ---- texts: what the Compare view embeds (every passage but footnotes) ------------------------
const corpus = loadCorpus()
const body = (d: CorpusDoc) => d.passages.filter((p) => p.kind !== 'footnote').map((p) => p.text)
const chars = (xs: string[]) => xs.reduce((a, t) => a + t.length, 0)
const d002 = corpus.find((d) => d.file.startsWith('002_'))!
const sample = body(d002).slice(0, SAMPLE)
const warmUp = body(d002).slice(SAMPLE, SAMPLE + 16)
const chosen = DOCS.includes('all') ? corpus : corpus.filter((d) => DOCS.some((p) => d.file.startsWith(p)))
const corpusTexts = chosen.flatMap(body)
const allChars = chars(corpus.flatMap(body))

// ---- the browser ------------------------------------------------------------------------------
await build({ configFile: resolve('tests/e2e/pages/vite.config.ts'), logLevel: 'warn' })
/** Bytes of model files the server sent in full (the Cache API serves later loads without a request). */
const fetched = { bytes: 0, requests: 0 }
const app = await serveApp(
  { '/mlpage/': PAGE_DIR, '/models/': PACK_DIR },
  {
    crossOriginIsolated: true,
    onServed: (path, method, bytes) => {
      if (!path.startsWith('/models/')) return
      fetched.requests++
      fetched.bytes += bytes
      if (process.env.EMBED_BROWSER_LOG) console.log(`served ${method} ${path} ${bytes}`)
    },
  },
)
const tb = await openBrowser()

/** Every process under this one whose command line says it is a Chromium renderer. */
function rendererPids(): number[] {
  const kids = new Map<number, number[]>()
  for (const e of readdirSync('/proc').filter((f) => /^\d+$/.test(f))) {
    try {
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${e}/status`, 'utf8'))![1])
      kids.set(ppid, [...(kids.get(ppid) ?? []), Number(e)])
    } catch {
      /* gone */
    }
  }
  const out: number[] = []
  const walk = (pid: number) => (kids.get(pid) ?? []).forEach((k) => (out.push(k), walk(k)))
  walk(process.pid)
  return out.filter((p) => {
    try {
      return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('--type=renderer')
    } catch {
      return false
    }
  })
}
/** A /proc status field (kB) of the renderers, summed, in bytes: VmRSS now, VmHWM the peak since the last reset. */
const procKb = (field: 'VmRSS' | 'VmHWM') =>
  rendererPids().reduce((a, p) => {
    try {
      return a + 1024 * Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0)
    } catch {
      return a
    }
  }, 0)
/** Resets the renderers' peak RSS (VmHWM) to their current RSS. */
const resetPeak = () => rendererPids().forEach((p) => {
  try {
    writeFileSync(`/proc/${p}/clear_refs`, '5')
  } catch {
    /* not permitted: the peak then counts from the renderer's start */
  }
})

/**
 * The ML worker's JS heap through the DevTools protocol (Runtime.getHeapUsage); null when the worker target cannot
 * be reached. ONNX Runtime's WebAssembly heap is counted in the renderer's RSS: finding the WebAssembly.Memory
 * objects with Runtime.queryObjects made the worker's next embedding crash the renderer ("Target crashed"), so
 * this bench no longer does it.
 */
async function workerMemory(cdp: CDPSession): Promise<{ heapUsed: number; heapTotal: number } | null> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] }
  const target = targetInfos.find((t) => t.type === 'worker' && t.url.includes('ml.worker'))
  if (!target) return null
  const attached = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false }).catch(() => null)) as { sessionId: string } | null
  if (!attached) return null
  const { sessionId } = attached
  let seq = 0
  const waiting = new Map<number, (v: Record<string, unknown>) => void>()
  const onMessage = (e: { sessionId: string; message: string }) => {
    const m = JSON.parse(e.message) as { id?: number; result?: Record<string, unknown>; error?: unknown }
    if (e.sessionId === sessionId && m.id !== undefined) waiting.get(m.id)?.(m.result ?? { error: m.error })
  }
  cdp.on('Target.receivedMessageFromTarget', onMessage)
  // A reply that never comes (a protocol the browser no longer speaks) must not hang the bench: 15 s, then null.
  const call = (method: string, params: object = {}) =>
    new Promise<Record<string, unknown>>((ok, fail) => {
      const id = ++seq
      waiting.set(id, ok)
      setTimeout(() => fail(new Error(`${method}: no reply`)), 15000)
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(fail)
    })
  try {
    const heap = (await call('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number }
    return { heapUsed: heap.usedSize, heapTotal: heap.totalSize }
  } catch {
    return null
  } finally {
    cdp.off('Target.receivedMessageFromTarget', onMessage)
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined)
  }
}

/** Loads the model in a new worker (a new client) with `numThreads`; returns what the worker reports. */
async function loadWorker(page: Page, numThreads: number) {
  return page.evaluate(
    async ({ baseUrl, modelId, numThreads }) => {
      const w = window as unknown as { benchClient?: ReturnType<typeof window.mlProbe.createMlClient> }
      w.benchClient?.terminate()
      w.benchClient = window.mlProbe.createMlClient(window.mlProbe.spiedWorker)
      const t = performance.now()
      const r = await w.benchClient.load({ task: 'embeddings', modelId, source: { kind: 'url', baseUrl }, numThreads })
      return { device: r.device, dtype: r.dtype, loadMs: performance.now() - t }
    },
    { baseUrl: app.url + 'models/', modelId: PACK_MODEL, numThreads },
  )
}

/** Embeds `texts` with the current worker as the app does (window-sized pieces pooled); ms and cached count. */
async function embed(page: Page, texts: string[], prefix: EmbedPrefix) {
  return page.evaluate(
    async ({ texts, prefix, modelId }) => {
      const c = (window as unknown as { benchClient: ReturnType<typeof window.mlProbe.createMlClient> }).benchClient
      const t = performance.now()
      const r = await c.embed({ modelId, texts, prefix })
      return { ms: performance.now() - t, cached: r.cached }
    },
    { texts, prefix, modelId: PACK_MODEL },
  )
}

/** Embeds the chosen reports one call per report, as the Compare view embeds each side; summed ms and cached count. */
async function embedReports(page: Page) {
  let ms = 0
  let cached = 0
  for (const d of chosen) {
    const r = await embed(page, body(d), 'query')
    ms += r.ms
    cached += r.cached
  }
  return { ms, cached }
}

try {
  const { page } = tb
  await page.goto(app.url + 'mlpage/ml.html')
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready')
  const cdp = await tb.context.newCDPSession(page)
  const env = await page.evaluate(async () => {
    const gpu = (navigator as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu
    let webgpu = 'no navigator.gpu'
    if (gpu) webgpu = await gpu.requestAdapter().then((a) => (a ? 'an adapter' : 'requestAdapter() gives null'), (e: Error) => `requestAdapter() throws: ${e.message}`)
    return { isolated: crossOriginIsolated, cores: navigator.hardwareConcurrency, ua: navigator.userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? '?', webgpu }
  })
  const baseRss = procKb('VmRSS')
  resetPeak()

  console.log(`\n### Throughput: the first ${sample.length} body passages of 002 (${chars(sample)} characters), "passage: " prefix, batch 16`)
  console.log(`${env.ua}, headless, crossOriginIsolated ${env.isolated}, navigator.hardwareConcurrency ${env.cores} (shared by other work: figures are noisy).`)
  console.log("numThreads is set through the load request; ONNX Runtime Web's own default would be ceil(cores / 2).")
  console.log('| numThreads asked | device | dtype | load s | model bytes fetched | passages/s |')
  console.log('| ---: | --- | --- | ---: | ---: | ---: |')
  let crashed = ''
  const mem: { phase: string; m: Awaited<ReturnType<typeof workerMemory>>; rss: number }[] = []
  for (const threads of (process.env.EMBED_BROWSER_THREADS ? process.env.EMBED_BROWSER_THREADS.split(',').map(Number) : [...new Set([1, env.cores])])) {
    const before = fetched.bytes
    let load: Awaited<ReturnType<typeof loadWorker>>
    let run: Awaited<ReturnType<typeof embed>>
    try {
      load = await loadWorker(page, threads)
      await embed(page, warmUp, 'passage')
      run = await embed(page, sample, 'passage')
    } catch (e) {
      crashed = `${threads} thread(s): ${(e as Error).message.split('\n')[0]}`
      console.log(`| ${threads} | – | – | – | ${mb(fetched.bytes - before)} MB | failed: ${crashed} |`)
      break
    }
    console.log(`| ${threads} | ${load.device} | ${load.dtype} | ${sec(load.loadMs)} | ${mb(fetched.bytes - before)} MB | ${(sample.length / (run.ms / 1000)).toFixed(1)} |`)
    mem.push({ phase: `after the throughput run, ${threads} thread(s)`, m: await workerMemory(cdp), rss: procKb('VmRSS') })
  }

  if (crashed) {
    console.log(`\nThe page failed (${crashed}): no corpus figures. Peak renderer RSS before the failure: ${mb(procKb('VmHWM'))} MB.`)
    await webgpuFigure()
    process.exitCode = 1
    throw new Error(crashed)
  }
  const cold = await embedReports(page)
  mem.push({ phase: 'after embedding the reports cold', m: await workerMemory(cdp), rss: procKb('VmRSS') })
  const warm = await embedReports(page)
  const whole = chosen.length === corpus.length
  console.log(`\n### Reports embedded as the Compare view does ("query: " prefix, pieces pooled), in the last worker loaded above`)
  console.log(`${chosen.map((d) => d.file.slice(0, 3)).join(' + ')}: ${corpusTexts.length} body passages, ${chars(corpusTexts)} characters; the corpus has ${allChars} characters of body passages.`)
  console.log('| run | reports | seconds | passages/s | cached | corpus seconds |')
  console.log('| --- | --- | ---: | ---: | ---: | ---: |')
  for (const [name, r] of [['cold', cold], ['warm (worker cache)', warm]] as const) {
    const corpusS = (r.ms / 1000) * (allChars / chars(corpusTexts))
    console.log(`| ${name} | ${whole ? 'all five' : chosen.map((d) => d.file.slice(0, 3)).join(', ')} | ${sec(r.ms)} | ${(corpusTexts.length / (r.ms / 1000)).toFixed(1)} | ${r.cached} | ${whole ? sec(r.ms) : `≈ ${corpusS.toFixed(1)} (extrapolated per character)`} |`)
  }

  console.log(`\n### Downloads: ${fetched.requests} requests under /models/ sent in full, ${mb(fetched.bytes)} MB in all (the second worker's load came from the browser's Cache API)`)
  console.log('\n### Memory of the ML worker')
  console.log('JS heap: Runtime.getHeapUsage on the worker target. Renderer RSS: VmRSS of the renderer processes (page + worker + ONNX Runtime\'s WebAssembly heap and threads) from /proc.')
  console.log('| when | worker JS heap used MB | renderer RSS MB |')
  console.log('| --- | ---: | ---: |')
  console.log(`| page open, no model | – | ${mb(baseRss)} |`)
  for (const { phase, m, rss } of mem) console.log(`| ${phase} | ${m ? mb(m.heapUsed) : 'n/a'} | ${mb(rss)} |`)
  console.log(`Peak renderer RSS over the whole run (VmHWM): ${mb(procKb('VmHWM'))} MB.`)

  console.log(`\nWebGPU in the browser above: navigator.gpu → ${env.webgpu} (launched with --disable-gpu, as the project's browser tests are): the worker ran on WASM.`)
  await webgpuFigure()
} finally {
  await tb.close()
  await app.close()
}

/**
 * The same model on WebGPU, in a second Chromium launched without --disable-gpu and with --enable-unsafe-webgpu
 * (headless Linux Chromium only offers WebGPU so). The worker picks WebGPU itself (device auto, fp32 as the app
 * loads it there). Without a GPU the adapter is Chromium's software one (SwiftShader, on the CPU): the figure then
 * says what this machine can do, not what a GPU would.
 */
async function webgpuFigure(): Promise<void> {
  const { chromium } = await import('playwright-core')
  const { CHROMIUM_ARGS, CHROMIUM_PATH } = await import('../e2e/harness')
  const gpuSample = sample.slice(0, Number(process.env.EMBED_BROWSER_GPU_SAMPLE ?? 48))
  // A software adapter can take very long with fp32 weights: give up after this long and say so.
  const limitMs = Number(process.env.EMBED_BROWSER_GPU_MINUTES ?? 15) * 60_000
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS.filter((a) => a !== '--disable-gpu'), '--enable-unsafe-webgpu'] })
  try {
    const page = await browser.newPage()
    await page.goto(app.url + 'mlpage/ml.html')
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready')
    const adapter = await page.evaluate(async () => {
      const gpu = (navigator as { gpu?: { requestAdapter(): Promise<{ info?: Record<string, string> } | null> } }).gpu
      const a = gpu ? await gpu.requestAdapter().catch(() => null) : null
      return a ? Object.entries(a.info ?? {}).filter(([, v]) => v).map(([k, v]) => `${k} ${v}`).join(', ') || 'an adapter (no info)' : null
    })
    console.log(`\n### WebGPU (second Chromium, --enable-unsafe-webgpu): ${adapter ? `offered: ${adapter}` : 'not offered'}`)
    if (!adapter) return
    const run = page.evaluate(
      async ({ baseUrl, modelId, texts, warm }) => {
        const c = window.mlProbe.createMlClient(window.mlProbe.spiedWorker)
        const t0 = performance.now()
        const load = await c.load({ task: 'embeddings', modelId, source: { kind: 'url', baseUrl } })
        const loadMs = performance.now() - t0
        await c.embed({ modelId, texts: warm, prefix: 'passage' })
        const t1 = performance.now()
        await c.embed({ modelId, texts, prefix: 'passage' })
        return { device: load.device, dtype: load.dtype, loadMs, ms: performance.now() - t1 }
      },
      { baseUrl: app.url + 'models/', modelId: PACK_MODEL, texts: gpuSample, warm: warmUp.slice(0, 4) },
    )
    const timeout = new Promise<{ error: string }>((ok) => setTimeout(() => ok({ error: `no result within ${limitMs / 60_000} minutes` }), limitMs).unref())
    const out = await Promise.race([run.catch((e: Error) => ({ error: e.message.split('\n')[0] })), timeout])
    if ('error' in out) return void console.log(`WebGPU run failed: ${out.error}`)
    console.log('| device | dtype | load s | passages | passages/s |')
    console.log('| --- | --- | ---: | ---: | ---: |')
    console.log(`| ${out.device} | ${out.dtype} | ${sec(out.loadMs)} | ${gpuSample.length} | ${(gpuSample.length / (out.ms / 1000)).toFixed(1)} |`)
  } finally {
    await browser.close()
  }
}
