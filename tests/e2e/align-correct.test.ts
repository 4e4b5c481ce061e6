// Correcting an alignment in the browser, as in memoQ LiveAlign: two small reports that translate each other are
// aligned; a bead is merged (mouse) and split (keyboard), a target and a source sentence are moved across a bead
// boundary (keyboard and mouse) and undone, beads are confirmed; the corrections survive a reload; aligning again
// keeps the confirmed beads exactly as they are; the TMX of the confirmed beads and the XLIFF 2.1 file carry them.
import { beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Locator } from 'playwright-core'
import { childElements, parseXml, textContent, type XmlElement } from '../../src/core/xml'
import { openGlossary, useAppSuite } from './harness'

const CORPUS = resolve('../shared/corpus')
const R000 = '000_acf8e1b7719e168f.txt'
const suite = useAppSuite()
beforeAll(() => openGlossary(suite.tb.page, suite.app.url))

const row = (i: number): Locator => suite.tb.page.locator(`[data-testid=bead-row][data-bead="${i}"]`)
const rows = () => suite.tb.page.getByTestId('bead-row')
/** Shape of each bead, in order ("1-1", "1-2", …). */
const shapes = async () => (await rows().evaluateAll((els) => els.map((e) => [Number(e.getAttribute('data-bead')), e.getAttribute('data-type')] as const))).sort((a, b) => a[0] - b[0]).map((x) => x[1])
const text = (i: number, side: 'src' | 'tgt') => row(i).getByTestId(`bead-${side}`).innerText()
/** Focuses a bead by clicking its source text, as a user does, then presses a key there. */
async function press(i: number, key: string): Promise<void> {
  await row(i).getByTestId('bead-src').click()
  await expect.poll(() => row(i).evaluate((e) => e === document.activeElement)).toBe(true)
  await suite.tb.page.keyboard.press(key)
}
const saved = () => expect.poll(() => suite.tb.page.getByTestId('align-save-state').getAttribute('data-state')).toBe('saved')
async function download(testId: string): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([suite.tb.page.waitForEvent('download'), suite.tb.page.getByTestId(testId).click()])
  return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') }
}
const kids = (el: XmlElement, name: string) => childElements(el).filter((e) => e.name === name)

