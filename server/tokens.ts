// Member tokens: a base64url JSON payload (token id, member, expiry) signed with HMAC-SHA256.
// The signature proves the server issued it; the database says whether it is still valid.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** What a token carries. `exp` is seconds since the epoch. */
export interface TokenClaims {
  tid: string
  sub: string
  exp: number
}

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url')

/** Signs `claims` with `secret`. */
export function signToken(claims: TokenClaims, secret: string): string {
  const body = b64(JSON.stringify(claims))
  const mac = createHmac('sha256', secret).update(body).digest()
  return `${body}.${b64(mac)}`
}

/** A new random token id. */
export function newTokenId(): string {
  return randomBytes(12).toString('base64url')
}

/** Checks signature and expiry; returns the claims or throws with the reason. */
export function verifyToken(token: string, secret: string, now = Date.now()): TokenClaims {
  if (typeof token !== 'string' || token.length > 2048) throw new Error('token missing or too long')
  const [body, mac, extra] = token.split('.')
  if (!body || !mac || extra !== undefined) throw new Error('token is not in the form payload.signature')
  const want = createHmac('sha256', secret).update(body).digest()
  const got = Buffer.from(mac, 'base64url')
  if (got.length !== want.length || !timingSafeEqual(got, want)) throw new Error('token signature is not valid (forged or from another server)')
  let claims: TokenClaims
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    throw new Error('token payload is not JSON')
  }
  if (typeof claims.tid !== 'string' || typeof claims.sub !== 'string' || typeof claims.exp !== 'number') throw new Error('token payload lacks tid, sub or exp')
  if (claims.exp * 1000 <= now) throw new Error(`token expired at ${new Date(claims.exp * 1000).toISOString()}`)
  return claims
}
