// Word 97–2003 (.doc) and RTF reports: text through the piece table (Windows-1252 and UTF-16 pieces), heading styles
// with their levels, list items, table rows, footnotes with their markers, field results without codes; files named .doc
// that are something else; and damaged, encrypted or foreign files refused with a plain reason, never a crash.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { readReport } from '../../src/core/extract/report'
import { ReportError } from '../../src/core/extract/reportError'
import { makeDocx } from '../fixtures/makeFiles'

const fixture = (f: string) => new Uint8Array(readFileSync(`tests/fixtures/doc/${f}`))

/** The offset of the Word header (FIB) in a .doc: the sector that starts with 0xA5EC. */
function fibOffset(bytes: Uint8Array): number {
  for (let k = 512; k < bytes.length; k += 512) if (bytes[k] === 0xec && bytes[k + 1] === 0xa5) return k
  throw new Error('no FIB')
}

describe('Word 97–2003 reports', () => {
  it('reads headings with their levels, paragraphs, table rows and the Russian of a Danish note', async () => {
    const r = await readReport('sample.doc', fixture('sample.doc'))
    const kinds = r.passages.map((p) => [p.kind, p.text])
    expect(kinds[0]).toEqual(['heading', 'Rusland: Militærtjeneste'])
    expect(kinds).toContainEqual(['heading', '1. Indledning'])
    expect(r.passages.find((p) => p.text.startsWith('Mænd mellem'))!.section).toMatch(/2\. Værnepligt$/)
    expect(r.passages.map((p) => p.text)).toContain('2023 | 147.000')
    // The bulleted list is a list (its paragraphs' list format), not two paragraphs.
    expect(kinds.filter(([k]) => k === 'list')).toEqual([['list', 'Indkaldelse sker to gange om året.'], ['list', 'Tjenesten varer 12 måneder.']])
    expect(kinds).toContainEqual(['paragraph', 'Dansk Flygtningehjælp, juni 2024'])
    expect(r.text).toContain('Военкомат (militærkommissariatet) udsteder indkaldelsen – «повестка».')
    expect(r.lang).toBe('da')
    expect(r.meta.title).toBe('Rusland: Militærtjeneste')
  })

  it('links footnote markers to their notes, and keeps a hyperlink\'s text without its field code', async () => {
    const r = await readReport('notes.doc', fixture('notes.doc'))
    const body = r.passages.find((p) => p.text.startsWith('Venäjällä'))!
    expect(body.footnotes).toEqual(['1', '2'])
    const notes = r.passages.filter((p) => p.kind === 'footnote').map((p) => p.text)
    expect(notes).toEqual(['Federal Law No. 53-FZ, artikla 22.', 'Mediazona, 25.7.2023, zona.media.'])
    expect(r.text).toContain('Lisätietoja: Maahanmuuttovirasto.')
    expect(r.text).not.toMatch(/HYPERLINK|[\x13\x14\x15]/)
    expect(r.passages.filter((p) => p.kind === 'heading').map((p) => p.text)).toEqual(['Venäjä: asevelvollisuus', '1. Johdanto'])
  })

  it('reads a web page, a .docx or RTF that is named .doc', async () => {
    const html = await readReport('page.doc', new TextEncoder().encode('<html><body><h1>Otsikko</h1><p>Teksti on tässä.</p></body></html>'))
    expect(html.passages.map((p) => p.text)).toEqual(['Otsikko', 'Teksti on tässä.'])
    const docx = await readReport('renamed.doc', new Uint8Array(makeDocx(['Tämä on Word-tiedosto, joka on nimetty uudelleen.'])))
    expect(docx.passages.map((p) => p.text)).toEqual(['Tämä on Word-tiedosto, joka on nimetty uudelleen.'])
    const rtf = await readReport('old.doc', new TextEncoder().encode(String.raw`{\rtf1\ansi\ansicpg1252 Hyv\'e4 p\u228\'e4iv\u228\'e4 kaikille.\par}`))
    expect(rtf.passages.map((p) => p.text)).toEqual(['Hyvä päivä kaikille.'])
  })

  it('refuses a password-protected, a foreign and a damaged .doc plainly', async () => {
    const locked = fixture('sample.doc')
    locked[fibOffset(locked) + 0x0b] |= 0x01
    await expect(readReport('locked.doc', locked)).rejects.toMatchObject({ code: 'passwordDoc', message: expect.stringMatching(/^locked\.doc: the Word file is protected by a password/) })
    await expect(readReport('x.doc', new Uint8Array(2048).fill(7))).rejects.toMatchObject({ code: 'notDoc' })
    // Cut short: its sector chains point past the end.
    const cut = fixture('sample.doc').subarray(0, 3000)
    const e = await readReport('cut.doc', cut).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ReportError)
    expect((e as ReportError).message).toMatch(/^cut\.doc: the Word 97–2003 file is damaged \(/)
  })

  it('reads RTF with its heading styles, lists, footnotes, tables, Unicode escapes and the title it states', async () => {
    const notes = await readReport('notes.rtf', fixture('notes.rtf'))
    expect(notes.passages.filter((p) => p.kind === 'heading').map((p) => p.text)).toEqual(['Venäjä: asevelvollisuus', '1. Johdanto'])
    expect(notes.passages.find((p) => p.text.startsWith('Venäjällä'))!.footnotes).toEqual(['1', '2'])
    expect(notes.passages.filter((p) => p.kind === 'footnote').map((p) => p.text)).toEqual(['Federal Law No. 53-FZ, artikla 22.', 'Mediazona, 25.7.2023, zona.media.'])
    const sample = await readReport('sample.rtf', fixture('sample.rtf'))
    expect(sample.passages[0]).toMatchObject({ kind: 'heading', text: 'Rusland: Militærtjeneste' })
    expect(sample.passages.map((p) => p.text)).toEqual(expect.arrayContaining(['Indkaldelse sker to gange om året.', '2023 | 147.000', 'Военкомат (militærkommissariatet) udsteder indkaldelsen – «повестка».']))
    expect(sample.passages.filter((p) => p.kind === 'list').map((p) => p.text)).toEqual(['Indkaldelse sker to gange om året.', 'Tjenesten varer 12 måneder.'])
    expect(sample.meta.title).toBe('Rusland: Militærtjeneste')
    await expect(readReport('x.rtf', new TextEncoder().encode('Hello'))).rejects.toMatchObject({ code: 'notRtf' })
  })
})
