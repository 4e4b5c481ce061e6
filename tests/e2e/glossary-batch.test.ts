// Batch edit in the built app: find and replace over the shown concepts with a preview, applied as one step that
// Ctrl+Z undoes; a status change that would give a language two preferred terms is refused with the reason; the
// dialog passes axe and fits a phone.
import AxeBuilder from '@axe-core/playwright'
import { describe, expect, it } from 'vitest'
import { openGlossary, useAppSuite } from './harness'

const suite = useAppSuite()

async function openBatch(q: string): Promise<void> {
  const { page } = suite.tb
  await page.getByTestId('glossary-search').fill(q)
  await expect.poll(() => page.locator('[data-concept]').first().innerText()).toMatch(new RegExp(q, 'i'))
  await page.getByTestId('open-batch').click()
  await page.getByTestId('batch-dialog').waitFor()
}

describe('batch edit', () => {
  it('previews a find and replace, applies it as one step, and Ctrl+Z undoes it', { timeout: 60_000 }, async () => {
    const { page } = suite.tb
    await openGlossary(page, suite.app.url)
    await openBatch('Vojenkomat')
    const dialog = page.getByTestId('batch-dialog')
    await dialog.getByTestId('batch-kind-replace').check()
    expect(await dialog.getByTestId('batch-summary').innerText()).toMatch(/Type what to find/)
    await dialog.getByTestId('batch-lang').selectOption('nb')
    await dialog.getByTestId('batch-find').fill('vojenkomat')
    await dialog.getByTestId('batch-replace').fill('Voenkomat')
    await dialog.getByTestId('batch-field-definition').uncheck()
    await dialog.getByTestId('batch-field-note').uncheck()
    await expect.poll(() => dialog.getByTestId('batch-summary').innerText()).toMatch(/^1 concept changes · \d+ stays? as (it is|they are) · 1 replacement$/)
    const preview = await dialog.getByTestId('batch-preview').innerText()
    expect(preview).toMatch(/military commissariat[\s\S]*Spelling \(nb, Voenkomat\):\s*Vojenkomat\s*→\s*Voenkomat/)
    expect(await new AxeBuilder({ page }).include('[data-testid=batch-dialog]').analyze().then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id))).toEqual([])
    await dialog.getByTestId('batch-apply').click()
    await dialog.waitFor({ state: 'detached' })
    expect(await page.getByTestId('toast').allInnerTexts()).toContainEqual(expect.stringMatching(/^Batch edit: 1 concept changed\.\s*Undo/))
    // Applied: the same replacement now finds nothing to change.
    await openBatch('Voenkomat')
    await dialog.getByTestId('batch-kind-replace').check()
    await dialog.getByTestId('batch-lang').selectOption('nb')
    await dialog.getByTestId('batch-find').fill('vojenkomat')
    // A term's note still names "Vojenkomat": the replacement above was made in terms only.
    await expect.poll(() => dialog.getByTestId('batch-summary').innerText()).toMatch(/^1 concept changes/)
    await dialog.getByTestId('batch-field-note').uncheck()
    await expect.poll(() => dialog.getByTestId('batch-summary').innerText()).toMatch(/^0 concepts change/)
    expect(await dialog.getByTestId('batch-apply').isDisabled()).toBe(true)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Control+z')
    await expect.poll(() => page.getByTestId('toast').allInnerTexts()).toContainEqual(expect.stringMatching(/^Undone: batch edit\./))
    await openBatch('Voenkomat')
    await dialog.getByTestId('batch-kind-replace').check()
    await dialog.getByTestId('batch-lang').selectOption('nb')
    await dialog.getByTestId('batch-find').fill('vojenkomat')
    await dialog.getByTestId('batch-replace').fill('Voenkomat')
    await dialog.getByTestId('batch-field-note').uncheck()
    await expect.poll(() => dialog.getByTestId('batch-summary').innerText()).toMatch(/^1 concept changes/)
    await page.keyboard.press('Escape')
  })

  it('refuses concepts a status change would give two preferred terms, with the reason, and fits a phone', { timeout: 60_000 }, async () => {
    const { page } = suite.tb
    await openGlossary(page, suite.app.url)
    await page.setViewportSize({ width: 390, height: 800 })
    await openBatch('komat')
    const dialog = page.getByTestId('batch-dialog')
    await dialog.getByTestId('batch-kind-status').check()
    await dialog.getByTestId('batch-lang').selectOption('en')
    await dialog.getByTestId('batch-from').selectOption('admitted')
    await dialog.getByTestId('batch-to').selectOption('preferred')
    await expect.poll(() => dialog.getByTestId('batch-summary').innerText()).toMatch(/\d+ refused/)
    expect(await dialog.getByTestId('batch-refused').innerText()).toMatch(/military commissariat: .*two preferred terms in en/i)
    const widths = await page.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, view: window.innerWidth }))
    expect(widths.scroll).toBeLessThanOrEqual(widths.view)
    await dialog.getByTestId('batch-kind-delete').check()
    expect(await dialog.getByTestId('batch-apply').innerText()).toMatch(/^Delete \d+ concepts?$/)
    await dialog.getByTestId('batch-cancel').click()
    await dialog.waitFor({ state: 'detached' })
    await page.setViewportSize({ width: 1280, height: 800 })
  })
})
