// Reads a glossary for the CLI commands: TBX and CSV through their importers, JSON in the starter
// glossary's shape; and finds the repository's starter glossary as the default.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Glossary } from '../core/model'
import { importCsvBytes } from '../core/csv'
import { importTbxBytes } from '../core/tbx'
import { hydrateStarter } from '../core/starterGlossary'
import { glossaryFileTooLarge } from '../core/csv/importResult'

/** The repository's starter glossary, looked up next to the sources and in the working directory. */
export function defaultGlossaryPath(): string | null {
  const here = dirname(fileURLToPath(import.meta.url))
  for (const p of [join(here, '..', '..', 'glossary', 'starter.json'), resolve('glossary', 'starter.json')]) if (existsSync(p)) return p
  return null
}

/** Reads a glossary file: TBX, CSV or JSON ({ entries: [...] }). Throws naming the file and the first errors. */
export function readGlossary(file: string): Glossary {
  const ext = extname(file).toLowerCase()
  const xml = ext === '.tbx' || ext === '.xml'
  const tooLarge = glossaryFileTooLarge(statSync(file).size, xml)
  if (tooLarge) throw new Error(`${basename(file)}: ${tooLarge.message}`)
  if (ext === '.json') return hydrateStarter(JSON.parse(readFileSync(file, 'utf8')))
  // Bytes, as the app reads them: a file in no encoding it can read is named with its line, never read as mojibake.
  const buf = readFileSync(file)
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength)
  const result = xml ? importTbxBytes(bytes) : ext === '.csv' || ext === '.tsv' ? importCsvBytes(bytes) : null
  if (!result) throw new Error(`unsupported glossary file "${basename(file)}" (expected .tbx, .csv or .json)`)
  if (result.errors.length) throw new Error(`${basename(file)}: ${result.errors.map((e) => `line ${e.line}: ${e.message}`).slice(0, 3).join('; ')}`)
  return { entries: result.entries }
}
