// The team termbase server: Hocuspocus over one Yjs document, PostgreSQL as the system of record,
// Redis between instances. Every incoming update is read before it is applied: the sender's role
// must allow each key it writes, or the update is refused and the connection closed; accepted
// updates reach PostgreSQL (with their audit rows) before Hocuspocus applies and acknowledges them.
import { Server, type Extension } from '@hocuspocus/server'
import { Database } from '@hocuspocus/extension-database'
import { Redis } from '@hocuspocus/extension-redis'
import type { Socket } from 'node:net'
import * as Y from 'yjs'
import { TEAM_ROOTS, type Proposal, type TeamRole } from '../src/core/team/layout'
import { auditRows } from './audit'
import type { ServerConfig } from './config'
import { TeamDb } from './db'
import { handleHttp } from './http'
import { inspectUpdate, Refusal, valueAt } from './inspect'
import { createLogger, type Logger } from './log'
import { authenticate } from './members'
import { refusalReason } from './rules'

/** What onAuthenticate puts on each connection. */
export interface TeamContext {
  member: string
  name: string
  role: TeamRole
  tokenId: string
}

/** A running (or ready to run) team server. */
export interface TeamServer {
  server: Server<TeamContext>
  db: TeamDb
  log: Logger
  config: ServerConfig
  listen(): Promise<number>
  close(): Promise<void>
}

const refuse = (reason: string, code = 4403) => Object.assign(new Error(reason), { reason: reason.slice(0, 200), code })

