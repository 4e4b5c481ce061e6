// Test harness for the team server: a fresh database per test file, servers on free loopback ports
// with their JSON log lines captured, members with tokens, and headless Yjs clients (Hocuspocus
// providers over the `ws` package, as a browser would connect).
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import type { TeamRole } from '../../src/core/team/layout'
import { createTeamServer, type TeamServer } from '../../server/app'
import type { ServerConfig } from '../../server/config'
import { addMember, issueToken } from '../../server/members'

export const SECRET = 'test-secret-0123456789-0123456789-abcdef'

/** Creates an empty database on the test cluster; returns its URL. */
export async function freshDatabase(): Promise<string> {
  const { databaseUrl } = inject('services')
  const name = 'tb_' + randomBytes(6).toString('hex')
  const c = new pg.Client({ connectionString: databaseUrl })
  await c.connect()
  await c.query(`CREATE DATABASE ${name}`)
  await c.end()
  return databaseUrl.replace(/\/[^/]+$/, '/' + name)
}

/** A started server with its captured log lines (parsed). */
export interface Running {
  team: TeamServer
  port: number
  url: string
  http: string
  logs: Array<Record<string, unknown>>
}

/** Starts a team server on a free port. */
export async function startServer(databaseUrl: string, over: Partial<ServerConfig> = {}): Promise<Running> {
  const logs: Array<Record<string, unknown>> = []
  const config: ServerConfig = {
    port: 0, host: '127.0.0.1', databaseUrl, tokenSecret: SECRET, docName: 'termbase',
    maxUpdateBytes: 256 * 1024, maxConnectionsPerIp: 200, maxConnections: 1000,
    instance: 'test-' + randomBytes(3).toString('hex'), storeDebounceMs: 200, corsOrigin: '*', ...over,
  }
  const team = createTeamServer(config, (l) => logs.push(JSON.parse(l)))
  const port = await team.listen()
  return { team, port, url: `ws://127.0.0.1:${port}`, http: `http://127.0.0.1:${port}`, logs }
}

/** Adds a member with `role` and returns a token for them. */
export async function memberToken(team: TeamServer, name: string, role: TeamRole): Promise<{ member: string; token: string }> {
  const m = await addMember(team.db, name, role)
  const t = await issueToken(team.db, SECRET, m.id, 3600)
  return { member: m.id, token: t.token }
}

/** A headless Yjs client connected through a Hocuspocus provider. */
export interface Client {
  doc: Y.Doc
  provider: HocuspocusProvider
  socket: HocuspocusProviderWebsocket
  closes: string[]
  denied: string[]
  destroy(): void
}

/** Connects a client to `url` with `token`, on `doc` (a new one by default). */
export function connect(url: string, token: string, doc = new Y.Doc()): Client {
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket, delay: 100, minDelay: 100, maxDelay: 500 })
  const closes: string[] = []
  const denied: string[] = []
  const provider = new HocuspocusProvider({
    websocketProvider: socket, name: 'termbase', document: doc, token,
    onClose: ({ event }) => closes.push(String(event?.reason ?? '')),
    onAuthenticationFailed: ({ reason }) => denied.push(reason),
  })
  provider.attach()
  return { doc, provider, socket, closes, denied, destroy: () => (provider.destroy(), socket.destroy()) }
}

/** Waits until `cond` holds, polling; throws with `what` after `ms`. */
export async function until(cond: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (await cond()) return
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error(`timed out waiting for ${what}`)
}

/** Waits until the client has synced with the server. */
export function synced(c: Client): Promise<void> {
  return until(() => c.provider.isSynced && c.provider.unsyncedChanges === 0, 'client sync')
}

/** Lets pending messages travel (for asserting that something did NOT arrive). */
export const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms))
