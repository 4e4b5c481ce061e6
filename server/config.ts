// The server's configuration, read from environment variables once at start, with clear errors.

/** Everything the team server needs to run; see README ("Team server") for the variables. */
export interface ServerConfig {
  port: number
  host: string
  databaseUrl: string
  redisUrl?: string
  tokenSecret: string
  /** The one document name the server serves (the team termbase). */
  docName: string
  maxUpdateBytes: number
  maxConnectionsPerIp: number
  maxConnections: number
  instance: string
  storeDebounceMs: number
  corsOrigin: string
}

/** Reads the configuration from `env`; throws one error naming every missing or bad variable. */
export function readConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const problems: string[] = []
  const int = (name: string, dflt: number, min = 0): number => {
    const raw = env[name]
    if (raw === undefined || raw === '') return dflt
    const n = Number(raw)
    if (!Number.isInteger(n) || n < min) problems.push(`${name} must be an integer ≥ ${min}, got "${raw}"`)
    return n
  }
  const databaseUrl = env.DATABASE_URL ?? ''
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push('DATABASE_URL must be a postgres:// URL')
  const tokenSecret = env.TEAM_TOKEN_SECRET ?? ''
  if (tokenSecret.length < 32) problems.push('TEAM_TOKEN_SECRET must be at least 32 characters')
  const redisUrl = env.REDIS_URL || undefined
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) problems.push('REDIS_URL must be a redis:// URL')
  const cfg: ServerConfig = {
    port: int('PORT', 1234),
    host: env.HOST || '127.0.0.1',
    databaseUrl,
    redisUrl,
    tokenSecret,
    docName: env.TEAM_DOC || 'termbase',
    maxUpdateBytes: int('MAX_UPDATE_BYTES', 2 * 1024 * 1024, 1024),
    maxConnectionsPerIp: int('MAX_CONNECTIONS_PER_IP', 100, 1),
    maxConnections: int('MAX_CONNECTIONS', 2000, 1),
    instance: env.INSTANCE_NAME || `team-${process.pid}`,
    storeDebounceMs: int('STORE_DEBOUNCE_MS', 2000),
    corsOrigin: env.CORS_ORIGIN || '*',
  }
  if (problems.length) throw new Error(`Bad team server configuration:\n- ${problems.join('\n- ')}`)
  return cfg
}
