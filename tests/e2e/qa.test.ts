// Terminology QA in the browser: import the five corpus reports, run the checks in the worker (progress
// shows), find the mixed-script "Voенkomat", jump to it in the reader, add a misspelling to the glossary as
// an admitted variant (the next run no longer lists it), ignore a finding (it stays ignored after a reload),
// the usage matrix, and the CSV export; ignore rules (a term everywhere) kept across a reload, removed and put
// back; and the findings kept per report and glossary version: a concept added in the glossary editor makes the
// QA page check the reports again by itself when it opens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Locator } from 'playwright-core'
import AxeBuilder from '@axe-core/playwright'
import { openBrowser, openGlossary, serveApp, type TestBrowser } from './harness'

const CORPUS = resolve('../shared/corpus')
const FILES = ['000_acf8e1b7719e168f.txt', '001_e8e03fc529c28da8.txt', '002_f92c2e12db2273f8.txt', '003_69196824feca6e36.txt', '004_2311294a2fc5f756.txt']
/** A run over the five reports takes seconds; generous limits for slow machines (with linked passages it takes far longer). */
const RUN_TIMEOUT = 200_000
const LONG = { timeout: 240_000 }
let app: Awaited<ReturnType<typeof serveApp>>
let tb: TestBrowser

beforeAll(async () => {
  app = await serveApp()
  tb = await openBrowser()
  await openGlossary(tb.page, app.url) // the starter glossary is what the reports are checked against
  const { page } = tb
  await page.goto(app.url + '#/reports')
  await page.getByTestId('report-file').setInputFiles(FILES.map((f) => ({ name: f, mimeType: 'text/plain', buffer: readFileSync(`${CORPUS}/${f}`) })))
  await page.waitForFunction(() => !document.querySelector('[data-testid=report-progress]'), null, { timeout: 90000 })
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=report-list] tbody tr').length === 5, null, { timeout: 20000 })
})
afterAll(async () => {
  await tb?.close()
  await app?.close()
})

/** Opens the QA screen (a same-document navigation keeps the last results). */
async function openQa(): Promise<void> {
  const { page } = tb
  await page.goto(app.url + '#/qa')
  await page.getByTestId('qa-view').waitFor()
}

/** Runs the checks and waits for them to finish; the progress bar must show meanwhile. */
async function runChecks(): Promise<void> {
  const { page } = tb
  await page.getByTestId('qa-run').click()
  await page.getByTestId('qa-progress').waitFor({ timeout: 10000 })
  expect(await page.getByTestId('qa-progress').getByRole('progressbar').count()).toBe(1)
  await page.getByTestId('qa-progress').waitFor({ state: 'detached', timeout: RUN_TIMEOUT })
  expect(await page.getByTestId('qa-failure').count()).toBe(0)
  await page.getByTestId('qa-summary').waitFor()
}

async function filterCheck(check: string): Promise<void> {
  await tb.page.getByTestId('qa-filter-check').selectOption(check)
}

/** The finding row of the mixed-script "Voенkomat" (Latin V, o, k, o, m, a, t with Cyrillic е, н). */
function voenkomatFinding(): Locator {
  return tb.page.locator('[data-testid=qa-finding][data-check=mixed-script]').filter({ has: tb.page.getByTestId('qa-surface').getByText('Voенkomat', { exact: true }) }).first()
}

