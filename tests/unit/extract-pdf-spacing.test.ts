// PDFs printed from web pages and word processors that set paragraphs apart by space: a line that ends a sentence
// short of the margin inside such a paragraph does not end it; numbered headings survive the running-line filter;
// a table row whose blank runs stretch into the next cell stays one line, its rows apart, and a symbol font's
// bullet starts a list item; scanned and password-protected PDFs get a message saying what to do; a date printed
// on the first page goes before the date the PDF was made.
import { describe, expect, it } from 'vitest'
import { layoutToBlocks, pageLines, type PdfLine } from '../../src/core/extract/pdfLayout'
import PDFDocument from 'pdfkit'
import { readReport } from '../../src/core/extract/report'
import { guessMeta } from '../../src/core/reportMeta'
import { segmentDocument } from '../../src/core/segment'

const SIZE = 11
const PITCH = 12.7

/** Lays out paragraphs (each a list of line texts) down one page: `PITCH` between lines, `gap` more between paragraphs. */
function page(paras: string[][], gap: number, width = (t: string) => t.length * 5.5): PdfLine[] {
  const lines: PdfLine[] = []
  let y = 800
  for (const p of paras) {
    for (const text of p) {
      lines.push({ page: 1, x: 72, x2: 72 + width(text), y, size: SIZE, bold: false, text })
      y -= PITCH
    }
    y -= gap
  }
  return lines
}

const FULL = 'x'.repeat(80)
const PARAS = [
  [`${FULL} one.`, `${FULL} two`, 'Short sentence that ends the line.', `Next sentence in the same paragraph ${FULL.slice(45)}`, 'End.'],
  [`${FULL} three`, 'Last line of the second paragraph.'],
  [`${FULL} four`, 'Closing line.'],
  [`${FULL} five`, 'Closing line again.'],
]

describe('PDF paragraphs set apart by space', () => {
  it('keeps a short sentence-ending line inside its paragraph when paragraphs are spaced', () => {
    const { blocks } = layoutToBlocks([page(PARAS, 11)])
    expect(blocks.map((b) => b.kind)).toEqual(['para', 'para', 'para', 'para'])
    expect(blocks[0]).toMatchObject({ text: expect.stringContaining('Short sentence that ends the line.\nNext sentence') })
  })

  it('keeps list items apart in a spaced document when they are indented (a browser draws their bullets)', () => {
    const lines = page(PARAS, 11)
    let y = lines[lines.length - 1].y - 2 * PITCH
    for (const text of ['First item of the list.', 'Second item.', 'Third item.']) {
      lines.push({ page: 1, x: 102, x2: 102 + text.length * 5.5, y, size: SIZE, bold: false, text })
      y -= PITCH
    }
    const { blocks } = layoutToBlocks([lines])
    expect(blocks.slice(-3).map((b) => (b.kind === 'para' ? b.text : b.kind))).toEqual(['First item of the list.', 'Second item.', 'Third item.'])
    expect(blocks).toHaveLength(7)
  })

  it('still ends a paragraph on a short sentence-ending line when paragraphs are not spaced', () => {
    const { blocks } = layoutToBlocks([page(PARAS, 0)])
    expect(blocks.length).toBeGreaterThan(4)
    expect(blocks.some((b) => b.kind === 'para' && b.text.startsWith('Next sentence'))).toBe(true)
  })
})

describe('table rows as a browser prints them', () => {
  it('keeps a row whose blank run stretches over the cell padding on one line, losing no cell', () => {
    const run = (str: string, x: number, width: number) => ({ str, x, y: 475.4, width, size: 10.5, bold: false })
    const lines = pageLines([run('2021', 317.2, 23.4), run(' ', 340.5, 10), run('1,450', 348, 26.3), run(' ', 374.3, 59), run('1,020', 418.6, 26.3)], 1)
    expect(lines).toHaveLength(1)
    expect(lines[0].text.split(/ \| | /)).toEqual(['2021', '1,450', '1,020'])
  })

  it('splits cells where a blank run fills a wide gap between them (as LibreOffice prints tables)', () => {
    const run = (str: string, x: number, width: number) => ({ str, x, y: 537.7, width, size: 12, bold: false })
    const lines = pageLines([run('År', 56.8, 12.6), run(' ', 69.4, 228.3), run('Innkalte', 297.7, 39.3)], 1)
    expect(lines.map((l) => l.text)).toEqual(['År | Innkalte'])
    const { blocks } = layoutToBlocks([[...lines, { ...lines[0], y: 500, text: 'Ifølge Meduza ble mange innkalt.' }]])
    expect(blocks).toEqual([{ kind: 'row', cells: ['År', 'Innkalte'] }, { kind: 'para', text: 'Ifølge Meduza ble mange innkalt.' }])
  })
})

describe('rows and bullets after extraction', () => {
  it('keeps table rows apart even when a row starts in lower case', () => {
    const ps = segmentDocument('Term | Russian | Meaning\n\nconscript | prizyvnik | a man called up\n\nAfter the table.', { format: 'md', layout: 'paragraphs' }).passages
    expect(ps.map((p) => p.text)).toEqual(['Term | Russian | Meaning', 'conscript | prizyvnik | a man called up', 'After the table.'])
  })

  it('reads a symbol font\'s private-use bullet as a list item', () => {
    const ps = segmentDocument('Intro paragraph of the note.\n\n\uf095 First point on civilian service.\n\n\uf0b7 Second point on contract soldiers.', { format: 'md', layout: 'paragraphs' }).passages
    expect(ps.map((p) => [p.kind, p.text])).toEqual([['paragraph', 'Intro paragraph of the note.'], ['list', 'First point on civilian service.'], ['list', 'Second point on contract soldiers.']])
  })
})

