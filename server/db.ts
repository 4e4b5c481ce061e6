// PostgreSQL, the system of record: every accepted Yjs update (written before the client is told it
// was applied), compacted document snapshots, the audit log, and the members and their tokens.
import pg from 'pg'
import * as Y from 'yjs'
import type { AuditEntry } from '../src/core/team/layout'

/** One row of the audit log as written (the database gives it its id and time). */
export type AuditRow = Omit<AuditEntry, 'id' | 'at'> & Partial<Pick<AuditEntry, 'id' | 'at'>>

const SCHEMA = `
CREATE TABLE IF NOT EXISTS team_members (
  id text PRIMARY KEY, name text NOT NULL,
  role text NOT NULL CHECK (role IN ('viewer','contributor','reviewer','admin')),
  created_at timestamptz NOT NULL DEFAULT now(), disabled boolean NOT NULL DEFAULT false);
CREATE TABLE IF NOT EXISTS team_tokens (
  id text PRIMARY KEY, member_id text NOT NULL REFERENCES team_members(id),
  expires_at timestamptz NOT NULL, revoked_at timestamptz, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS team_updates (
  id bigserial PRIMARY KEY, doc text NOT NULL, data bytea NOT NULL, member_id text, at timestamptz NOT NULL DEFAULT now());
CREATE INDEX IF NOT EXISTS team_updates_doc ON team_updates (doc, id);
CREATE TABLE IF NOT EXISTS team_documents (
  name text PRIMARY KEY, state bytea NOT NULL, seq bigint NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS team_audit (
  id bigserial PRIMARY KEY, doc text NOT NULL, at timestamptz NOT NULL DEFAULT now(),
  member_id text NOT NULL, role text NOT NULL, action text NOT NULL, concept_id text, field text,
  before jsonb, after jsonb, proposal_id text, update_id bigint);
CREATE INDEX IF NOT EXISTS team_audit_concept ON team_audit (doc, concept_id, id);
`

/** Data access for the team server over one connection pool. */
export class TeamDb {
  readonly pool: pg.Pool

  constructor(url: string, onError: (e: Error) => void) {
    this.pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 })
    this.pool.on('error', onError)
    this.pool.on('connect', (client) => client.on('error', onError))
  }

  /** Creates the tables when missing (under an advisory lock, so that instances may start together). */
  async migrate(): Promise<void> {
    const c = await this.pool.connect()
    try {
      await c.query('SELECT pg_advisory_lock(715517)')
      await c.query(SCHEMA)
    } finally {
      await c.query('SELECT pg_advisory_unlock(715517)').catch(() => undefined)
      c.release()
    }
  }

  /** Stores one accepted update and its audit rows in one transaction; returns the update's id. */
  async recordUpdate(doc: string, data: Uint8Array, member: string, audit: AuditRow[]): Promise<number> {
    return this.tx(async (c) => {
      const r = await c.query('INSERT INTO team_updates (doc, data, member_id) VALUES ($1, $2, $3) RETURNING id', [doc, Buffer.from(data), member])
      const id = Number(r.rows[0].id)
      for (const a of audit) {
        await c.query(
          `INSERT INTO team_audit (doc, member_id, role, action, concept_id, field, before, after, proposal_id, update_id)
           VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
          [doc, a.member, a.role, a.action, a.conceptId, a.field, json(a.before), json(a.after), a.proposalId, id],
        )
      }
      return id
    })
  }

  /** The document as stored: the last snapshot merged with every update recorded after it. */
  async loadDocument(doc: string): Promise<Uint8Array | null> {
    const snap = await this.pool.query('SELECT state, seq FROM team_documents WHERE name = $1', [doc])
    const seq = snap.rows[0] ? Number(snap.rows[0].seq) : 0
    const ups = await this.pool.query('SELECT data FROM team_updates WHERE doc = $1 AND id > $2 ORDER BY id', [doc, seq])
    const parts: Uint8Array[] = [...(snap.rows[0] ? [snap.rows[0].state as Uint8Array] : []), ...ups.rows.map((r) => r.data as Uint8Array)]
    return parts.length ? Y.mergeUpdates(parts) : null
  }

  /**
   * Writes a snapshot of `ydoc` and drops the recorded updates it already contains. A snapshot from an
   * instance that lags behind never hides newer updates: those stay in team_updates.
   */
  async storeSnapshot(doc: string, ydoc: Y.Doc): Promise<void> {
    await this.tx(async (c) => {
      const cur = await c.query('SELECT state, seq FROM team_documents WHERE name = $1 FOR UPDATE', [doc])
      const oldSeq = cur.rows[0] ? Number(cur.rows[0].seq) : 0
      const snap = Y.snapshot(ydoc)
      const ups = await c.query('SELECT id, data FROM team_updates WHERE doc = $1 AND id > $2 ORDER BY id', [doc, oldSeq])
      let seq = oldSeq
      for (const r of ups.rows) {
        if (!Y.snapshotContainsUpdate(snap, r.data)) break
        seq = Number(r.id)
      }
      let state = Y.encodeStateAsUpdate(ydoc)
      const old = cur.rows[0]?.state as Uint8Array | undefined
      if (old && !Y.snapshotContainsUpdate(snap, old)) state = Y.mergeUpdates([old, state])
      await c.query(
        `INSERT INTO team_documents (name, state, seq, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (name) DO UPDATE SET state = EXCLUDED.state, seq = EXCLUDED.seq, updated_at = now()`,
        [doc, Buffer.from(state), seq],
      )
      await c.query('DELETE FROM team_updates WHERE doc = $1 AND id <= $2', [doc, seq])
    })
  }

  /** Audit rows, oldest first, optionally for one concept. */
  async listAudit(doc: string, opts: { conceptId?: string; limit?: number; afterId?: number } = {}): Promise<AuditRow[]> {
    const r = await this.pool.query(
      `SELECT a.id, a.at, a.member_id, m.name AS member_name, a.role, a.action, a.concept_id, a.field, a.before, a.after, a.proposal_id
       FROM team_audit a LEFT JOIN team_members m ON m.id = a.member_id
       WHERE a.doc = $1 AND ($2::text IS NULL OR a.concept_id = $2) AND a.id > $3 ORDER BY a.id LIMIT $4`,
      [doc, opts.conceptId ?? null, opts.afterId ?? 0, Math.min(opts.limit ?? 10_000, 100_000)],
    )
    return r.rows.map((x) => ({
      id: Number(x.id), at: (x.at as Date).toISOString(), member: x.member_id, memberName: x.member_name ?? undefined, role: x.role, action: x.action,
      conceptId: x.concept_id, field: x.field, before: x.before ?? undefined, after: x.after ?? undefined, proposalId: x.proposal_id,
    }))
  }

  /** Runs `fn` in a transaction on one client. */
  async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect()
    try {
      await c.query('BEGIN')
      const out = await fn(c)
      await c.query('COMMIT')
      return out
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined)
      throw e
    } finally {
      c.release()
    }
  }

  /** Closes the pool. */
  async close(): Promise<void> {
    await this.pool.end()
  }
}

/** JSON for a jsonb column; undefined (no value) becomes SQL NULL. */
function json(v: unknown): string | null {
  return v === undefined ? null : JSON.stringify(v)
}
