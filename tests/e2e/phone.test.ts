// Every view at 390 px wide, with two reports imported (their long titles fill the pickers): the page never
// scrolls sideways (wide content such as tables and the glossary grid scrolls inside its own box).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openGlossary, useAppSuite } from './harness'

const CORPUS = resolve('../shared/corpus')
const FILES = ['001_e8e03fc529c28da8.txt', '004_2311294a2fc5f756.txt']
const suite = useAppSuite()

describe('every view on a phone', () => {
  it('fits 390 px without sideways scrolling', { timeout: 180_000 }, async () => {
    const { page } = suite.tb
    await openGlossary(page, suite.app.url)
    await page.goto(suite.app.url + '#/reports')
    await page.getByTestId('report-file').setInputFiles(FILES.map((f) => ({ name: f, mimeType: 'text/plain', buffer: readFileSync(`${CORPUS}/${f}`) })))
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=report-list] tbody tr').length === 2, null, { timeout: 90_000 })
    await page.setViewportSize({ width: 390, height: 844 })
    const wide: Record<string, number> = {}
    const cutOff: Record<string, string[]> = {}
    // English, then Finnish: its long words are where labels and selects overflow.
    for (const lang of ['en', 'fi']) {
      await page.getByTestId('ui-lang').selectOption(lang)
      for (const view of ['glossary', 'reports', 'compare', 'align', 'candidates', 'review', 'qa', 'data', 'no-such-page']) {
        await page.goto(`${suite.app.url}#/${view}`)
        await page.locator('main h1, main [data-testid]').first().waitFor()
        await page.waitForTimeout(300)
        const sw = await page.evaluate(() => document.documentElement.scrollWidth)
        if (sw > 390) wide[`${lang} ${view}`] = sw
        // No control is cut off at the right edge (controls inside a box that scrolls sideways are reachable).
        const cut = await page.evaluate(() => {
          const scrolls = (e: Element | null): boolean => !!e && e !== document.body && (/(auto|scroll)/.test(getComputedStyle(e).overflowX) || scrolls(e.parentElement))
          return [...document.querySelectorAll('main select, main input:not([type=file]), main button')]
            .filter((e) => e.getClientRects().length && e.getBoundingClientRect().right > 391 && !scrolls(e.parentElement))
            .map((e) => e.outerHTML.slice(0, 80))
        })
        if (cut.length) cutOff[`${lang} ${view}`] = cut
      }
    }
    await page.getByTestId('ui-lang').selectOption('en')
    expect(wide).toEqual({})
    expect(cutOff).toEqual({})
  })

  it('shows each report as a card whose fields and buttons are all in view, without scrolling a table', async () => {
    const { page } = suite.tb
    await page.goto(`${suite.app.url}#/reports`)
    const row = page.locator('[data-testid=report-list] tbody tr').first()
    await row.waitFor()
    const right = await row.locator('td, td button').evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().right)))
    expect(right).toBeLessThanOrEqual(390)
    const labels = await row.locator('td').evaluateAll((els) => els.map((e) => getComputedStyle(e, '::before').content))
    expect(labels).toContain('"Publisher"')
    expect(await page.getByRole('columnheader').count()).toBeGreaterThanOrEqual(5)
  })

  it('opens term candidates in a language an imported report is written in (Norwegian or English here, not Danish)', async () => {
    const { page } = suite.tb
    await page.goto(`${suite.app.url}#/candidates`)
    await expect.poll(() => page.getByTestId('cand-lang').inputValue()).toMatch(/^(nb|en)$/)
    expect(await page.getByTestId('cand-no-lang-report').count()).toBe(0)
  })

  it('sends a review queue with no team server to the Data page, where one is connected', async () => {
    const { page } = suite.tb
    await page.goto(`${suite.app.url}#/review`)
    await page.getByTestId('review-not-connected').getByRole('link').click()
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/data')
  })

  it('edits a concept on a phone with every field of every term in view (the rows wrap, nothing runs off the right)', async () => {
    const { page } = suite.tb
    await openGlossary(page, suite.app.url)
    await page.locator('[data-concept]').first().dblclick()
    const editor = page.getByTestId('concept-editor')
    await editor.waitFor()
    const right = await editor.locator('input, select, button').evaluateAll((els) =>
      Math.max(...els.filter((e) => e.getClientRects().length).map((e) => e.getBoundingClientRect().right)),
    )
    expect(right).toBeLessThanOrEqual(390)
    await page.keyboard.press('Escape')
  })

  it('shows "in other reports" under the text in the reader, overlapping neither the search nor the text', async () => {
    const { page } = suite.tb
    await page.goto(`${suite.app.url}#/reports`)
    await page.locator('[data-testid=report-list] tbody tr', { hasText: '001_' }).locator('a').click()
    await page.getByTestId('find-button').first().click()
    const panel = page.getByTestId('find-panel')
    await panel.getByTestId('find-hit').first().waitFor({ timeout: 30_000 })
    const box = async (id: string) => (await page.getByTestId(id).boundingBox())!
    const [p, search, text] = [await box('find-panel'), await box('reader-search'), await box('reader-scroller')]
    expect(p.y).toBeGreaterThanOrEqual(search.y + search.height)
    expect(p.y).toBeGreaterThanOrEqual(text.y + text.height - 1)
    // The text keeps a readable share of the screen (it collapsed to nothing, its buttons spilling over the panel).
    expect(text.height).toBeGreaterThan(100)
    expect(p.x + p.width).toBeLessThanOrEqual(390)
  })

  it('keeps a term\'s card on screen in the reader, whether the term is near the top or the bottom', async () => {
    const { page } = suite.tb
    await page.goto(`${suite.app.url}#/reports`)
    await page.locator('[data-testid=report-list] tbody tr', { hasText: '001_' }).locator('a').click()
    const marks = page.locator('mark.term')
    await marks.first().waitFor()
    const inView = await marks.evaluateAll((els) => els.map((e, i) => [i, e.getBoundingClientRect().bottom] as const).filter(([, b]) => b > 0 && b < innerHeight - 10))
    for (const [i] of [inView[0], inView[inView.length - 1]]) {
      await marks.nth(i).hover()
      const card = (await page.getByTestId('term-card').boundingBox())!
      expect(card.x).toBeGreaterThanOrEqual(0)
      expect(card.x + card.width).toBeLessThanOrEqual(390)
      expect(card.y).toBeGreaterThanOrEqual(0)
      expect(card.y + card.height).toBeLessThanOrEqual(844)
      await page.mouse.move(1, 1)
    }
  })
})
