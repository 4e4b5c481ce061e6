// New terms in the built app: a real report is read for terms the glossary lacks; a defined abbreviation is added to
// the glossary as a new concept with its long form and source sentence; an ignored one stays away on the next run;
// the tab passes axe; a romanised Russian word is found with the Cyrillic spelling the report also uses.
import AxeBuilder from '@axe-core/playwright'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { openGlossary, useAppSuite } from './harness'

const suite = useAppSuite()
const CORPUS = new URL('../../../shared/corpus/', import.meta.url).pathname

describe('new terms', () => {
  it('finds defined abbreviations in a report, adds one to the glossary and ignores another', { timeout: 120_000 }, async () => {
    const { page } = suite.tb
    await openGlossary(page, suite.app.url)
    await page.goto(suite.app.url + '#/reports')
    await page.getByTestId('report-file').setInputFiles([{ name: '004_2311294a2fc5f756.txt', mimeType: 'text/plain', buffer: readFileSync(`${CORPUS}004_2311294a2fc5f756.txt`) }])
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=report-list] tbody tr').length === 1, null, { timeout: 90_000 })
    await page.goto(suite.app.url + '#/candidates')
    await page.getByTestId('tab-new').click()
    await expect.poll(() => page.url()).toMatch(/tab=new/)
    await page.getByTestId('new-terms-run').click()
    await expect.poll(() => page.getByTestId('new-terms-summary').innerText(), { timeout: 60_000 }).toMatch(/^\d+ new terms in the imported reports\.$/)
    const before = Number((await page.getByTestId('new-terms-summary').innerText()).split(' ')[0])
    await page.getByTestId('new-terms-kind').selectOption('defined')
    const isw = page.getByTestId('new-term').filter({ hasText: 'Institute for the Study of War' })
    expect(await isw.innerText()).toMatch(/ISW[\s\S]*acronym[\s\S]*Institute for the Study of War[\s\S]*full form[\s\S]*defined abbreviation[\s\S]*\d+ times/)
    expect(await isw.getByTestId('new-term-example').getAttribute('href')).toMatch(/^#\/reader\/[^?]+\?hl=\d+-\d+$/)
    const axe = await new AxeBuilder({ page }).include('[data-testid=new-terms]').analyze()
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([])
    await isw.getByTestId('new-term-add').click()
    await expect.poll(() => page.getByTestId('new-term').filter({ hasText: 'Institute for the Study of War' }).count()).toBe(0)
    const tor = page.getByTestId('new-term').filter({ hasText: 'Terms of Reference' })
    await tor.getByTestId('new-term-ignore').click()
    await expect.poll(() => tor.count()).toBe(0)
    // The next run leaves out both: one is in the glossary now, the other is ignored.
    await page.getByTestId('new-terms-run').click()
    await expect.poll(() => page.getByTestId('new-terms-summary').innerText()).toBe(`${before - 2} new terms in the imported reports.`)
    await page.goto(suite.app.url + '#/glossary')
    await page.getByTestId('glossary-search').fill('Institute for the Study')
    await expect.poll(() => page.locator('[data-concept]').first().innerText()).toMatch(/Institute for the Study of War[\s\S]*ISW/)
    // The report's own glossary: the concepts found in it, kept in the address, ready for "export what is shown";
    // the reader links to it.
    await page.getByTestId('glossary-search').fill('')
    const total = Number(/of (\d+)/.exec(await page.getByTestId('result-count').innerText())?.[1])
    await page.goto(suite.app.url + '#/reports')
    await page.getByTestId('report-list').locator('tbody tr a').first().click()
    await page.getByTestId('reader-glossary').click()
    await expect.poll(() => page.url()).toMatch(/#\/glossary\?report=/)
    expect(await page.getByTestId('filter-report').inputValue()).not.toBe('')
    // While the worker reads the report nothing is shown; then the concepts it found.
    const shown = () => page.getByTestId('result-count').innerText().then((t) => Number(/^(\d+)/.exec(t)?.[1]))
    await expect.poll(shown, { timeout: 30_000 }).toBeGreaterThan(10)
    expect(await shown()).toBeLessThan(total)
    await page.getByTestId('glossary-search').fill('voenkomat')
    await expect.poll(() => page.locator('[data-concept]').first().innerText()).toMatch(/military commissariat/)
  })

  it('finds a romanised Russian word the glossary lacks, with its Cyrillic spelling from the report', { timeout: 120_000 }, async () => {
    const { page } = suite.tb
    // Without the contract-soldier concept, "kontraktniki" (which report 004 also writes "контрактник" in a source's title) is new.
    await openGlossary(page, suite.app.url)
    await page.getByTestId('glossary-search').fill('kontraktniki')
    await page.waitForFunction(() => document.querySelectorAll('[data-concept]').length === 1, null, { timeout: 10_000 })
    await page.getByTestId('glossary-grid').focus()
    await page.keyboard.press('Delete')
    await page.waitForFunction(() => document.querySelectorAll('[data-concept]').length === 0, null, { timeout: 10_000 })
    await page.goto(suite.app.url + '#/candidates?tab=new')
    await page.getByTestId('new-terms-run').click()
    await expect.poll(() => page.getByTestId('new-terms-summary').innerText(), { timeout: 60_000 }).toMatch(/new terms? in the imported reports\.$/)
    await page.getByTestId('new-terms-kind').selectOption('transliterated')
    const item = page.getByTestId('new-term').filter({ hasText: 'kontraktniki' })
    expect(await item.innerText()).toMatch(/kontraktniki[\s\S]*контрактник[\s\S]*Russian in Latin letters/)
  })
})
