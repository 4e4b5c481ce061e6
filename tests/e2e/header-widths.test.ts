// The header between phone and wide screen, in Norwegian (the longest labels, about 1260 px on one line): it wraps
// onto a second line instead of widening the page.
import { describe, expect, it } from 'vitest'
import { openGlossary, useAppSuite } from './harness'

const suite = useAppSuite({ locale: 'nb-NO' })

describe('the header on tablets and small laptops', () => {
  it('never makes the page scroll sideways from 800 to 1280 px', async () => {
    const { page } = suite.tb
    await openGlossary(page, suite.app.url)
    expect(await page.locator('header.top nav').innerText()).toContain('Data og sikkerhetskopi')
    const wide: Record<number, number> = {}
    for (const width of [800, 1000, 1200, 1280]) {
      await page.setViewportSize({ width, height: 700 })
      const sw = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.querySelector('header.top')!.scrollWidth))
      if (sw > width) wide[width] = sw
    }
    expect(wide).toEqual({})
  })
})
