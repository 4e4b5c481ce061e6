// Reports in the browser: import the five corpus reports and a PDF and a DOCX made here, read them
// with headings, footnotes, highlighted terms and hover cards; bad files change nothing; imported
// text renders as text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { openBrowser, openGlossary, serveApp, type TestBrowser } from './harness'
import { makeDocx, makeDocxOfBody, makeOdt, makePdf } from '../fixtures/makeFiles'

const CORPUS = resolve('../shared/corpus')
const FILES = ['000_acf8e1b7719e168f.txt', '001_e8e03fc529c28da8.txt', '002_f92c2e12db2273f8.txt', '003_69196824feca6e36.txt', '004_2311294a2fc5f756.txt']
let app: Awaited<ReturnType<typeof serveApp>>
let tb: TestBrowser

beforeAll(async () => {
  app = await serveApp()
  tb = await openBrowser()
  await openGlossary(tb.page, app.url) // the starter glossary is needed for highlights
})
afterAll(async () => {
  await tb?.close()
  await app?.close()
})

const docCount = () => tb.page.locator('[data-testid=report-list] tbody tr').count()

/** Opens the reader on the document whose file name contains `file`. */
async function openDoc(file: string): Promise<void> {
  const { page } = tb
  if (!page.url().includes('#/reports')) await page.goto(app.url + '#/reports')
  await page.locator('[data-doc]', { hasText: file }).locator('a').click()
  await page.getByTestId('reader').waitFor()
}

async function importFiles(files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
  const { page } = tb
  await page.goto(app.url + '#/reports')
  await page.getByTestId('report-file').setInputFiles(files)
  await page.waitForFunction(() => !document.querySelector('[data-testid=report-progress]'), null, { timeout: 90000 })
}

