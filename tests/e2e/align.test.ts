// Sentence alignment in the browser: import report 000 and align its Finnish and English blocks in the align
// worker (a known question pairs with its English translation), see the path picture, download the TMX 1.4b and
// parse it; the pair is remembered across a reload; and two small reports that translate each other align as a
// pair of documents, with the known 1-2 bead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { childElements, parseXml, textContent, type XmlElement } from '../../src/core/xml'
import { openBrowser, openGlossary, serveApp, setModelSource, type TestBrowser } from './harness'

const CORPUS = resolve('../shared/corpus')
const R000 = '000_acf8e1b7719e168f.txt'
// A bead of tests/fixtures/align-gold.json (the first question of 000, in Finnish and in English).
const FI_Q = 'Onko Venäjällä raportoitu pakkovärväystä armeijan palvelukseen?'
const EN_Q = 'Have there been reports of forced recruitment into armed forces in Russia?'
let app: Awaited<ReturnType<typeof serveApp>>
let tb: TestBrowser
let doc000 = ''

beforeAll(async () => {
  app = await serveApp()
  tb = await openBrowser()
  await openGlossary(tb.page, app.url)
})
afterAll(async () => {
  await tb?.close()
  await app?.close()
})

/** Imports text files through the Reports page; `total` is the number of reports listed afterwards. */
async function importFiles(files: { name: string; text: string }[], total: number): Promise<void> {
  const { page } = tb
  await page.goto(app.url + '#/reports')
  await page.getByTestId('report-file').setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.text) })))
  await expect.poll(() => page.locator('[data-testid=report-list] tbody tr').count(), { timeout: 60000 }).toBe(total)
  await page.waitForFunction(() => !document.querySelector('[data-testid=report-progress]'), null, { timeout: 60000 })
}
const docId = async (file: string) => (await tb.page.locator('[data-doc]', { hasText: file }).getAttribute('data-doc')) ?? ''

/** The `<tu>` elements of a TMX as [srclang text, tgtlang text] by xml:lang. */
function units(tmx: string): { langs: string[]; seg: Record<string, string> }[] {
  const body = childElements(parseXml(tmx).root).find((e) => e.name === 'body')!
  return childElements(body).map((tu) => {
    const tuvs = childElements(tu).filter((e) => e.name === 'tuv')
    const seg = (tuv: XmlElement) => textContent(childElements(tuv).find((e) => e.name === 'seg')!)
    return { langs: tuvs.map((t) => t.attrs['xml:lang']), seg: Object.fromEntries(tuvs.map((t) => [t.attrs['xml:lang'], seg(t)])) }
  })
}