/** Builds the server from `config`; `logSink` receives the JSON log lines instead of stdout. */
export function createTeamServer(config: ServerConfig, logSink?: (line: string) => void): TeamServer {
  const log = createLogger(config.instance, logSink)
  const db = new TeamDb(config.databaseUrl, (e) => log.error('database pool error', { error: e.message }))
  const perIp = new Map<string, number>()
  let sockets = 0

  const guard: Extension = {
    async onUpgrade({ request, socket }) {
      const ip = request.socket.remoteAddress ?? '?'
      const n = perIp.get(ip) ?? 0
      const reason = sockets >= config.maxConnections ? 'server connection limit reached' : n >= config.maxConnectionsPerIp ? `more than ${config.maxConnectionsPerIp} connections from ${ip}` : null
      if (reason) {
        log.warn('connection refused', { ip, reason })
        ;(socket as Socket).end('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
        throw null // stops Hocuspocus from upgrading; the answer is already sent
      }
      perIp.set(ip, n + 1)
      sockets++
      ;(socket as Socket).once('close', () => {
        sockets--
        const left = (perIp.get(ip) ?? 1) - 1
        if (left > 0) perIp.set(ip, left)
        else perIp.delete(ip)
      })
    },
    async onRequest({ request, response }) {
      const stats = () => ({ documents: server.hocuspocus.getDocumentsCount(), connections: server.hocuspocus.getConnectionsCount(), sockets, redis: Boolean(config.redisUrl) })
      if (await handleHttp({ db, log, secret: config.tokenSecret, docName: config.docName, corsOrigin: config.corsOrigin, instance: config.instance, stats }, request, response)) throw null
    },
    async onAuthenticate({ token, documentName, socketId, request, connectionConfig }) {
      const ip = request.headers.get('x-forwarded-for') ?? undefined
      if (documentName !== config.docName) {
        log.warn('connection refused', { socketId, ip, reason: `unknown document "${documentName}"` })
        throw refuse(`this server serves only "${config.docName}"`)
      }
      try {
        const who = await authenticate(db, config.tokenSecret, token)
        connectionConfig.readOnly = who.role === 'viewer'
        log.info('authenticated', { socketId, member: who.member, role: who.role })
        return who
      } catch (e) {
        log.warn('authentication refused', { socketId, reason: (e as Error).message })
        throw refuse(`authentication refused: ${(e as Error).message}`, 4401)
      }
    },
    async beforeHandleMessage({ update, context, socketId }) {
      if (update.length > config.maxUpdateBytes) {
        log.warn('update refused', { socketId, member: context?.member, reason: `message of ${update.length} bytes over the ${config.maxUpdateBytes}-byte limit` })
        throw refuse(`message over ${config.maxUpdateBytes} bytes`, 4413)
      }
    },
    async beforeSync({ type, payload, document, context, connection }) {
      if (type !== 1 && type !== 2) return
      const ctx = context as TeamContext
      let writes, gcStructs
      try {
        ;({ writes, gcStructs } = inspectUpdate(document, payload))
        const why = refusalReason(ctx, writes, document, gcStructs)
        if (why) throw new Refusal(why)
      } catch (e) {
        const r = e instanceof Refusal ? e : new Refusal(`unreadable update: ${(e as Error).message}`, 4400)
        log.warn('update refused', { member: ctx.member, role: ctx.role, socketId: connection.socketId, reason: r.reason })
        throw refuse(r.reason, r.code)
      }
      if (writes.length === 0 && gcStructs === 0) return
      const audit = auditRows(ctx, writes, (id) => valueAt(document, [TEAM_ROOTS.proposals], id) as Proposal | undefined)
      try {
        await db.recordUpdate(document.name, payload, ctx.member, audit)
      } catch (e) {
        log.error('update not stored', { member: ctx.member, error: (e as Error).message })
        // Close the whole socket: the provider reconnects with back-off and sends the change again.
        setTimeout(() => connection.webSocket.close(4503, 'storage unavailable'), 0)
        throw refuse('the server cannot store changes right now; they stay on your device', 4503)
      }
    },
    async beforeHandleAwareness({ states, context }) {
      // Presence is relayed, never stored; oversized states are dropped rather than broadcast.
      for (const [id, state] of states) {
        if (JSON.stringify(state).length > 2048) {
          states.delete(id)
          log.warn('awareness refused', { member: (context as TeamContext | undefined)?.member, reason: 'awareness state over 2048 bytes' })
        }
      }
    },
    async onStateless({ connection, payload }) {
      // Requests of the browser over its authenticated socket: {id, op: 'me' | 'history', concept}.
      const ctx = connection.context as TeamContext
      let req: { id?: unknown; op?: unknown; concept?: unknown }
      try {
        req = JSON.parse(payload)
      } catch {
        log.warn('request refused', { member: ctx?.member, reason: 'stateless payload is not JSON' })
        return
      }
      const reply = (body: Record<string, unknown>) => connection.sendStateless(JSON.stringify({ id: req.id, ...body }))
      if (req.op === 'me') return reply({ result: { member: ctx.member, name: ctx.name, role: ctx.role } })
      if (req.op === 'history' && typeof req.concept === 'string' && req.concept.length <= 200) {
        return reply({ result: await db.listAudit(config.docName, { conceptId: req.concept, limit: 2000 }) })
      }
      reply({ error: `unknown request ${JSON.stringify(req.op)}` })
    },
    async afterLoadDocument({ document }) {
      for (const root of Object.values(TEAM_ROOTS)) document.getMap(root)
    },
    async onDisconnect({ context, socketId }) {
      if (context?.member) log.info('disconnected', { socketId, member: context.member })
    },
  }

  const extensions: Extension[] = [
    guard,
    new Database({
      fetch: async ({ documentName }) => db.loadDocument(documentName),
      store: async ({ documentName, document }) => {
        try {
          await db.storeSnapshot(documentName, document as unknown as Y.Doc)
        } catch (e) {
          log.error('snapshot not stored', { error: (e as Error).message })
        }
      },
    }),
  ]
  if (config.redisUrl) {
    const u = new URL(config.redisUrl)
    extensions.push(new Redis({ host: u.hostname, port: Number(u.port || 6379), identifier: config.instance, prefix: 'termbench', options: { password: u.password || undefined } }))
  }
  const server = new Server<TeamContext>({
    name: config.instance,
    port: config.port,
    address: config.host,
    quiet: true,
    stopOnSignals: false,
    debounce: config.storeDebounceMs,
    maxDebounce: config.storeDebounceMs * 5,
    websocketOptions: { maxPayload: config.maxUpdateBytes * 2 },
    extensions,
  })

  return {
    server, db, log, config,
    async listen() {
      await db.migrate()
      await server.listen(config.port)
      const port = server.address.port
      log.info('listening', { host: config.host, port, redis: Boolean(config.redisUrl) })
      return port
    },
    async close() {
      await server.destroy()
      await db.close()
      log.info('stopped')
    },
  }
}
