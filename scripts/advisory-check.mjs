// Checks the runtime packages of package-lock.json against known advisories: `npm audit` where the registry answers
// it, and always the dated, checked-in list in security/advisories.json (this project's registry answers npm audit 405).
//
// Run: node scripts/advisory-check.mjs [--no-npm-audit]
// Fails (exit 1) when an installed runtime version lies in an advisory's affected range and no dated exception in
// security/advisories.json covers it, or when npm audit reports a moderate or worse advisory not excepted.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

const SEVERITY_RANK = { info: 0, low: 1, moderate: 2, high: 3, critical: 4 }

/** Parses "1.2.3" or "1.22.0-dev.20250409-89f8206ba4" (a leading "v" or "=" allowed); null when it is no version. */
export function parseVersion(text) {
  const m = /^[=v]*(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(String(text).trim())
  if (!m) return null
  return { nums: [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)], pre: m[4] ? m[4].split('.') : [] }
}

/** Semver order of two versions: negative, zero or positive; a pre-release sorts before its release. */
export function compareVersions(a, b) {
  const x = typeof a === 'string' ? parseVersion(a) : a
  const y = typeof b === 'string' ? parseVersion(b) : b
  if (!x || !y) throw new Error(`not a version: ${!x ? a : b}`)
  for (let i = 0; i < 3; i++) if (x.nums[i] !== y.nums[i]) return x.nums[i] - y.nums[i]
  if (!x.pre.length || !y.pre.length) return y.pre.length - x.pre.length
  for (let i = 0; i < Math.max(x.pre.length, y.pre.length); i++) {
    const p = x.pre[i]
    const q = y.pre[i]
    if (p === undefined || q === undefined) return p === undefined ? -1 : 1
    const pn = /^\d+$/.test(p)
    const qn = /^\d+$/.test(q)
    if (pn && qn && Number(p) !== Number(q)) return Number(p) - Number(q)
    if (pn !== qn) return pn ? -1 : 1
    if (p !== q) return p < q ? -1 : 1
  }
  return 0
}

/**
 * True when `version` lies in `range`: alternatives joined by "||", each a space-separated list of comparators
 * (<, <=, >, >=, = or a bare version) that must all hold; "*" is every version. Pre-releases compare by plain
 * semver order (stricter than npm, which leaves them out of most ranges: an advisory check should rather warn).
 */
export function satisfies(version, range) {
  const v = parseVersion(version)
  if (!v) throw new Error(`not a version: ${version}`)
  return range.split('||').some((alt) => {
    const parts = alt.trim().split(/\s+/).filter(Boolean)
    if (!parts.length) throw new Error(`empty alternative in range "${range}"`)
    return parts.every((c) => {
      if (c === '*') return true
      const m = /^(<=|>=|<|>|=)?(.+)$/.exec(c)
      const bound = parseVersion(m[2])
      if (!bound) throw new Error(`bad comparator "${c}" in range "${range}"`)
      const d = compareVersions(v, bound)
      switch (m[1] ?? '=') {
        case '<': return d < 0
        case '<=': return d <= 0
        case '>': return d > 0
        case '>=': return d >= 0
        default: return d === 0
      }
    })
  })
}

/** The runtime packages of a package-lock.json (v2/v3): name → installed versions, leaving out dev-only ones. */
export function runtimePackages(lock) {
  if (!lock || typeof lock.packages !== 'object') throw new Error('package-lock.json: no "packages" (lockfile version 2 or later expected)')
  const out = new Map()
  for (const [path, meta] of Object.entries(lock.packages)) {
    if (!path || meta.dev || meta.devOptional || meta.link || !meta.version) continue
    const name = meta.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)
    if (!out.has(name)) out.set(name, new Set())
    out.get(name).add(meta.version)
  }
  return out
}

/** Checks the advisory list's shape; throws naming the entry and field that are wrong. */
export function validateAdvisories(list) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(list?.checked ?? '')) throw new Error('security/advisories.json: "checked" must be a date YYYY-MM-DD')
  if (!Array.isArray(list.advisories)) throw new Error('security/advisories.json: "advisories" must be a list')
  list.advisories.forEach((a, i) => {
    for (const f of ['id', 'package', 'affected', 'severity', 'source']) {
      if (typeof a[f] !== 'string' || !a[f]) throw new Error(`security/advisories.json: advisory ${i} (${a.id ?? '?'}) lacks "${f}"`)
    }
    if (!(a.severity in SEVERITY_RANK)) throw new Error(`security/advisories.json: advisory ${a.id} has unknown severity "${a.severity}"`)
    satisfies('0.0.0', a.affected) // throws on a malformed range
  })
  ;(list.exceptions ?? []).forEach((e, i) => {
    for (const f of ['id', 'package', 'reason', 'granted', 'until']) {
      if (typeof e[f] !== 'string' || !e[f]) throw new Error(`security/advisories.json: exception ${i} (${e.id ?? '?'}) lacks "${f}"`)
    }
    for (const f of ['granted', 'until']) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(e[f])) throw new Error(`security/advisories.json: exception ${e.id} "${f}" must be a date YYYY-MM-DD`)
    }
  })
}

