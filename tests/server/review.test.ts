// Proposal and review, history and audit: an approval applies the proposal for everyone and is
// recorded field by field; concurrent edits of one field keep both values in the history; the admin
// API manages members and tokens and exports the audit log as formula-safe CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ConceptEntry } from '../../src/core/model'
import { addProposal, proposalStatus, putEntries, readEntry, reviewProposal, roots, setField } from '../../src/team/doc'
import { termKey } from '../../src/core/team/layout'
import { connect, freshDatabase, memberToken, settle, startServer, synced, until, type Running } from './harness'

const T0 = '2026-01-01T00:00:00.000Z'
const entry: ConceptEntry = {
  concept: { id: 'c1', definitions: { en: 'hazing in the army' }, related: [], created: T0, modified: T0 },
  terms: [{ id: 't1', conceptId: 'c1', lang: 'ru', text: 'дедовщина', status: 'preferred', type: 'fullForm', sources: [], created: T0, modified: T0 }],
}

let srv: Running
const who: Record<string, { member: string; token: string }> = {}

beforeAll(async () => {
  srv = await startServer(await freshDatabase())
  for (const [name, role] of [['contrib', 'contributor'], ['rev', 'reviewer'], ['rev2', 'reviewer'], ['admin', 'admin']] as const) who[name] = await memberToken(srv.team, name, role)
  const a = connect(srv.url, who.admin.token)
  await synced(a)
  putEntries(a.doc, [entry])
  await synced(a)
  a.destroy()
})
afterAll(async () => srv?.team.close())

const api = (path: string, token: string, init: RequestInit = {}) =>
  fetch(srv.http + path, { ...init, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } })

describe('proposal and review', () => {
  it('a reviewer approves a proposal: the change applies for both, and the audit has who, when, before and after', async () => {
    const c = connect(srv.url, who.contrib.token)
    const r = connect(srv.url, who.rev.token)
    await synced(c)
    await synced(r)
    addProposal(c.doc, { id: 'p1', conceptId: 'c1', author: who.contrib.member, created: T0, comment: 'add the Finnish term', changes: [{ field: termKey('t2', 'lang'), before: null, after: 'fi' }, { field: termKey('t2', 'text'), before: null, after: 'simputus' }], evidence: [{ doc: '000.pdf', quote: 'simputus eli dedovshchina' }] })
    await until(() => roots(r.doc).proposals.has('p1'), 'proposal at reviewer')
    expect(proposalStatus(r.doc, 'p1')).toBe('proposed')
    reviewProposal(r.doc, 'p1', { status: 'approved', reviewer: who.rev.member, at: new Date().toISOString(), comment: 'attested' })
    await until(() => proposalStatus(c.doc, 'p1') === 'approved', 'approval at contributor')
    expect(readEntry(c.doc, 'c1')!.terms.map((t) => t.text).sort()).toEqual(['simputus', 'дедовщина'])
    const rows = await srv.team.db.listAudit('termbase', { conceptId: 'c1' })
    expect(rows.map((x) => x.action)).toEqual(expect.arrayContaining(['propose', 'approve', 'set']))
    expect(rows.find((x) => x.action === 'set' && x.field === termKey('t2', 'text'))).toMatchObject({ member: who.rev.member, before: undefined, after: 'simputus', proposalId: 'p1' })
    expect(rows.find((x) => x.action === 'approve')).toMatchObject({ member: who.rev.member, after: { comment: 'attested' } })
    c.destroy()
    r.destroy()
  })

  it('a contributor cannot approve, and a rejected proposal changes nothing', async () => {
    const c = connect(srv.url, who.contrib.token)
    const r = connect(srv.url, who.rev.token)
    await synced(c)
    await synced(r)
    addProposal(c.doc, { id: 'p2', conceptId: 'c1', author: who.contrib.member, created: T0, comment: '', changes: [{ field: 'note', before: null, after: 'draft' }], evidence: [] })
    await until(() => roots(r.doc).proposals.has('p2'), 'proposal at reviewer')
    reviewProposal(r.doc, 'p2', { status: 'rejected', reviewer: who.rev.member, at: new Date().toISOString(), comment: 'no source' })
    await until(() => proposalStatus(c.doc, 'p2') === 'rejected', 'rejection at contributor')
    expect(readEntry(c.doc, 'c1')!.concept.note).toBeUndefined()
    const c2 = connect(srv.url, who.contrib.token)
    await synced(c2)
    addProposal(c2.doc, { id: 'p3', conceptId: 'c1', author: who.contrib.member, created: T0, comment: '', changes: [{ field: 'note', before: null, after: 'mine' }], evidence: [] })
    reviewProposal(c2.doc, 'p3', { status: 'approved', reviewer: who.contrib.member, at: new Date().toISOString(), comment: '' })
    await until(() => srv.logs.some((l) => /contributor cannot (approve|change approved concepts)/.test(String(l.reason))), 'self-approval refused').catch((e) => {
      console.log(srv.logs.filter((l) => l.level !== 'info'))
      throw e
    })
    await settle()
    expect(roots(r.doc).proposals.has('p3')).toBe(true) // the proposal itself was a contributor's right
    expect(proposalStatus(r.doc, 'p3')).toBe('proposed')
    expect(readEntry(r.doc, 'c1')!.concept.note).toBeUndefined()
    for (const x of [c, c2, r]) x.destroy()
  })

  it('concurrent edits of one field: both values, who made them, and which stands are in the history; the other can be chosen', async () => {
    const a0 = connect(srv.url, who.rev.token)
    const b0 = connect(srv.url, who.rev2.token)
    await synced(a0)
    await synced(b0)
    a0.destroy() // both go offline and edit the same field
    b0.destroy()
    const field = termKey('t1', 'status')
    setField(roots(a0.doc).concepts.get('c1')!, field, 'deprecated')
    setField(roots(b0.doc).concepts.get('c1')!, field, 'forbidden')
    const a = connect(srv.url, who.rev.token, a0.doc)
    const b = connect(srv.url, who.rev2.token, b0.doc)
    await until(() => roots(a.doc).concepts.get('c1')!.get(field) === roots(b.doc).concepts.get('c1')!.get(field) && a.provider.unsyncedChanges === 0 && b.provider.unsyncedChanges === 0, 'convergence').catch((e) => {
      console.log(roots(a.doc).concepts.get('c1')!.get(field), roots(b.doc).concepts.get('c1')!.get(field), a.provider.unsyncedChanges, b.provider.unsyncedChanges, a.socket.status, srv.logs.filter((l) => l.level !== 'info'))
      throw e
    })
    const stands = roots(a.doc).concepts.get('c1')!.get(field)
    const res = await api('/api/history?concept=c1', who.contrib.token)
    const rows = (await res.json()).rows as Array<{ member: string; field: string; after: unknown; action: string }>
    const sets = rows.filter((x) => x.action === 'set' && x.field === field && x.member !== who.admin.member)
    expect(sets.map((x) => [x.member, x.after]).sort()).toEqual([[who.rev.member, 'deprecated'], [who.rev2.member, 'forbidden']].sort())
    const other = stands === 'deprecated' ? 'forbidden' : 'deprecated'
    setField(roots(a.doc).concepts.get('c1')!, field, other)
    await until(() => roots(b.doc).concepts.get('c1')!.get(field) === other, 'the other value chosen')
    a.destroy()
    b.destroy()
  })
})

