// The cached-models list on the Data page and the download size in the download question, in the built app: a
// tiny model under the default embedding id is served as a self-hosted mirror. The list sends no request; the
// question sends none until "Check size" is clicked, and then shows the real size of the files the model needs;
// once the model came, the Data page lists it with its size, and deleting it empties the browser's cache and makes
// the next use ask again. Every request stays on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { DEFAULT_EMBEDDING_MODEL } from '../../src/ml/adapters/embeddings'
import { formatBytes } from '../../src/stores/storage'
import { generateTinyModel } from '../fixtures/tiny-model/generate'
import { openBrowser, openGlossary, serveApp, setModelSource, type TestBrowser } from './harness'

const MODEL_DIR = resolve('tests/.tmp/model-cache-models')
/** The files the embeddings pipeline loads at q8 (WASM), and so what the size and the list must add up. */
const Q8_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx']
const REPORTS = [
  { name: 'a-en.md', text: '# Situation\n\nThe police arrested journalists after the protests in the city.\n\nWomen and children face discrimination in many regions.' },
  { name: 'b-fi.md', text: '# Tilanne\n\nPoliisi pidätti toimittajia mielenosoitusten jälkeen kaupungissa.\n\nNaiset ja lapset kohtaavat syrjintää monilla alueilla.' },
]
let app: Awaited<ReturnType<typeof serveApp>>
let tb: TestBrowser
let q8Bytes = 0
const requests: string[] = []
const modelRequests = () => requests.filter((u) => u.includes('/models/'))

beforeAll(async () => {
  rmSync(MODEL_DIR, { recursive: true, force: true })
  generateTinyModel(MODEL_DIR, DEFAULT_EMBEDDING_MODEL)
  q8Bytes = Q8_FILES.reduce((sum, f) => sum + statSync(join(MODEL_DIR, DEFAULT_EMBEDDING_MODEL, f)).size, 0)
  app = await serveApp({ '/models/': MODEL_DIR })
  tb = await openBrowser()
  tb.context.on('request', (r) => requests.push(r.url()))
  await openGlossary(tb.page, app.url)
})
afterAll(async () => {
  await tb?.close()
  await app?.close()
  rmSync(MODEL_DIR, { recursive: true, force: true })
})

/** Opens Compare on the two reports and ticks "use embeddings". */
async function compareWithEmbeddings(): Promise<void> {
  const { page } = tb
  await page.goto(app.url + '#/reports')
  const a = await page.locator('[data-doc]', { hasText: 'a-en' }).getAttribute('data-doc')
  const b = await page.locator('[data-doc]', { hasText: 'b-fi' }).getAttribute('data-doc')
  await page.goto(`${app.url}#/compare?a=${a}&b=${b}`)
  await page.getByTestId('use-embeddings').check()
}

/** The browser's transformers.js cache entries of the mirror. */
const cachedUrls = () => tb.page.evaluate(async () => (await (await caches.open('transformers-cache')).keys()).map((r) => r.url).filter((u) => u.includes('/models/')))

describe('cached models and download sizes', () => {
  it('lists no cached model, and listing sends no request', async () => {
    const { page } = tb
    await page.goto(app.url + '#/reports')
    await page.getByTestId('report-file').setInputFiles(REPORTS.map((r) => ({ name: r.name, mimeType: 'text/markdown', buffer: Buffer.from(r.text) })))
    await expect.poll(() => page.locator('[data-testid=report-list] tbody tr').count(), { timeout: 60000 }).toBe(REPORTS.length)
    await page.waitForFunction(() => !document.querySelector('[data-testid=report-progress]'), null, { timeout: 60000 })
    await setModelSource(page, app.url, app.url + 'models/')
    await page.getByTestId('cached-models-empty').waitFor({ timeout: 30000 })
    expect(await page.getByTestId('cached-model').count()).toBe(0)
    expect(modelRequests()).toEqual([])
  })

  it('the download question asks the source for sizes only on "Check size", and shows the real size', async () => {
    const { page } = tb
    await compareWithEmbeddings()
    await page.getByTestId('translate-confirm').waitFor()
    expect(await page.getByTestId('translate-confirm-size').count()).toBe(0)
    expect(modelRequests()).toEqual([])
    await page.getByTestId('translate-confirm-check-size').click()
    await expect.poll(async () => (await page.getByTestId('translate-confirm-size').innerText()).trim(), { timeout: 30000 }).toBe(`· ${formatBytes(q8Bytes)} to download`)
    // Asking read sizes only: no model weights were downloaded.
    expect(modelRequests().length).toBeGreaterThan(0)
    expect(await cachedUrls()).not.toContainEqual(expect.stringMatching(/\.onnx$/))
    await page.getByTestId('translate-confirm-yes').click()
    await page.waitForFunction(() => !document.querySelector('[data-testid=compare-progress]'), null, { timeout: 90000 })
    expect(await page.getByTestId('compare-error').count()).toBe(0)
    expect(await page.getByTestId('embedding-note').allInnerTexts()).toEqual([])
  })

  it('lists the downloaded model on the Data page with its size, and deletes it', async () => {
    const { page } = tb
    await page.goto(app.url + '#/data')
    const row = page.getByTestId('cached-model')
    await row.first().waitFor({ timeout: 30000 })
    expect(await row.count()).toBe(1)
    expect(await row.getAttribute('data-model')).toBe(DEFAULT_EMBEDDING_MODEL)
    const text = await row.innerText()
    expect(text).toContain('embeddings · q8 · ' + formatBytes(q8Bytes))
    expect(text).toContain(`${Q8_FILES.length} files`)
    expect(text).not.toContain('incomplete')
    expect((await cachedUrls()).filter((u) => u.endsWith('.onnx'))).toEqual([`${app.url}models/${DEFAULT_EMBEDDING_MODEL}/onnx/model_quantized.onnx`])
    const before = modelRequests().length
    await row.getByTestId('cached-model-delete').click()
    await page.getByTestId('cached-models-empty').waitFor({ timeout: 30000 })
    expect(await cachedUrls()).toEqual([])
    await page.reload()
    await page.getByTestId('cached-models-empty').waitFor({ timeout: 30000 })
    // Deleting and listing asked the mirror nothing.
    expect(modelRequests().length).toBe(before)
  })

  it('after the delete, the next use asks again before downloading', async () => {
    const { page } = tb
    const before = modelRequests().length
    await compareWithEmbeddings()
    await page.getByTestId('translate-confirm').waitFor({ timeout: 30000 })
    expect(modelRequests().length).toBe(before)
    await page.getByTestId('translate-confirm-no').click()
    expect(tb.external).toEqual([])
    expect(requests.filter((u) => !/^(http:\/\/127\.0\.0\.1|blob:|data:|about:|chrome)/.test(u))).toEqual([])
  })
})
