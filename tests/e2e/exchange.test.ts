// Glossary exchange in the browser: export CSV, re-import it into another profile and get the same
// glossary (and our own export re-imported is all unchanged); a hostile CSV is refused with its line
// number and the database is unchanged; XLSX, TBX v2 and MultiTerm XML exports re-imported elsewhere
// give the same glossary; an ODS sheet from LibreOffice Calc imports as new concepts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { openBrowser, openGlossary, serveApp, type TestBrowser } from './harness'
import type { Page } from 'playwright-core'
import { makeOds } from '../fixtures/makeFiles'

let app: Awaited<ReturnType<typeof serveApp>>
let a: TestBrowser
let b: TestBrowser

beforeAll(async () => {
  app = await serveApp()
  a = await openBrowser()
  b = await openBrowser()
})
afterAll(async () => {
  await a?.close()
  await b?.close()
  await app?.close()
})

async function exportAs(page: Page, kind: string): Promise<{ name: string; text: string; bytes: Buffer }> {
  await page.getByTestId('open-export').click()
  await page.getByTestId(`export-${kind}`).check()
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()])
  const bytes = readFileSync((await download.path())!)
  return { name: download.suggestedFilename(), text: bytes.toString('utf8'), bytes }
}

async function totalConcepts(page: Page): Promise<number> {
  const text = await page.getByTestId('result-count').innerText()
  return Number(/of (\d+)/.exec(text)?.[1] ?? -1)
}

async function importFile(page: Page, name: string, content: string | Buffer): Promise<void> {
  await page.getByTestId('open-import').click()
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) })
}

describe('CSV and TBX exchange', () => {
  it('exports CSV and re-imports it into another profile as the same glossary', async () => {
    await openGlossary(a.page, app.url)
    await a.page.waitForFunction(() => /of \d{2,} concepts/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''))
    const csv = await exportAs(a.page, 'csv-wide')
    expect(csv.name).toMatch(/\.csv$/)
    expect(csv.text.charCodeAt(0)).toBe(0xfeff)
    const before = await totalConcepts(a.page)
    // Our own export, re-imported, is all unchanged and writes nothing.
    await importFile(a.page, csv.name, csv.text)
    await a.page.getByTestId('import-summary').waitFor()
    expect(await a.page.getByTestId('import-summary').innerText()).toMatch(new RegExp(`${before} concepts in the file: 0 new, ${before} unchanged, 0 changed, 0 conflicting`))
    expect(await a.page.getByTestId('import-outcome').innerText()).toMatch(/ 0 concepts will be written/)
    await a.page.getByTestId('import-commit').click()
    await a.page.getByTestId('import-dialog').waitFor({ state: 'detached' })
    expect(await totalConcepts(a.page)).toBe(before)

    await openGlossary(b.page, app.url)
    await importFile(b.page, csv.name, csv.text)
    await b.page.getByTestId('import-summary').waitFor()
    await b.page.getByTestId('mode-replace').check()
    await b.page.getByTestId('import-commit').click()
    await b.page.getByTestId('import-dialog').waitFor({ state: 'detached' })
    await expect.poll(() => totalConcepts(b.page)).toBe(before)
    const again = await exportAs(b.page, 'csv-wide')
    expect(again.text).toBe(csv.text)
    // TBX from both profiles is identical too.
    const tbxA = await exportAs(a.page, 'tbx')
    const tbxB = await exportAs(b.page, 'tbx')
    expect(tbxA.text).toContain('conceptEntry')
    expect(tbxB.text).toBe(tbxA.text)
  })

  it('refuses a hostile CSV with its line number and leaves the database unchanged', async () => {
    await openGlossary(a.page, app.url)
    const before = await totalConcepts(a.page)
    const hostile = 'concept id,en,fr\r\nc-x1,=HYPERLINK("http://evil"),ok\r\nc-x2,"unterminated,fr\r\n'
    await importFile(a.page, 'hostile.csv', hostile)
    const errors = a.page.getByTestId('import-errors')
    await errors.waitFor()
    expect(await errors.innerText()).toMatch(/Line 3/)
    expect(await a.page.getByTestId('import-commit').isDisabled()).toBe(true)
    await a.page.keyboard.press('Escape')
    await a.page.reload()
    await openGlossary(a.page, app.url)
    expect(await totalConcepts(a.page)).toBe(before)
  })

  it('neutralises formulas in exported CSV cells', async () => {
    await openGlossary(a.page, app.url)
    await a.page.getByTestId('new-concept').click()
    await a.page.getByTestId('concept-editor').locator('input.term-text').first().fill('=1+2')
    await a.page.getByTestId('save-concept').click()
    await a.page.getByTestId('concept-editor').waitFor({ state: 'detached' })
    const csv = await exportAs(a.page, 'csv-long')
    expect(csv.text).toContain("'=1+2")
    expect(csv.text).not.toMatch(/(^|,)=1\+2/m)
  })
})

