// Bad input never changes the data: unauthenticated connections, forged, expired and revoked
// tokens, oversized and malformed messages, and a flood of connections are refused with a reason.
import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { addProposal, roots } from '../../src/team/doc'
import { revokeToken } from '../../server/members'
import { signToken, verifyToken } from '../../server/tokens'
import { connect, freshDatabase, memberToken, SECRET, settle, startServer, synced, until, type Running } from './harness'

let srv: Running
let contributor: { member: string; token: string }
const T0 = '2026-01-01T00:00:00.000Z'

beforeAll(async () => {
  srv = await startServer(await freshDatabase(), { maxUpdateBytes: 8 * 1024, maxConnectionsPerIp: 6 })
  contributor = await memberToken(srv.team, 'contributor', 'contributor')
})
afterAll(async () => srv?.team.close())

const storedRows = async () => (await srv.team.db.pool.query('SELECT count(*)::int AS n FROM team_updates')).rows[0].n as number
const logged = (event: string, re: RegExp) => srv.logs.some((l) => l.event === event && re.test(String(l.reason)))

/** Opens a raw WebSocket and resolves once it is open (or rejects with the HTTP refusal). */
function rawSocket(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(srv.url)
    ws.once('open', () => resolve(ws))
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)))
    ws.once('error', reject)
  })
}

/** One protocol message: document name, message type, then the body. */
function message(type: number, body: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarString(e, 'termbase')
  encoding.writeVarUint(e, type)
  body(e)
  return encoding.toUint8Array(e)
}

describe('bad input is refused and changes nothing', () => {
  it('refuses a connection without a token', async () => {
    const c = connect(srv.url, '')
    await until(() => c.denied.length > 0, 'denial')
    expect(c.denied[0]).toMatch(/authentication refused: token is not in the form/)
    expect(logged('authentication refused', /not in the form/)).toBe(true)
    c.destroy()
  })

  it('refuses forged, expired and revoked tokens, each with its reason', async () => {
    const claims = verifyToken(contributor.token, SECRET)
    const forged = signToken({ ...claims, sub: 'm_admin' }, 'another-secret-another-secret-another')
    const expired = signToken({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, SECRET)
    const revoked = await memberToken(srv.team, 'leaver', 'reviewer')
    await revokeToken(srv.team.db, verifyToken(revoked.token, SECRET).tid)
    for (const [token, why] of [[forged, /signature is not valid/], [expired, /token expired at/], [revoked.token, /token was revoked/]] as const) {
      const c = connect(srv.url, token)
      await until(() => c.denied.length > 0, 'denial')
      expect(c.denied[0]).toMatch(why)
      expect(logged('authentication refused', why)).toBe(true)
      c.destroy()
    }
  })

  it('refuses an oversized update and stores nothing of it', async () => {
    const before = await storedRows()
    const c = connect(srv.url, contributor.token)
    await synced(c)
    addProposal(c.doc, { id: 'big', conceptId: 'c1', author: contributor.member, created: T0, comment: 'x'.repeat(3000), changes: Array.from({ length: 3 }, (_, i) => ({ field: 'note', before: null, after: String(i).repeat(3000) })), evidence: [] })
    await until(() => logged('update refused', /bytes over the 8192-byte limit/), 'size refusal')
    await settle()
    expect(await storedRows()).toBe(before)
    c.destroy()
    const d = new Y.Doc()
    const bytes = await srv.team.db.loadDocument('termbase')
    if (bytes) Y.applyUpdate(d, bytes)
    expect(roots(d).proposals.has('big')).toBe(false)
  })

  it('refuses a malformed Yjs update inside a valid message, and survives garbage bytes', async () => {
    const before = await storedRows()
    const ws = await rawSocket()
    ws.send(message(2, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarString(e, contributor.token))))
    await settle(200)
    ws.send(message(0, (e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, new Uint8Array([7, 200, 1, 2, 3, 250, 250, 250])))))
    await until(() => logged('update refused', /malformed update|unreadable update/), 'malformed refusal')
    ws.send(new Uint8Array([255, 255, 255, 255, 1, 2, 3]))
    await settle(200)
    ws.close()
    expect(await storedRows()).toBe(before)
    const health = await fetch(`${srv.http}/health`).then((r) => r.json())
    expect(health.status).toBe('ok')
  })

  it('refuses an update that deletes content the server never had', async () => {
    const before = await storedRows()
    const ws = await rawSocket()
    ws.send(message(2, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarString(e, contributor.token))))
    await settle(200)
    const u = encoding.createEncoder()
    for (const n of [0, 1, 123456, 1, 0, 5]) encoding.writeVarUint(u, n) // no structs; delete 5 items of client 123456
    ws.send(message(0, (e) => (encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, encoding.toUint8Array(u)))))
    await until(() => logged('update refused', /deletes content the server does not have/), 'unknown delete refusal')
    ws.close()
    expect(await storedRows()).toBe(before)
  })

  it('drops an oversized presence (awareness) state instead of relaying it', async () => {
    const a = connect(srv.url, contributor.token)
    const b = connect(srv.url, contributor.token)
    await synced(a)
    await synced(b)
    a.provider.setAwarenessField('note', 'x'.repeat(5000))
    await until(() => srv.logs.some((l) => l.event === 'awareness refused'), 'awareness refusal')
    await settle(200)
    expect([...b.provider.awareness!.getStates().values()].some((st) => 'note' in st)).toBe(false)
    a.destroy()
    b.destroy()
  })

  it('refuses a flood of connections from one address beyond the limit', async () => {
    const open: WebSocket[] = []
    const refused: string[] = []
    await Promise.all(Array.from({ length: 12 }, () => rawSocket().then((w) => open.push(w), (e: Error) => refused.push(e.message))))
    expect(open.length).toBeLessThanOrEqual(6)
    expect(refused.length).toBeGreaterThanOrEqual(6)
    expect(refused.every((r) => r === 'HTTP 429')).toBe(true)
    expect(srv.logs.some((l) => l.event === 'connection refused' && /more than 6 connections/.test(String(l.reason)))).toBe(true)
    for (const w of open) w.close()
    await settle(300)
    const again = await rawSocket()
    again.close()
  })
})
