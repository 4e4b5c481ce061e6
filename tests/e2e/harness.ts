// Browser-test harness: serves the built app (dist/) on a loopback port and drives Debian's
// Chromium through playwright-core. Each test gets a fresh browser profile, so a fresh IndexedDB.
import { createServer, type Server } from 'node:http'
import { createReadStream, mkdtempSync, readFileSync, existsSync, statSync, rmSync } from 'node:fs'
import { extname, join, resolve, normalize } from 'node:path'
import { tmpdir } from 'node:os'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'

/** The built app; E2E_DIST lets parallel work build and test into separate folders. */
const DIST = resolve(process.env.E2E_DIST || 'dist')
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.onnx': 'application/octet-stream', '.txt': 'text/plain; charset=utf-8', '.tbx': 'application/xml', '.csv': 'text/csv',
}

/** The flags the project's guide prescribes for headless Chromium on this machine. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic']
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/** Options of `serveApp`. */
export interface ServeOptions {
  /**
   * Send COOP `same-origin` and COEP `require-corp` with every response, so that the page and its workers are
   * cross-origin isolated (SharedArrayBuffer, hence ONNX Runtime Web's threads). Off by default.
   */
  crossOriginIsolated?: boolean
  /** Called for every response whose body was sent in full: its path, method and body bytes (benches count downloads so). */
  onServed?: (path: string, method: string, bytes: number) => void
}

/** The headers dist/_headers gives every path ("/*"), lower-cased; none when the build wrote no such file. */
function readHostHeaders(): Record<string, string> {
  const file = join(DIST, '_headers')
  if (!existsSync(file)) return {}
  const out: Record<string, string> = {}
  for (const m of readFileSync(file, 'utf8').matchAll(/^\s+([\w-]+):\s*(.+)$/gm)) out[m[1].toLowerCase()] = m[2].trim()
  return out
}

/** Serves dist/ (and extra roots, e.g. a test model folder) on 127.0.0.1. */
export async function serveApp(extra: Record<string, string> = {}, opts: ServeOptions = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const isolation = opts.crossOriginIsolated ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } : {}
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST} is missing: run \`npx vite build\` first (npm test does this).`)
  // The headers the build writes for static hosts (dist/_headers): the Content-Security-Policy, which reaches the
  // workers only as a header (a <meta> policy covers the page alone), so the tests run under the policy users get.
  const hostHeaders = readHostHeaders()
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    let root = DIST
    let rel = path
    for (const [prefix, dir] of Object.entries(extra)) if (path.startsWith(prefix)) [root, rel] = [dir, path.slice(prefix.length)]
    let file = normalize(join(root, rel))
    if (!file.startsWith(root)) return void res.writeHead(403).end()
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html')
    if (!existsSync(file)) return void res.writeHead(404).end('not found')
    const size = statSync(file).size
    // One byte range, as static hosts serve it: transformers.js asks for "bytes=0-0" to learn a file's size, and a
    // host that ignored the header would send the whole file for it. Only the bytes asked for are read from disk.
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '')
    const from = range ? Number(range[1]) : 0
    const to = range && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1
    if (range && from > to) return void res.writeHead(416, { 'content-range': `bytes */${size}`, ...isolation }).end()
    const length = Math.max(0, to - from + 1)
    // Content-Length, as every static host sends it (the download question's sizes read it).
    res.writeHead(range ? 206 : 200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'content-length': length, 'cache-control': 'no-store',
      'accept-ranges': 'bytes', ...(range ? { 'content-range': `bytes ${from}-${to}/${size}` } : {}), ...hostHeaders, ...isolation,
    })
    if (opts.onServed) res.on('finish', () => opts.onServed!(path, req.method ?? 'GET', req.method === 'HEAD' ? 0 : length))
    if (req.method === 'HEAD' || length === 0) return void res.end()
    createReadStream(file, { start: from, end: to }).on('error', () => res.destroy()).pipe(res)
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const addr = server.address()
  const port = typeof addr === 'object' && addr ? addr.port : 0
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(() => ok())) }
}

/** A browser with its own profile directory; `restart()` closes it and reopens the same profile. */
export interface TestBrowser {
  context: BrowserContext
  page: Page
  /** Requests that tried to leave the machine (anything not on 127.0.0.1). */
  external: string[]
  restart(): Promise<void>
  close(): Promise<void>
}

/** Opens Chromium with a fresh persistent profile, in the given UI locale. */
export async function openBrowser(opts: { locale?: string; downloads?: boolean } = {}): Promise<TestBrowser> {
  const dir = mkdtempSync(join(tmpdir(), 'termbench-e2e-'))
  const external: string[] = []
  const launch = async () => {
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      locale: opts.locale ?? 'en-GB',
      acceptDownloads: true,
      viewport: { width: 1400, height: 900 },
    })
    context.on('request', (r) => {
      const u = r.url()
      if (!/^(https?:\/\/127\.0\.0\.1|blob:|data:|about:|chrome)/.test(u)) external.push(u)
    })
    const page = context.pages()[0] ?? (await context.newPage())
    page.on('pageerror', (e) => console.error('[pageerror]', e.message))
    return { context, page }
  }
  const tb = { ...(await launch()), external } as TestBrowser
  tb.restart = async () => {
    await tb.context.close()
    Object.assign(tb, await launch())
  }
  tb.close = async () => {
    await tb.context.close()
    rmSync(dir, { recursive: true, force: true })
  }
  return tb
}

/** Opens the glossary and waits until the starter glossary is in. */
export async function openGlossary(page: Page, url: string): Promise<void> {
  await page.goto(url + '#/glossary')
  await page.getByTestId('glossary-grid').waitFor()
  await page.waitForFunction(() => document.querySelectorAll('[data-concept]').length > 0, null, { timeout: 30000 })
}

/** Sets a self-hosted model source on the Data page (an unreachable one, to test plain failures) and waits until it is saved. */
export async function setModelSource(page: Page, appUrl: string, base: string): Promise<void> {
  await page.goto(appUrl + '#/data')
  await page.getByTestId('source-url').check()
  await page.getByTestId('source-base').fill(base)
  await page.getByTestId('save-source').click()
  await expect.poll(() => page.getByTestId('model-settings').innerText()).toMatch(/Saved/)
}

/** The served app and one browser, shared by the tests of a file. */
export interface AppSuite {
  app: { url: string; close: () => Promise<void> }
  tb: TestBrowser
}

/** Serves the built app and opens a fresh browser before the file's tests; closes both after them. */
export function useAppSuite(opts: { locale?: string } = {}): AppSuite {
  const suite = {} as AppSuite
  beforeAll(async () => {
    suite.app = await serveApp()
    suite.tb = await openBrowser(opts)
  })
  afterAll(async () => {
    await suite.tb?.close()
    await suite.app?.close()
  })
  return suite
}
