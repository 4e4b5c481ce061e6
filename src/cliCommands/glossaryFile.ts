// Reads a glossary for the CLI commands: TBX and CSV through their importers, JSON in the starter
// glossary's shape; and finds the repository's starter glossary as the default.
import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Glossary } from '../core/model'
import { importCsv } from '../core/csv'
import { importTbx } from '../core/tbx'
import { hydrateStarter } from '../core/starterGlossary'

/** The repository's starter glossary, looked up next to the sources and in the working directory. */
export function defaultGlossaryPath(): string | null {
  const here = dirname(fileURLToPath(import.meta.url))
  for (const p of [join(here, '..', '..', 'glossary', 'starter.json'), resolve('glossary', 'starter.json')]) if (existsSync(p)) return p
  return null
}

/** Reads a glossary file: TBX, CSV or JSON ({ entries: [...] }). Throws naming the file and the first errors. */
export function readGlossary(file: string): Glossary {
  const ext = extname(file).toLowerCase()
  const text = readFileSync(file, 'utf8')
  if (ext === '.json') return hydrateStarter(JSON.parse(text))
  const result = ext === '.tbx' || ext === '.xml' ? importTbx(text) : ext === '.csv' || ext === '.tsv' ? importCsv(text) : null
  if (!result) throw new Error(`unsupported glossary file "${basename(file)}" (expected .tbx, .csv or .json)`)
  if (result.errors.length) throw new Error(`${basename(file)}: ${result.errors.map((e) => `line ${e.line}: ${e.message}`).slice(0, 3).join('; ')}`)
  return { entries: result.entries }
}
