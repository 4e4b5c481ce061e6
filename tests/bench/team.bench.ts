// Team server benchmark on loopback (prints figures; asserts nothing). Load: two server processes
// behind Redis, 50 headless Yjs clients split between them editing for TEAM_BENCH_SECONDS (60 by
// default), one instance killed half-way and its clients moved to the other; edits/s, p50/p95 time
// for an edit to reach every other client, server memory, PostgreSQL write rate, and a check that
// every acknowledged edit is in PostgreSQL. Scale: 20,000 concepts / 100,000 terms: first full sync
// of a new client, bytes on the wire, one edit's propagation.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { putEntries, roots, setField } from '../../src/team/doc'
import { TeamDb } from '../../server/db'
import { addMember, issueToken } from '../../server/members'
// @ts-expect-error plain JavaScript module without types
import { freePort, startServices } from '../../scripts/ensure-services.mjs'
import { generateGlossary, percentile } from './generate'

const SECONDS = Math.max(5, Math.min(600, Number(process.env.TEAM_BENCH_SECONDS ?? 60)))
const CLIENTS = 50
const SECRET = 'bench-secret-0123456789-0123456789-0123456789'
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
let wireBytes = 0

/** WebSocket that counts the bytes it receives (the "size on the wire" figure). */
class CountingWebSocket extends WebSocket {
  constructor(url: string) {
    super(url)
    this.on('message', (d: Buffer | ArrayBuffer) => (wireBytes += d.byteLength))
  }
}

async function until(cond: () => boolean, what: string, ms: number): Promise<void> {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`)
    await sleep(20)
  }
}

function client(url: string, token: string, doc = new Y.Doc()) {
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: CountingWebSocket, delay: 100, minDelay: 100, maxDelay: 1000 })
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: 'termbase', document: doc, token })
  provider.attach()
  return { doc, provider, destroy: () => (provider.destroy(), socket.destroy()) }
}

async function spawnServer(env: Record<string, string>): Promise<{ proc: ChildProcess; url: string }> {
  const port = await freePort()
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...process.env, ...env, PORT: String(port), TEAM_TOKEN_SECRET: SECRET }, stdio: ['ignore', 'pipe', 'inherit'] })
  let ready = false
  proc.stdout!.on('data', (b) => (ready ||= String(b).includes('"listening"')))
  await until(() => ready, 'server start', 30_000)
  return { proc, url: `ws://127.0.0.1:${port}` }
}

/** Stops a server process and waits until it has exited. */
function stopProcess(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve()
  const done = new Promise<void>((r) => proc.once('exit', () => r()))
  proc.kill('SIGTERM')
  return done
}

const rssMb = (pid?: number) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024
  } catch {
    return 0
  }
}

async function inserted(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  const r = await c.query('SELECT tup_inserted::bigint AS n FROM pg_stat_database WHERE datname = current_database()')
  await c.end()
  return Number(r.rows[0].n)
}

