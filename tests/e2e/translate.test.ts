// Passage translation in Chromium. The real reader, end to end: with the model source unreachable the reader
// says so plainly and keeps working; with a tiny generated Marian model on a self-hosted URL it asks before
// the download (model and size), streams the translation beside the original, highlights a deprecated term
// and fixes it with one click, answers from the cache after a reload without fetching the model, and
// translates the whole document in the background. Then the worker protocol with a test double standing in
// for the model runtime only: progress, streamed partials, cancel, and the cache. Requests stay on 127.0.0.1.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { build } from 'vite'
import { openBrowser, openGlossary, serveApp, setModelSource, type TestBrowser } from './harness'
import { generateTinyTranslationModel } from '../fixtures/tiny-model/generate'

const PAGE_DIR = resolve('tests/.tmp/translate-page')
const MODEL_DIR = resolve('tests/.tmp/translate-e2e-models')
/** What the tiny fi→en model always answers (words of its fixed vocabulary). */
const OUTPUT = ['the', 'militia', 'arrested', 'journalists']
const REPORT = [
  '# Tilannekatsaus 2024',
  'Poliisi pidätti toimittajia mielenosoitusten jälkeen. Raportin mukaan turvallisuustilanne kaupungissa on heikentynyt viime vuoden aikana.',
  'Naiset ja lapset kohtaavat syrjintää monilla alueilla. Viranomaiset eivät suojele vähemmistöjä riittävästi, ja tilanne on vaikea.',
  'Turvapaikanhakijat pakenivat konfliktia naapurimaihin. Poliisi valvoo mielenosoituksia tiukasti ja rankaisee osallistujia.',
].join('\n\n')
/** A concept whose English deprecated term the tiny model produces. */
const GLOSSARY_CSV = 'conceptId,lang,term,status,type\nc-test-police,en,police,preferred,fullForm\nc-test-police,en,militia,deprecated,fullForm\nc-test-police,fi,poliisi,preferred,fullForm\n'

let app: Awaited<ReturnType<typeof serveApp>>
let tb: TestBrowser
let docId = ''
const requests: string[] = []

beforeAll(async () => {
  rmSync(MODEL_DIR, { recursive: true, force: true })
  generateTinyTranslationModel(MODEL_DIR, 'Xenova/opus-mt-fi-en', { output: OUTPUT })
  await build({ configFile: resolve('tests/e2e/pages/translate.vite.config.ts'), logLevel: 'warn' })
  app = await serveApp({ '/models/': MODEL_DIR, '/trpage/': PAGE_DIR })
  tb = await openBrowser()
  tb.context.on('request', (r) => requests.push(r.url()))
}, 180_000)
afterAll(async () => {
  await tb?.close()
  await app?.close()
})

/** Opens the reader afresh (a reload: new session, nothing in memory) with translations on. */
async function openReader(): Promise<void> {
  const { page } = tb
  await page.goto(`${app.url}#/reader/${docId}`)
  await page.reload()
  await page.getByTestId('reader').waitFor()
  await page.getByTestId('translate-toggle').click()
  await page.getByTestId('translate-target').selectOption('en')
}

const slotOf = (text: string) => tb.page.locator('.slot', { has: tb.page.locator('[data-passage]', { hasText: text }) })

