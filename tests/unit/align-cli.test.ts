// The `align` command on presegmented files (one sentence a line, as the peers' data): the beads format with
// 0-based line numbers, no re-segmentation, language options, and a language the workbench does not support.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { main } from '../../src/cli'
import { generateTinyModel } from '../fixtures/tiny-model/generate'

const run = promisify(execFile)
const ROOT = new URL('../..', import.meta.url).pathname
const dir = mkdtempSync(join(tmpdir(), 'align-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const file = (name: string, lines: string[]) => {
  const path = join(dir, name)
  writeFileSync(path, lines.join('\n') + '\n')
  return path
}

// Two lines of the source hold two sentences each; presegmented input keeps them as one unit.
const de = file('de.txt', [
  'Die Expedition erreichte am 23. Mai 1956 den Gipfel des Everest. Sie kehrte danach zurück.',
  'Ernst Schmid und Jürg Marmet standen um 14 Uhr oben.',
  'Das Wetter war schlecht, und der Abstieg dauerte zwei Tage.',
  'Im Basislager warteten 350 Träger auf die Mannschaft.',
])
const fr = file('fr.txt', [
  "L'expédition atteignit le sommet de l'Everest le 23 mai 1956.",
  'Elle revint ensuite.',
  'Ernst Schmid et Jürg Marmet étaient au sommet à 14 heures.',
  'Le temps était mauvais, et la descente dura deux jours.',
  'Au camp de base, 350 porteurs attendaient l’équipe.',
])

async function cli(...args: string[]) {
  let out = ''
  let err = ''
  const code = await main(['align', ...args], { out: (s) => (out += s), err: (s) => (err += s) })
  return { code, out, err }
}

describe('cli align --presegmented', () => {
  it('prints { beads: [[src lines], [tgt lines]] } with 0-based line numbers, one unit a line', async () => {
    const { code, out } = await cli(de, fr, '--presegmented', '--json')
    expect(code).toBe(0)
    const { beads } = JSON.parse(out) as { beads: [number[], number[]][] }
    expect(beads).toEqual([[[0], [0, 1]], [[1], [2]], [[2], [3]], [[3], [4]]])
  })

  it('names an unsupported language instead of guessing a Nordic one, detected or given', async () => {
    const detected = await cli(de, fr, '--presegmented', '--json')
    expect(detected.err).toContain('German (de) is not a supported language; alignment uses language-independent features only')
    expect(detected.err).not.toMatch(/\b(nb|da|sv)\b/)
    const given = await cli(de, fr, '--presegmented', '--json', '--src-lang', 'de', '--tgt-lang', 'fr')
    expect(given.err).toContain('German (de) is not a supported language')
    expect(given.err).not.toContain('French')
    const bad = await cli(de, fr, '--presegmented', '--src-lang', 'german!')
    expect(bad.code).toBe(1)
    expect(bad.err).toContain('--src-lang: "german!" is not a language code')
  })

  it('asks for --model-source with --embeddings, and reports a model it cannot load', async () => {
    const alone = await cli(de, fr, '--presegmented', '--embeddings', 'Xenova/multilingual-e5-small')
    expect(alone.err).toContain('--embeddings <model id> and --model-source <folder|URL> go together')
    const missing = await cli(de, fr, '--presegmented', '--embeddings', 'Xenova/none', '--model-source', join(dir, 'no-such-folder'))
    expect(missing.code).toBe(1)
    expect(missing.err).toContain('--model-source: no folder')
  })

  it('aligns with an embedding model loaded from a folder (the tiny test model), every line in one bead', async () => {
    const model = generateTinyModel(join(dir, 'models'))
    const { code, out, err } = await cli(de, fr, '--presegmented', '--json', '--src-lang', 'de', '--tgt-lang', 'fr', '--embeddings', model.modelId, '--model-source', model.dir)
    expect(err).not.toContain('could not load')
    expect(code).toBe(0)
    const { beads } = JSON.parse(out) as { beads: [number[], number[]][] }
    expect(beads.flatMap((b) => b[0])).toEqual([0, 1, 2, 3])
    expect(beads.flatMap((b) => b[1])).toEqual([0, 1, 2, 3, 4])
  })

  it('runs through npm as documented', async () => {
    const { stdout } = await run('npm', ['run', '--silent', 'cli', '--', 'align', de, fr, '--presegmented', '--json', '--src-lang', 'de', '--tgt-lang', 'fr'], { cwd: ROOT })
    expect(stdout.startsWith('{ "beads": [')).toBe(true)
    expect(JSON.parse(stdout).beads).toHaveLength(4)
  })
})
