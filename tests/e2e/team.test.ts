// Two Chromium profiles on one team server (real PostgreSQL on loopback, started by this file): a
// contributor proposes a new concept, a reviewer approves it and both see it; then the reviewer goes
// offline, decides on a change while a colleague sets the same field, comes back, and both profiles
// converge with the two values visible in the concept's team history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { createTeamServer, type TeamServer } from '../../server/app'
import { addMember, issueToken } from '../../server/members'
import { addProposal, roots, setField } from '../../src/team/doc'
import { termKey } from '../../src/core/team/layout'
// @ts-expect-error plain JavaScript module without types
import { startServices } from '../../scripts/ensure-services.mjs'
import { connect, synced, until, type Client } from '../server/harness'
import { openBrowser, openGlossary, serveApp, type TestBrowser } from './harness'

const SECRET = 'e2e-secret-0123456789-0123456789-0123456789'
let services: { databaseUrl: string; stop: () => void }
let team: TeamServer
let wsUrl = ''
let app: { url: string; close: () => Promise<void> }
let carl: TestBrowser
let rita: TestBrowser
const tokens: Record<string, { member: string; token: string }> = {}

beforeAll(async () => {
  services = await startServices()
  team = createTeamServer({ port: 0, host: '127.0.0.1', databaseUrl: services.databaseUrl, tokenSecret: SECRET, docName: 'termbase', maxUpdateBytes: 4 << 20, maxConnectionsPerIp: 100, maxConnections: 500, instance: 'e2e', storeDebounceMs: 200, corsOrigin: '*' }, () => undefined)
  wsUrl = `ws://127.0.0.1:${await team.listen()}`
  for (const [name, role] of [['Carl', 'contributor'], ['Rita', 'reviewer'], ['Ola', 'reviewer']] as const) {
    const m = await addMember(team.db, name, role)
    tokens[name] = { member: m.id, token: (await issueToken(team.db, SECRET, m.id, 3600)).token }
  }
  app = await serveApp()
  carl = await openBrowser()
  rita = await openBrowser()
})
afterAll(async () => {
  await carl?.close()
  await rita?.close()
  await app?.close()
  await team?.close()
  services?.stop()
})

async function join(page: Page, name: string): Promise<void> {
  await openGlossary(page, app.url)
  await page.goto(`${app.url}#/join?server=${encodeURIComponent(wsUrl)}&token=${encodeURIComponent(tokens[name].token)}`)
  await page.getByTestId('team-invite').waitFor()
  await page.getByTestId('team-connect-btn').click()
  await expect.poll(() => page.getByTestId('team-status').getAttribute('data-status'), { timeout: 20_000 }).toBe('connected')
  await expect.poll(() => page.getByTestId('team-me').innerText()).toContain(name)
}

const serverDoc = () => team.server.hocuspocus.documents.get('termbase')

describe('team termbase in two browser profiles', () => {
  it('a contributor proposes, a reviewer approves, both see the approved concept', async () => {
    await join(rita.page, 'Rita')
    await rita.page.getByTestId('team-publish').click()
    await until(() => (serverDoc() ? roots(serverDoc()!).concepts.size > 10 : false), 'starter glossary published', 20_000)
    await join(carl.page, 'Carl')
    expect(await carl.page.getByTestId('team-publish').count()).toBe(0) // a contributor cannot publish

    await openGlossary(carl.page, app.url)
    await carl.page.getByTestId('new-concept').click()
    const editor = carl.page.getByTestId('concept-editor')
    await editor.locator('input.term-text').first().fill('zzz team term')
    await editor.getByTestId('definition').fill('A concept proposed to the team.')
    await editor.getByTestId('save-concept').click()
    await editor.waitFor({ state: 'detached' })
    await carl.page.goto(app.url + '#/data')
    await carl.page.getByTestId('team-propose-comment').fill('seen in report 000')
    await carl.page.getByTestId('team-propose').click()
    await carl.page.getByText('1 proposal sent').waitFor()

    await rita.page.goto(app.url + '#/review')
    const card = rita.page.getByTestId('proposal').filter({ hasText: 'zzz team term' })
    await card.waitFor({ timeout: 20_000 })
    expect(await card.innerText()).toContain('seen in report 000')
    await card.getByTestId('review-comment').fill('fine')
    await card.getByTestId('approve').click()

    await carl.page.goto(app.url + '#/review')
    await carl.page.getByTestId('review-show-all').check()
    await expect.poll(() => carl.page.getByTestId('proposal').filter({ hasText: 'zzz team term' }).getAttribute('data-status'), { timeout: 20_000 }).toBe('approved')
    expect(await carl.page.getByTestId('approve').count()).toBe(0) // a contributor sees no review buttons
    await openGlossary(rita.page, app.url)
    await rita.page.getByTestId('glossary-search').fill('zzz team term')
    await expect.poll(() => rita.page.locator('[data-concept]').count(), { timeout: 20_000 }).toBe(1)
  })

  it('the reviewer goes offline and decides while a colleague sets the same field; both converge with both values in the history', async () => {
    const ola: Client = connect(wsUrl, tokens.Ola.token)
    await synced(ola)
    const field = termKey('c-voenkomat-ru-1', 'status')
    const target = roots(ola.doc).concepts.get('c-voenkomat')
    expect(target?.get(field)).toBeDefined()
    addProposal(ola.doc, { id: 'p-offline', conceptId: 'c-voenkomat', author: tokens.Ola.member, created: new Date().toISOString(), comment: 'outdated', changes: [{ field, before: target!.get(field), after: 'deprecated' }], evidence: [] })
    await synced(ola)

    await rita.page.goto(app.url + '#/review')
    const card = rita.page.getByTestId('proposal').filter({ hasText: 'outdated' })
    await card.waitFor({ timeout: 20_000 })
    await rita.context.setOffline(true)
    await expect.poll(() => rita.page.getByTestId('team-status').getAttribute('data-status'), { timeout: 45_000 }).toBe('offline')
    await card.getByTestId('approve').click()
    await expect.poll(() => rita.page.getByTestId('team-status').innerText()).toMatch(/Offline with \d+ pending/)
    setField(roots(ola.doc).concepts.get('c-voenkomat')!, field, 'forbidden')
    await synced(ola)
    await rita.context.setOffline(false)
    await expect.poll(() => rita.page.getByTestId('team-status').getAttribute('data-status'), { timeout: 45_000 }).toBe('connected')

    await until(() => ola.provider.unsyncedChanges === 0 && roots(ola.doc).reviews.has('p-offline'), 'the offline decision arrived', 20_000)
    const stands = roots(ola.doc).concepts.get('c-voenkomat')!.get(field)
    for (const page of [rita.page, carl.page]) {
      await page.goto(app.url + '#/review')
      await page.getByTestId('review-show-all').check()
      const c = page.getByTestId('proposal').filter({ hasText: 'outdated' })
      await c.getByRole('button', { name: 'Show team history' }).click()
      const rows = c.getByTestId('team-history-row')
      await expect.poll(() => rows.filter({ hasText: 'forbidden' }).count()).toBeGreaterThan(0)
      await expect.poll(() => rows.filter({ hasText: 'deprecated' }).count()).toBeGreaterThan(0)
      expect(await c.getByTestId('team-history-stands').count()).toBeGreaterThan(0)
      expect(await c.locator('tr', { hasText: 'status' }).innerText()).toContain(String(stands))
    }
    expect(await rita.page.getByTestId('team-history-choose').count()).toBeGreaterThan(0) // the other value can be chosen
    expect(await carl.page.getByTestId('team-history-choose').count()).toBe(0)
    ola.destroy()
  })
})
