// Runs every benchmark (tests/bench/*.bench.ts) in turn, or with --eval every quality evaluation
// (tests/bench/eval-*.ts); each prints its own figures. Browser benchmarks build the app first.
// Benchmarks never assert timings. Extra arguments keep only the files whose names contain them.
import { readdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

const evalMode = process.argv.includes('--eval')
const only = process.argv.slice(2).filter((a) => a !== '--eval')
const wanted = evalMode ? (f) => /^eval-.*\.ts$/.test(f) : (f) => f.endsWith('.bench.ts')
const files = readdirSync('tests/bench').filter(wanted).filter((f) => !only.length || only.some((o) => f.includes(o))).sort()
if (files.some((f) => f.includes('.browser.'))) {
  spawnSync('node', ['scripts/ensure-chromium.mjs'], { stdio: 'inherit' })
  spawnSync('node', ['scripts/copy-ort-wasm.mjs'], { stdio: 'inherit' })
  spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' })
}
let failed = 0
for (const f of files) {
  console.log(`\n# ${f}`)
  const r = spawnSync('npx', ['tsx', `tests/bench/${f}`], { stdio: 'inherit' })
  if (r.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
