// The browser's team store against a real server (in Node, with fake-indexeddb for Dexie and
// y-indexeddb): approved team concepts reach the local Dexie termbase, a contributor's local change
// becomes a proposal, a reviewer's approval comes back into the contributor's local termbase, and
// a disconnect leaves the local copy complete.
import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import type { ConceptEntry } from '../../src/core/model'
import { putEntries } from '../../src/team/doc'
import { useDb } from '../../src/db'
import { getEntry, saveEntry } from '../../src/db/termbase'
import { useTeamStore } from '../../src/stores/team'
import { connect, freshDatabase, memberToken, startServer, synced, until, type Running } from './harness'

const T0 = '2026-01-01T00:00:00.000Z'
const entry: ConceptEntry = {
  concept: { id: 'c1', definitions: { en: 'conscription office' }, related: [], created: T0, modified: T0 },
  terms: [{ id: 't1', conceptId: 'c1', lang: 'ru', text: 'военкомат', status: 'preferred', type: 'fullForm', sources: [], created: T0, modified: T0 }],
}

let srv: Running
beforeAll(async () => {
  ;(globalThis as Record<string, unknown>).WebSocket = WebSocket
  const mem = new Map<string, string>()
  ;(globalThis as Record<string, unknown>).localStorage = { getItem: (k: string) => mem.get(k) ?? null, setItem: (k: string, v: string) => mem.set(k, v), removeItem: (k: string) => mem.delete(k) }
  srv = await startServer(await freshDatabase())
})
afterAll(async () => srv?.team.close())

describe('team store', () => {
  it('mirrors approved concepts into Dexie, sends local changes as proposals, and brings approvals back', async () => {
    const admin = await memberToken(srv.team, 'Ann', 'admin')
    const seed = connect(srv.url, admin.token)
    await synced(seed)
    putEntries(seed.doc, [entry])
    await synced(seed)

    setActivePinia(createPinia())
    const team = useTeamStore()
    const contributor = await memberToken(srv.team, 'Carl', 'contributor')
    await team.connect(srv.url, contributor.token)
    await until(() => team.me !== null, 'who am I, over the socket')
    expect(team.me).toMatchObject({ name: 'Carl', role: 'contributor' })
    expect(team.canReview).toBe(false)
    await until(() => team.status === 'connected', 'connected status')
    await until(async () => (await getEntry(useDb(), 'c1'))?.terms[0].text === 'военкомат', 'team concept in Dexie')

    const local = (await getEntry(useDb(), 'c1'))!
    await saveEntry(useDb(), { ...local, terms: [...local.terms, { id: 't2', conceptId: 'c1', lang: 'fi', text: 'kutsuntatoimisto', status: 'admitted', type: 'fullForm', sources: [{ doc: '000.pdf', quote: 'kutsuntatoimisto' }], created: T0, modified: T0 }] })
    expect(await team.proposeLocal('Finnish term')).toBe(1)
    expect(await team.proposeLocal('again')).toBe(0) // the same change is already proposed
    const p = team.proposals[0].proposal
    expect(p.changes.map((c) => c.field)).toContain('t:t2:text')
    expect(p.evidence).toEqual([{ doc: '000.pdf', quote: 'kutsuntatoimisto' }])

    await until(() => seed.provider.document.getMap('proposals').has(p.id), 'proposal at the admin')
    const { reviewProposal } = await import('../../src/team/doc')
    reviewProposal(seed.doc, p.id, { status: 'approved', reviewer: admin.member, at: new Date().toISOString(), comment: 'ok' })
    await until(() => team.proposals[0].review?.status === 'approved', 'approval at the contributor')

    const history = await team.history('c1')
    expect(history.map((r) => r.action)).toEqual(expect.arrayContaining(['propose', 'approve', 'set']))
    expect(history.find((r) => r.action === 'approve')?.memberName).toBe('Ann')
    team.disconnect()
    expect(team.status).toBe('disconnected')
    const after = await getEntry(useDb(), 'c1')
    expect(after!.terms.map((t) => t.text).sort()).toEqual(['kutsuntatoimisto', 'военкомат'])
    seed.destroy()
  })

  it('shows a refused token as refused, with the reason', async () => {
    setActivePinia(createPinia())
    const team = useTeamStore()
    await team.connect(srv.url, 'not.a-token')
    await until(() => team.status === 'refused', 'refused status')
    expect(team.refusal).toMatch(/signature is not valid/)
    await expect(team.connect('http://example.org', 'x')).rejects.toThrow()
  })
})
