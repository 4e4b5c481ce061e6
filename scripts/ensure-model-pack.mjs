// Makes sure the real model pack is in models/ before tests that need it (CI, scripts/test-all.mjs): builds
// it once per machine into the user's cache (a few minutes), then only copies/hard-links it (seconds).
//
//   node scripts/ensure-model-pack.mjs              fails (exit 1) when the pack cannot be built
//   node scripts/ensure-model-pack.mjs --optional   warns and exits 0 instead (the pack's tests then skip)
import { ensureModelPack } from './model-pack.mjs'

const optional = process.argv.includes('--optional')
try {
  ensureModelPack()
} catch (e) {
  console.error(`[ensure-model-pack] the model pack could not be built: ${e.message}`)
  console.error('[ensure-model-pack] it needs python3 with venv (Debian: apt-get install -y python3-venv), gcc, and PyPI; see README "Offline model pack".')
  process.exit(optional ? 0 : 1)
}
