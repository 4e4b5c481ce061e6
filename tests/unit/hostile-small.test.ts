// The smaller hostile cases: a header-only CSV, UTF-16 without a BOM, the line of a TBX decoding
// error in the app's glossary-file reader and the CLI's, and binary data named .txt.
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { importCsv, importCsvBytes } from '../../src/core/csv'
import { extractText } from '../../src/core/extract'
import { readGlossaryFile } from '../../src/workers/glossaryFile'
import { readGlossary } from '../../src/cliCommands/glossaryFile'

const ROOT = new URL('../..', import.meta.url).pathname
const utf16 = (s: string, le: boolean) => {
  const out = new Uint8Array(s.length * 2)
  for (let i = 0; i < s.length; i++) out.set(le ? [s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8] : [s.charCodeAt(i) >> 8, s.charCodeAt(i) & 0xff], i * 2)
  return out
}
const tmp = () => mkdtempSync(join(tmpdir(), 'hostile-'))

describe('CSV', () => {
  it('a header-only file says so', () => {
    for (const csv of ['en,fi\n', 'conceptId,lang,term\r\n', 'en,fi\n\n,\n']) {
      const r = importCsv(csv)
      expect([r.entries, r.errors]).toEqual([[], []])
      expect(r.warnings).toMatchObject([{ line: 1, message: 'the file has a header row and nothing else: there are no terms to import' }])
    }
  })

  it('UTF-16 without a byte-order mark is named as an encoding problem, not a header one', () => {
    const text = 'en,fi\nhazing,simputus\nsummons,kutsunta\n'
    expect(importCsvBytes(utf16(text, true)).errors).toMatchObject([{ line: 1, message: expect.stringMatching(/^the file looks like UTF-16 \(little-endian\) without a byte-order mark/) }])
    expect(importCsvBytes(utf16(text, false)).errors[0].message).toMatch(/UTF-16 \(big-endian\) without a byte-order mark/)
    // With its BOM it reads.
    expect(importCsvBytes(new Uint8Array([0xff, 0xfe, ...utf16(text, true)])).entries).toHaveLength(2)
  })
})

describe('the line of a TBX decoding error', () => {
  const tbx = Buffer.concat([
    Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" xml:lang="en">\n<text><body>\n<conceptEntry id="c1"><langSec xml:lang="fr"><termSec><term>r', 'utf8'),
    Buffer.from([0xe9]), // Latin-1 é: not UTF-8
    Buffer.from('fugi</term></termSec></langSec></conceptEntry>\n</body></text></tbx>\n', 'utf8'),
  ])

  it('readGlossaryFile (the app) reports line 4', async () => {
    const r = await readGlossaryFile({ fileName: 'latin1.tbx', bytes: new Uint8Array(tbx) })
    expect(r.errors.map((e) => e.line)).toEqual([4])
    expect(r.errors[0].message).toMatch(/not valid UTF-8 at byte \d+ \(line 4, byte 0xE9\)/)
  })

  it('the CLI reports line 4 too', () => {
    const file = join(tmp(), 'latin1.tbx')
    writeFileSync(file, tbx)
    expect(() => readGlossary(file)).toThrow(/^latin1\.tbx: line 4: tbx: not valid UTF-8/)
  })
})

describe('binary data named .txt', () => {
  it('is refused by the extraction path (the app and the CLI share it)', async () => {
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24)
    await expect(extractText('data.txt', random)).rejects.toThrow(/^data\.txt: not valid UTF-8 at byte/)
    await expect(extractText('zeros.txt', new Uint8Array(4096))).rejects.toThrow(/^zeros\.txt: binary data, not text \(a NUL character at line 1\)/)
    // UTF-16 without a byte-order mark is no binary data: it is read (see extract-encodings.test.ts).
    expect((await extractText('utf16.txt', utf16('Raportti\nToinen rivi\n'.repeat(50), true))).text).toMatch(/^Raportti\nToinen rivi\n/)
  })

  it('the CLI exits with 1 and the reason, printing no passages', async () => {
    const file = join(tmp(), 'zeros.txt')
    writeFileSync(file, new Uint8Array(100_000))
    const r = await promisify(execFile)('npm', ['run', '--silent', 'cli', '--', 'segment', file, '--json'], { cwd: ROOT }).then(
      (ok) => ({ code: 0, stdout: ok.stdout, stderr: '' }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    )
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/zeros\.txt: binary data, not text/)
  })
})