describe('a readable glossary page', () => {
  it('exports the glossary as one HTML page sorted by the chosen language, every term shown as text', async () => {
    const { page } = a
    await openGlossary(page, app.url)
    await page.getByTestId('open-export').click()
    await page.getByTestId('export-html').check()
    await page.getByTestId('export-html-sort').selectOption('ru')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()])
    const html = readFileSync((await download.path())!).toString('utf8')
    expect(download.suggestedFilename()).toMatch(/^glossary-\d{4}-\d{2}-\d{2}\.html$/)
    expect(html).toContain('<h1>Glossary</h1>')
    expect(html).toContain('военкомат')
    expect(html).not.toMatch(/<script/i)
    // Concept headings follow the Russian alphabet: "военкомат" comes before "дедовщина".
    const titles = [...html.matchAll(/<h2>([^<]*)<\/h2><dl>/g)].map((m) => m[1])
    expect(titles.indexOf('военкомат')).toBeGreaterThanOrEqual(0)
    expect(titles.indexOf('военкомат')).toBeLessThan(titles.indexOf('дедовщина'))
  })
})

describe('exchange formats for CAT tools', () => {
  it('exports XLSX, TBX v2 and MultiTerm XML, and each re-imported elsewhere gives the same glossary', async () => {
    await openGlossary(a.page, app.url)
    await a.page.waitForFunction(() => /of \d{2,} concepts/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''))
    // Make the glossary differ from the starter that every new profile gets.
    const start = await totalConcepts(a.page)
    await a.page.getByTestId('new-concept').click()
    const editor = a.page.getByTestId('concept-editor')
    await editor.locator('input.term-text').first().fill('zzz exchange probe; "quoted", =1+1')
    await editor.getByTestId('definition').fill('Line one\nline two, with ümlauts and кириллица.')
    await editor.getByTestId('save-concept').click()
    await editor.waitFor({ state: 'detached' })
    await expect.poll(() => totalConcepts(a.page)).toBe(start + 1)
    const count = start + 1
    const baseline = (await exportAs(a.page, 'csv-wide')).text
    await openGlossary(b.page, app.url)
    for (const kind of ['xlsx-wide', 'xlsx-long', 'tbx2', 'multiterm']) {
      const file = await exportAs(a.page, kind)
      expect(file.name).toMatch(kind.startsWith('xlsx') ? /\.xlsx$/ : /\.(tbx|xml)$/)
      if (kind === 'tbx2') expect(file.text).toContain('<martif type="TBX-Basic"')
      if (kind === 'multiterm') expect(file.text).toContain('<mtf>')
      await b.page.getByTestId('open-import').click()
      await b.page.getByTestId('import-file').setInputFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: file.bytes })
      await b.page.getByTestId('mode-replace').check()
      await b.page.getByTestId('import-summary').waitFor()
      await b.page.getByTestId('import-commit').click()
      await b.page.getByTestId('import-dialog').waitFor({ state: 'detached' })
      await expect.poll(() => totalConcepts(b.page)).toBe(count)
      const again = (await exportAs(b.page, 'csv-wide')).text
      expect(again, kind).toBe(baseline)
    }
    expect(a.external).toEqual([])
  })

  it('imports an ODS glossary from LibreOffice Calc as new concepts', async () => {
    await openGlossary(a.page, app.url)
    const start = await totalConcepts(a.page)
    const ods = makeOds({ Glossary: [['en', 'fi', 'nb'], ['zzz ods probe term', 'zzz ods-koetermi', 'zzz ods-prøveterm']] })
    await a.page.getByTestId('open-import').click()
    await a.page.getByTestId('import-file').setInputFiles({ name: 'termer.ods', mimeType: 'application/vnd.oasis.opendocument.spreadsheet', buffer: ods })
    await a.page.getByTestId('import-summary').waitFor()
    expect(await a.page.getByTestId('import-summary').innerText()).toMatch(/1 concepts? in the file: 1 new/)
    await a.page.getByTestId('import-commit').click()
    await a.page.getByTestId('import-dialog').waitFor({ state: 'detached' })
    await expect.poll(() => totalConcepts(a.page)).toBe(start + 1)
    await a.page.getByTestId('glossary-search').fill('zzz ods')
    await a.page.getByText('zzz ods-koetermi').first().waitFor()
  })
})
