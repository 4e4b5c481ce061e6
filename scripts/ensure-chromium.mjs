// Makes sure Debian's Chromium is available for the browser tests: installs it with apt-get when
// running as root, or fails with the exact command to run. (`npx playwright install` cannot work offline.)
import { existsSync } from 'node:fs'
import { execSync } from 'node:child_process'

const BIN = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
if (existsSync(BIN)) process.exit(0)

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
if (isRoot) {
  console.log(`[ensure-chromium] ${BIN} not found: installing Debian's chromium with apt-get…`)
  try {
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' })
  } catch {
    /* reported below */
  }
  if (existsSync(BIN)) process.exit(0)
}
console.error(
  `[ensure-chromium] Chromium is missing (looked for ${BIN}).\n` +
    `Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n` +
    `or point CHROMIUM_PATH at a Chromium binary, then run the tests again.`,
)
process.exit(1)
