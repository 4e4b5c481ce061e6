// Builds glossary/starter.tbx (TBX-Basic v3) and glossary/starter.csv (wide layout, UTF-8 with BOM) from
// glossary/starter.json, with fixed timestamps so that the output is reproducible.
// Usage: npx tsx scripts/build-glossary.ts [input.json] [output-directory]
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import { exportCsv, importCsv, sortTermsByLanguage } from '../src/core/csv'
import { hydrateStarter } from '../src/core/starterGlossary'
import { exportTbx, importTbx } from '../src/core/tbx'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const input = resolve(process.argv[2] ?? join(root, 'glossary/starter.json'))
const outDir = resolve(process.argv[3] ?? dirname(input))

const glossary = hydrateStarter(JSON.parse(readFileSync(input, 'utf8')))
const tbx = exportTbx(glossary, { title: 'COI Termbench starter glossary' })
const csv = exportCsv(glossary, { layout: 'wide', bom: true })

// Check that both files read back to the same glossary before writing them.
const expected = glossary.entries.map(sortTermsByLanguage)
for (const [name, result] of [['starter.tbx', importTbx(tbx)], ['starter.csv', importCsv(csv)]] as const) {
  if (result.errors.length) throw new Error(`${name} does not re-import: ${result.errors.map((e) => `line ${e.line}: ${e.message}`).join('; ')}`)
  if (!isDeepStrictEqual(result.entries, expected)) throw new Error(`${name} does not re-import to the same glossary`)
}

writeFileSync(join(outDir, 'starter.tbx'), tbx)
writeFileSync(join(outDir, 'starter.csv'), csv)
const terms = glossary.entries.reduce((n, e) => n + e.terms.length, 0)
console.log(`wrote starter.tbx and starter.csv to ${outDir}: ${glossary.entries.length} concepts, ${terms} terms`)