describe('storage', () => {
  it('folds stored updates into a snapshot once the document is written, and loads the same state back', async () => {
    await until(() => srv.team.server.hocuspocus.getDocumentsCount() === 0, 'document unloaded (and stored)')
    const rows = await srv.team.db.pool.query('SELECT count(*)::int AS n FROM team_updates')
    expect(rows.rows[0].n).toBe(0)
    const c = connect(srv.url, who.rev.token)
    await synced(c)
    expect(readEntry(c.doc, 'c1')!.terms.map((t) => t.text).sort()).toEqual(['simputus', 'дедовщина'])
    c.destroy()
  })
})

describe('admin API', () => {
  it('refuses non-admins and lets an admin add a member and issue a token that connects', async () => {
    expect((await api('/api/admin/members', who.rev.token)).status).toBe(403)
    expect((await api('/api/admin/members', 'forged.token')).status).toBe(401)
    const m = await (await api('/api/admin/members', who.admin.token, { method: 'POST', body: JSON.stringify({ name: 'Nina', role: 'viewer' }) })).json()
    expect(m.role).toBe('viewer')
    const t = await (await api('/api/admin/tokens', who.admin.token, { method: 'POST', body: JSON.stringify({ member: m.id, ttlSeconds: 600 }) })).json()
    const me = await (await api('/api/me', t.token)).json()
    expect(me).toMatchObject({ member: m.id, role: 'viewer', name: 'Nina' })
    expect((await api('/api/admin/members', who.admin.token, { method: 'POST', body: JSON.stringify({ name: 'X', role: 'owner' }) })).status).toBe(400)
  })

  it('exports the audit log as CSV with formula cells neutralised', async () => {
    const c = connect(srv.url, who.contrib.token)
    await synced(c)
    addProposal(c.doc, { id: 'p4', conceptId: 'c1', author: who.contrib.member, created: T0, comment: '', changes: [{ field: 'note', before: null, after: '=HYPERLINK("http://x","y")' }], evidence: [] })
    await synced(c)
    c.destroy()
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await (await api('/api/admin/audit.csv', who.admin.token)).arrayBuffer())
    expect(csv.startsWith('\uFEFFid,time,member,role,action,concept,field,before,after,proposal')).toBe(true)
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`)
    expect(csv).not.toMatch(/,=HYPERLINK/)
    expect((await api('/api/admin/audit.csv', who.rev.token)).status).toBe(403)
  })
})