describe('terminology QA', () => {
  it('runs the checks with progress and lists the mixed-script Voенkomat', LONG, async () => {
    const { page } = tb
    await openQa()
    // A run can be cancelled: the progress goes away at once and nothing is listed.
    await page.getByTestId('qa-run').click()
    await page.getByTestId('qa-progress').waitFor({ timeout: 10000 })
    await page.getByTestId('qa-cancel').click()
    await page.getByTestId('qa-progress').waitFor({ state: 'detached', timeout: 5000 })
    expect(await page.getByTestId('qa-summary').count()).toBe(0)
    await page.getByTestId('toast').filter({ hasText: /cancelled/ }).first().waitFor()
    await runChecks()
    await filterCheck('mixed-script')
    const row = voenkomatFinding()
    await row.waitFor()
    expect(await row.getByTestId('qa-surface').innerText()).toBe('Voенkomat')
    expect(await row.innerText()).toContain('Voenkomat') // the suggestion
    expect(await page.getByTestId('qa-group').first().innerText()).toMatch(/Mixed alphabets/)
  })

  it('opens the reader at the finding: the URL names the passage and span, and the passage is in view', async () => {
    const { page } = tb
    const row = voenkomatFinding()
    await row.getByTestId('qa-open').click()
    await page.getByTestId('reader').waitFor()
    const m = /#\/reader\/([^?]+)\?passage=(\d+)&hl=(\d+)-(\d+)/.exec(page.url())
    expect(m, page.url()).not.toBeNull()
    const passage = page.locator(`[data-passage="${m![2]}"]`)
    await passage.waitFor({ timeout: 15000 })
    expect(await passage.innerText()).toContain('Voенkomat')
    const inView = () =>
      passage.evaluate((el) => {
        const r = el.getBoundingClientRect()
        const s = document.querySelector('[data-testid=reader-scroller]')!.getBoundingClientRect()
        return r.bottom > s.top && r.top < s.bottom
      })
    await expect.poll(inView, { timeout: 10000 }).toBe(true)
  })

  it('adds a misspelling to the glossary as an admitted variant; the next run no longer lists it', LONG, async () => {
    const { page } = tb
    await openQa()
    await filterCheck('misspelling')
    const row = page.locator('[data-testid=qa-finding]:has([data-testid=qa-add-variant])').first()
    await row.waitFor()
    const id = (await row.getAttribute('data-finding'))!
    const surface = await row.getByTestId('qa-surface').innerText()
    await row.getByTestId('qa-variant-status').selectOption('admitted')
    await row.getByTestId('qa-add-variant').click()
    await page.getByTestId('qa-stale').waitFor({ timeout: 15000 }) // the glossary changed since the run
    await runChecks()
    await filterCheck('misspelling')
    expect(await page.locator(`[data-finding="${id}"]`).count()).toBe(0)
    const surfaces = await page.locator('[data-testid=qa-finding] [data-testid=qa-surface]').allInnerTexts()
    expect(surfaces).not.toContain(surface)
    // The glossary now has the spelling as an admitted variant.
    await page.goto(app.url + '#/glossary')
    await page.getByTestId('glossary-grid').waitFor()
    await page.getByTestId('glossary-search').fill(surface)
    await expect.poll(() => page.getByTestId('glossary-grid').innerText(), { timeout: 10000 }).toContain(surface)
  })

  it('ignores a finding: hidden by default, still ignored after a reload, shown by the toggle', LONG, async () => {
    const { page } = tb
    await openQa()
    await filterCheck('mixed-script')
    const row = voenkomatFinding()
    await row.waitFor()
    const id = (await row.getAttribute('data-finding'))!
    await row.getByTestId('qa-ignore').click()
    await expect.poll(() => page.locator(`[data-finding="${id}"]`).count()).toBe(0)

    await page.reload()
    await openQa()
    await runChecks()
    await filterCheck('mixed-script')
    await page.locator('[data-testid=qa-finding]').first().waitFor()
    expect(await page.locator(`[data-finding="${id}"]`).count()).toBe(0)
    await page.getByTestId('qa-show-ignored').check()
    const shown = page.locator(`[data-finding="${id}"]`)
    await shown.waitFor()
    expect(await shown.getAttribute('data-ignored')).toBe('true')
    expect(await shown.getByTestId('qa-unignore').count()).toBe(1)
  })

  it('draws the concept × report matrix and exports the findings as CSV', async () => {
    const { page } = tb
    await openQa()
    await page.getByTestId('qa-tab-matrix').click()
    const svg = page.getByTestId('qa-matrix')
    await svg.waitFor()
    expect(await svg.locator('[data-cell]').count()).toBeGreaterThan(10)
    const titles = await svg.locator('[data-cell] rect title').allTextContents()
    expect(titles.some((t) => /preferred: \d+/.test(t))).toBe(true)
    await page.getByTestId('qa-tab-findings').click()
    await page.getByTestId('qa-filter-check').selectOption('')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('qa-export').click()])
    const csv = readFileSync((await download.path())!, 'utf8')
    expect(csv.startsWith('\uFEFFid,check,severity,report,file,passage,start,end')).toBe(true)
    expect(csv).toContain('mixed-script')
    expect(download.suggestedFilename()).toMatch(/^qa-findings-.*\.csv$/)
  })
  it('ignores a term in every report by a stored rule: kept across a reload, removed and put back with an undo', LONG, async () => {
    const { page } = tb
    await openQa()
    await page.getByTestId('qa-show-ignored').uncheck()
    await filterCheck('misspelling')
    const row = page.locator('[data-testid=qa-finding]:not([data-ignored])').first()
    await row.waitFor()
    const id = (await row.getAttribute('data-finding'))!
    const surface = await row.getByTestId('qa-surface').innerText()
    await row.getByTestId('qa-ignore-rule').locator('summary').click()
    await row.getByTestId('qa-ignore-term').click()
    await expect.poll(() => page.locator(`[data-finding="${id}"]`).count()).toBe(0)
    const rules = page.getByTestId('qa-rules')
    await rules.locator('summary').click()
    await expect.poll(() => rules.getByTestId('qa-rule').count()).toBe(1)
    expect((await rules.getByTestId('qa-rule').innerText()).toLowerCase()).toContain(surface.toLowerCase())

    // After a reload the findings are there without a run, and the rule still hides this one.
    await page.reload()
    await openQa()
    await page.getByTestId('qa-summary').waitFor()
    expect(await page.getByTestId('qa-progress').count()).toBe(0)
    await filterCheck('misspelling')
    await page.locator('[data-testid=qa-finding]').first().waitFor()
    expect(await page.locator(`[data-finding="${id}"]`).count()).toBe(0)
    await page.getByTestId('qa-show-ignored').check()
    const shown = page.locator(`[data-finding="${id}"]`)
    await shown.waitFor()
    expect(await shown.innerText()).toMatch(/ignored by a rule/i)
    expect(await shown.getByTestId('qa-rule-lift').count()).toBe(1)
    await page.getByTestId('qa-show-ignored').uncheck()

    // Removing the rule shows the finding again; the undo puts the rule back.
    await page.getByTestId('qa-rules').locator('summary').click()
    await page.getByTestId('qa-rule-remove').click()
    await page.locator(`[data-finding="${id}"]`).waitFor()
    expect(await page.getByTestId('qa-rule').count()).toBe(0)
    await page.getByTestId('toast').filter({ hasText: /rule removed/ }).getByTestId('undo').click()
    await expect.poll(() => page.locator(`[data-finding="${id}"]`).count()).toBe(0)
    expect(await page.getByTestId('qa-rule').count()).toBe(1)
  })

  it('checks the reports again by itself when the page opens after a glossary edit, and only then', LONG, async () => {
    const { page } = tb
    await openGlossary(page, app.url)
    await page.getByTestId('new-concept').click()
    const editor = page.getByTestId('concept-editor')
    await editor.locator('input.term-text').first().fill('enlistment office')
    await editor.getByTestId('save-concept').click()
    await editor.waitFor({ state: 'detached' })

    await openQa()
    // The previous findings show (out of date) while the reports are checked again, with progress and cancel.
    await page.getByTestId('qa-progress').waitFor({ timeout: 15000 })
    expect(await page.getByTestId('qa-cancel').count()).toBe(1)
    expect(await page.getByTestId('qa-summary').count()).toBe(1)
    await page.getByTestId('qa-progress').waitFor({ state: 'detached', timeout: RUN_TIMEOUT })
    expect(await page.getByTestId('qa-stale').count()).toBe(0)
    await page.getByTestId('qa-tab-matrix').click()
    await expect.poll(() => page.getByTestId('qa-matrix').locator('text.label').allTextContents(), { timeout: 15000 }).toContainEqual(expect.stringContaining('enlistment office'))
    await page.getByTestId('qa-tab-findings').click()

    // Nothing changed since: opening the page again (after a reload too) checks nothing.
    await page.goto(app.url + '#/glossary')
    await openQa()
    await page.getByTestId('qa-summary').waitFor()
    await page.reload()
    await openQa()
    await page.getByTestId('qa-summary').waitFor()
    expect(await page.getByTestId('qa-progress').count()).toBe(0)
    expect(await page.getByTestId('qa-stale').count()).toBe(0)
  })

  it('fits a phone: at 390 px no sideways scrolling, the findings keep the width, and axe finds nothing serious', LONG, async () => {
    const { page } = tb
    await page.setViewportSize({ width: 390, height: 844 })
    try {
      await openQa()
      await page.getByTestId('qa-summary').waitFor()
      await page.getByTestId('qa-rules').locator('summary').click()
      const row = page.locator('[data-testid=qa-finding]:not([data-ignored])').first()
      await row.getByTestId('qa-ignore-rule').locator('summary').click()
      await row.getByTestId('qa-ignore-term').waitFor()
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        body: document.querySelector('[data-testid=qa-finding] .body')!.getBoundingClientRect().width,
      }))
      expect(widths.scroll).toBeLessThanOrEqual(widths.client)
      expect(widths.body).toBeGreaterThan(250)
      const r = await new AxeBuilder({ page }).include('[data-testid=qa-view]').analyze()
      expect(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([])
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 })
    }
  })
})
