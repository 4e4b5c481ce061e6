// Runs every quality evaluation (tests/bench/eval-*.ts) in turn; each prints its own figures
// against the gold sets in tests/fixtures/.
import { readdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

const only = process.argv.slice(2)
const files = readdirSync('tests/bench').filter((f) => /^eval-.*\.ts$/.test(f)).filter((f) => !only.length || only.some((o) => f.includes(o))).sort()
let failed = 0
for (const f of files) {
  console.log(`\n# ${f}`)
  const r = spawnSync('npx', ['tsx', `tests/bench/${f}`], { stdio: 'inherit' })
  if (r.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
