// Runs every test: the advisory check, type check, lint, the model pack, the dictionary pack, unit and db tests in Node, the team server's tests against real
// PostgreSQL and Redis on loopback, then the browser tests against the built
// app in Debian's Chromium (installed on demand). Exits non-zero when anything fails.
import { spawnSync } from 'node:child_process'

const steps = [
  // Runtime dependencies against known advisories (npm audit where the registry answers it; see SECURITY.md).
  ['advisories', 'node', ['scripts/advisory-check.mjs']],
  ['type check', 'npx', ['vue-tsc', '-b']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  // The real model pack, built once per machine (cached outside the repo): its tests and the real-model browser test need it.
  ['model pack', 'node', ['scripts/ensure-model-pack.mjs']],
  // The bilingual dictionaries of tier-1 linking (FreeDict, from Debian), built once per machine (cached outside the repo) into public/dict/.
  ['dictionary pack', 'node', ['scripts/dict-pack.mjs']],
  ['unit and db tests', 'npx', ['vitest', 'run', '--project', 'unit']],
  ['PostgreSQL and Redis', 'node', ['scripts/ensure-services.mjs', '--check']],
  ['server tests', 'npx', ['vitest', 'run', '--project', 'server']],
  ['chromium', 'node', ['scripts/ensure-chromium.mjs']],
  ['ONNX Runtime wasm', 'node', ['scripts/copy-ort-wasm.mjs']],
  ['build', 'npx', ['vite', 'build', '--logLevel', 'warn']],
  ['browser tests', 'npx', ['vitest', 'run', '--project', 'e2e']],
]

const started = Date.now()
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`)
  const t0 = Date.now()
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } })
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
  if (r.status !== 0) {
    console.error(`\nTests failed at step "${name}".`)
    process.exit(r.status ?? 1)
  }
}
console.log(`\nAll test steps passed in ${((Date.now() - started) / 1000).toFixed(1)} s.`)
