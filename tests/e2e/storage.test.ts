// The storage figures agree: the header's meter and the Data page's storage card show the same use and quota
// (navigator.storage.estimate) and the same persistence, and the card's request for persistence updates both.
import { describe, expect, it } from 'vitest'
import { openGlossary, useAppSuite } from './harness'

const suite = useAppSuite()

describe('storage meter and Data page', () => {
  it('show the same figures, before and after asking for persistent storage', async () => {
    const { page } = suite.tb
    await openGlossary(page, suite.app.url) // writes the starter glossary, so that something is stored
    await page.goto(suite.app.url + '#/data')
    const card = page.getByTestId('storage-card')
    await card.waitFor()
    await page.getByTestId('storage-meter').waitFor()
    const meter = () => page.getByTestId('storage-meter').innerText()
    const used = () => card.getByTestId('storage-used').innerText()
    await expect.poll(async () => (await meter()).trim() === (await used()).trim() && /\d.* of \d/.test(await used())).toBe(true)
    // The same source: the browser's own estimate, formatted once.
    const estimate = await page.evaluate(async () => {
      const e = await navigator.storage.estimate()
      return { usage: e.usage ?? 0, quota: e.quota ?? 0, persisted: await navigator.storage.persisted() }
    })
    expect(estimate.quota).toBeGreaterThan(0)
    const persistedShown = async () => (await card.getByTestId('storage-persisted').getAttribute('data-persisted')) === 'true'
    expect(await persistedShown()).toBe(estimate.persisted)
    expect(await page.getByTestId('storage-meter').locator('svg').count()).toBe(estimate.persisted ? 1 : 0)
    if (!estimate.persisted) {
      await card.getByTestId('storage-persist').click()
      const now = await page.evaluate(() => navigator.storage.persisted())
      await expect.poll(persistedShown).toBe(now)
      await expect.poll(() => page.getByTestId('storage-meter').locator('svg').count()).toBe(now ? 1 : 0)
      if (!now) await card.getByRole('status').waitFor()
    }
  })
})
