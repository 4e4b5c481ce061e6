// PostgreSQL and Redis for the team server's tests and benchmark: installs Debian's `postgresql` and
// `redis-server` with apt-get when missing (as root), then runs a throwaway PostgreSQL cluster in a
// temporary directory and a redis-server, both on loopback on free ports, and stops them afterwards.
//   node scripts/ensure-services.mjs --check   install if missing, then exit
//   node scripts/ensure-services.mjs --run     start both, print the URLs as shell exports, stop on Ctrl+C
// As a module: startServices() → { databaseUrl, redisUrl, stop() }, plus postgresCtl(services, 'stop' | 'start').
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const isRoot = process.getuid?.() === 0

/** The bin directory of the newest installed PostgreSQL, or null. */
export function postgresBin() {
  const base = '/usr/lib/postgresql'
  if (!existsSync(base)) return null
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a))
  return versions.length ? join(base, versions[0], 'bin') : null
}

function redisBin() {
  return ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p)) ?? null
}

/** Installs postgresql and redis-server from Debian when missing; throws with the command otherwise. */
export function ensureInstalled() {
  const missing = [!postgresBin() && 'postgresql', !redisBin() && 'redis-server'].filter(Boolean)
  if (!missing.length) return
  const cmd = `apt-get update && apt-get install -y ${missing.join(' ')}`
  if (!isRoot) throw new Error(`PostgreSQL/Redis are missing. Install them as root:\n  ${cmd}`)
  console.log(`Installing ${missing.join(' and ')} from Debian: ${cmd}`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...missing]]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env })
    if (r.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`)
  }
}

/** A free TCP port on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

/** Runs a PostgreSQL tool, as the `postgres` system user when we are root (PostgreSQL refuses root). */
function pgRun(bin, tool, args) {
  const full = join(bin, tool)
  if (isRoot) return execFileSync('runuser', ['-u', 'postgres', '--', full, ...args], { stdio: 'pipe' })
  return execFileSync(full, args, { stdio: 'pipe' })
}

function pgCtl(s, action) {
  const opts = `-c listen_addresses=127.0.0.1 -p ${s.pgPort} -k ${s.dir} -c fsync=off -c max_connections=200`
  pgRun(s.bin, 'pg_ctl', ['-D', join(s.dir, 'data'), '-l', join(s.dir, 'postgres.log'), '-o', opts, '-w', '-t', '60', action])
}

/** Starts a throwaway PostgreSQL cluster and a redis-server on loopback; returns URLs and stop(). */
export async function startServices() {
  ensureInstalled()
  const bin = postgresBin()
  const dir = mkdtempSync(join(tmpdir(), 'termbench-pg-'))
  chmodSync(dir, 0o755)
  if (isRoot) {
    const pw = execFileSync('id', ['-u', 'postgres']).toString().trim()
    const gr = execFileSync('id', ['-g', 'postgres']).toString().trim()
    chownSync(dir, Number(pw), Number(gr))
  }
  const s = { bin, dir, pgPort: await freePort(), redisPort: await freePort(), redis: null }
  pgRun(bin, 'initdb', ['-D', join(dir, 'data'), '-U', 'termbench', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'])
  pgCtl(s, 'start')
  pgRun(bin, 'createdb', ['-h', '127.0.0.1', '-p', String(s.pgPort), '-U', 'termbench', 'termbench'])
  s.redis = spawn(redisBin(), ['--port', String(s.redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
  await waitForPort(s.redisPort)
  s.databaseUrl = `postgres://termbench@127.0.0.1:${s.pgPort}/termbench`
  s.redisUrl = `redis://127.0.0.1:${s.redisPort}`
  s.stop = () => stopServices(s)
  return s
}

/** Stops both services and removes the cluster's directory. */
export function stopServices(s) {
  try {
    pgCtl(s, 'stop')
  } catch (e) {
    console.error(`pg_ctl stop failed: ${e.message}`)
  }
  s.redis?.kill('SIGTERM')
  rmSync(s.dir, { recursive: true, force: true })
}

/** Stops PostgreSQL, or starts it again (the fault tests: the servers must recover). */
export function postgresCtl(s, action) {
  pgCtl(s, action)
}

async function waitForPort(port, tries = 100) {
  const { connect } = await import('node:net')
  for (let i = 0; i < tries; i++) {
    const ok = await new Promise((res) => {
      const c = connect(port, '127.0.0.1', () => (c.end(), res(true)))
      c.once('error', () => res(false))
    })
    if (ok) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`nothing listens on port ${port}`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const mode = process.argv[2] ?? '--check'
  try {
    if (mode === '--check') {
      ensureInstalled()
      console.log(`PostgreSQL (${postgresBin()}) and redis-server (${redisBin()}) are installed.`)
    } else if (mode === '--run') {
      const s = await startServices()
      console.log(`export DATABASE_URL=${s.databaseUrl}\nexport REDIS_URL=${s.redisUrl}\n# Ctrl+C stops both`)
      const stop = () => (stopServices(s), process.exit(0))
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
      setInterval(() => {}, 1 << 30)
    } else throw new Error(`unknown option ${mode}; use --check or --run`)
  } catch (e) {
    console.error(e.message)
    process.exit(1)
  }
}
