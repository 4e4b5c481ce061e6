// DOCX packages that inflate far beyond their size (zip bombs) are refused from the central
// directory before anything is unzipped, by the app's extraction path and the CLI alike; a package
// whose parts inflate past the sizes they declare is stopped while it inflates.
import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { extractText } from '../../src/core/extract'
import { checkZipSizes, readZipDirectory } from '../../src/core/extract/zipBudget'
import { LIMITS } from '../../src/core/limits'
import { makeDocx, makeDocxOfBody } from '../fixtures/makeFiles'

const ROOT = new URL('../..', import.meta.url).pathname
const PARA = '<w:p><w:r><w:t>a</w:t></w:r></w:p>'
/** 2 million one-letter paragraphs: 68 MB (64.8 MiB) of XML in a package of about 200 KB. */
const bomb = () => makeDocxOfBody(PARA.repeat(2_000_000), { deflate: true })

describe('DOCX zip bombs', () => {
  it('reads the central directory of a package', () => {
    const entries = readZipDirectory(makeDocx(['Kysymykset']))
    expect(entries.map((e) => e.name)).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/document.xml'])
    expect(entries[2]).toMatchObject({ method: 0 })
    expect(entries[2].compressedSize).toBe(entries[2].uncompressedSize)
    expect(() => readZipDirectory(new Uint8Array(100))).toThrow(/not a ZIP package/)
  })

  it('refuses a package whose document inflates to 68 MB, naming the part and the limit', async () => {
    const bytes = bomb()
    expect(bytes.length).toBeLessThan(1_000_000)
    await expect(extractText('bomb.docx', bytes)).rejects.toThrow(/^bomb\.docx: the part word\/document\.xml inflates to 64\.8 MB, more than the 64 MB a part may have/)
  })

  it('refuses a high ratio under the size limit, and sizes over the total', () => {
    const part = (uncompressedSize: number, compressedSize: number) => ({ name: 'word/document.xml', method: 8, uncompressedSize, compressedSize })
    expect(() => checkZipSizes([part(30 << 20, 100_000)])).toThrow(/inflates 315 times .* refused as a zip bomb/)
    expect(() => checkZipSizes([part(30 << 20, 3 << 20)])).not.toThrow()
    expect(() => checkZipSizes([part(500_000, 500)])).not.toThrow()
    const many = Array.from({ length: 5 }, (_, i) => ({ ...part(60 << 20, 6 << 20), name: `p${i}` }))
    expect(() => checkZipSizes(many)).toThrow(new RegExp(`inflates to 300 MB in all, more than the ${LIMITS.docxTotalBytes >> 20} MB allowed`))
    expect(() => checkZipSizes([part(0xffffffff, 10)])).toThrow(/larger than 4 GB/)
  })

  it('stops a part that inflates past the size it declares', async () => {
    const liar = makeDocxOfBody(PARA.repeat(100_000), { deflate: true, declared: { 'word/document.xml': 50_000 } })
    await expect(extractText('liar.docx', liar)).rejects.toThrow(/^liar\.docx: the part word\/document\.xml inflates to more than the 49 KB it declares/)
  })

  it('a deflated document of ordinary size is still read', async () => {
    const ok = makeDocxOfBody(PARA.replace('>a<', '>Kysymykset<').repeat(3), { deflate: true })
    const r = await extractText('ok.docx', ok)
    expect(r.text.match(/Kysymykset/g)).toHaveLength(3)
  })

  it('the CLI refuses the same bomb with the same message and a non-zero exit', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bomb-')), 'bomb.docx')
    writeFileSync(file, bomb())
    const r = await promisify(execFile)('npm', ['run', '--silent', 'cli', '--', 'segment', file, '--json'], { cwd: ROOT }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    )
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/bomb\.docx: the part word\/document\.xml inflates to 64\.8 MB/)
  })
})

describe('report budgets', () => {
  it('a report file over the size limit is refused before it is read', async () => {
    const big = new Uint8Array(LIMITS.reportFileBytes + 1)
    await expect(extractText('big.txt', big)).rejects.toThrow(/^big\.txt: the file is 200 MB, more than the 200 MB a report may have/)
  })

  it('a worker request over its time budget stops the worker and fails with the reason', async () => {
    const { workerRpc } = await import('../../src/stores/workerRpc')
    const started: { terminated: boolean }[] = []
    // A worker that never answers (as one stuck in a document built to be slow).
    const factory = () => {
      const w = { terminated: false, onmessage: null, onerror: null, postMessage() {}, terminate() { w.terminated = true } }
      started.push(w)
      return w as unknown as Worker
    }
    const call = workerRpc(factory, { timeoutMs: 30 })
    await expect(call({ name: 'slow.docx' })).rejects.toThrow(/timed out after 1 s and was stopped/)
    expect(started.map((w) => w.terminated)).toEqual([true])
    await expect(call({ name: 'next.docx' })).rejects.toThrow(/timed out/)
    expect(started).toHaveLength(2)
  })
})
