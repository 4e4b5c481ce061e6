// The server enforces roles: a contributor's direct change to an approved term, a viewer's write, and
// malformed or foreign proposals are refused before they are applied, broadcast or stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ConceptEntry } from '../../src/core/model'
import { addProposal, putEntries, readEntry, roots } from '../../src/team/doc'
import { termKey, type Proposal } from '../../src/core/team/layout'
import { connect, freshDatabase, memberToken, settle, startServer, synced, until, type Running } from './harness'

const T0 = '2026-01-01T00:00:00.000Z'
const entry: ConceptEntry = {
  concept: { id: 'c1', definitions: { en: 'military enlistment office' }, related: [], created: T0, modified: T0 },
  terms: [{ id: 't1', conceptId: 'c1', lang: 'ru', text: 'военкомат', status: 'preferred', type: 'fullForm', sources: [], created: T0, modified: T0 }],
}

let srv: Running
let dbUrl: string
const tokens: Record<string, { member: string; token: string }> = {}

beforeAll(async () => {
  dbUrl = await freshDatabase()
  srv = await startServer(dbUrl)
  for (const role of ['viewer', 'contributor', 'reviewer', 'admin'] as const) tokens[role] = await memberToken(srv.team, role + ' one', role)
  const admin = connect(srv.url, tokens.admin.token)
  await synced(admin)
  putEntries(admin.doc, [entry])
  await synced(admin)
  admin.destroy()
})
afterAll(async () => srv?.team.close())

const stored = async () => {
  const bytes = await srv.team.db.loadDocument('termbase')
  const d = new Y.Doc()
  if (bytes) Y.applyUpdate(d, bytes)
  return d
}

describe('roles enforced by the server', () => {
  it('refuses a contributor who changes an approved term directly: no other client and no row in PostgreSQL sees it', async () => {
    const watcher = connect(srv.url, tokens.reviewer.token)
    const raw = connect(srv.url, tokens.contributor.token)
    await synced(watcher)
    await synced(raw)
    expect(readEntry(raw.doc, 'c1')?.terms[0].status).toBe('preferred')
    const auditBefore = (await srv.team.db.listAudit('termbase')).length

    roots(raw.doc).concepts.get('c1')!.set(termKey('t1', 'status'), 'forbidden')

    await until(() => srv.logs.some((l) => l.event === 'update refused' && l.member === tokens.contributor.member), 'refusal in the log')
    const line = srv.logs.find((l) => l.event === 'update refused' && l.member === tokens.contributor.member)!
    expect(line.reason).toMatch(/contributor cannot change approved concepts.*concepts\/c1\/t:t1:status/)
    await settle()
    expect(readEntry(watcher.doc, 'c1')?.terms[0].status).toBe('preferred')
    expect(readEntry(await stored(), 'c1')?.terms[0].status).toBe('preferred')
    expect((await srv.team.db.listAudit('termbase')).length).toBe(auditBefore)
    const onServer = srv.team.server.hocuspocus.documents.get('termbase')!
    expect(readEntry(onServer, 'c1')?.terms[0].status).toBe('preferred')
    raw.destroy()
    watcher.destroy()
  })

  it('refuses any write from a viewer, with the reason in the log', async () => {
    const v = connect(srv.url, tokens.viewer.token)
    await synced(v)
    const p: Proposal = { id: 'pv', conceptId: 'c1', author: tokens.viewer.member, created: T0, comment: '', changes: [{ field: 'note', before: null, after: 'x' }], evidence: [] }
    addProposal(v.doc, p)
    await until(() => srv.logs.some((l) => l.event === 'update refused' && l.member === tokens.viewer.member), 'viewer refusal')
    expect(srv.logs.find((l) => l.event === 'update refused' && l.member === tokens.viewer.member)!.reason).toMatch(/viewer cannot change/)
    await settle()
    expect(roots(await stored()).proposals.has('pv')).toBe(false)
    v.destroy()
  })

  it('refuses a proposal written in another member’s name and one with an invalid value', async () => {
    const c = connect(srv.url, tokens.contributor.token)
    await synced(c)
    addProposal(c.doc, { id: 'px', conceptId: 'c1', author: tokens.reviewer.member, created: T0, comment: '', changes: [{ field: 'note', before: null, after: 'x' }], evidence: [] })
    await until(() => srv.logs.some((l) => String(l.reason).includes('is not the connected member')), 'impersonation refusal')
    c.destroy()
    const d = connect(srv.url, tokens.contributor.token)
    await synced(d)
    addProposal(d.doc, { id: 'py', conceptId: 'c1', author: tokens.contributor.member, created: T0, comment: '', changes: [{ field: termKey('t1', 'status'), before: 'preferred', after: 'banned' }], evidence: [] })
    await until(() => srv.logs.some((l) => String(l.reason).includes('unknown term status "banned"')), 'bad value refusal')
    d.destroy()
    const s = roots(await stored())
    expect(s.proposals.has('px') || s.proposals.has('py')).toBe(false)
  })

  it('accepts a contributor’s proposal and shows it to everyone as proposed', async () => {
    const c = connect(srv.url, tokens.contributor.token)
    const r = connect(srv.url, tokens.reviewer.token)
    await synced(c)
    await synced(r)
    addProposal(c.doc, { id: 'p1', conceptId: 'c1', author: tokens.contributor.member, created: T0, comment: 'attested in report 003', changes: [{ field: termKey('t1', 'status'), before: 'preferred', after: 'deprecated' }], evidence: [{ doc: '003.pdf', quote: 'военкомат' }] })
    await until(() => roots(r.doc).proposals.has('p1'), 'proposal at the reviewer')
    await until(async () => roots(await stored()).proposals.has('p1'), 'proposal in PostgreSQL')
    const audit = await srv.team.db.listAudit('termbase', { conceptId: 'c1' })
    expect(audit.at(-1)).toMatchObject({ action: 'propose', member: tokens.contributor.member, field: termKey('t1', 'status'), before: 'preferred', after: 'deprecated', proposalId: 'p1' })
    c.destroy()
    r.destroy()
  })
})
