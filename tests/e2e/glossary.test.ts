// The glossary in the built app, in real Chromium: starter glossary, search, create, persist across
// reload / second tab / browser restart, delete and undo, safe rendering, keyboard navigation.
import { describe, expect, it } from 'vitest'
import { openGlossary, useAppSuite } from './harness'

const suite = useAppSuite()

async function createConcept(term: string): Promise<void> {
  const { page } = suite.tb
  await page.getByTestId('new-concept').click()
  const editor = page.getByTestId('concept-editor')
  await editor.locator('input.term-text').first().fill(term)
  await editor.getByTestId('definition').fill('A test concept.')
  await editor.getByTestId('save-concept').click()
  await editor.waitFor({ state: 'detached' })
}

async function search(q: string): Promise<string[]> {
  const { page } = suite.tb
  await page.getByTestId('glossary-search').fill(q)
  await page.waitForTimeout(150)
  return page.locator('[data-concept]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).innerText))
}

/** Searches until the number of hits is `n` (the termbase updates asynchronously after a write). */
async function searchExpecting(q: string, n: number): Promise<string[]> {
  let rows: string[] = []
  await expect.poll(async () => (rows = await search(q)).length, { timeout: 15000 }).toBe(n)
  return rows
}

describe('glossary in the browser', () => {
  it('loads the starter glossary on first run', async () => {
    await openGlossary(suite.tb.page, suite.app.url)
    await suite.tb.page.waitForFunction(() => /of ([4-9]\d|\d{3,}) concepts/.test(document.querySelector('[data-testid=result-count]')?.textContent ?? ''))
    const count = await suite.tb.page.getByTestId('result-count').innerText()
    expect(Number(/of (\d+)/.exec(count)?.[1])).toBeGreaterThanOrEqual(40)
  })

  it('search finds "dedovsjina" → дедовщина, and "voenkomat" → военкомат and Vojenkomat', async () => {
    const rows = await search('dedovsjina')
    expect(rows.join('\n')).toContain('дедовщина')
    const v = await search('voenkomat')
    expect(v[0]).toContain('военкомат')
    expect(v[0]).toMatch(/Vojenkomat/)
  })

  it('creates a concept that survives a reload, a second tab and a browser restart', async () => {
    await search('')
    await createConcept('zzz persistence probe')
    await searchExpecting('zzz persistence', 1)
    await suite.tb.page.reload()
    await openGlossary(suite.tb.page, suite.app.url)
    await searchExpecting('zzz persistence', 1)
    const second = await suite.tb.context.newPage()
    await openGlossary(second, suite.app.url)
    await second.getByTestId('glossary-search').fill('zzz persistence')
    await second.waitForFunction(() => document.querySelectorAll('[data-concept]').length === 1)
    // An edit in one tab appears in the other (liveQuery across tabs).
    await createConcept('zzz second tab probe')
    await second.getByTestId('glossary-search').fill('zzz second tab')
    await second.waitForFunction(() => document.querySelectorAll('[data-concept]').length === 1, null, { timeout: 10000 })
    await second.close()
    await suite.tb.restart()
    await openGlossary(suite.tb.page, suite.app.url)
    await searchExpecting('zzz persistence', 1)
  })

  it('deletes with the keyboard and undoes the deletion', async () => {
    const { page } = suite.tb
    await searchExpecting('zzz persistence', 1)
    await page.getByTestId('glossary-grid').focus()
    await page.keyboard.press('Delete')
    await page.getByTestId('undo').waitFor()
    await searchExpecting('zzz persistence', 0)
    await page.getByTestId('undo').click()
    await page.waitForFunction(() => document.querySelectorAll('[data-concept]').length === 1)
  })

  it('opens the editor with Enter after moving with the arrow keys', async () => {
    const { page } = suite.tb
    await search('')
    await page.getByTestId('glossary-search').press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await page.getByTestId('concept-editor').waitFor()
    await page.keyboard.press('Escape')
    await page.getByTestId('concept-editor').waitFor({ state: 'detached' })
  })

  it('shows the editor validation and refuses an empty term', async () => {
    const { page } = suite.tb
    await page.getByTestId('new-concept').click()
    await page.getByTestId('save-concept').click()
    await expect.poll(() => page.getByTestId('concept-editor').innerText()).toMatch(/term is empty/i)
    await page.keyboard.press('Escape')
  })

  it('renders a hostile term as text, never as HTML', async () => {
    const { page } = suite.tb
    await createConcept('<img src=x onerror="window.__pwned=1">')
    const rows = await searchExpecting('img src', 1)
    expect(rows[0]).toContain('<img src=x onerror=')
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(await page.locator('[data-concept] img').count()).toBe(0)
  })

  it('sends no request off the machine', () => {
    expect(suite.tb.external).toEqual([])
  })
})