describe('translation in the reader', () => {
  it('imports a glossary concept and a Finnish report', async () => {
    const { page } = tb
    await openGlossary(page, app.url)
    await page.getByTestId('open-import').click()
    await page.getByTestId('import-file').setInputFiles({ name: 'police.csv', mimeType: 'text/csv', buffer: Buffer.from(GLOSSARY_CSV) })
    await page.getByTestId('import-summary').waitFor()
    await page.getByTestId('import-commit').click()
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' })
    await page.goto(app.url + '#/reports')
    await page.getByTestId('report-file').setInputFiles({ name: 'katsaus.md', mimeType: 'text/markdown', buffer: Buffer.from(REPORT) })
    await page.locator('[data-doc]', { hasText: 'katsaus' }).waitFor({ timeout: 60000 })
    await page.waitForFunction(() => !document.querySelector('[data-testid=report-progress]'), null, { timeout: 60000 })
    docId = (await page.locator('[data-doc]', { hasText: 'katsaus' }).getAttribute('data-doc')) ?? ''
    expect(docId).toMatch(/^d-/)
  })

  it('with the model source unreachable, says plainly that the model could not be loaded, and the reader keeps working', async () => {
    const { page } = tb
    await setModelSource(tb.page, app.url, 'http://127.0.0.1:9/models/')
    await openReader()
    await slotOf('Poliisi pidätti').getByTestId('translate-passage').click()
    // Before any download: the model that would be used (its size only on request: asking the source is a request).
    await expect.poll(() => page.getByTestId('translate-confirm-model').innerText()).toMatch(/Xenova\/opus-mt-fi-en/)
    await page.getByTestId('translate-confirm-yes').click()
    const error = page.getByTestId('translate-error')
    await error.waitFor({ timeout: 60000 })
    expect(await error.innerText()).toContain('Could not load the model “Xenova/opus-mt-fi-en” from http://127.0.0.1:9/models/')
    expect(await slotOf('Poliisi pidätti').getByTestId('translation').getAttribute('data-state')).toBe('error')
    // The rest of the reader works: glossary highlights with their term card, "find in other reports", hiding translations.
    const term = slotOf('Poliisi pidätti').locator('mark.term').first()
    expect(await term.innerText()).toBe('Poliisi')
    await term.hover()
    expect(await page.getByTestId('term-card').innerText()).toContain('police')
    await slotOf('Poliisi pidätti').getByTestId('find-button').click()
    await page.getByTestId('find-panel').waitFor()
    await page.getByTestId('find-close').click()
    await page.getByTestId('translate-toggle').click()
    expect(await page.getByTestId('translation').count()).toBe(0)
    expect(await page.locator('[data-passage]').count()).toBeGreaterThanOrEqual(3)
    expect(tb.external).toEqual([])
  })

  it('asks before the download, streams the translation beside the original, flags a deprecated term and fixes it', async () => {
    const { page } = tb
    await setModelSource(tb.page, app.url, app.url + 'models/')
    await openReader()
    // Record every text the translation shows while it streams.
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { seen: string[] }).seen = [])
      new MutationObserver(() => {
        for (const el of document.querySelectorAll('[data-testid=translation]')) seen.push(`${(el as HTMLElement).dataset.state}|${(el.querySelector('[data-testid=translation-text]')?.textContent ?? '').trim()}`)
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
    })
    const slot = slotOf('Poliisi pidätti')
    await slot.getByTestId('translate-passage').click()
    await expect.poll(() => page.getByTestId('translate-confirm-model').innerText()).toMatch(/Xenova\/opus-mt-fi-en/)
    const modelRequests = () => requests.filter((u) => u.startsWith(app.url + 'models/'))
    expect(modelRequests()).toEqual([]) // nothing downloaded before the user agrees
    await page.getByTestId('translate-confirm-yes').click()
    const tr = slot.getByTestId('translation')
    await expect.poll(() => tr.getAttribute('data-state'), { timeout: 60000 }).toBe('done')
    expect(modelRequests()).toContain(app.url + 'models/Xenova/opus-mt-fi-en/onnx/decoder_model_merged_quantized.onnx')
    const text = slot.getByTestId('translation-text')
    expect(await text.innerText()).toBe('the militia arrested journalists')
    // Streamed: partial texts appeared before the whole translation.
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen)
    const partials = [...new Set(seen.filter((s) => s.startsWith('streaming|the')))]
    console.log(`[translate] distinct streamed states seen: ${partials.length}`)
    expect(partials.some((s) => !s.includes('journalists'))).toBe(true)
    // The original stays beside it.
    expect(await slot.locator('[data-passage]').innerText()).toContain('Poliisi pidätti toimittajia')
    // The output check: the deprecated "militia" is highlighted, and one click puts in the preferred term.
    const finding = slot.getByTestId('translation-finding')
    expect(await finding.innerText()).toBe('militia')
    expect(await finding.getAttribute('data-check')).toBe('deprecated-term')
    expect(await slot.getByTestId('translation-note').innerText()).toContain('“militia” is deprecated; use “police”.')
    expect(await slot.getByTestId('translation-fix').innerText()).toBe('Use “police”')
    await slot.getByTestId('translation-fix').click()
    await expect.poll(() => text.innerText()).toBe('the police arrested journalists')
    expect(await slot.getByTestId('translation-finding').count()).toBe(0)
  })

  it('after a reload, shows the stored (fixed) translation from the cache without fetching the model', async () => {
    const { page } = tb
    const before = requests.length
    await openReader()
    const slot = slotOf('Poliisi pidätti')
    await expect.poll(() => slot.getByTestId('translation-text').innerText(), { timeout: 20000 }).toBe('the police arrested journalists')
    expect(requests.slice(before).filter((u) => u.includes('/models/'))).toEqual([])
    expect(await page.getByTestId('translate-confirm').count()).toBe(0)
  })

  it('translates the whole document passage by passage in the background, with a progress bar, without asking again', async () => {
    const { page } = tb
    await page.getByTestId('translate-document').click()
    // The user agreed to this model's download before the reload: the answer is remembered.
    expect(await page.getByTestId('translate-confirm').count()).toBe(0)
    const end = page.getByTestId('translate-job-end')
    await end.waitFor({ timeout: 60000 })
    expect(await end.innerText()).toMatch(/^Document translated: (\d+) of \1 passages\.$/)
    const states = await page.getByTestId('translation').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.state))
    expect(states.length).toBeGreaterThanOrEqual(4)
    expect(states.every((s) => s === 'done')).toBe(true)
    // The fixed passage kept its fix; the others carry the model's output with the finding highlighted.
    expect(await slotOf('Poliisi pidätti').getByTestId('translation-text').innerText()).toBe('the police arrested journalists')
    expect(await slotOf('Naiset ja lapset').getByTestId('translation-finding').innerText()).toBe('militia')
    expect(tb.external).toEqual([])
  })
})

