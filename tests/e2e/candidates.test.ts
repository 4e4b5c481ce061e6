// Term candidates in the browser: import the Danish (002) and English (004) reports, remove the Danish term of
// "mobilisation" in the concept editor, then mine Danish candidates in the worker (a run can be cancelled) with
// the model source unreachable and machine translation asked for (the user is asked before any download; declining
// skips it): the plain "could not load" message shows and
// the cognate / co-occurrence candidates still appear, "mobilisering" among the top 3 with its evidence (opens
// the reader at the spot), while "white ticket", which the Danish report never names, shows no likely candidate.
// "Reject" hides a candidate; accepting "mobilisering" (undo works) adds an admitted Danish term with its source
// (report file and quote) to the concept, as the concept editor shows, also after a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { openBrowser, openGlossary, serveApp, setModelSource, type TestBrowser } from './harness'

const CORPUS = resolve('../shared/corpus')
const DA = '002_f92c2e12db2273f8.txt'
const EN = '004_2311294a2fc5f756.txt'
const CONCEPT = 'c-mobilisation'
let app: Awaited<ReturnType<typeof serveApp>>
let tb: TestBrowser

/** Opens the concept's editor from the glossary. */
async function openConcept(page: Page): Promise<Locator> {
  await openGlossary(page, app.url)
  await page.getByTestId('glossary-search').fill('mobilisation')
  const row = page.locator(`[data-concept="${CONCEPT}"]`)
  await row.waitFor({ timeout: 15000 })
  await row.dblclick()
  const editor = page.getByTestId('concept-editor')
  await editor.waitFor()
  return editor
}

/** The editor's term rows in a language. */
async function termRows(editor: Locator, lang: string): Promise<Locator[]> {
  const rows = await editor.locator('.term-row').all()
  const out: Locator[] = []
  for (const r of rows) if ((await r.locator('select.lang').inputValue()) === lang) out.push(r)
  return out
}

beforeAll(async () => {
  app = await serveApp()
  tb = await openBrowser()
})
afterAll(async () => {
  await tb?.close()
  await app?.close()
})

