// The interface language: the first visit follows the browser, the switcher's choice survives a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBrowser, openGlossary, serveApp, type TestBrowser } from './harness'

let app: Awaited<ReturnType<typeof serveApp>>
let tb: TestBrowser

beforeAll(async () => {
  app = await serveApp()
})
afterAll(async () => {
  await tb?.close()
  await app?.close()
})

describe('interface language', () => {
  it('follows a French browser on the first visit', async () => {
    const fr = await openBrowser({ locale: 'fr-FR' })
    try {
      await openGlossary(fr.page, app.url)
      expect(await fr.page.locator('nav').innerText()).toMatch(/Glossaire/)
    } finally {
      await fr.close()
    }
  })

  it('switches to Finnish and stays Finnish after a reload', async () => {
    tb = await openBrowser({ locale: 'en-GB' })
    await openGlossary(tb.page, app.url)
    expect(await tb.page.locator('nav').innerText()).toMatch(/Glossary/)
    await tb.page.getByTestId('ui-lang').selectOption('fi')
    await expect.poll(() => tb.page.locator('nav').innerText()).toMatch(/Sanasto/)
    await tb.page.reload()
    await openGlossary(tb.page, app.url)
    expect(await tb.page.locator('nav').innerText()).toMatch(/Sanasto/)
    expect(await tb.page.evaluate(() => document.documentElement.lang)).toBe('fi')
  })
})
