// Runs every benchmark (tests/bench/*.bench.ts) in turn, or with --eval every quality evaluation
// (tests/bench/eval-*.ts); each prints its own figures. Browser benchmarks build the app first.
// Benchmarks never assert timings. Extra arguments keep only the files whose names contain them.
import { readdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'

const evalMode = process.argv.includes('--eval')
const only = process.argv.slice(2).filter((a) => a !== '--eval')
const wanted = evalMode ? (f) => /^eval-.*\.ts$/.test(f) : (f) => f.endsWith('.bench.ts')
const files = readdirSync('tests/bench').filter(wanted).filter((f) => !only.length || only.some((o) => f.includes(o))).sort()
// Browser benchmarks, and the embedding benchmark's Chromium half, need the built app and Chromium.
const needsBrowser = (f) => f.includes('.browser.') || f === 'embed.bench.ts'
if (files.some(needsBrowser)) {
  spawnSync('node', ['scripts/ensure-chromium.mjs'], { stdio: 'inherit' })
  spawnSync('node', ['scripts/copy-ort-wasm.mjs'], { stdio: 'inherit' })
  spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' })
}
// Each file is bundled by esbuild (as Vite bundles the app) into tests/.bench/, a sibling of tests/bench/ so
// that paths relative to the file still hold, and run by Node. Running through tsx instead would time its
// development wrappers (every function wrapped to keep its name) along with our code.
let failed = 0
for (const f of files) {
  console.log(`\n# ${f}`)
  const out = `tests/.bench/${f.replace(/\.ts$/, '.mjs')}`
  const built = spawnSync('npx', ['esbuild', `tests/bench/${f}`, '--bundle', '--platform=node', '--format=esm', '--packages=external', `--outfile=${out}`, '--log-level=error'], { stdio: 'inherit' })
  const env = { ...process.env, BENCH_CHROMIUM: '1' }
  const r = built.status === 0 ? spawnSync('node', [out], { stdio: 'inherit', env }) : spawnSync('npx', ['tsx', `tests/bench/${f}`], { stdio: 'inherit', env })
  if (r.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
