// Hybrid linking in the built app with a real (tiny) model: the test writes a tiny valid embedding model under the
// default model id, serves it as a self-hosted mirror, sets that source on the Data page, and links report 003 to
// 004 with "use embeddings": links appear, ranked by the hybrid score, with the neural similarity in their
// evidence; then the align view uses the same model for sentence beads. Every request stays on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { DEFAULT_EMBEDDING_MODEL } from '../../src/ml/adapters/embeddings'
import { generateTinyModel } from '../fixtures/tiny-model/generate'
import { openBrowser, openGlossary, serveApp, setModelSource, type TestBrowser } from './harness'

const CORPUS = resolve('../shared/corpus')
const MODEL_DIR = resolve('tests/.tmp/hybrid-models')
const FILES = ['003_69196824feca6e36.txt', '004_2311294a2fc5f756.txt', '000_acf8e1b7719e168f.txt']
let app: Awaited<ReturnType<typeof serveApp>>
let tb: TestBrowser
const requests: string[] = []

beforeAll(async () => {
  rmSync(MODEL_DIR, { recursive: true, force: true })
  generateTinyModel(MODEL_DIR, DEFAULT_EMBEDDING_MODEL)
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

describe('hybrid linking with a self-hosted tiny model', () => {
  it('sets the self-hosted model source on the Data page', async () => {
    const { page } = tb
    await page.goto(app.url + '#/reports')
    await page.getByTestId('report-file').setInputFiles(FILES.map((f) => ({ name: f, mimeType: 'text/plain', buffer: readFileSync(`${CORPUS}/${f}`) })))
    await expect.poll(() => page.locator('[data-testid=report-list] tbody tr').count(), { timeout: 90000 }).toBe(FILES.length)
    await page.waitForFunction(() => !document.querySelector('[data-testid=report-progress]'), null, { timeout: 90000 })
    await setModelSource(page, app.url, app.url + 'models/')
  })

  it('links 003 → 004 with embeddings: hybrid links whose evidence shows the neural similarity', async () => {
    const { page } = tb
    await page.goto(app.url + '#/reports')
    const a = await page.locator('[data-doc]', { hasText: '003_' }).getAttribute('data-doc')
    const b = await page.locator('[data-doc]', { hasText: '004_' }).getAttribute('data-doc')
    await page.goto(`${app.url}#/compare?a=${a}&b=${b}`)
    await page.getByTestId('link-row').first().waitFor({ timeout: 90000 })
    await page.getByTestId('use-embeddings').check()
    // The same question as translation comes first; nothing is fetched before the answer.
    await page.getByTestId('translate-confirm').waitFor()
    expect(requests.filter((u) => u.includes('/models/'))).toEqual([])
    await page.getByTestId('translate-confirm-yes').click()
    await page.getByTestId('compare-progress').waitFor()
    await page.waitForFunction(() => !document.querySelector('[data-testid=compare-progress]'), null, { timeout: 90000 })
    expect(await page.getByTestId('compare-error').count()).toBe(0)
    expect(await page.getByTestId('embedding-note').allInnerTexts()).toEqual([])
    const rows = page.getByTestId('link-row')
    expect(await rows.count()).toBeGreaterThan(3)
    expect(await rows.first().innerText()).toMatch(/hybrid \(with embeddings\)/)
    const neural = rows.first().getByTestId('ev-neural')
    expect(await neural.innerText()).toMatch(/^Neural \d{1,3}%$/)
    // Every listed link carries a neural similarity, and the model came from the self-hosted mirror.
    expect(await page.locator('[data-testid=link-row] [data-testid=ev-neural]').count()).toBe(await rows.count())
    expect(requests).toContain(`${app.url}models/${DEFAULT_EMBEDDING_MODEL}/onnx/model_quantized.onnx`)
  })

  it('aligns the blocks of 000 with embeddings: each bead shows its neural similarity', async () => {
    const { page } = tb
    await page.goto(app.url + '#/reports')
    const id = (await page.locator('[data-doc]', { hasText: '000_' }).getAttribute('data-doc'))!
    await page.goto(app.url + '#/align')
    await page.getByTestId('align-mode-blocks').check()
    await page.getByTestId('align-a').selectOption(id)
    await expect.poll(() => page.getByTestId('align-lang-b').inputValue()).toBe('en')
    await page.getByTestId('align-use-embeddings').check()
    await page.getByTestId('align-run').click()
    await page.getByTestId('bead-row').first().waitFor({ timeout: 60000 })
    expect(await page.getByTestId('align-embedding-note').allInnerTexts()).toEqual([])
    // Every bead with sentences on both sides shows it (a 1-0 or 0-1 bead has nothing to compare).
    const twoSided = await page.getByTestId('bead-row').evaluateAll((els) => els.filter((e) => !/^0-|-0$/.test(e.getAttribute('data-type') ?? '')).length)
    expect(twoSided).toBeGreaterThan(0)
    expect(await page.getByTestId('bead-neural').count()).toBe(twoSided)
    expect(await page.getByTestId('align-stats').innerText()).toMatch(/blocks: 3/)
    expect(tb.external).toEqual([])
  })

  it('shows the progress of a long alignment, cancels it at once, and the next run works', async () => {
    const { page } = tb
    await page.goto(app.url + '#/reports')
    const a = (await page.locator('[data-doc]', { hasText: '003_' }).getAttribute('data-doc'))!
    const b = (await page.locator('[data-doc]', { hasText: '004_' }).getAttribute('data-doc'))!
    await page.goto(app.url + '#/align')
    await page.getByTestId('align-mode-docs').check()
    await page.getByTestId('align-use-embeddings').check()
    await page.getByTestId('align-a').selectOption(a)
    await page.getByTestId('align-b').selectOption(b)
    await page.getByTestId('align-run').click()
    // 003 and 004 hold thousands of sentences: embedding them all (before the linear-time alignment) takes a while.
    await expect.poll(() => page.getByTestId('align-progress').innerText(), { timeout: 30000 }).toMatch(/(Embedding|Aligning) sentences…\s*[1-9]\d*\/\d+/)
    await page.getByTestId('align-cancel').click()
    await expect.poll(() => page.getByTestId('align-progress').count()).toBe(0)
    expect(await page.getByTestId('align-error').count()).toBe(0)
    expect(await page.getByTestId('bead-row').count()).toBe(0)
    await page.getByTestId('align-saved-pair').filter({ hasText: '000_' }).getByRole('button').first().click()
    await page.getByTestId('align-run').click()
    await expect.poll(() => page.getByTestId('align-stats').innerText(), { timeout: 30000 }).toMatch(/blocks: 3/)
    expect(await page.getByTestId('align-error').count()).toBe(0)
  })
})