describe('worker protocol with a test double for the model runtime', () => {
  it('reports progress, streams partials, cancels, and answers a repeated request from the cache', async () => {
    const { page } = tb
    await page.goto(app.url + 'trpage/translate.html')
    await page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready')
    const out = await page.evaluate(async () => {
      const { client, log, messages, cachedTranslate, fakeTranslation } = window.translateProbe
      const modelId = 'test/fake-opus-mt-fi-en'
      const progress: { status: string }[] = []
      const load = await client.load({ task: 'translation', modelId, device: 'wasm' }, (p) => progress.push(p))
      // Streamed partials and the result, through the cache (first time: the runtime translates).
      const texts = ['turvapaikka poliisi raportti', 'naiset lapset']
      const partials: [number, string][] = []
      const first = await cachedTranslate(modelId, texts, (i, t) => partials.push([i, t]))
      const callsAfterFirst = log.calls.length
      // Second time: answered from IndexedDB without calling the runtime.
      const second = await cachedTranslate(modelId, texts)
      const callsAfterSecond = log.calls.length
      // Cancel a long translation after three streamed pieces.
      const long = Array.from({ length: 2000 }, (_, i) => `sana${i}`).join(' ')
      let n = 0
      const tokensBefore = log.tokens
      const call = client.translate({ modelId, texts: [long], src: 'fi', tgt: 'en', stream: true }, () => {
        if (++n === 3) call.cancel()
      })
      const err = await call.then(
        () => null,
        (e: { code: string }) => e.code,
      )
      const t0 = Date.now()
      while (!messages.some((m) => m.id === call.id && m.type === 'error') && Date.now() - t0 < 10_000) await new Promise((r) => setTimeout(r, 20))
      await new Promise((r) => setTimeout(r, 100))
      return {
        load,
        statuses: [...new Set(progress.map((p) => p.status))],
        last: progress.at(-1),
        first,
        expected: texts.map(fakeTranslation),
        partials,
        callsAfterFirst,
        second,
        callsAfterSecond,
        err,
        final: messages.find((m) => m.id === call.id && m.type === 'error'),
        tokensGenerated: log.tokens - tokensBefore,
        pending: client.pending,
      }
    })
    expect(out.load).toMatchObject({ task: 'translation', modelId: 'test/fake-opus-mt-fi-en', device: 'wasm', dtype: 'q8', loaded: true })
    expect(out.statuses).toEqual(['initiate', 'download', 'progress', 'done', 'ready'])
    expect(out.last).toEqual({ status: 'ready', task: 'translation', model: 'test/fake-opus-mt-fi-en' })
    expect(out.first).toEqual({ translations: out.expected, cached: 0 })
    expect(out.expected[0]).toBe('akkiapavrut isiilop ittropar')
    // Partials: the text so far, growing word by word, ending with the whole translation.
    expect(out.partials.filter(([i]) => i === 0).map(([, t]) => t)).toEqual(['akkiapavrut', 'akkiapavrut isiilop', 'akkiapavrut isiilop ittropar'])
    expect(out.callsAfterFirst).toBe(2)
    expect(out.second).toEqual({ translations: out.expected, cached: 2 })
    expect(out.callsAfterSecond).toBe(2)
    expect(out.err).toBe('cancelled')
    expect(out.final).toMatchObject({ type: 'error', code: 'cancelled' })
    console.log(`[translate] tokens generated before the runtime stopped: ${out.tokensGenerated} of 2000`)
    expect(out.tokensGenerated).toBeLessThan(200)
    expect(out.pending).toBe(0)
  })

  it('made no request off 127.0.0.1', () => {
    expect(tb.external).toEqual([])
    expect(requests.filter((u) => !u.startsWith('http://127.0.0.1'))).toEqual([])
  })
})
