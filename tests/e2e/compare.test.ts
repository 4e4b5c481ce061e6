// Passages across languages in the browser: import reports 003 (fr) and 004 (en), link them in the analysis worker,
// see why a link was made, confirm one and find it still confirmed after a reload; with an unreachable model
// source, "use embeddings" says so plainly and tier-1 links stay; "find in other reports" from the reader.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { openBrowser, openGlossary, serveApp, setModelSource, type TestBrowser } from './harness'

const CORPUS = resolve('../shared/corpus')
const FR = '003_69196824feca6e36.txt'
const EN = '004_2311294a2fc5f756.txt'
let app: Awaited<ReturnType<typeof serveApp>>
let tb: TestBrowser
let a = ''
let b = ''

const rows = () => tb.page.getByTestId('link-row')
const row = (id: string) => tb.page.locator(`[data-testid=link-row][data-link="${id}"]`)

/** Opens #/compare on the pair and waits until links are listed. */
async function openCompare(): Promise<void> {
  await tb.page.goto(`${app.url}#/compare?a=${a}&b=${b}`)
  await rows().first().waitFor({ timeout: 90000 })
}

beforeAll(async () => {
  app = await serveApp()
  tb = await openBrowser()
  await openGlossary(tb.page, app.url) // concept evidence needs the starter glossary
})
afterAll(async () => {
  await tb?.close()
  await app?.close()
})