async function load(databaseUrl: string, redisUrl: string) {
  const db = new TeamDb(databaseUrl, () => undefined)
  await db.migrate()
  const tokens = await Promise.all(Array.from({ length: CLIENTS }, async (_, i) => {
    const m = await addMember(db, `bench${i}`, 'reviewer')
    return (await issueToken(db, SECRET, m.id, 7200)).token
  }))
  const A = await spawnServer({ DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, INSTANCE_NAME: 'A' })
  const B = await spawnServer({ DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, INSTANCE_NAME: 'B' })
  const clients = tokens.map((t, i) => client(i % 2 ? B.url : A.url, t))
  await until(() => clients.every((c) => c.provider.isSynced), 'clients synced', 60_000)
  // Each client writes only its own concept's note, so every edit must reach every other client.
  const seen = new Map<string, { sent: number; reached: number; last: number }>()
  const spans: number[] = []
  clients.forEach((c, i) => {
    roots(c.doc).concepts.observeDeep((events) => {
      const now = performance.now()
      for (const ev of events) {
        const v = (ev.target as Y.Map<unknown>).get?.('note') as string | undefined
        const s = v && seen.get(v)
        if (!s || v!.startsWith(`${i}:`)) continue
        s.reached++
        s.last = now
        if (s.reached === CLIENTS - 1) spans.push(s.last - s.sent)
      }
    })
  })
  const ins0 = await inserted(databaseUrl)
  const t0 = performance.now()
  let memA = 0, memB = 0, killedAt = -1, made = 0
  const end = t0 + SECONDS * 1000
  for (let tick = 0; performance.now() < end && tick < SECONDS * 20; tick++) {
    for (let k = 0; k < 5; k++) {
      const i = (tick * 5 + k) % CLIENTS
      const c = clients[i]
      const value = `${i}:${made++}`
      seen.set(value, { sent: performance.now(), reached: 0, last: 0 })
      c.doc.transact(() => {
        const concepts = roots(c.doc).concepts
        if (!concepts.has(`load-${i}`)) concepts.set(`load-${i}`, new Y.Map())
        setField(concepts.get(`load-${i}`)!, 'note', value)
      })
    }
    if (tick % 20 === 0) {
      memA = Math.max(memA, rssMb(A.proc.pid))
      memB = Math.max(memB, rssMb(B.proc.pid))
    }
    if (killedAt < 0 && performance.now() > t0 + (SECONDS * 1000) / 2) {
      A.proc.kill('SIGKILL')
      killedAt = made
      for (let i = 0; i < CLIENTS; i += 2) {
        clients[i].destroy()
        clients[i] = client(B.url, tokens[i], clients[i].doc)
      }
    }
    await sleep(50)
  }
  const secs = (performance.now() - t0) / 1000
  await until(() => clients.every((c) => c.provider.isSynced && c.provider.unsyncedChanges === 0), 'all edits acknowledged', 60_000)
  await sleep(1000)
  const ins1 = await inserted(databaseUrl)
  const audit = await db.pool.query("SELECT after #>> '{}' AS v FROM team_audit WHERE field = 'note'")
  const stored = new Set(audit.rows.map((r) => r.v as string))
  const lost = [...seen.keys()].filter((v) => !stored.has(v)).length
  const finals = clients.map((c) => JSON.stringify([...roots(c.doc).concepts.entries()].map(([k, m]) => [k, m.get('note')]).sort()))
  const sorted = spans.sort((a, b) => a - b)
  console.log('## Team server load (two instances behind Redis, loopback)')
  console.log('| clients | seconds | edits | edits/s | reached all: p50 ms | p95 ms | edits reaching all | server RSS MB (A, B) | PG rows inserted/s | acknowledged edits missing in PG | clients agree |')
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |')
  console.log(`| ${CLIENTS} | ${secs.toFixed(0)} | ${made} | ${(made / secs).toFixed(1)} | ${percentile(sorted, 50)?.toFixed(1)} | ${percentile(sorted, 95)?.toFixed(1)} | ${sorted.length} | ${memA.toFixed(0)}, ${memB.toFixed(0)} | ${((ins1 - ins0) / secs).toFixed(0)} | ${lost} | ${finals.every((f) => f === finals[0]) ? 'yes' : 'NO'} |`)
  console.log(`Instance A was killed (SIGKILL) after ${killedAt} edits; its ${CLIENTS / 2} clients reconnected to B.`)
  clients.forEach((c) => c.destroy())
  await stopProcess(B.proc)
  await db.close()
}

async function scale(databaseUrl: string) {
  const db = new TeamDb(databaseUrl, () => undefined)
  await db.migrate()
  const g = generateGlossary(100_000)
  const seed = new Y.Doc()
  let t = performance.now()
  putEntries(seed, g.entries)
  const build = performance.now() - t
  await db.storeSnapshot('termbase', seed)
  const m = await addMember(db, 'scale', 'reviewer')
  const token = (await issueToken(db, SECRET, m.id, 3600)).token
  const S = await spawnServer({ DATABASE_URL: databaseUrl, INSTANCE_NAME: 'S', MAX_UPDATE_BYTES: String(64 << 20) })
  wireBytes = 0
  t = performance.now()
  const a = client(S.url, token)
  await until(() => a.provider.isSynced, 'first sync', 300_000)
  const first = performance.now() - t
  const bytes = wireBytes
  const b = client(S.url, token)
  await until(() => b.provider.isSynced, 'second client', 300_000)
  const lat: number[] = []
  for (let k = 0; k < 20; k++) {
    const id = `g${k * 997}`
    t = performance.now()
    setField(roots(a.doc).concepts.get(id)!, 'note', `edit ${k}`)
    await until(() => roots(b.doc).concepts.get(id)?.get('note') === `edit ${k}`, 'propagation', 30_000)
    lat.push(performance.now() - t)
  }
  lat.sort((x, y) => x - y)
  console.log('\n## Team server scale (20,000 concepts, 100,000 terms)')
  console.log('| concepts | terms | doc build ms | state bytes | first full sync ms | bytes received | one edit to other client p50 ms | p95 ms | server RSS MB |')
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
  console.log(`| ${g.entries.length} | ${g.entries.length * 5} | ${build.toFixed(0)} | ${Y.encodeStateAsUpdate(seed).length} | ${first.toFixed(0)} | ${bytes} | ${percentile(lat, 50).toFixed(1)} | ${percentile(lat, 95).toFixed(1)} | ${rssMb(S.proc.pid).toFixed(0)} |`)
  a.destroy()
  b.destroy()
  await stopProcess(S.proc)
  await db.close()
}

async function freshDb(base: string, name: string): Promise<string> {
  const c = new pg.Client({ connectionString: base })
  await c.connect()
  await c.query(`CREATE DATABASE ${name}`)
  await c.end()
  return base.replace(/\/[^/]+$/, '/' + name)
}

const services = await startServices()
try {
  await load(await freshDb(services.databaseUrl, 'bench_load'), services.redisUrl)
  await scale(await freshDb(services.databaseUrl, 'bench_scale'))
} finally {
  services.stop()
}
process.exit(0)