describe('reports', () => {
  it('imports the five reports at once', async () => {
    await importFiles(FILES.map((f) => ({ name: f, mimeType: 'text/plain', buffer: readFileSync(`${CORPUS}/${f}`) })))
    await expect.poll(docCount, { timeout: 20000 }).toBe(5)
    expect(await tb.page.getByTestId('report-errors').count()).toBe(0)
  })

  it('does not duplicate a re-imported report when the user declines', async () => {
    tb.page.once('dialog', (d) => void d.dismiss())
    await importFiles([{ name: FILES[0], mimeType: 'text/plain', buffer: readFileSync(`${CORPUS}/${FILES[0]}`) }])
    expect(await docCount()).toBe(5)
  })

  it('lets the user enter the publisher and correct the title, kept after a reload', async () => {
    const { page } = tb
    await page.goto(app.url + '#/reports')
    const row = page.locator('[data-doc]', { hasText: '004_' })
    await row.getByTestId('edit-meta').click()
    await row.getByTestId('edit-title').fill('Russia – Conscription')
    await row.getByTestId('edit-publisher').fill('Danish Immigration Service and Swedish Migration Agency')
    await row.getByTestId('save-meta').click()
    // The list follows the database (liveQuery): once it shows the edit, the write has landed.
    await expect.poll(() => row.innerText()).toMatch(/Danish Immigration Service and Swedish Migration Agency/)
    await page.reload()
    await expect.poll(() => page.locator('[data-doc]', { hasText: '004_' }).innerText()).toMatch(/Russia – Conscription\s+Danish Immigration Service and Swedish Migration Agency/)
  })

  it('reads report 004 with headings, footnotes and a highlighted Voenkomat with its card', async () => {
    const { page } = tb
    await openDoc('004_')
    expect(await page.getByTestId('outline').locator('button').count()).toBeGreaterThan(10)
    expect(await page.getByTestId('outline').innerText()).toMatch(/Executive summary/)
    const mark = page.locator('mark.term', { hasText: /^Voenkomat/ }).first()
    await mark.waitFor()
    await mark.hover()
    const card = page.getByTestId('term-card')
    await card.waitFor()
    expect(await card.innerText()).toContain('военкомат')
    // The first pages have no footnotes: jump by section to one that has.
    await page.getByTestId('outline').locator('button', { hasText: 'Electronic summons' }).first().click()
    const fn = page.locator('button.fn').first()
    await fn.waitFor()
    await fn.click()
    const pop = page.getByTestId('footnote-popover')
    await pop.waitFor()
    expect((await pop.innerText()).length).toBeGreaterThan(5)
  })

  it('marks the English blocks of the Finnish report 000', async () => {
    const { page } = tb
    await openDoc('000_')
    await expect.poll(() => page.getByTestId('foreign-mark').count()).toBeGreaterThan(0)
    expect(await page.getByTestId('foreign-mark').first().innerText()).toMatch(/en/i)
  })

  it('imports a PDF, a DOCX and an ODT made by the test', async () => {
    await tb.page.goto(app.url + '#/reports')
    const before = await docCount()
    await importFiles([
      { name: 'made.pdf', mimeType: 'application/pdf', buffer: makePdf(['Conscription in Russia', '', 'The Voenkomat sends the summons to every conscript.']) },
      { name: 'made.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: makeDocx(['# Alternative service', 'A conscript may apply for alternative civilian service at the Voenkomat.']) },
      { name: 'made.odt', mimeType: 'application/vnd.oasis.opendocument.text', buffer: makeOdt('<text:h text:outline-level="1">Summons</text:h><text:p>The Voenkomat now sends electronic summons.<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>Meduza, 1 November 2024.</text:p></text:note-body></text:note></text:p>') },
    ])
    await expect.poll(docCount).toBe(before + 3)
    await openDoc('made.odt')
    expect(await tb.page.getByTestId('outline').innerText()).toContain('Summons')
    await tb.page.locator('mark.term', { hasText: 'Voenkomat' }).first().waitFor()
    expect(await tb.page.getByTestId('report-errors').count()).toBe(0)
    await openDoc('made.docx')
    expect(await tb.page.getByTestId('outline').innerText()).toContain('Alternative service')
    await tb.page.locator('mark.term', { hasText: 'Voenkomat' }).first().waitFor()
    await openDoc('made.pdf')
    await tb.page.locator('mark.term', { hasText: 'Voenkomat' }).first().waitFor()
  })

  it('imports a Word 97–2003 .doc and an RTF file with their heading styles, footnotes and tables', async () => {
    await tb.page.goto(app.url + '#/reports')
    const before = await docCount()
    await importFiles([
      { name: 'notes.doc', mimeType: 'application/msword', buffer: readFileSync('tests/fixtures/doc/notes.doc') },
      { name: 'sample.rtf', mimeType: 'application/rtf', buffer: readFileSync('tests/fixtures/doc/sample.rtf') },
    ])
    await expect.poll(docCount).toBe(before + 2)
    expect(await tb.page.locator('[data-doc]', { hasText: 'sample.rtf' }).innerText()).toContain('Rusland: Militærtjeneste')
    expect(await tb.page.locator('[data-doc]', { hasText: 'notes.doc' }).innerText()).toContain('Venäjä: asevelvollisuus')
    await openDoc('notes.doc')
    expect(await tb.page.getByTestId('outline').innerText()).toMatch(/Venäjä: asevelvollisuus[\s\S]*1\. Johdanto/)
    await tb.page.locator('button.fn').first().click()
    expect(await tb.page.getByTestId('footnote-popover').innerText()).toContain('Federal Law No. 53-FZ')
  })

  it('refuses a corrupt PDF with a clear message and changes nothing', async () => {
    await tb.page.goto(app.url + '#/reports')
    const before = await docCount()
    await importFiles([{ name: 'broken.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog broken') }])
    const errors = tb.page.getByTestId('report-errors')
    await errors.waitFor()
    expect(await errors.innerText()).toMatch(/broken\.pdf/)
    expect(await docCount()).toBe(before)
  })

  it('refuses a DOCX zip bomb (a 200 KB package inflating to 68 MB) with a clear message, and the tab lives on', async () => {
    await tb.page.goto(app.url + '#/reports')
    const before = await docCount()
    const bomb = makeDocxOfBody('<w:p><w:r><w:t>a</w:t></w:r></w:p>'.repeat(2_000_000), { deflate: true })
    await importFiles([{ name: 'bomb.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: bomb }])
    const errors = tb.page.getByTestId('report-errors')
    await errors.waitFor()
    expect(await errors.innerText()).toMatch(/bomb\.docx: the part word\/document\.xml inflates to 64\.8 MB, more than the 64 MB a part may have/)
    expect(await docCount()).toBe(before)
  })

  it('renders report text containing <script> as text', async () => {
    const { page } = tb
    await importFiles([{ name: 'hostile.txt', mimeType: 'text/plain', buffer: Buffer.from('Hostile report\n\n<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2"> The Voenkomat.\n') }])
    await openDoc('hostile.txt')
    await expect.poll(() => page.getByTestId('reader-scroller').innerText()).toContain('<script>window.__pwned=1</script>')
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(await page.getByTestId('reader-scroller').locator('img, script').count()).toBe(0)
  })
})
