// Whole-database backup and restore in the browser, the trash, and the storage meter.
import { describe, expect, it } from 'vitest'
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { openGlossary, useAppSuite } from './harness'

const suite = useAppSuite()

const count = async () => Number(/of (\d+)/.exec(await suite.tb.page.getByTestId('result-count').innerText())?.[1] ?? -1)

describe('backup, restore and trash', () => {
  it('backs up, loses a concept, restores it from the file after a preview, and brings the previous state back', async () => {
    const { page } = suite.tb
    await openGlossary(page, suite.app.url)
    await page.waitForFunction(() => /of \d{2,} concepts/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''))
    const before = await count()
    await page.goto(suite.app.url + '#/data')
    await page.getByTestId('storage-meter').waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup').click()])
    const backup = JSON.parse(readFileSync((await download.path())!, 'utf8'))
    expect(backup.format).toBe('coi-termbench-backup')
    expect(backup.tables.concepts.length).toBe(before)

    await openGlossary(page, suite.app.url)
    await page.getByTestId('glossary-grid').focus()
    await page.keyboard.press('Delete')
    await expect.poll(count).toBe(before - 1)

    // The deleted concept is listed in the trash on the data page.
    await page.goto(suite.app.url + '#/data')
    await expect.poll(() => page.locator('.trash li').count()).toBe(1)

    const file = join(mkdtempSync(join(tmpdir(), 'bk-')), 'backup.json')
    writeFileSync(file, JSON.stringify(backup))
    await page.getByTestId('restore-file').setInputFiles(file)
    const preview = page.getByTestId('restore-preview')
    await preview.waitFor()
    expect(await page.getByTestId('restore-row-concepts').innerText()).toMatch(new RegExp(`${before}\\s+${before - 1}`))
    expect(await page.getByTestId('restore-row-reports').innerText()).toMatch(/0\s+0/)
    await page.getByTestId('restore-replace').click()
    await page.getByText('Backup restored.').waitFor()
    await openGlossary(page, suite.app.url)
    await expect.poll(count).toBe(before)

    // The state before the restore was saved automatically; one click brings it back.
    await page.goto(suite.app.url + '#/data')
    await page.getByTestId('snapshot-restore').first().click()
    await page.getByText('The earlier state is back.').waitFor()
    await openGlossary(page, suite.app.url)
    await expect.poll(count).toBe(before - 1)
  })

  it('refuses a file that is not a backup and changes nothing', async () => {
    const { page } = suite.tb
    await openGlossary(page, suite.app.url)
    const before = await count()
    await page.goto(suite.app.url + '#/data')
    const file = join(mkdtempSync(join(tmpdir(), 'bk-')), 'notes.json')
    writeFileSync(file, JSON.stringify({ hello: 'world' }))
    await page.getByTestId('restore-file').setInputFiles(file)
    await page.getByText(/notes\.json: not a backup/).waitFor()
    await openGlossary(page, suite.app.url)
    expect(await count()).toBe(before)
  })

  it('refuses a hostile backup (tables {}, a bogus status) with table, row and field, before any preview or write', async () => {
    const { page } = suite.tb
    await openGlossary(page, suite.app.url)
    await page.waitForFunction(() => /of \d{2,} concepts/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''))
    const before = await count()
    await page.goto(suite.app.url + '#/data')
    await page.getByTestId('storage-meter').waitFor()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup').click()])
    const backup = JSON.parse(readFileSync((await download.path())!, 'utf8'))
    const dir = mkdtempSync(join(tmpdir(), 'bk-'))
    writeFileSync(join(dir, 'empty.json'), JSON.stringify({ ...backup, tables: {} }))
    backup.tables.terms[2].status = 'bogus'
    writeFileSync(join(dir, 'bogus.json'), JSON.stringify(backup))
    await page.getByTestId('restore-file').setInputFiles(join(dir, 'empty.json'))
    await page.getByText(/empty\.json: backup lacks the table "concepts"/).waitFor()
    await page.getByTestId('restore-file').setInputFiles(join(dir, 'bogus.json'))
    await page.getByText(/bogus\.json: table "terms", row 3, field "status": "bogus" is not one of preferred/).waitFor()
    expect(await page.getByTestId('restore-preview').count()).toBe(0)
    await openGlossary(page, suite.app.url)
    expect(await count()).toBe(before)
  })
})
