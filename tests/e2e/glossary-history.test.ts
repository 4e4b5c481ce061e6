// History, undo, duplicates and merging concepts in the built app: edit a definition, undo it with
// Ctrl+Z, restore an older version from the history; a term another concept has is shown before
// saving; two preferred terms is a visible problem; merging two concepts is undone by Ctrl+Z.
import { describe, expect, it } from 'vitest'
import { openGlossary, useAppSuite } from './harness'

const suite = useAppSuite()
const EDITED = 'Edited definition (history test).'

async function openConcept(q: string): Promise<void> {
  const { page } = suite.tb
  await page.getByTestId('glossary-search').fill(q)
  await expect.poll(() => page.locator('[data-concept]').first().innerText()).toContain(q)
  await page.locator('[data-concept]').first().dblclick()
  await page.getByTestId('concept-editor').waitFor()
}

async function totalConcepts(): Promise<number> {
  return Number(/of (\d+)/.exec(await suite.tb.page.getByTestId('result-count').innerText())?.[1] ?? -1)
}

describe('history of every change', () => {
  it('edits a definition, undoes it with Ctrl+Z, and restores the edited version from the history', async () => {
    const { page } = suite.tb
    await openGlossary(page, suite.app.url)
    await openConcept('exit ban')
    const editor = page.getByTestId('concept-editor')
    const original = await editor.getByTestId('definition').inputValue()
    expect(original).toMatch(/Ban on leaving Russia/)
    await editor.getByTestId('definition').fill(EDITED)
    await editor.getByTestId('save-concept').click()
    await editor.waitFor({ state: 'detached' })
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Control+z')
    await openConcept('exit ban')
    await expect.poll(() => editor.getByTestId('definition').inputValue()).toBe(original)
    await editor.getByTestId('open-history').click()
    await editor.getByTestId('history-user').fill('Aino')
    await editor.getByTestId('history-user').press('Tab')
    const rows = editor.getByTestId('history-row')
    await expect.poll(() => rows.count()).toBe(2)
    expect(await rows.nth(0).innerText()).toMatch(/undo/)
    expect(await rows.nth(1).innerText()).toMatch(/edited.*undone/s)
    expect(await rows.nth(1).innerText()).toContain(EDITED)
    await rows.nth(1).getByTestId('history-restore').click()
    await expect.poll(() => editor.getByTestId('definition').inputValue()).toBe(EDITED)
    await page.keyboard.press('Escape')
    await openConcept('exit ban')
    expect(await editor.getByTestId('definition').inputValue()).toBe(EDITED)
    await editor.getByTestId('open-history').click()
    await expect.poll(() => rows.nth(0).innerText()).toMatch(/restored.*Aino/s)
    await page.keyboard.press('Escape')
  })

  it('shows another concept that has the term before saving, and two preferred terms as a problem', async () => {
    const { page } = suite.tb
    await page.getByTestId('glossary-search').fill('')
    await page.getByTestId('new-concept').click()
    const editor = page.getByTestId('concept-editor')
    await editor.locator('input.term-text').first().fill('Conscript')
    const notice = editor.getByTestId('term-elsewhere')
    await notice.waitFor()
    expect(await notice.innerText()).toMatch(/Also a term of conscript/)
    expect(await notice.locator('a').getAttribute('href')).toBe('#/glossary?concept=c-conscript')
    await editor.locator('select.status').first().selectOption('preferred')
    await editor.getByTestId('add-term').click()
    await editor.locator('input.term-text').nth(1).fill('zzz second preferred')
    await editor.locator('select.status').nth(1).selectOption('preferred')
    await expect.poll(() => editor.innerText()).toMatch(/Two preferred terms in one language/)
    expect(await editor.locator('select.status').first().inputValue()).toBe('preferred')
    await page.keyboard.press('Escape')
  })

  it('merges one concept into another and Ctrl+Z brings both back', async () => {
    const { page } = suite.tb
    await page.getByTestId('glossary-search').fill('')
    const before = await totalConcepts()
    await openConcept('military ID')
    const editor = page.getByTestId('concept-editor')
    await editor.getByTestId('open-merge-tool').click()
    await editor.getByTestId('merge-tool-search').fill('travel ban')
    await editor.getByTestId('merge-tool-hit').first().click()
    await editor.getByTestId('merge-tool-confirm').click()
    await editor.waitFor({ state: 'detached' })
    await page.getByTestId('glossary-search').fill('')
    await expect.poll(() => totalConcepts()).toBe(before - 1)
    await page.getByTestId('glossary-search').fill('maastapoistumiskielto')
    await expect.poll(() => page.locator('[data-concept]').first().innerText()).toContain('military ID')
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Control+z')
    await page.getByTestId('glossary-search').fill('')
    await expect.poll(() => totalConcepts()).toBe(before)
  })
})
