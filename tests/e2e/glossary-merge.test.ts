// Imports that merge, in the built app: a CSV of three concepts the starter glossary already has is
// reported as unchanged or changed with its differences, merged on request, and leaves no duplicate;
// a file with a bad row can be imported without it; a merge that breaks a rule is told in the interface language.
import { describe, expect, it } from 'vitest'
import { openGlossary, useAppSuite } from './harness'

const suite = useAppSuite()

async function totalConcepts(): Promise<number> {
  const text = await suite.tb.page.getByTestId('result-count').innerText()
  return Number(/of (\d+)/.exec(text)?.[1] ?? -1)
}

async function importCsv(name: string, csv: string): Promise<void> {
  const { page } = suite.tb
  await page.getByTestId('open-import').click()
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) })
}

describe('imports that merge', () => {
  it('reports three existing concepts as unchanged or changed, merges them, and makes no duplicate', async () => {
    const { page } = suite.tb
    await openGlossary(page, suite.app.url)
    await page.waitForFunction(() => /of \d{2,} concepts/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''))
    const before = await totalConcepts()
    await importCsv('three.csv', [
      'en,fi,en_definition',
      'conscript,varusmies,',
      'military ID | military card,sotilaspassi,',
      'exit ban,maastapoistumiskielto,A ban on leaving Russia once summoned (merge test).',
    ].join('\r\n'))
    await page.getByTestId('import-summary').waitFor()
    expect(await page.getByTestId('import-summary').innerText()).toMatch(/3 concepts in the file: 0 new, 2 unchanged, 1 changed, 0 conflicting/)
    const statuses = await page.getByTestId('merge-item').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.status))
    expect(statuses).toEqual(['unchanged', 'unchanged', 'changed'])
    const changed = page.locator('[data-testid=merge-item][data-status=changed]')
    expect(await changed.getByTestId('merge-changes').innerText()).toMatch(/Definition \(en\).*merge test/s)
    expect(await changed.innerText()).toContain('exit ban')
    await page.getByTestId('merge-all').selectOption('merge')
    expect(await page.getByTestId('import-outcome').innerText()).toMatch(/1 concept will be written: 0 added, 3 merged/)
    await page.getByTestId('import-commit').click()
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' })
    expect(await totalConcepts()).toBe(before)
    await page.getByTestId('glossary-search').fill('exit ban')
    await expect.poll(() => page.locator('[data-concept]').count()).toBe(1)
    await page.locator('[data-concept]').first().dblclick()
    const editor = page.getByTestId('concept-editor')
    await expect.poll(() => editor.getByTestId('definition').inputValue()).toContain('merge test')
    await page.keyboard.press('Escape')
  })

  it('imports the valid rows and skips the bad one, listing it', async () => {
    const { page } = suite.tb
    await page.getByTestId('glossary-search').fill('')
    const before = await totalConcepts()
    await importCsv('partial.csv', 'en,en_status\r\nzzz partial one,preferred\r\nzzz partial two,bogus\r\n')
    await page.getByTestId('import-errors').waitFor()
    expect(await page.getByTestId('import-commit').isDisabled()).toBe(true)
    await page.getByTestId('import-skip-bad').check()
    expect(await page.getByTestId('import-skipped').innerText()).toMatch(/Line 3.*bogus/s)
    expect(await page.getByTestId('import-summary').innerText()).toMatch(/1 concept in the file: 1 new/)
    await page.getByTestId('import-commit').click()
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' })
    await expect.poll(() => totalConcepts()).toBe(before + 1)
  })

  it('names the terms of a merge that would make two preferred terms, in the interface language', async () => {
    const { page } = suite.tb
    await page.getByTestId('ui-lang').selectOption('fi')
    try {
      await importCsv('two-preferred.csv', 'en,fi,fi_status\r\nconscript,asevelvollinen,preferred\r\n')
      await page.getByTestId('merge-item').first().waitFor()
      await page.getByTestId('merge-all').selectOption('merge')
      const problems = page.getByTestId('merge-problems')
      await problems.waitFor()
      expect(await page.getByTestId('merge-item').first().innerText()).toMatch(/Kaksi suositettavaa termiä kielellä fi: ”(varusmies|asevelvollinen)” ja ”(varusmies|asevelvollinen)”/)
      expect(await page.getByTestId('import-commit').isDisabled()).toBe(true)
      await page.getByTestId('import-cancel').click()
      await page.getByTestId('import-dialog').waitFor({ state: 'detached' })
    } finally {
      await page.getByTestId('ui-lang').selectOption('en')
    }
  })
})
