// The one extraction path on documents nobody tuned for (generated DOCX, PDF and HTML versions
// of the corpus reports, tests/fixtures/makeDocs.ts) and the report metadata against its gold.
import { existsSync, readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { extractText } from '../../src/core/extract'
import { readReport, type ReadReport } from '../../src/core/extract/report'
import { scoreDoc } from '../fixtures/docScore'
import { CORPUS, makeDocs, type GeneratedDoc } from '../fixtures/makeDocs'
import { META_GOLD, metaAgrees } from '../fixtures/metaScore'

const enc = (s: string) => new TextEncoder().encode(s)

describe('HTML through htmlparser2', () => {
  const page = `<html><head><title>T</title><script>var a = "<p>x</p>"</script></head><body>
<nav>Etusivu | Maatieto</nav><header>Banner</header>
<main><h2>Asevelvollisuus &rarr; kutsunnat</h2><p>Tom &amp; Jerry&nbsp;&ndash; 5 &lt; 6</p>
<table><tr><th>fi</th><th>asevelvollisuus</th></tr><tr><td>sv</td><td>värnplikt</td></tr></table></main>
<footer>© Maatieto</footer></body></html>`

  it('keeps the main content only, decodes entities and separates table cells', async () => {
    const { text } = await extractText('page.html', enc(page))
    expect(text).not.toMatch(/Etusivu|Banner|Maatieto|var a/)
    expect(text).toContain('## Asevelvollisuus → kutsunnat')
    expect(text).toContain('Tom & Jerry\u00a0– 5 < 6'.replace('\u00a0', ' '))
    expect(text).toContain('fi | asevelvollisuus')
    expect(text).not.toContain('fiasevelvollisuus')
  })

  it('reads a .txt holding markup as text, never as HTML', async () => {
    const ex = await extractText('notes.txt', enc('<p>Vernepliktige</p>\n<div>x</div>\n'))
    expect(ex.format).not.toBe('html')
    const r = await readReport('notes.txt', enc('<p>Vernepliktige</p>\n<div>x</div>\n'))
    expect(r.text).toBe('<p>Vernepliktige</p>\n<div>x</div>\n')
  })

  it('names the file in errors', async () => {
    await expect(extractText('bad.pdf', enc('hello'))).rejects.toThrow(/bad\.pdf: not a PDF/)
    await expect(extractText('x.odt', enc('hello'))).rejects.toThrow(/x\.odt: not an \.odt file/)
    await expect(extractText('x.wpd', enc('hello'))).rejects.toThrow(/x\.wpd: unsupported file type \(use \.txt, \.md, \.pdf, \.doc, \.docx, \.odt, \.rtf or \.html\)/)
  })
})

describe.skipIf(!existsSync(CORPUS))('generated documents', () => {
  let docs: GeneratedDoc[] = []
  const read = new Map<string, ReadReport>()
  beforeAll(async () => {
    docs = await makeDocs()
    for (const d of docs) read.set(d.name, await readReport(d.name, d.bytes))
  }, 120_000)

  it('leaves no running header or footer in any passage, keeps headings and detaches footnote markers', () => {
    for (const d of docs) {
      const r = read.get(d.name)!
      const s = scoreDoc(d, r.passages, r.text)
      expect(s.leaks, d.name).toEqual([])
      expect(s.headingRecall, d.name).toBeGreaterThanOrEqual(0.95)
      expect(s.glued, d.name).toEqual([])
      expect(s.gluedCells, d.name).toEqual([])
      expect(s.f1, d.name).toBeGreaterThanOrEqual(0.85)
    }
  })

  it('links detached footnote markers to their notes', () => {
    for (const d of docs) {
      const r = read.get(d.name)!
      const withNote = d.blocks.filter((b) => b.kind === 'para' && b.note).length
      const linked = r.passages.filter((p) => p.kind !== 'footnote' && p.footnotes?.length).length
      expect(linked, d.name).toBeGreaterThanOrEqual(Math.min(withNote, 1))
    }
  })

  it('every span refers to the stored text', () => {
    for (const d of docs) {
      const r = read.get(d.name)!
      for (const p of r.passages) expect(p.end <= r.text.length && p.start < p.end, d.name).toBe(true)
    }
  })

  it('finds title, publisher and date of every generated document', () => {
    for (const d of docs) {
      const gold = META_GOLD.find((g) => g.file === d.name)!
      expect(metaAgrees(gold, read.get(d.name)!.meta), d.name).toEqual({ title: true, publisher: true, date: true })
    }
  })
})

describe.skipIf(!existsSync(CORPUS))('metadata of the corpus reports', () => {
  it('takes titles and dates from the first page, never a date from the body', async () => {
    const got = new Map<string, ReturnType<typeof metaAgrees>>()
    for (const g of META_GOLD.filter((x) => x.file.endsWith('.txt'))) {
      const r = await readReport(g.file, readFileSync(`${CORPUS}/${g.file}`))
      got.set(g.file.slice(0, 3), metaAgrees(g, r.meta))
      if (g.file.startsWith('001')) expect(r.meta.date).toBeUndefined() // not 2022-02-24, the invasion it mentions
    }
    for (const id of ['000', '001', '003', '004']) expect(got.get(id)!.title, id).toBe(true)
    for (const id of ['000', '002', '003']) expect(got.get(id)!.date, id).toBe(true)
    expect(got.get('004')!.publisher).toBe(true)
  })
})

describe('Word-style headings', () => {
  it('takes a paragraph set all in bold for a heading, and keeps bold words inside a sentence as text', async () => {
    const { text } = await extractText('p.html', enc('<main><h1>Rapport</h1><p><strong>Tjenestested</strong></p><p>Man skal <b>ha</b> i mente at det er slik.</p></main>'))
    expect(text).toBe('# Rapport\n\n## Tjenestested\n\nMan skal ha i mente at det er slik.')
  })
})
