// The bilingual dictionary in the built app: the analysis worker fetches the pack the app serves (here a tiny pack the
// test writes and serves at /dict/, as `npm run dict-pack` puts one in public/dict/) only when linking, never for the
// first screen, and the words it translates show as evidence in Compare.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { openBrowser, openGlossary, serveApp, type TestBrowser } from './harness'

const PACK = resolve('tests/.tmp/e2e-dict')
// Everyday words no glossary concept, lexicon meaning or cognate rule links: only the dictionary can.
const WORDS = 'landsbyen\tvillage\nbager\tbaker\nbrød\tbread\nmorgen\tmorning\nkirken\tchurch\nklokker\tbells\nsøndag\tsunday\n'
const DA = [
  'Landsbyens bager solgte brød hver morgen før solopgang.',
  'Kirkens klokker ringede hver søndag ved middagstid.',
  'Fiskerne vendte hjem med tomme net efter stormen.',
].join('\n\n')
const EN = [
  'The bells of the church rang every Sunday at noon.',
  'The fishermen came home with empty nets after the storm.',
  "Every morning before sunrise the village's baker sold bread.",
].join('\n\n')

let app: Awaited<ReturnType<typeof serveApp>>
let tb: TestBrowser
const requests: string[] = []

beforeAll(async () => {
  rmSync(PACK, { recursive: true, force: true })
  mkdirSync(PACK, { recursive: true })
  const languages = Object.fromEntries(['da', 'nb'].map((l) => [l, { file: `${l}.txt`, words: 7, sources: [] }]))
  writeFileSync(`${PACK}/manifest.json`, JSON.stringify({ key: 'e2e', languages }))
  for (const l of ['da', 'nb']) writeFileSync(`${PACK}/${l}.txt`, WORDS)
  app = await serveApp({ '/dict/': PACK })
  tb = await openBrowser()
  tb.context.on('request', (r) => requests.push(r.url()))
})
afterAll(async () => {
  await tb?.close()
  await app?.close()
  rmSync(PACK, { recursive: true, force: true })
})

describe('the bilingual dictionary', () => {
  it('is not fetched for the first screen, nor by importing reports', async () => {
    const { page } = tb
    await openGlossary(page, app.url)
    await page.goto(app.url + '#/reports')
    await page.getByTestId('report-file').setInputFiles([
      { name: 'landsby-da.txt', mimeType: 'text/plain', buffer: Buffer.from(DA) },
      { name: 'village-en.txt', mimeType: 'text/plain', buffer: Buffer.from(EN) },
    ])
    await expect.poll(() => page.locator('[data-testid=report-list] tbody tr').count(), { timeout: 90000 }).toBe(2)
    await page.waitForFunction(() => !document.querySelector('[data-testid=report-progress]'), null, { timeout: 90000 })
    expect(requests.filter((u) => u.includes('/dict/'))).toEqual([])
  })

  it('is fetched when two reports are linked, and its words show as evidence', async () => {
    const { page } = tb
    const a = await page.locator('[data-doc]', { hasText: 'landsby-da' }).getAttribute('data-doc')
    const b = await page.locator('[data-doc]', { hasText: 'village-en' }).getAttribute('data-doc')
    await page.goto(`${app.url}#/compare?a=${a}&b=${b}`)
    await page.getByTestId('link-row').first().waitFor({ timeout: 90000 })
    expect(requests).toContain(`${app.url}dict/manifest.json`)
    const words = await page.locator('[data-testid=link-row] [data-testid=ev-word]').allInnerTexts()
    expect(words.join(' | ')).toMatch(/bager ↔ baker/)
    expect(words.join(' | ')).toMatch(/brød ↔ bread/)
    expect(tb.external).toEqual([])
  })
})