/** Every (advisory, installed version) pair where the version lies in the affected range. */
export function findAffected(packages, advisories) {
  const out = []
  for (const a of advisories) {
    for (const version of packages.get(a.package) ?? []) {
      if (satisfies(version, a.affected)) out.push({ id: a.id, package: a.package, version, severity: a.severity, title: a.title ?? '', source: a.source })
    }
  }
  return out
}

/**
 * Splits findings into those an exception covers (same id and package, the version if the exception names one,
 * and `until` not yet past on `today`, YYYY-MM-DD) and those that fail; an expired exception is reported with its finding.
 */
export function applyExceptions(findings, exceptions, today) {
  const excepted = []
  const failing = []
  for (const f of findings) {
    const matching = (exceptions ?? []).filter((e) => e.id === f.id && e.package === f.package && (!e.version || e.version === f.version))
    const valid = matching.find((e) => e.until >= today)
    if (valid) excepted.push({ ...f, exception: valid })
    else failing.push({ ...f, expired: matching[0] })
  }
  return { excepted, failing }
}

/**
 * `npm audit --omit=dev --json`: { answered: true, findings } when the registry answered, else { answered: false,
 * reason }. Findings keep advisories of moderate severity or worse, identified by their GHSA id when npm gives one.
 */
export function npmAudit(cwd = process.cwd()) {
  const r = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd, encoding: 'utf8', timeout: 120_000 })
  if (r.error) return { answered: false, reason: r.error.message }
  let report
  try {
    report = JSON.parse(r.stdout)
  } catch {
    return { answered: false, reason: `npm audit printed no JSON (exit ${r.status})` }
  }
  if (!report || typeof report.vulnerabilities !== 'object') {
    return { answered: false, reason: report?.message ?? report?.error?.summary ?? `npm audit exit ${r.status}` }
  }
  const findings = []
  for (const [name, v] of Object.entries(report.vulnerabilities)) {
    for (const via of v.via ?? []) {
      if (typeof via !== 'object' || (SEVERITY_RANK[via.severity] ?? 0) < SEVERITY_RANK.moderate) continue
      const id = /GHSA-[\w-]+/.exec(via.url ?? '')?.[0] ?? String(via.source)
      findings.push({ id, package: via.name ?? name, version: v.range ?? '', severity: via.severity, title: via.title ?? '', source: via.url ?? '' })
    }
  }
  return { answered: true, findings }
}

function main() {
  const root = new URL('..', import.meta.url)
  const today = new Date().toISOString().slice(0, 10)
  const list = JSON.parse(readFileSync(new URL('security/advisories.json', root), 'utf8'))
  validateAdvisories(list)
  const packages = runtimePackages(JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')))
  const ageDays = Math.round((Date.parse(today) - Date.parse(list.checked)) / 86_400_000)
  console.log(`advisory-check: ${packages.size} runtime packages in package-lock.json; ${list.advisories.length} advisories in security/advisories.json, checked ${list.checked} (${ageDays} days ago)`)
  if (ageDays > 90) console.log('advisory-check: WARNING the advisory list is more than 90 days old: look for new advisories and update "checked" (SECURITY.md)')

  let findings = findAffected(packages, list.advisories)
  if (!process.argv.includes('--no-npm-audit')) {
    const audit = npmAudit(new URL('.', root).pathname)
    if (audit.answered) {
      console.log(`advisory-check: npm audit answered: ${audit.findings.length} advisories of moderate severity or worse in runtime packages`)
      findings = findings.concat(audit.findings.filter((f) => !findings.some((g) => g.id === f.id && g.package === f.package)))
    } else {
      console.log(`advisory-check: npm audit unavailable (${audit.reason.split('\n')[0]}); the checked-in list alone decides`)
    }
  }
  const { excepted, failing } = applyExceptions(findings, list.exceptions, today)
  for (const f of excepted) console.log(`  excepted until ${f.exception.until}: ${f.package}@${f.version} ${f.id} (${f.severity}): ${f.exception.reason}`)
  for (const f of failing) {
    console.log(`  AFFECTED: ${f.package}@${f.version} ${f.id} (${f.severity}) ${f.title} — ${f.source}`)
    if (f.expired) console.log(`    (its exception expired on ${f.expired.until})`)
  }
  if (failing.length) {
    console.log(`advisory-check: ${failing.length} finding(s): update the package, or add a dated exception with a reason to security/advisories.json`)
    process.exit(1)
  }
  console.log(`advisory-check: no runtime package in an affected range${excepted.length ? ` (${excepted.length} excepted)` : ''}`)
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main()
