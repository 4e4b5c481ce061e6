// How the analysis worker finds the dictionary pack the app serves (fetched from a real loopback HTTP server here), and
// the CLI's dictionary options.
import { createServer, type Server } from 'node:http'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appRootOf, fetchDictionary } from '../../src/workers/dictionaryLoader'
import { matchDictionary } from '../../src/core/link'
import { runLink } from '../../src/cliCommands/link'

let root = ''
let server: Server
let url = ''

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'dict-loader-'))
  const pack = join(root, 'withpack', 'dict')
  mkdirSync(pack, { recursive: true })
  writeFileSync(join(pack, 'manifest.json'), JSON.stringify({ key: 'k', languages: { da: { file: 'da.txt', words: 1, sources: [] } } }))
  writeFileSync(join(pack, 'da.txt'), 'indkaldelse\tsummons | call-up\n')
  const broken = join(root, 'broken', 'dict')
  mkdirSync(broken, { recursive: true })
  writeFileSync(join(broken, 'manifest.json'), JSON.stringify({ key: 'k', languages: { da: { file: 'da.txt', words: 1, sources: [] } } }))
  writeFileSync(join(broken, 'da.txt'), 'no tab on this line\n')
  mkdirSync(join(root, 'spa'), { recursive: true })
  server = createServer((req, res) => {
    const path = join(root, decodeURIComponent(new URL(req.url!, 'http://x').pathname))
    if (req.url!.startsWith('/spa/')) {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>app</title>')
      return
    }
    if (!existsSync(path)) return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': path.endsWith('.json') ? 'application/json' : 'text/plain' }).end(readFileSync(path))
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const addr = server.address()
  url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/`
})
afterAll(async () => {
  await new Promise((ok) => server.close(ok))
  rmSync(root, { recursive: true, force: true })
})

describe('the served dictionary', () => {
  it('finds the app root from a worker script: the built app\'s assets/ folder, the dev server\'s origin', () => {
    expect(appRootOf('https://example.org/termbench/assets/analysis.worker-3f2a.js')).toBe('https://example.org/termbench/')
    expect(appRootOf('http://localhost:5173/src/workers/analysis.worker.ts?worker_file&type=module')).toBe('http://localhost:5173/')
  })

  it('fetches the manifest and each language file, and builds a dictionary from them', async () => {
    const dict = await fetchDictionary(url + 'withpack/')
    expect(dict).not.toBeNull()
    expect(matchDictionary('Indkaldelsen', 'da', dict!).map((h) => h.surface)).toEqual(['Indkaldelsen'])
  })

  it('gives null, and no error, when the app serves no pack (404 or a single-page app\'s HTML fallback)', async () => {
    expect(await fetchDictionary(url + 'nothing/')).toBeNull()
    expect(await fetchDictionary(url + 'spa/')).toBeNull()
  })

  it('gives null for a pack it cannot read, saying why on the console', async () => {
    const warned: string[] = []
    const warn = console.warn
    console.warn = (m: string) => void warned.push(m)
    try {
      expect(await fetchDictionary(url + 'broken/')).toBeNull()
    } finally {
      console.warn = warn
    }
    expect(warned.join('\n')).toMatch(/bilingual dictionary not used: da\.txt:1: expected "word TAB translation/)
  })
})

describe('the CLI link command', () => {
  const file = join(tmpdir(), 'dict-cli-a.txt')
  const en = join(tmpdir(), 'dict-cli-b.txt')
  beforeAll(() => {
    writeFileSync(file, 'Han modtog en indkaldelse.\n')
    writeFileSync(en, 'He received a summons.\n')
  })

  it('refuses a --dictionary folder with no pack, and --dictionary with --no-dictionary', async () => {
    await expect(runLink([file, file, '--dictionary', join(root, 'nothing')])).rejects.toThrow(/--dictionary: no dictionary pack in .*nothing/)
    await expect(runLink([file, file, '--dictionary', join(root, 'withpack', 'dict'), '--no-dictionary'])).rejects.toThrow(/exclude each other/)
  })

  it('links more surely through the words of a given pack than without one', async () => {
    const args = [file, en, '--lang-a', 'da', '--lang-b', 'en', '--json']
    const score = async (...more: string[]) => (JSON.parse(await runLink([...args, ...more])).links[0].candidates[0]?.score as number | undefined) ?? 0
    expect(await score('--dictionary', join(root, 'withpack', 'dict'))).toBeGreaterThan(await score('--no-dictionary'))
    const text = await runLink([file, en, '--lang-a', 'da', '--lang-b', 'en', '--dictionary', join(root, 'withpack', 'dict')])
    expect(text).toMatch(/#0 He received a summons\. {2}\[summons\]/)
  })
})