describe('passages across languages', () => {
  it('imports reports 003 (fr) and 004 (en)', async () => {
    const { page } = tb
    await page.goto(app.url + '#/reports')
    await page.getByTestId('report-file').setInputFiles([FR, EN].map((f) => ({ name: f, mimeType: 'text/plain', buffer: readFileSync(`${CORPUS}/${f}`) })))
    await expect.poll(() => page.locator('[data-testid=report-list] tbody tr').count(), { timeout: 90000 }).toBe(2)
    await page.waitForFunction(() => !document.querySelector('[data-testid=report-progress]'), null, { timeout: 90000 })
    a = (await page.locator('[data-doc]', { hasText: '003_' }).getAttribute('data-doc')) ?? ''
    b = (await page.locator('[data-doc]', { hasText: '004_' }).getAttribute('data-doc')) ?? ''
    expect(a).toMatch(/^d-/)
    expect(b).toMatch(/^d-/)
  })

  it('links 003 (fr) to 004 (en) and shows why: shared concepts and numbers', async () => {
    const { page } = tb
    await openCompare()
    expect(await rows().count()).toBeGreaterThan(3)
    await expect.poll(() => page.locator('[data-testid=link-row] [data-testid=ev-concept]').count()).toBeGreaterThan(0)
    // Numbers and dates: the section on sanctions cites articles, sums and dates that 004 states too.
    const sanctions = await page.locator('[data-testid=filter-section] option', { hasText: /^4 Sanctions/ }).getAttribute('value')
    await page.getByTestId('filter-section').selectOption(sanctions ?? '')
    await expect.poll(() => page.locator('[data-testid=link-row] [data-testid=ev-number]').count()).toBeGreaterThan(0)
    await page.getByTestId('filter-section').selectOption('')
    expect(await page.locator('[data-testid=link-row] [data-testid=ev-concept]').first().innerText()).toContain('↔')
    expect(await page.locator('[data-testid=alignment-map] line.link').count()).toBeGreaterThan(3)
    // Strong links stand out from the weak ones, which are drawn faint.
    const opacity = (sel: string) => page.locator(`[data-testid=alignment-map] line.link${sel}`).first().evaluate((e) => Number(getComputedStyle(e).opacity))
    expect(await opacity('.suggested.strong')).toBeGreaterThan(0.8)
    expect(await opacity('.suggested.weak')).toBeLessThan(0.3)
    expect(await page.locator('[data-testid=heatmap] rect.cell').count()).toBeGreaterThan(3)
    // A word pair is one piece of evidence: shown once per link, whether the dictionary or its spelling found it.
    const repeated = await page.locator('[data-testid=link-evidence]').evaluateAll((els) =>
      els.flatMap((el) => {
        const pairs = [...el.querySelectorAll('.item:not(.concept)')].map((i) => i.textContent!.trim().toLowerCase())
        return pairs.filter((p, i) => pairs.indexOf(p) !== i)
      }),
    )
    expect(repeated).toEqual([])
    // Imported text renders as text: no element comes out of a passage.
    expect(await page.locator('[data-testid=link-row] .ctext script, [data-testid=link-row] .ctext img').count()).toBe(0)
  })

  it('filters by score threshold and by concept', async () => {
    const { page } = tb
    const all = await page.locator('[data-testid=compare-stats]').innerText()
    await page.getByTestId('filter-threshold').fill('0.95')
    await expect.poll(() => page.locator('[data-testid=compare-stats]').innerText()).not.toBe(all)
    await page.getByTestId('filter-threshold').fill('0')
    const concept = await page.locator('[data-testid=filter-concept] option').nth(1).getAttribute('value')
    await page.getByTestId('filter-concept').selectOption(concept!)
    await rows().first().waitFor()
    const n = await rows().count()
    expect(await page.locator(`[data-testid=link-row]:has([data-testid=ev-concept])`).count()).toBe(n)
    await page.getByTestId('filter-concept').selectOption('')
    await page.getByTestId('filter-threshold').fill('0.15')
  })

  it('confirms a link, and it is still confirmed after a reload', async () => {
    const { page } = tb
    const first = rows().first()
    const id = (await first.getAttribute('data-link')) ?? ''
    expect(id).toContain('|')
    await first.getByTestId('link-confirm').click()
    await expect.poll(() => row(id).getAttribute('data-status')).toBe('confirmed')
    await expect.poll(() => page.getByTestId('compare-stats').innerText()).toMatch(/1 confirmed/)
    await page.reload()
    await rows().first().waitFor({ timeout: 90000 })
    await expect.poll(() => row(id).getAttribute('data-status')).toBe('confirmed')
    expect(await page.getByTestId('compare-stats').innerText()).toMatch(/1 confirmed/)
    expect(await page.locator('[data-testid=alignment-map] line.link.confirmed').count()).toBe(1)
    // Pressing ✓ again makes it a suggestion again.
    await row(id).getByTestId('link-confirm').click()
    await expect.poll(() => row(id).getAttribute('data-status')).toBe('suggested')
    await row(id).getByTestId('link-confirm').click()
    await expect.poll(() => row(id).getAttribute('data-status')).toBe('confirmed')
    // The shown links as CSV: both passages, the decision and the evidence.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-export').click()])
    const csv = readFileSync((await download.path())!, 'utf8')
    expect(csv.startsWith('\uFEFFstatus,strength,score,reportA,sectionA,passageA,textA,reportB,sectionB,passageB,textB,sharedConcepts')).toBe(true)
    expect(csv).toMatch(/\nconfirmed,(strong|weak),0\.\d{3},/)
    expect(download.suggestedFilename()).toMatch(/^links-003_69196824feca6e36-004_2311294a2fc5f756\.csv$/)
  })

  it('moves through the links and decides them by keyboard', async () => {
    const { page } = tb
    await page.getByTestId('link-keys').focus()
    await page.keyboard.press('Home')
    const first = page.locator('[data-testid=link-row].selected')
    await expect.poll(() => first.count()).toBe(1)
    await page.keyboard.press('ArrowDown')
    const second = (await page.locator('[data-testid=link-row].selected').getAttribute('data-link')) ?? ''
    expect(second).toContain('|')
    expect(await page.getByTestId('link-keys').getAttribute('aria-activedescendant')).toBe('link-1')
    await page.keyboard.press('n')
    await expect.poll(() => row(second).getAttribute('data-status')).toBe('rejected')
    await page.keyboard.press('n')
    await expect.poll(() => row(second).getAttribute('data-status')).toBe('suggested')
  })

  it('cancels a run: the progress goes, the earlier links stay, and a new run works', async () => {
    const { page } = tb
    // The list is virtualised and fills in after a reload: count its rows once the count holds still.
    let seen = -1
    await expect.poll(async () => seen === (seen = await rows().count()), { interval: 250 }).toBe(true)
    const before = seen
    await page.getByTestId('compare-run').click()
    await page.getByTestId('compare-progress').waitFor()
    await page.getByTestId('compare-cancel').click()
    await expect.poll(() => page.getByTestId('compare-progress').count()).toBe(0)
    await expect.poll(() => rows().count()).toBe(before)
    expect(await page.getByTestId('compare-error').count()).toBe(0)
    await page.getByTestId('compare-run').click()
    await page.waitForFunction(() => !document.querySelector('[data-testid=compare-progress]'), null, { timeout: 90000 })
    expect(await rows().count()).toBe(before)
    expect(await page.getByTestId('compare-error').count()).toBe(0)
  })

  it('with the model source unreachable, "use embeddings" says so plainly and tier-1 links stay', async () => {
    const { page } = tb
    await setModelSource(page, app.url, 'http://127.0.0.1:9/models/')
    await openCompare()
    await page.getByTestId('use-embeddings').check()
    // Asked first; declining keeps the links lexical and says why.
    await page.getByTestId('translate-confirm').waitFor()
    expect(await page.getByTestId('translate-confirm').getAttribute('data-purpose')).toBe('embeddings')
    await page.getByTestId('translate-confirm-no').click()
    await expect.poll(() => page.getByTestId('embedding-note').innerText(), { timeout: 60000 }).toMatch(/download was declined/)
    await page.waitForFunction(() => !document.querySelector('[data-testid=compare-progress]'), null, { timeout: 90000 })
    await page.getByTestId('compare-run').click()
    await page.getByTestId('translate-confirm-yes').click()
    await expect.poll(() => page.getByTestId('embedding-note').innerText(), { timeout: 60000 }).toMatch(/could not be loaded/)
    await page.waitForFunction(() => !document.querySelector('[data-testid=compare-progress]'), null, { timeout: 90000 })
    expect(await rows().count()).toBeGreaterThan(3)
    expect(await page.locator('[data-testid=ev-neural]').count()).toBe(0)
    expect(await page.getByTestId('compare-error').count()).toBe(0)
    expect(tb.external).toEqual([])
  })

  it('finds a passage of 003 in 004 from the reader, and opens it there', async () => {
    const { page } = tb
    await page.goto(`${app.url}#/reader/${a}`)
    await page.getByTestId('reader').waitFor()
    await page.getByTestId('outline').locator('button', { hasText: /^2 Report du service/ }).click()
    const passage = page.locator('[data-passage]', { hasText: /inscription dans un établissement d.enseignement permet/ }).first()
    await passage.waitFor()
    await passage.hover()
    await passage.getByTestId('find-button').click()
    const panel = page.getByTestId('find-panel')
    await panel.getByTestId('find-hit').first().waitFor({ timeout: 60000 })
    expect(await panel.getByTestId('link-evidence').count()).toBeGreaterThan(0)
    const open = panel.getByTestId('find-open').first()
    expect(await open.innerText()).toBeTruthy()
    await open.click()
    await expect.poll(() => page.url()).toContain(`#/reader/${b}?passage=`)
    await expect.poll(() => page.locator('.doc-title').innerText()).not.toMatch(/insoumission/i)
  })
})
