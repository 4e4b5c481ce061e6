// Faults at small scale: two server processes behind Redis, one killed mid-run, its clients move to
// the other and nothing acknowledged is lost; PostgreSQL restarted under a running server, which
// recovers, and changes made meanwhile reach PostgreSQL once it is back.
import { spawn, type ChildProcess } from 'node:child_process'
import { afterAll, describe, expect, inject, it } from 'vitest'
import * as Y from 'yjs'
import { addProposal, roots } from '../../src/team/doc'
import type { Proposal } from '../../src/core/team/layout'
import { TeamDb } from '../../server/db'
import { addMember, issueToken } from '../../server/members'
// @ts-expect-error plain JavaScript module without types
import { freePort, postgresCtl } from '../../scripts/ensure-services.mjs'
import { connect, freshDatabase, SECRET, settle, startServer, synced, until, type Client } from './harness'

const children: ChildProcess[] = []
afterAll(() => children.forEach((c) => c.kill('SIGKILL')))

/** Starts `npm run server` as a separate process; resolves when it logs "listening". */
async function spawnServer(databaseUrl: string, redisUrl: string, name: string): Promise<{ proc: ChildProcess; url: string; lines: string[] }> {
  const port = await freePort()
  const lines: string[] = []
  const proc = spawn('npx', ['tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, TEAM_TOKEN_SECRET: SECRET, INSTANCE_NAME: name, STORE_DEBOUNCE_MS: '300' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(proc)
  proc.stdout!.on('data', (b) => lines.push(...String(b).split('\n').filter(Boolean)))
  proc.stderr!.on('data', (b) => lines.push(...String(b).split('\n').filter(Boolean)))
  await until(() => lines.some((l) => l.includes('"listening"')), `${name} listening`, 30_000)
  return { proc, url: `ws://127.0.0.1:${port}`, lines }
}

const proposal = (id: string, author: string): Proposal => ({ id, conceptId: 'c-' + id, author, created: new Date().toISOString(), comment: '', changes: [{ field: 'note', before: null, after: id }], evidence: [] })

async function storedProposals(db: TeamDb): Promise<Set<string>> {
  const bytes = await db.loadDocument('termbase')
  const d = new Y.Doc()
  if (bytes) Y.applyUpdate(d, bytes)
  return new Set(roots(d).proposals.keys())
}

describe('faults', () => {
  it('one of two instances is killed mid-run: its clients reconnect to the other and every edit survives', async () => {
    const databaseUrl = await freshDatabase()
    const { redisUrl } = inject('services')
    const db = new TeamDb(databaseUrl, () => undefined)
    await db.migrate()
    const members = await Promise.all([0, 1, 2, 3].map(async (i) => {
      const m = await addMember(db, `c${i}`, 'contributor')
      return { member: m.id, token: (await issueToken(db, SECRET, m.id, 3600)).token }
    }))
    const A = await spawnServer(databaseUrl, redisUrl, 'A')
    const B = await spawnServer(databaseUrl, redisUrl, 'B')
    const clients: Client[] = members.map((m, i) => connect(i < 2 ? A.url : B.url, m.token))
    for (const c of clients) await synced(c)
    const made: string[] = []
    const round = (r: number) => clients.forEach((c, i) => {
      const id = `r${r}-c${i}`
      addProposal(c.doc, proposal(id, members[i].member))
      made.push(id)
    })
    for (let r = 0; r < 3; r++) round(r)
    await until(() => clients.every((c) => made.every((id) => roots(c.doc).proposals.has(id))), 'edits across instances through Redis')
    round(3) // in flight while A dies
    A.proc.kill('SIGKILL')
    for (let i = 0; i < 2; i++) {
      clients[i].destroy()
      clients[i] = connect(B.url, members[i].token, clients[i].doc)
    }
    for (let r = 4; r < 6; r++) round(r)
    await until(() => clients.every((c) => c.provider.unsyncedChanges === 0 && made.every((id) => roots(c.doc).proposals.has(id))), 'convergence on B', 20_000)
    const stored = await storedProposals(db)
    expect(made.filter((id) => !stored.has(id))).toEqual([])
    for (const c of clients) c.destroy()
    B.proc.kill('SIGTERM')
    await db.close()
  })

  it('PostgreSQL restarts under a running server: changes made meanwhile are kept and stored once it is back', async () => {
    const srv = await startServer(await freshDatabase())
    const m = await addMember(srv.team.db, 'writer', 'contributor')
    const token = (await issueToken(srv.team.db, SECRET, m.id, 3600)).token
    const c = connect(srv.url, token)
    await synced(c)
    addProposal(c.doc, proposal('before', m.id))
    await synced(c)
    const s = inject('services')
    const pgInfo = { bin: s.bin, dir: s.dir, pgPort: s.pgPort }
    postgresCtl(pgInfo, 'stop')
    try {
      addProposal(c.doc, proposal('around', m.id))
      await until(() => srv.logs.some((l) => l.event === 'update not stored'), 'the change refused while PostgreSQL is down')
      expect(c.provider.unsyncedChanges).toBeGreaterThan(0)
      expect((await fetch(srv.http + '/health')).status).toBe(503)
    } finally {
      postgresCtl(pgInfo, 'start')
    }
    await until(async () => (await storedProposals(srv.team.db).catch(() => new Set<string>())).has('around'), 'change stored after the restart', 30_000)
    addProposal(c.doc, proposal('after', m.id))
    await synced(c)
    await settle(100)
    const stored = await storedProposals(srv.team.db)
    expect(['before', 'around', 'after'].filter((id) => !stored.has(id))).toEqual([])
    const health = await fetch(srv.http + '/health').then((r) => r.json())
    expect(health).toMatchObject({ status: 'ok', database: 'ok' })
    c.destroy()
    await srv.team.close()
  })
})