describe('term candidates', () => {
  it('sets an unreachable model source and imports the Danish and English reports', async () => {
    const { page } = tb
    await openGlossary(page, app.url) // the starter glossary
    // An unreachable self-hosted model source: machine translation must fail plainly.
    await setModelSource(page, app.url, 'http://127.0.0.1:9/models/')
    await page.goto(app.url + '#/reports')
    await page.getByTestId('report-file').setInputFiles([DA, EN].map((f) => ({ name: f, mimeType: 'text/plain', buffer: readFileSync(`${CORPUS}/${f}`) })))
    await expect.poll(() => page.locator('[data-testid=report-list] tbody tr').count(), { timeout: 90000 }).toBe(2)
    await page.waitForFunction(() => !document.querySelector('[data-testid=report-progress]'), null, { timeout: 90000 })
  }, 180_000)

  it('says when no report is in the chosen language and offers to import one', async () => {
    const { page } = tb
    await page.goto(app.url + '#/candidates')
    await page.getByTestId('cand-lang').selectOption('sv')
    const note = page.getByTestId('cand-no-lang-report')
    await note.waitFor()
    expect(await note.innerText()).toMatch(/Swedish/)
    await page.getByTestId('cand-import-link').click()
    await page.getByTestId('report-file').waitFor()
    await page.goto(app.url + '#/candidates')
    await page.getByTestId('cand-lang').selectOption('da')
    expect(await page.getByTestId('cand-no-lang-report').count()).toBe(0)
  })

  it('removes the Danish term of "mobilisation" in the concept editor', async () => {
    const { page } = tb
    const editor = await openConcept(page)
    const da = await termRows(editor, 'da')
    expect(da.length).toBeGreaterThan(0)
    for (let rows = da; rows.length; rows = await termRows(editor, 'da')) await rows[0].locator('.line button.icon').click()
    await editor.getByTestId('save-concept').click()
    await editor.waitFor({ state: 'detached' })
  })

  it('with the model unreachable, says so plainly and still lists the lexical candidates, "mobilisering" in the top 3', async () => {
    const { page } = tb
    await page.goto(app.url + '#/candidates')
    await page.getByTestId('candidates-view').waitFor()
    await page.getByTestId('cand-lang').selectOption('da')
    await expect.poll(() => page.getByTestId('cand-lacking').innerText()).toMatch(/^[1-9]\d* concepts? ha(s|ve) no term in Danish/)
    await page.getByTestId('cand-mt').check()
    // Before anything downloads, the user sees which models machine translation may fetch…
    expect(await page.getByTestId('cand-mt-models').innerText()).toMatch(/opus-mt-en-da/)
    // …and is asked when a run starts. Declining skips machine translation only.
    await page.getByTestId('cand-run').click()
    const confirm = page.getByTestId('translate-confirm')
    await confirm.waitFor({ timeout: 10000 })
    const asked = await confirm.getByTestId('translate-confirm-model').allInnerTexts()
    expect(asked).toContainEqual(expect.stringMatching(/opus-mt-en-da/))
    await confirm.getByTestId('translate-confirm-no').click()
    await page.getByTestId('cand-mt-declined').waitFor({ timeout: 5000 })
    expect(await page.getByTestId('cand-mt-running').count()).toBe(0)
    // A run can be cancelled: the progress goes at once and nothing is listed.
    await page.getByTestId('cand-progress').waitFor({ timeout: 10000 })
    await page.getByTestId('cand-cancel').click()
    await page.getByTestId('cand-progress').waitFor({ state: 'detached', timeout: 5000 })
    await page.getByTestId('toast').filter({ hasText: /cancelled/ }).first().waitFor()
    expect(await page.getByTestId('cand-summary').count()).toBe(0)
    // The next run asks again (declining is not remembered); agreeing lets it try the unreachable source.
    await page.getByTestId('cand-run').click()
    await confirm.waitFor({ timeout: 10000 })
    await confirm.getByTestId('translate-confirm-yes').click()
    await page.getByTestId('cand-progress').getByRole('progressbar').waitFor({ timeout: 10000 })
    await page.getByTestId('cand-summary').waitFor({ timeout: 90000 })
    await expect.poll(() => page.getByTestId('cand-mt-message').count(), { timeout: 60000 }).toBe(1)
    expect(await page.getByTestId('cand-mt-message').innerText()).toMatch(/Could not load .* from .*127\.0\.0\.1:9/)
    expect(await page.getByTestId('cand-failure').count()).toBe(0)
    const concept = page.locator(`[data-testid=cand-concept][data-concept-id="${CONCEPT}"]`)
    await concept.waitFor()
    const top = (await concept.getByTestId('cand-text').allInnerTexts()).slice(0, 3).map((s) => s.toLowerCase())
    expect(top).toContain('mobilisering')
    expect(await concept.getByTestId('cand-unlikely').count()).toBe(0)
    // "White ticket", which the Danish report never names, gets no candidate or only long shots, and says which.
    const absent = page.locator('[data-testid=cand-concept][data-concept-id="c-white-ticket"]')
    await absent.waitFor()
    expect(await absent.locator('[data-testid=cand-none], [data-testid=cand-unlikely]').innerText()).toMatch(/No candidate found|No likely candidate.*Danish/)
    // Its evidence: the Danish report, the occurrence marked in a text snippet, a reader link to the spot.
    const item = concept.locator('[data-testid=cand-item]').filter({ has: page.getByTestId('cand-text').getByText(/^mobilisering$/i) }).first()
    expect(await item.getByTestId('cand-source').first().innerText()).toMatch(/cognate|co-occurrence/)
    const ev = item.getByTestId('cand-evidence').first()
    expect((await ev.locator('mark').innerText()).toLowerCase()).toContain('mobilisering')
    expect(await ev.getByTestId('cand-evidence-report').innerText()).toContain(DA)
    expect(await item.locator('[data-testid=cand-snippet] *:not(mark)').count()).toBe(0) // text, never markup
    await ev.getByTestId('cand-open').click()
    await page.getByTestId('reader').waitFor()
    expect(page.url()).toMatch(/#\/reader\/[^?]+\?hl=\d+-\d+&passage=\d+|#\/reader\/[^?]+\?passage=\d+&hl=\d+-\d+/)
    await expect.poll(() => page.getByTestId('qa-highlight').first().innerText(), { timeout: 15000 }).toMatch(/mobilisering/i)
    expect(tb.external).toEqual([])
  })

  it('accepts "mobilisering": the concept gets an admitted Danish term with its source, kept after a reload', async () => {
    const { page } = tb
    await page.goBack()
    const concept = page.locator(`[data-testid=cand-concept][data-concept-id="${CONCEPT}"]`)
    await concept.waitFor({ timeout: 15000 })
    // Reject hides a candidate (another one than "mobilisering").
    const other = concept.locator('[data-testid=cand-item]').filter({ hasNot: page.getByTestId('cand-text').getByText(/^mobilisering$/i) }).first()
    const otherText = await other.getAttribute('data-candidate')
    await other.getByTestId('cand-reject').click()
    await expect.poll(() => concept.locator(`[data-testid=cand-item][data-candidate="${otherText}"]`).count()).toBe(0)
    const item = concept.locator('[data-testid=cand-item]').filter({ has: page.getByTestId('cand-text').getByText(/^mobilisering$/i) }).first()
    await item.getByTestId('cand-accept').click()
    await concept.getByTestId('cand-accepted').waitFor({ timeout: 10000 })
    // Undo takes the term out again and the candidates come back; accept once more.
    await page.getByTestId('toast').filter({ hasText: /admitted term/ }).getByTestId('undo').click()
    await item.waitFor({ timeout: 10000 })
    expect(await concept.getByTestId('cand-accepted').count()).toBe(0)
    await item.getByTestId('cand-accept').click()
    await concept.getByTestId('cand-accepted').waitFor({ timeout: 10000 })
    for (const round of ['now', 'after reload']) {
      if (round === 'after reload') await page.reload()
      const editor = await openConcept(page)
      const da = await termRows(editor, 'da')
      expect(da, round).toHaveLength(1)
      expect((await da[0].locator('input.term-text').inputValue()).toLowerCase()).toBe('mobilisering')
      expect(await da[0].locator('select.status').inputValue()).toBe('admitted')
      const sources = da[0].locator('.source')
      expect(await sources.count()).toBeGreaterThan(0)
      expect(await sources.first().locator('input').first().inputValue()).toBe(DA)
      expect((await sources.first().locator('input').nth(1).inputValue()).toLowerCase()).toContain('mobilisering')
      // Accepting is a step of the concept's history (and the undo before it another).
      await editor.getByTestId('open-history').click()
      await expect.poll(() => editor.getByTestId('history-row').first().innerText()).toMatch(/mobilisering/i)
      await page.keyboard.press('Escape')
      await editor.waitFor({ state: 'detached' })
    }
  })
})