describe('sentence alignment', () => {
  it('aligns the Finnish and English blocks of report 000', async () => {
    await importFiles([{ name: R000, text: readFileSync(`${CORPUS}/${R000}`, 'utf8') }], 1)
    doc000 = await docId('000_')
    const { page } = tb
    await page.getByRole('link', { name: 'Align', exact: true }).click()
    await page.getByTestId('align').waitFor()
    await page.getByTestId('align-mode-blocks').check()
    await page.getByTestId('align-a').selectOption(doc000)
    await expect.poll(() => page.getByTestId('align-lang-a').inputValue()).toBe('fi')
    await expect.poll(() => page.getByTestId('align-lang-b').inputValue()).toBe('en')
    await page.getByTestId('align-run').click()
    await page.getByTestId('bead-row').first().waitFor({ timeout: 60000 })
    const stats = await page.getByTestId('align-stats').innerText()
    const beads = Number(/Beads: (\d+)/.exec(stats)![1])
    expect(beads).toBeGreaterThanOrEqual(12)
    expect(beads).toBeLessThanOrEqual(16)
    expect(stats).toMatch(/blocks: 3/)
    const row = page.getByTestId('bead-row').filter({ hasText: FI_Q })
    expect(await row.count()).toBe(1)
    expect(await row.getByTestId('bead-tgt').innerText()).toContain(EN_Q)
    expect(await row.getAttribute('data-type')).toBe('1-1')
    expect(await page.locator('[data-testid=bead-row][data-type="1-2"]').count()).toBe(1)
    // The path: one step per bead, drawn as SVG lines (no markup from the text).
    expect(await page.locator('[data-testid=align-path] line.step').count()).toBe(beads)
    expect(await page.locator('[data-testid=bead-list] script, [data-testid=bead-list] img').count()).toBe(0)
    expect(await page.getByTestId('align-error').count()).toBe(0)
  })

  it('downloads the aligned pairs as TMX 1.4b with both xml:lang codes', async () => {
    const { page } = tb
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('align-export').click()])
    expect(download.suggestedFilename()).toMatch(/^000_acf8e1b7719e168f\.fi-en\.tmx$/)
    const tmx = readFileSync((await download.path())!, 'utf8')
    const root = parseXml(tmx).root
    expect(root.attrs.version).toBe('1.4')
    const header = childElements(root).find((e) => e.name === 'header')!
    expect(header.attrs.srclang).toBe('fi')
    const tus = units(tmx)
    expect(tus.length).toBeGreaterThanOrEqual(11)
    expect(tus.every((u) => u.langs.join() === 'fi,en')).toBe(true)
    expect(tus.some((u) => u.seg.fi.includes(FI_Q) && u.seg.en.includes(EN_Q))).toBe(true)
  })

  it('remembers the pair across a reload', async () => {
    const { page } = tb
    await page.reload()
    await page.getByTestId('align').waitFor()
    await expect.poll(() => page.getByTestId('align-saved-pair').count()).toBe(1)
    expect(await page.getByTestId('align-saved-pair').innerText()).toMatch(/000_.*fi ↔ en/)
    await expect.poll(() => page.getByTestId('align-a').inputValue()).toBe(doc000)
    await expect.poll(() => page.getByTestId('align-mode-blocks').isChecked()).toBe(true)
  })

  it('aligns two reports that translate each other, with the 1-2 bead', async () => {
    const text = readFileSync(`${CORPUS}/${R000}`, 'utf8').split('\n')
    const para = (start: string) => text.find((l) => l.startsWith(start))!
    await importFiles([
      { name: 'vastaus-fi.txt', text: `Tietoja vastauksesta\n\n${para('Maahanmuuttoviraston maatietopalvelun kyselyvastaus')}\n` },
      { name: 'response-en.txt', text: `Information on the response\n\n${para('This response has been compiled')}\n` },
    ], 3)
    const fi = await docId('vastaus-fi')
    const en = await docId('response-en')
    const { page } = tb
    await page.goto(app.url + '#/align')
    await page.getByTestId('align-mode-docs').check()
    await page.getByTestId('align-a').selectOption(fi)
    await page.getByTestId('align-b').selectOption(en)
    await page.getByTestId('align-run').click()
    await expect.poll(() => page.getByTestId('align-stats').innerText(), { timeout: 60000 }).toMatch(/Beads: 8 · aligned pairs: 8 · unaligned: 0 · blocks: 1/)
    const split = page.locator('[data-testid=bead-row][data-type="1-2"]')
    expect(await split.count()).toBe(1)
    expect(await split.getByTestId('bead-src').innerText()).toMatch(/^Vastaus perustuu/)
    expect(await split.getByTestId('bead-tgt').innerText()).toMatch(/All sources used are referenced\./)
    await expect.poll(() => page.getByTestId('align-saved-pair').count()).toBe(2)
    expect(tb.external).toEqual([])
  })

  it('with the model source unreachable, "use embeddings" says so plainly and aligns by length and anchors', async () => {
    const { page } = tb
    await setModelSource(page, app.url, 'http://127.0.0.1:9/models/')
    await page.goto(app.url + '#/align')
    await page.getByTestId('align-saved-pair').filter({ hasText: '000_' }).getByRole('button').first().click()
    await page.getByTestId('align-use-embeddings').check()
    await page.getByTestId('align-run').click()
    await expect.poll(() => page.getByTestId('align-embedding-note').innerText(), { timeout: 60000 }).toMatch(/could not be loaded; the sentences are aligned by length/)
    await expect.poll(() => page.getByTestId('align-stats').innerText(), { timeout: 30000 }).toMatch(/blocks: 3/)
    expect(await page.getByTestId('bead-row').filter({ hasText: FI_Q }).getByTestId('bead-tgt').innerText()).toContain(EN_Q)
    expect(await page.getByTestId('bead-neural').count()).toBe(0)
    expect(await page.getByTestId('align-error').count()).toBe(0)
    expect(tb.external).toEqual([])
  })
})
