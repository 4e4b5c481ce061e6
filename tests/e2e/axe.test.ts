// Accessibility and small screens on every view: axe-core (through @axe-core/playwright) finds no
// serious or critical violation; the concept editor traps focus and gives it back on Esc.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { describe, expect, it } from 'vitest'
import { openGlossary, useAppSuite } from './harness'

const CORPUS = resolve('../shared/corpus')
const suite = useAppSuite()

/** Serious and critical violations on the page as it is now, as "rule: target" lines. */
async function violations(): Promise<string[]> {
  const r = await new AxeBuilder({ page: suite.tb.page }).analyze()
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 3).map((n) => `${v.id}: ${n.target.join(' ')}`))
}

/** Loads the starter glossary and imports report 001 once (the tests of this file share the browser). */
async function withReport(): Promise<void> {
  const { page } = suite.tb
  await openGlossary(page, suite.app.url)
  await page.goto(suite.app.url + '#/reports')
  await page.getByTestId('report-file').waitFor()
  if (await page.locator('[data-testid=report-list] tbody tr').count()) return
  await page.getByTestId('report-file').setInputFiles([{ name: '001_e8e03fc529c28da8.txt', mimeType: 'text/plain', buffer: readFileSync(`${CORPUS}/001_e8e03fc529c28da8.txt`) }])
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=report-list] tbody tr').length === 1, null, { timeout: 60_000 })
}

describe('every view', () => {
  it('has no serious or critical axe violation', { timeout: 240_000 }, async () => {
    const { page } = suite.tb
    const url = suite.app.url
    await withReport()
    const found: Record<string, string[]> = {}
    for (const view of ['glossary', 'reports', 'compare', 'align', 'candidates', 'qa', 'data', 'no-such-page']) {
      await page.goto(`${url}#/${view}`)
      await page.waitForTimeout(400)
      found[view] = await violations()
    }
    // An address the workbench does not know says so, with ways back, instead of an empty page.
    expect(await page.getByTestId('not-found').innerText()).toMatch(/Page not found[\s\S]*“\/no-such-page”[\s\S]*Go to the glossary/)
    await page.goto(url + '#/reports')
    await page.getByTestId('report-list').locator('tbody tr a').first().click()
    await page.getByTestId('outline').waitFor()
    found.reader = await violations()
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])))
  })
})

describe('the reader on a phone', () => {
  it('uses the whole width at 390 px without sideways scrolling, and its terms are one Tab stop', { timeout: 60_000 }, async () => {
    const { page } = suite.tb
    await withReport()
    await page.setViewportSize({ width: 390, height: 800 })
    await page.goto(suite.app.url + '#/reports')
    await page.getByTestId('report-list').locator('tbody tr a').first().click()
    await page.locator('mark.term').first().waitFor()
    const sizes = await page.evaluate(() => ({
      scroll: document.scrollingElement!.scrollWidth,
      view: window.innerWidth,
      text: document.querySelector('[data-testid=reader-scroller]')!.getBoundingClientRect().width,
    }))
    if (sizes.scroll > sizes.view) console.log(await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 12).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)))
    expect(sizes.scroll).toBeLessThanOrEqual(sizes.view)
    expect(sizes.text).toBeGreaterThan(300)
    expect(await page.locator('mark.term[tabindex="0"]').count()).toBe(1)
    const first = page.locator('mark.term[tabindex="0"]')
    await first.focus()
    const before = await first.evaluate((el) => el.textContent)
    await page.keyboard.press('ArrowRight')
    expect(await page.evaluate(() => document.activeElement?.matches('mark.term'))).toBe(true)
    expect(await page.locator('mark.term[tabindex="0"]').count()).toBe(1)
    expect(await page.evaluate(() => document.activeElement?.getAttribute('tabindex'))).toBe('0')
    expect(typeof before).toBe('string')
    await page.setViewportSize({ width: 1280, height: 800 })
  })
})

describe('search', () => {
  it('finds in the report with next and previous, and across reports with a concordance', { timeout: 60_000 }, async () => {
    const { page } = suite.tb
    await withReport()
    await page.getByTestId('concordance-input').fill('vernepliktige')
    await page.getByTestId('concordance-run').click()
    const lines = page.getByTestId('concordance-line')
    await lines.first().waitFor()
    expect(await lines.count()).toBeGreaterThan(3)
    expect((await lines.first().locator('mark').innerText()).toLowerCase()).toBe('vernepliktige')
    await lines.nth(2).locator('a').click()
    await page.getByTestId('qa-highlight').first().waitFor()
    await page.getByTestId('reader-search-input').fill('vernepliktige')
    await expect.poll(() => page.getByTestId('reader-search-count').innerText()).toMatch(/^$|0 of \d+|\d+ of \d+/)
    await page.getByTestId('reader-search-next').click()
    await page.getByTestId('reader-search-next').click()
    expect(await page.getByTestId('reader-search-count').innerText()).toMatch(/^2 of \d+$/)
    await expect.poll(() => page.url()).toMatch(/hl=\d+-\d+/)
    const hl = await page.getByTestId('qa-highlight').first().innerText()
    expect(hl.toLowerCase()).toBe('vernepliktige')
    await page.getByTestId('reader-search-prev').click()
    expect(await page.getByTestId('reader-search-count').innerText()).toMatch(/^1 of \d+$/)
  })
})

describe('select text in the reader', () => {
  it('adds the selection as a term of a new concept with its sentence as the source', { timeout: 60_000 }, async () => {
    const { page } = suite.tb
    await withReport()
    await page.getByTestId('report-list').locator('tbody tr a').first().click()
    await page.locator('[data-passage] .text').nth(3).waitFor()
    // Select the first word of a passage as a user would with the mouse, then release the button.
    const word = await page.evaluate(() => {
      const el = document.querySelectorAll('[data-passage] .text')[3]
      const node = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && /\p{L}{5,}/u.test(n.textContent ?? ''))!
      const m = /\p{L}{5,}/u.exec(node.textContent!)!
      const range = document.createRange()
      range.setStart(node, m.index)
      range.setEnd(node, m.index + m[0].length)
      getSelection()!.removeAllRanges()
      getSelection()!.addRange(range)
      document.querySelector('[data-testid=reader-scroller]')!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
      return m[0]
    })
    const form = page.getByTestId('reader-add-term')
    await form.waitFor()
    expect(await page.getByTestId('add-term-text').inputValue()).toBe(word)
    expect(await page.getByTestId('add-term-lang').inputValue()).toBe('nb')
    await page.getByTestId('add-term-save').click()
    await form.waitFor({ state: 'detached' })
    await page.goto(suite.app.url + '#/glossary')
    await page.getByTestId('glossary-search').fill(word)
    await expect.poll(() => page.getByText(word, { exact: true }).count()).toBeGreaterThan(0)
  })
})

describe('the concept editor', () => {
  it('keeps Tab inside the dialog and gives focus back on Esc', { timeout: 60_000 }, async () => {
    const { page } = suite.tb
    await openGlossary(page, suite.app.url)
    const opener = page.getByTestId('new-concept')
    await opener.focus()
    await opener.press('Enter')
    const editor = page.getByTestId('concept-editor')
    await editor.waitFor()
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab')
      expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid=concept-editor]'))).toBe(true)
    }
    await page.keyboard.press('Escape')
    await editor.waitFor({ state: 'detached' })
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('new-concept')
  })
})