describe('correcting an alignment', () => {
  it('aligns two reports that translate each other', async () => {
    const lines = readFileSync(`${CORPUS}/${R000}`, 'utf8').split('\n')
    const para = (start: string) => lines.find((l) => l.startsWith(start))!
    const { page } = suite.tb
    await page.goto(suite.app.url + '#/reports')
    await page.getByTestId('report-file').setInputFiles([
      { name: 'vastaus-fi.txt', mimeType: 'text/plain', buffer: Buffer.from(`Tietoja vastauksesta\n\n${para('Maahanmuuttoviraston maatietopalvelun kyselyvastaus')}\n`) },
      { name: 'response-en.txt', mimeType: 'text/plain', buffer: Buffer.from(`Information on the response\n\n${para('This response has been compiled')}\n`) },
    ])
    await expect.poll(() => page.locator('[data-testid=report-list] tbody tr').count(), { timeout: 60000 }).toBe(2)
    await page.waitForFunction(() => !document.querySelector('[data-testid=report-progress]'), null, { timeout: 60000 })
    const id = async (f: string) => (await page.locator('[data-doc]', { hasText: f }).getAttribute('data-doc'))!
    const [fi, en] = [await id('vastaus-fi'), await id('response-en')]
    await page.goto(suite.app.url + '#/align')
    await page.getByTestId('align-mode-docs').check()
    await page.getByTestId('align-a').selectOption(fi)
    await page.getByTestId('align-b').selectOption(en)
    await page.getByTestId('align-run').click()
    await expect.poll(() => page.getByTestId('align-stats').innerText(), { timeout: 60000 }).toMatch(/Beads: 8 · aligned pairs: 8/)
    expect(await shapes()).toEqual(['1-1', '1-1', '1-2', '1-1', '1-1', '1-1', '1-1', '1-1'])
    // Every bead shows its confidence as a word and an icon, not by colour alone; the legend counts them.
    const levels = await rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-confidence')))
    expect(levels.every((l) => ['high', 'medium', 'low'].includes(l!))).toBe(true)
    expect(await row(0).getByTestId('bead-confidence').innerText()).toMatch(/^[●◐▲]\s+(High|Medium|Check)$/)
    const counted = await page.getByTestId('legend-count').allInnerTexts()
    expect(counted.reduce((s, n) => s + Number(n), 0)).toBe(8)
    await expect.poll(() => page.getByTestId('align-save-state').getAttribute('data-state')).toBe('saved')
  })

  it('merges with the mouse and splits with the keyboard', async () => {
    await row(3).getByTestId('bead-merge').click()
    expect(await shapes()).toEqual(['1-1', '1-1', '1-2', '2-2', '1-1', '1-1', '1-1'])
    expect(await row(3).getAttribute('data-confidence')).toBe('edited')
    expect(await row(3).getByTestId('bead-confidence').innerText()).toMatch(/✎\s+Edited/)
    await press(3, 's')
    expect(await shapes()).toEqual(['1-1', '1-1', '1-2', '1-1', '1-1', '1-1', '1-1', '1-1'])
    expect(await text(3, 'src')).toMatch(/^Ilmeisiä/)
    expect(await text(3, 'tgt')).toMatch(/^With the exception/)
    expect(await text(4, 'src')).toMatch(/^Vastauksessa/)
    expect(await suite.tb.page.getByTestId('align-announce').innerText()).toBe('Bead 4 split.')
  })

  it('moves a sentence across a boundary on either side, by keyboard and mouse, and undoes', async () => {
    await press(2, 'Alt+Shift+ArrowDown')
    expect(await shapes()).toEqual(['1-1', '1-1', '1-1', '1-2', '1-1', '1-1', '1-1', '1-1'])
    expect(await text(3, 'tgt')).toMatch(/^All sources used are referenced\.\s+With the exception/)
    await suite.tb.page.keyboard.press('Control+z')
    expect(await shapes()).toEqual(['1-1', '1-1', '1-2', '1-1', '1-1', '1-1', '1-1', '1-1'])
    await row(2).getByTestId('bead-tgt-down').click()
    expect(await shapes()).toEqual(['1-1', '1-1', '1-1', '1-2', '1-1', '1-1', '1-1', '1-1'])
    // A source sentence up into the previous bead, then U undoes it.
    await press(3, 'Alt+ArrowUp')
    expect(await shapes()).toEqual(['1-1', '1-1', '2-1', '0-2', '1-1', '1-1', '1-1', '1-1'])
    expect(await text(2, 'src')).toMatch(/^Vastaus perustuu[^]*\s+Ilmeisiä/)
    await suite.tb.page.keyboard.press('u')
    expect(await shapes()).toEqual(['1-1', '1-1', '1-1', '1-2', '1-1', '1-1', '1-1', '1-1'])
    // No move across the start of the list.
    expect(await row(0).getByTestId('bead-src-up').isDisabled()).toBe(true)
  })

  it('confirms beads by key and by button', async () => {
    await press(2, 'c')
    await row(3).getByTestId('bead-confirm').click()
    await press(0, ' ')
    const confirmed = await rows().evaluateAll((els) => els.filter((e) => e.getAttribute('data-confidence') === 'confirmed').map((e) => Number(e.getAttribute('data-bead'))))
    expect(confirmed.sort()).toEqual([0, 2, 3])
    expect(await row(3).getByTestId('bead-confirm').getAttribute('aria-pressed')).toBe('true')
    expect(await suite.tb.page.getByTestId('align-confirmed').innerText()).toBe('3 confirmed beads')
    await saved()
  })

  it('keeps the corrections across a reload', async () => {
    const { page } = suite.tb
    await page.reload()
    await page.getByTestId('align').waitFor()
    await expect.poll(() => rows().count(), { timeout: 30000 }).toBe(8)
    expect(await shapes()).toEqual(['1-1', '1-1', '1-1', '1-2', '1-1', '1-1', '1-1', '1-1'])
    const levels = await rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-confidence')))
    expect([levels[0], levels[2], levels[3], levels[4]]).toEqual(['confirmed', 'confirmed', 'confirmed', 'edited'])
    expect(await text(3, 'tgt')).toMatch(/^All sources used are referenced\./)
  })

  it('aligns again around the confirmed beads, which stay exactly as they were', async () => {
    const { page } = suite.tb
    await page.getByTestId('align-run').click()
    // The split bead was not confirmed: it is the aligner's again.
    await expect.poll(() => row(4).getAttribute('data-confidence'), { timeout: 60000 }).not.toBe('edited')
    await page.waitForFunction(() => !document.querySelector('[data-testid=align-progress]'))
    expect(await shapes()).toEqual(['1-1', '1-1', '1-1', '1-2', '1-1', '1-1', '1-1', '1-1'])
    expect(await text(2, 'tgt')).toMatch(/^The response is based on carefully selected sources of information\.$/)
    expect(await text(3, 'tgt')).toMatch(/^All sources used are referenced\.\s+With the exception/)
    const levels = await rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-confidence')))
    expect(levels.filter((l) => l === 'confirmed')).toHaveLength(3)
    expect([levels[0], levels[2], levels[3]]).toEqual(['confirmed', 'confirmed', 'confirmed'])
    // Undo takes the re-alignment back as a whole.
    expect(await page.getByTestId('align-undo').isDisabled()).toBe(false)
    expect(await page.getByTestId('align-error').count()).toBe(0)
    await saved()
  })

  it('exports the confirmed beads only as TMX, with tuid, creation date and the documents', async () => {
    await suite.tb.page.getByTestId('align-confirmed-only').check()
    const { name, text: tmx } = await download('align-export')
    expect(name).toBe('vastaus-fi.fi-en.tmx')
    const tus = kids(kids(parseXml(tmx).root, 'body')[0], 'tu')
    expect(tus.map((tu) => tu.attrs.tuid)).toEqual(['1', '3', '4'])
    expect(tus.every((tu) => /^\d{8}T\d{6}Z$/.test(tu.attrs.creationdate))).toBe(true)
    const props = kids(tus[0], 'prop').map((p) => [p.attrs.type, textContent(p)])
    expect(props).toEqual([['x-document-src', 'vastaus-fi.txt'], ['x-document-tgt', 'response-en.txt']])
    const seg = (tu: XmlElement, lang: string) => textContent(kids(kids(tu, 'tuv').find((t) => t.attrs['xml:lang'] === lang)!, 'seg')[0])
    expect(seg(tus[2], 'fi')).toMatch(/^Ilmeisiä/)
    expect(seg(tus[2], 'en')).toMatch(/^All sources used are referenced\. With the exception/)
  })

  it('exports every bead as XLIFF 2.1, confirmed ones final', async () => {
    const { name, text: xlf } = await download('align-export-xliff')
    expect(name).toBe('vastaus-fi.fi-en.xlf')
    const root = parseXml(xlf).root
    expect(root.attrs).toMatchObject({ version: '2.1', xmlns: 'urn:oasis:names:tc:xliff:document:2.0', srcLang: 'fi', trgLang: 'en' })
    const units = kids(kids(root, 'file')[0], 'unit')
    expect(units).toHaveLength(8)
    const states = units.map((u) => kids(u, 'segment')[0].attrs.state)
    expect(states).toEqual(['final', 'initial', 'final', 'final', 'initial', 'initial', 'initial', 'initial'])
    const seg = kids(units[2], 'segment')[0]
    expect(textContent(kids(seg, 'source')[0])).toMatch(/^Vastaus perustuu/)
    expect(textContent(kids(seg, 'target')[0])).toBe('The response is based on carefully selected sources of information.')
    expect(suite.tb.external).toEqual([])
  })

  it('fits a 390-pixel-wide screen (the view; the app bar above it is not part of it)', async () => {
    const { page } = suite.tb
    await page.setViewportSize({ width: 390, height: 844 })
    await row(0).waitFor()
    const rightmost = await page.evaluate(() => {
      const view = document.querySelector('[data-testid=align]')!
      return Math.max(...[view, ...Array.from(view.querySelectorAll('*'))].map((e) => e.getBoundingClientRect().right))
    })
    expect(rightmost).toBeLessThanOrEqual(390)
    const box = await row(0).getByTestId('bead-confirm').boundingBox()
    expect(box!.x + box!.width).toBeLessThanOrEqual(390)
    await page.setViewportSize({ width: 1400, height: 900 })
  })
})
