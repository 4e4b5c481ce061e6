// The model source setting in the built app: with an unreachable self-hosted source, loading the
// model fails with a plain message, the app stays usable, and no request leaves the machine.
import { describe, expect, it } from 'vitest'
import { openGlossary, useAppSuite } from './harness'

const suite = useAppSuite()

describe('model source', () => {
  it('does not load the ML runtime on the first screen', async () => {
    const scripts: string[] = []
    suite.tb.page.on('request', (r) => scripts.push(r.url()))
    await openGlossary(suite.tb.page, suite.app.url)
    expect(scripts.filter((u) => /transformers|ort-wasm|ml\.worker/i.test(u))).toEqual([])
  })

  it('says plainly that an unreachable model cannot be loaded, and keeps it saved after a reload', async () => {
    const { page } = suite.tb
    await page.goto(suite.app.url + '#/data')
    await page.getByTestId('source-url').check()
    await page.getByTestId('source-base').fill('http://127.0.0.1:9/models/')
    await page.getByTestId('save-source').click()
    await page.getByTestId('test-model').click()
    const status = page.getByTestId('model-status')
    await expect.poll(() => status.innerText(), { timeout: 60000 }).toMatch(/could not be loaded/)
    // The failure is the unreachable source, not the settings failing to reach the worker.
    expect(await status.innerText()).not.toMatch(/DataCloneError|could not be cloned|worker stopped/i)
    expect(await status.innerText()).toMatch(/127\.0\.0\.1:9/)
    await page.reload()
    await page.getByTestId('model-settings').waitFor()
    await expect.poll(() => page.getByTestId('source-base').inputValue()).toBe('http://127.0.0.1:9/models/')
    await openGlossary(page, suite.app.url)
    expect(suite.tb.external).toEqual([])
  })
})
