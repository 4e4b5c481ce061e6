// The command-line entry: `npm run --silent cli -- segment <file> --json` spawned on a corpus
// report, on HTML, PDF and DOCX files made on the fly, and the dispatcher's usage errors.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli'
import { makeDocx, makePdf } from '../fixtures/makeFiles'

const run = promisify(execFile)
const CORPUS = process.env.COI_CORPUS ?? '/work/shared/corpus'
const ROOT = new URL('../..', import.meta.url).pathname

interface JsonPassage {
  index: number
  kind: string
  section: string
  lang: string
  text: string
  start: number
  end: number
  footnotes?: string[]
  sentences: Array<{ text: string; start: number; end: number }>
}

async function segmentCli(file: string, ...extra: string[]): Promise<JsonPassage[]> {
  const { stdout } = await run('npm', ['run', '--silent', 'cli', '--', 'segment', file, ...extra, '--json'], { cwd: ROOT, maxBuffer: 64 << 20 })
  return JSON.parse(stdout) as JsonPassage[]
}

describe.skipIf(!existsSync(CORPUS))('cli segment on a corpus report', () => {
  it('prints the passages as JSON with offsets into the file as read', async () => {
    const file = `${CORPUS}/001_e8e03fc529c28da8.txt`
    const text = readFileSync(file, 'utf8')
    const passages = await segmentCli(file)
    expect(passages.length).toBeGreaterThan(90)
    expect(Object.keys(passages[0]).sort()).toEqual(['end', 'index', 'kind', 'lang', 'section', 'sectionPath', 'sentences', 'start', 'text'])
    expect(passages[0]).toMatchObject({ index: 0, kind: 'heading', lang: 'nb', text: 'Hvordan Russland skaffer soldater til krigen mot Ukraina', start: 1 })
    expect(text.slice(passages[0].start, passages[0].end)).toBe('Hvordan Russland skaffer soldater til krigen mot Ukraina')
    const kinds = new Set(passages.map((p) => p.kind))
    expect([...kinds].sort()).toEqual(['footnote', 'heading', 'list', 'paragraph'])
    for (const p of passages) {
      expect(p.sentences.length).toBeGreaterThan(0)
      // Every sentence starts and ends where its first and last characters stand in the file.
      for (const s of p.sentences) {
        expect(text.slice(s.start, s.start + 3)).toBe(s.text.slice(0, 3))
        expect(s.text.endsWith(text[s.end - 1])).toBe(true)
      }
    }
    const p = passages.find((q) => q.text.startsWith('2.1 Press mot vernepliktige'))!
    expect(p.kind).toBe('heading')
    expect(passages[p.index + 1].section).toBe('Hvordan Russland skaffer soldater til krigen mot Ukraina > 2.1 Press mot vernepliktige')
  })

  it('honours --lang', async () => {
    const passages = await segmentCli(`${CORPUS}/000_acf8e1b7719e168f.txt`, '--lang', 'fi')
    expect(passages.find((p) => p.text === 'Questions')!.lang).toBe('en')
    expect(passages.find((p) => p.text === 'Kysymykset')!.lang).toBe('fi')
  })
})

describe('cli segment on other formats', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coi-cli-'))

  it('reads HTML as text with headings and lists', async () => {
    const file = join(dir, 'report.html')
    writeFileSync(file, '<html><body><h2>2.1 Press mot vernepliktige</h2><p>Det er underforst&aring;tt at kontraktsoldater sendes til Ukraina. Ukrainske myndigheter publiserer oversikter.</p><ul><li>Kasakhstan</li><li>Belarus</li></ul></body></html>')
    const passages = await segmentCli(file)
    expect(passages.map((p) => [p.kind, p.text])).toEqual([
      ['heading', '2.1 Press mot vernepliktige'],
      ['paragraph', 'Det er underforstått at kontraktsoldater sendes til Ukraina. Ukrainske myndigheter publiserer oversikter.'],
      ['list', 'Kasakhstan'],
      ['list', 'Belarus'],
    ])
    expect(passages[1].sentences.map((s) => s.text)).toEqual(['Det er underforstått at kontraktsoldater sendes til Ukraina.', 'Ukrainske myndigheter publiserer oversikter.'])
  })

  it('reads PDF through pdfjs-dist and DOCX through mammoth', async () => {
    const pdf = join(dir, 'report.pdf')
    writeFileSync(pdf, makePdf(['The most important legislative changes regarding conscription since', 'December 2022 are the following. Electronic summons are in process.']))
    const fromPdf = await segmentCli(pdf)
    expect(fromPdf.map((p) => p.text)).toEqual(['The most important legislative changes regarding conscription since December 2022 are the following. Electronic summons are in process.'])
    expect(fromPdf[0].sentences).toHaveLength(2)

    const docx = join(dir, 'report.docx')
    writeFileSync(docx, makeDocx(['Kysymykset', '1. Onko Venäjällä raportoitu pakkovärväystä armeijan palvelukseen?', '2. Onko pakkovärväystä raportoitu kohdistuneen joihinkin tiettyihin ammattiryhmiin?']))
    const fromDocx = await segmentCli(docx, '--lang', 'fi')
    expect(fromDocx.map((p) => [p.kind, p.text])).toEqual([
      ['heading', 'Kysymykset'],
      ['list', '1. Onko Venäjällä raportoitu pakkovärväystä armeijan palvelukseen?'],
      ['list', '2. Onko pakkovärväystä raportoitu kohdistuneen joihinkin tiettyihin ammattiryhmiin?'],
    ])
  })
})

describe('cli dispatcher', () => {
  const capture = () => {
    const io = { outText: '', errText: '', out: (s: string) => void (io.outText += s), err: (s: string) => void (io.errText += s) }
    return io
  }

  it('lists the commands on help and rejects unknown ones', async () => {
    const help = capture()
    expect(await main(['help'], help)).toBe(0)
    expect(help.outText).toMatch(/segment <file/)
    const unknown = capture()
    expect(await main(['frobnicate'], unknown)).toBe(2)
    expect(unknown.errText).toMatch(/usage:/)
  })

  it('reports bad arguments and missing files with a non-zero exit code', async () => {
    const io = capture()
    expect(await main(['segment'], io)).toBe(2)
    expect(await main(['segment', 'x.txt', '--lang', 'de'], io)).toBe(2)
    expect(io.errText).toMatch(/unknown language "de"/)
    expect(await main(['segment', join(tmpdir(), 'does-not-exist.txt')], io)).toBe(1)
    expect(io.errText).toMatch(/ENOENT/)
  })
})
