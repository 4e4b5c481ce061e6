// Import problems in the interface language, in the built app: a glossary file's issues (from the glossary-file worker)
// and a report's read errors (from the segment worker) are shown in Finnish with their line and file, and in English
// again when the language is switched back.
import { describe, expect, it } from 'vitest'
import { openGlossary, useAppSuite } from './harness'

const suite = useAppSuite()

describe('import problems in the interface language', () => {
  it('names a glossary file’s unterminated quote and bad status in Finnish, with their lines', async () => {
    const { page } = suite.tb
    await openGlossary(page, suite.app.url)
    await page.getByTestId('ui-lang').selectOption('fi')
    try {
      await page.getByTestId('open-import').click()
      const csv = 'en,en_status\r\nzzz one,preferred\r\nzzz two,bogus\r\nzzz three,"admitted\r\n'
      await page.getByTestId('import-file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
      const errors = page.getByTestId('import-errors')
      await errors.waitFor()
      const text = await errors.innerText()
      expect(text).toContain('Rivi 4:2 — Päättymätön lainausmerkki: rivillä 4 alkava lainausmerkeissä oleva kenttä 2 ei pääty koskaan.')
      expect(text).not.toMatch(/unterminated quote|\{\{|importIssue/)
      await page.getByTestId('import-cancel').click()
      await page.getByTestId('import-dialog').waitFor({ state: 'detached' })

      await page.getByTestId('open-import').click()
      await page.getByTestId('import-file').setInputFiles({ name: 'status.csv', mimeType: 'text/csv', buffer: Buffer.from('en,en_status\r\nzzz one,preferred\r\nzzz two,bogus\r\n') })
      await errors.waitFor()
      expect(await errors.innerText()).toContain('Rivi 3:2 — Virheellinen tila ”bogus” termille ”zzz two” (odotettiin preferred, admitted, deprecated tai forbidden).')
      await page.getByTestId('import-cancel').click()
      await page.getByTestId('import-dialog').waitFor({ state: 'detached' })
    } finally {
      await page.getByTestId('ui-lang').selectOption('en')
    }
  })

  it('names a report that is not a PDF and a text file with a NUL byte in Finnish, then in English', async () => {
    const { page } = suite.tb
    await page.goto(suite.app.url + '#/reports')
    await page.getByTestId('ui-lang').selectOption('fi')
    try {
      await page.getByTestId('report-file').setInputFiles([
        { name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('hello, not a PDF') },
        { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('first line\nsecond\u0000line\n') },
      ])
      const errors = page.getByTestId('report-errors')
      await expect.poll(() => errors.locator('li').count(), { timeout: 30000 }).toBe(2)
      expect(await errors.innerText()).toBe([
        'fake.pdf: Tiedosto ei ole PDF-tiedosto (sen alusta puuttuu tunniste %PDF-).',
        'notes.txt: Binääridataa, ei tekstiä (NUL-merkki rivillä 2).',
      ].join('\n'))
    } finally {
      await page.getByTestId('ui-lang').selectOption('en')
    }
    await expect.poll(() => page.getByTestId('report-errors').innerText()).toBe([
      'fake.pdf: not a PDF file (no %PDF- header)',
      'notes.txt: binary data, not text (a NUL character at line 2)',
    ].join('\n'))
  })
})
