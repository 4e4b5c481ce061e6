// The grid for big termbases, in the built app: sort by a language column, filters kept in the URL
// (and back after a reload), the definition column, wrapped cells with their full text as a tooltip,
// resizable columns, the keyboard still moving through the (virtualised) rows, and their ARIA grid roles.
import { describe, expect, it } from 'vitest'
import { openGlossary, useAppSuite } from './harness'

const suite = useAppSuite()
const count = async () => Number(/(\d+) of/.exec(await suite.tb.page.getByTestId('result-count').innerText())?.[1] ?? -1)
const cells = (lang: string) =>
  suite.tb.page.locator('[data-concept]').evaluateAll((rows, l) => {
    const cols = [...document.querySelectorAll('[role=columnheader] .code')].map((c) => c.textContent)
    // The first (preferred) term of each row's cell in that language, '' when it has none.
    return rows.map((r) => r.querySelectorAll('[role=gridcell]')[cols.indexOf(l)]?.querySelector('.chip .text')?.textContent ?? '')
  }, lang)

describe('glossary grid', () => {
  it('sorts by a language column and keeps the sort in the URL', async () => {
    const { page } = suite.tb
    await openGlossary(page, suite.app.url)
    await page.getByTestId('sort-fi').click()
    await expect.poll(() => page.url()).toMatch(/sort=fi/)
    const fi = (await cells('fi')).slice(0, 6)
    expect(fi.every((t) => t), JSON.stringify(fi)).toBe(true)
    expect(fi).toEqual([...fi].sort((a, b) => a.localeCompare(b, 'fi', { sensitivity: 'base', numeric: true })))
    expect(await page.locator('[role=columnheader][aria-sort=ascending]').innerText()).toMatch(/fi/)
    await page.getByTestId('sort-fi').click()
    await expect.poll(() => page.url()).toMatch(/sort=-fi/)
  })

  it('filters by missing language and deprecated terms; the filters survive a reload', async () => {
    const { page } = suite.tb
    const all = await count()
    await page.getByTestId('filter-missing').selectOption('sv')
    await expect.poll(() => page.url()).toMatch(/missing=sv/)
    const missing = await count()
    expect(missing).toBeLessThan(all)
    for (const sv of await cells('sv')) expect(sv.trim()).toBe('')
    await page.getByTestId('filter-missing').selectOption('')
    await page.getByTestId('filter-deprecated').check()
    await expect.poll(() => page.url()).toMatch(/deprecated=1/)
    const deprecated = await count()
    expect(deprecated).toBeGreaterThan(0)
    expect(deprecated).toBeLessThan(all)
    const rowsWithout = await page.locator('[data-concept]').evaluateAll((rows) => rows.filter((r) => !r.querySelector('.chip.deprecated, .chip.forbidden')).length)
    expect(rowsWithout).toBe(0)
    await page.reload()
    await page.getByTestId('glossary-grid').waitFor()
    await expect.poll(count).toBe(deprecated)
    expect(await page.getByTestId('filter-deprecated').isChecked()).toBe(true)
    await page.getByTestId('filter-clear').click()
    await expect.poll(count).toBe(all)
    // "Draft board" renders both the voenkomat (deprecated) and the conscription commission: duplicates to look at.
    await page.getByTestId('filter-shared').check()
    await expect.poll(() => page.url()).toMatch(/shared=1/)
    await expect.poll(count).toBeLessThan(all)
    const shared = await page.locator('[data-concept]').allInnerTexts()
    expect(shared.filter((r) => /draft board/i.test(r)).length).toBeGreaterThanOrEqual(2)
    await page.getByTestId('filter-clear').click()
    await expect.poll(count).toBe(all)
  })

  it('draws each language\'s coverage, and shows the concepts a language lacks from its bar', async () => {
    const { page } = suite.tb
    const all = await count()
    await page.getByTestId('coverage').locator('summary').click()
    const sv = page.locator('[data-testid=coverage] li[data-lang=sv]')
    const covered = Number(/^(\d+) of (\d+)/.exec(await sv.getByTestId('coverage-count').innerText())?.[1])
    expect(await sv.getByTestId('coverage-count').innerText()).toBe(`${covered} of ${all} concepts`)
    expect(await sv.getByRole('img').getAttribute('aria-label')).toMatch(/^Swedish: \d+ with a preferred term, \d+ with admitted terms only, \d+ with only deprecated or forbidden terms, \d+ with none$/)
    const en = Number(/^(\d+)/.exec(await page.locator('[data-testid=coverage] li[data-lang=en]').getByTestId('coverage-count').innerText())?.[1])
    expect(en).toBeGreaterThan(covered)
    await page.getByTestId('coverage-missing-sv').click()
    await expect.poll(() => page.url()).toMatch(/missing=sv/)
    await expect.poll(count).toBe(all - covered)
    await page.getByTestId('filter-clear').click()
    await page.getByTestId('coverage').locator('summary').click()
  })

  it('shows a definition column, full cell text as a tooltip, and resizes a column from the keyboard', async () => {
    const { page } = suite.tb
    await page.getByTestId('show-definition').check()
    await expect.poll(() => page.getByTestId('definition-cell').first().innerText()).toMatch(/\w{4,}/)
    await page.getByTestId('glossary-search').fill('exit ban')
    await expect.poll(() => page.locator('[data-concept]').count()).toBe(1)
    const title = await page.locator('[data-concept] [role=gridcell]').first().getAttribute('title')
    expect(title).toMatch(/exit ban \(preferred\).*travel ban \(admitted\).*ban on leaving the country \(admitted\)/)
    const header = page.locator('[role=columnheader]').first()
    const before = (await header.boundingBox())!.width
    await page.getByTestId('resize-en').focus()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await expect.poll(async () => Math.round((await header.boundingBox())!.width - before)).toBeGreaterThanOrEqual(38)
    const row = (await page.locator('[data-concept] [role=gridcell]').first().boundingBox())!.width
    expect(Math.abs(row - (await header.boundingBox())!.width)).toBeLessThan(2)
  })

  it('is still keyboard-first: arrows move through the rows and Enter edits', async () => {
    const { page } = suite.tb
    await page.getByTestId('glossary-search').fill('')
    await page.getByTestId('glossary-search').press('ArrowDown')
    await page.keyboard.press('End')
    await expect.poll(() => page.locator('.gt-row.active').count()).toBe(1)
    // One grid, focused as a whole: it counts every row (the header is row 1) though only some are
    // rendered, and its active descendant is the rendered last row, which knows its index.
    const grid = page.getByTestId('glossary-grid')
    const total = await count()
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('grid')
    expect(await grid.getAttribute('aria-rowcount')).toBe(String(total + 1))
    const activeId = await grid.getAttribute('aria-activedescendant')
    expect(await page.locator(`#${activeId}`).getAttribute('aria-rowindex')).toBe(String(total + 1))
    // The grid scrolls and is what takes focus; its header row stays at the top (sticky) above the row group.
    expect(await grid.getAttribute('role')).toBe('grid')
    expect(await grid.locator(':scope > [role=row][aria-rowindex="1"] > [role=columnheader]').count()).toBeGreaterThan(3)
    expect(await grid.locator(':scope > [role=rowgroup] > [role=row]').count()).toBeGreaterThan(0)
    await page.keyboard.press('Home')
    await page.keyboard.press('ArrowDown')
    const id = await page.locator('.gt-row.active').getAttribute('data-concept')
    await page.keyboard.press('Enter')
    await page.getByTestId('concept-editor').waitFor()
    expect(await page.getByTestId('concept-editor').innerText()).toContain(id!)
    await page.keyboard.press('Escape')
  })

  it('opens the import dialog from the keyboard with focus inside it, keeps Tab in it, and Escape gives focus back', async () => {
    const { page } = suite.tb
    await page.getByTestId('open-import').focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByTestId('import-dialog')
    await dialog.waitFor()
    const inDialog = () => page.evaluate(() => !!document.activeElement?.closest('[data-testid=import-dialog]'))
    await expect.poll(inDialog).toBe(true)
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab')
      expect(await inDialog()).toBe(true)
    }
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('open-import')
  })

  it('puts every cell under its header on a wide screen, whatever the rows hold', async () => {
    const { page } = suite.tb
    await openGlossary(page, suite.app.url)
    await expect.poll(() => page.locator('[data-concept]').count()).toBeGreaterThan(5)
    // Left edge and width of each header cell, and of each cell of every rendered row.
    const { head, rows } = await page.evaluate(() => {
      const box = (e: Element) => { const r = e.getBoundingClientRect(); return [Math.round(r.left), Math.round(r.width)] }
      return {
        head: [...document.querySelectorAll('[role=columnheader]')].map(box),
        rows: [...document.querySelectorAll('[data-concept]')].map((r) => [...r.querySelectorAll('[role=gridcell]')].map(box)),
      }
    })
    expect(head.length).toBeGreaterThan(3)
    for (const row of rows) expect(row).toEqual(head)
  })
})
