// Size of the worker chunks the app ships: builds the app (skip with --no-build) and prints every worker chunk in
// dist/assets with its gzip size, beside the four analysis workers it had before they became one. Prints figures,
// asserts nothing. Run: npm run bench -- worker-chunks
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/**
 * The four analysis workers before they became one (main at b2dc370, `npx vite build`, 2026-12-04): each bundled
 * Snowball, the matcher and the pure core behind its job. Bytes and gzip -9 bytes.
 */
const BEFORE = [
  { chunk: 'qa.worker', bytes: 424_994, gzip: 78_106 },
  { chunk: 'candidates.worker', bytes: 418_343, gzip: 75_117 },
  { chunk: 'link.worker', bytes: 392_167, gzip: 65_398 },
  { chunk: 'align.worker', bytes: 388_217, gzip: 63_980 },
]

if (!process.argv.includes('--no-build')) {
  spawnSync('node', ['scripts/copy-ort-wasm.mjs'], { stdio: 'inherit' })
  const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' })
  if (built.status !== 0) process.exit(built.status ?? 1)
}

const dir = join('dist', 'assets')
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`.padStart(10)
const row = (name: string, bytes: number, gzip: number) => console.log(`${name.padEnd(28)} ${kb(bytes)} ${kb(gzip)} gzip`)
const sum = (xs: { bytes: number; gzip: number }[]) => ({ bytes: xs.reduce((n, x) => n + x.bytes, 0), gzip: xs.reduce((n, x) => n + x.gzip, 0) })

const now = readdirSync(dir)
  .filter((f) => /\.worker-[\w-]+\.m?js$/.test(f))
  .map((f) => {
    const data = readFileSync(join(dir, f))
    return { chunk: f.replace(/-[\w-]+\.m?js$/, ''), bytes: data.length, gzip: gzipSync(data, { level: 9 }).length }
  })
  .sort((a, b) => a.chunk.localeCompare(b.chunk))

console.log('== worker chunks in dist/assets now')
for (const c of now) row(c.chunk, c.bytes, c.gzip)
console.log('\n== analysis workers before (main at b2dc370)')
for (const c of BEFORE) row(c.chunk, c.bytes, c.gzip)
const before = sum(BEFORE)
row('total (4 chunks)', before.bytes, before.gzip)
const analysis = now.filter((c) => c.chunk === 'analysis.worker')
const after = sum(analysis)
console.log('\n== analysis worker now')
row(`total (${analysis.length} chunk${analysis.length === 1 ? '' : 's'})`, after.bytes, after.gzip)
if (after.bytes) console.log(`shipped for the four analyses: ${(after.bytes / before.bytes * 100).toFixed(0)} % of before (${kb(before.bytes - after.bytes).trim()} less)`)
