// Members and their tokens in PostgreSQL: an admin adds members with a role and issues signed,
// expiring tokens; a token is valid while its signature holds, it has not expired or been revoked,
// and its member is not disabled. The member's role is read from the database at each connection.
import { randomBytes } from 'node:crypto'
import { isTeamRole, type TeamRole } from '../src/core/team/layout'
import type { TeamDb } from './db'
import { newTokenId, signToken, verifyToken } from './tokens'

/** A member of the team. */
export interface Member {
  id: string
  name: string
  role: TeamRole
  disabled: boolean
  created: string
}

/** Adds a member; returns it. */
export async function addMember(db: TeamDb, name: string, role: TeamRole): Promise<Member> {
  if (!name.trim() || name.length > 200) throw new Error('a member needs a name of 1 to 200 characters')
  if (!isTeamRole(role)) throw new Error(`unknown role "${String(role)}"`)
  const id = 'm_' + randomBytes(8).toString('hex')
  const r = await db.pool.query('INSERT INTO team_members (id, name, role) VALUES ($1, $2, $3) RETURNING created_at', [id, name.trim(), role])
  return { id, name: name.trim(), role, disabled: false, created: (r.rows[0].created_at as Date).toISOString() }
}

/** Every member, oldest first. */
export async function listMembers(db: TeamDb): Promise<Member[]> {
  const r = await db.pool.query('SELECT id, name, role, disabled, created_at FROM team_members ORDER BY created_at, id')
  return r.rows.map((x) => ({ id: x.id, name: x.name, role: x.role, disabled: x.disabled, created: (x.created_at as Date).toISOString() }))
}

/** Changes a member's role or disables them; throws when the member does not exist. */
export async function updateMember(db: TeamDb, id: string, change: { role?: TeamRole; disabled?: boolean }): Promise<void> {
  if (change.role !== undefined && !isTeamRole(change.role)) throw new Error(`unknown role "${String(change.role)}"`)
  const r = await db.pool.query(
    'UPDATE team_members SET role = COALESCE($2, role), disabled = COALESCE($3, disabled) WHERE id = $1',
    [id, change.role ?? null, change.disabled ?? null],
  )
  if (r.rowCount === 0) throw new Error(`no member "${id}"`)
}

/** Issues a token for a member, valid for `ttlSeconds`; returns the token string and its id. */
export async function issueToken(db: TeamDb, secret: string, memberId: string, ttlSeconds: number): Promise<{ token: string; id: string; expires: string }> {
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > 5 * 366 * 86400) throw new Error('token lifetime must be 1 s to 5 years')
  const id = newTokenId()
  const exp = Math.floor(Date.now() / 1000) + ttlSeconds
  const m = await db.pool.query('SELECT 1 FROM team_members WHERE id = $1', [memberId])
  if (m.rowCount === 0) throw new Error(`no member "${memberId}"`)
  await db.pool.query('INSERT INTO team_tokens (id, member_id, expires_at) VALUES ($1, $2, to_timestamp($3))', [id, memberId, exp])
  return { token: signToken({ tid: id, sub: memberId, exp }, secret), id, expires: new Date(exp * 1000).toISOString() }
}

/** Revokes a token by id. */
export async function revokeToken(db: TeamDb, tokenId: string): Promise<void> {
  const r = await db.pool.query('UPDATE team_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [tokenId])
  if (r.rowCount === 0) throw new Error(`no active token "${tokenId}"`)
}

/** Who a token belongs to, or throws with the reason it is refused. */
export async function authenticate(db: TeamDb, secret: string, token: string): Promise<{ member: string; name: string; role: TeamRole; tokenId: string }> {
  const claims = verifyToken(token, secret)
  const r = await db.pool.query(
    `SELECT t.revoked_at, t.expires_at, m.id, m.name, m.role, m.disabled FROM team_tokens t
     JOIN team_members m ON m.id = t.member_id WHERE t.id = $1 AND m.id = $2`,
    [claims.tid, claims.sub],
  )
  const row = r.rows[0]
  if (!row) throw new Error('token is not known to this server')
  if (row.revoked_at) throw new Error('token was revoked')
  if ((row.expires_at as Date).getTime() <= Date.now()) throw new Error('token expired')
  if (row.disabled) throw new Error('member is disabled')
  return { member: row.id, name: row.name, role: row.role, tokenId: claims.tid }
}