describe('numbered headings that repeat with another number', () => {
  it('keeps "## N. Annex N" headings that a page counter would look like', () => {
    const md = [3, 4, 5, 6].map((n) => `## ${n}. Annex ${n}\n\nThe annex lists the sources consulted for part ${n} of the report, with dates.`).join('\n\n')
    const ps = segmentDocument(md, { format: 'md' }).passages
    expect(ps.filter((p) => p.kind === 'heading').map((p) => p.text)).toEqual(['3. Annex 3', '4. Annex 4', '5. Annex 5', '6. Annex 6'])
  })

  it('still drops a plain running line whose page number changes', () => {
    const text = [4, 5, 6].map((n) => `Report on conscription ${n}\n\nA paragraph of body text on page ${n} that says something about the army.`).join('\n\n')
    const ps = segmentDocument(text, { format: 'txt' }).passages
    expect(ps.some((p) => p.text.startsWith('Report on conscription'))).toBe(false)
  })
})

describe('a report date printed on the first page and the date the file was made', () => {
  const passages = segmentDocument('# Venäjä: Asevelvollisuus\n\nMaahanmuuttovirasto\n12.3.2025\n\nTämä raportti käsittelee asevelvollisuutta.', { format: 'md' }).passages
  const text = passages.map((p) => p.text).join('\n\n')

  it('prefers the printed date to a PDF CreationDate made later', () => {
    expect(guessMeta({ file: { created: '2026-12-04' }, text, passages, fileName: 'r.pdf' }).date).toBe('2025-03-12')
  })

  it('takes the file date when it falls within a printed month', () => {
    const ps = segmentDocument('# Rusland: Militærtjeneste\n\nJuni 2024\n\nDenne rapport handler om militærtjeneste.', { format: 'md' }).passages
    expect(guessMeta({ file: { created: '2024-06-14' }, text: ps.map((p) => p.text).join('\n\n'), passages: ps, fileName: 'r.pdf' }).date).toBe('2024-06-14')
  })

  it('falls back to the date the file was made when none is printed, and a published date wins over both', () => {
    const ps = segmentDocument('# Title of a note\n\nBody text of the note without any date.', { format: 'md' }).passages
    const t = ps.map((p) => p.text).join('\n\n')
    expect(guessMeta({ file: { created: '2024-06-14' }, text: t, passages: ps, fileName: 'r.pdf' }).date).toBe('2024-06-14')
    expect(guessMeta({ file: { date: '2025-01-27', created: '2024-06-14' }, text, passages, fileName: 'r.html' }).date).toBe('2025-01-27')
  })
})

/** A PDF drawn by pdfkit: `text` written on one page (none: only a drawn rectangle, as a scan's image would be). */
async function pdfkitPdf(text: string | null, options: ConstructorParameters<typeof PDFDocument>[0] = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', ...options })
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Uint8Array>((ok) => doc.on('end', () => ok(new Uint8Array(Buffer.concat(chunks)))))
  if (text) doc.text(text)
  else doc.rect(60, 60, 400, 500).fill('#555')
  doc.end()
  return done
}

describe('PDFs that cannot be read as they are', () => {
  it('says a PDF without a text layer needs text recognition first', async () => {
    await expect(readReport('skannet.pdf', await pdfkitPdf(null))).rejects.toThrow(/^skannet\.pdf: the PDF has no text layer \(a scanned document\?\): run text recognition \(OCR\)/)
  })

  it('says a password-protected PDF must be saved without its password', async () => {
    const locked = await pdfkitPdf('Verneplikt i Russland.', { userPassword: 'secret', pdfVersion: '1.7' })
    await expect(readReport('låst.pdf', locked)).rejects.toThrow(/^låst\.pdf: the PDF is protected by a password: save a copy without the password/)
    // The same text without a password reads.
    expect((await readReport('open.pdf', await pdfkitPdf('Verneplikt i Russland.'))).passages.map((p) => p.text)).toEqual(['Verneplikt i Russland.'])
  })
})

describe('typeset letters', () => {
  it('spells out ligatures and turns a line-final soft hyphen into a hyphen the segmenter rejoins', () => {
    const run = (str: string, y: number) => ({ str, x: 72, y, width: 300, size: 11, bold: false })
    const lines = pageLines([run('Identiﬁed con\u00adﬂicts in the mili\u00ad', 700), run('tary ofﬁce.', 687)], 1)
    expect(lines.map((l) => l.text)).toEqual(['Identified conflicts in the mili-', 'tary office.'])
    const { blocks } = layoutToBlocks([lines])
    const ps = segmentDocument(blocks.map((b) => (b.kind === 'para' ? b.text : '')).join('\n\n'), { format: 'md', layout: 'wrapped' }).passages
    expect(ps.map((p) => p.text)).toEqual(['Identified conflicts in the military office.'])
  })
})
