// The HTTP side of the team server, on the same port as the WebSocket: /health, a member's own
// details and the team history of a concept, and the admin API (members, tokens, audit CSV).
import type { IncomingMessage, ServerResponse } from 'node:http'
import { roleAtLeast, type TeamRole } from '../src/core/team/layout'
import { auditCsv } from './audit'
import type { TeamDb } from './db'
import type { Logger } from './log'
import { addMember, authenticate, issueToken, listMembers, revokeToken, updateMember } from './members'

/** What the HTTP handler needs from the running server. */
export interface HttpDeps {
  db: TeamDb
  log: Logger
  secret: string
  docName: string
  corsOrigin: string
  instance: string
  stats: () => Record<string, unknown>
}

class HttpError extends Error {
  constructor(public readonly status: number, message: string) {
    super(message)
  }
}

/** Handles a request; returns false when the path is not one of ours (Hocuspocus answers it). */
export async function handleHttp(deps: HttpDeps, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://localhost')
  const path = url.pathname
  if (path !== '/health' && !path.startsWith('/api/')) return false
  res.setHeader('Access-Control-Allow-Origin', deps.corsOrigin)
  res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type')
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PATCH, DELETE, OPTIONS')
  if (req.method === 'OPTIONS') return send(res, 204, '')
  try {
    if (path === '/health') {
      const db = await deps.db.pool.query('SELECT 1').then(() => 'ok', (e: Error) => e.message)
      return sendJson(res, db === 'ok' ? 200 : 503, { status: db === 'ok' ? 'ok' : 'degraded', instance: deps.instance, database: db, ...deps.stats() })
    }
    const who = await bearer(deps, req)
    const need = (role: TeamRole) => {
      if (!roleAtLeast(who.role, role)) throw new HttpError(403, `a ${who.role} cannot do this; it needs ${role}`)
    }
    if (path === '/api/me' && req.method === 'GET') return sendJson(res, 200, who)
    if (path === '/api/history' && req.method === 'GET') {
      const concept = url.searchParams.get('concept')
      if (!concept) throw new HttpError(400, 'history needs ?concept=<id>')
      return sendJson(res, 200, { rows: await deps.db.listAudit(deps.docName, { conceptId: concept, limit: 2000 }) })
    }
    if (!path.startsWith('/api/admin/')) throw new HttpError(404, `no such path ${path}`)
    need('admin')
    const parts = path.split('/').slice(3)
    if (parts[0] === 'members' && parts.length === 1 && req.method === 'GET') return sendJson(res, 200, { members: await listMembers(deps.db) })
    if (parts[0] === 'members' && parts.length === 1 && req.method === 'POST') {
      const b = await body(req)
      const m = await addMember(deps.db, String(b.name ?? ''), b.role as TeamRole)
      deps.log.info('member added', { by: who.member, member: m.id, role: m.role })
      return sendJson(res, 201, m)
    }
    if (parts[0] === 'members' && parts.length === 2 && req.method === 'PATCH') {
      const b = await body(req)
      await updateMember(deps.db, parts[1], { role: b.role as TeamRole | undefined, disabled: b.disabled as boolean | undefined })
      deps.log.info('member changed', { by: who.member, member: parts[1], role: b.role, disabled: b.disabled })
      return sendJson(res, 200, { ok: true })
    }
    if (parts[0] === 'tokens' && parts.length === 1 && req.method === 'POST') {
      const b = await body(req)
      const t = await issueToken(deps.db, deps.secret, String(b.member ?? ''), Math.round(Number(b.ttlSeconds ?? 90 * 86400)))
      deps.log.info('token issued', { by: who.member, member: b.member, token: t.id, expires: t.expires })
      return sendJson(res, 201, t)
    }
    if (parts[0] === 'tokens' && parts.length === 2 && req.method === 'DELETE') {
      await revokeToken(deps.db, parts[1])
      deps.log.info('token revoked', { by: who.member, token: parts[1] })
      return sendJson(res, 200, { ok: true })
    }
    if (parts[0] === 'audit.csv' && req.method === 'GET') {
      const names = new Map((await listMembers(deps.db)).map((m) => [m.id, m.name]))
      const csv = auditCsv(await deps.db.listAudit(deps.docName, { limit: 100_000 }), names)
      res.setHeader('Content-Disposition', 'attachment; filename="team-audit.csv"')
      return send(res, 200, csv, 'text/csv; charset=utf-8')
    }
    throw new HttpError(404, `no such admin path ${path}`)
  } catch (e) {
    const status = e instanceof HttpError ? e.status : /^(no |unknown|a member|token lifetime)/.test((e as Error).message) ? 400 : 500
    if (status >= 500) deps.log.error('http error', { path, error: (e as Error).message })
    else deps.log.warn('http refused', { path, method: req.method, status, reason: (e as Error).message })
    return sendJson(res, status, { error: (e as Error).message })
  }
}

async function bearer(deps: HttpDeps, req: IncomingMessage) {
  const h = req.headers.authorization ?? ''
  if (!h.startsWith('Bearer ')) throw new HttpError(401, 'missing Authorization: Bearer <token>')
  try {
    return await authenticate(deps.db, deps.secret, h.slice(7).trim())
  } catch (e) {
    throw new HttpError(401, (e as Error).message)
  }
}

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const c of req) {
    size += (c as Buffer).length
    if (size > 64 * 1024) throw new HttpError(413, 'request body over 64 KiB')
    chunks.push(c as Buffer)
  }
  try {
    const v = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error()
    return v
  } catch {
    throw new HttpError(400, 'request body must be a JSON object')
  }
}

function sendJson(res: ServerResponse, status: number, v: unknown): true {
  return send(res, status, JSON.stringify(v), 'application/json')
}

function send(res: ServerResponse, status: number, text: string, type = 'text/plain'): true {
  res.writeHead(status, { 'Content-Type': type })
  res.end(text)
  return true
}
