// Size limits (src/core/limits.ts, listed in the README): files, fields, XML attributes and texts,
// CSV columns and XML siblings over the limit are refused with a message naming the limit, and lists
// of problems are capped.
import { describe, expect, it } from 'vitest'
import { importCsv, importCsvBytes } from '../../src/core/csv'
import { importTbx, importTbxBytes } from '../../src/core/tbx'
import { importMultiTerm } from '../../src/core/multiterm'
import { parseXml } from '../../src/core/xml'
import { LIMITS } from '../../src/core/limits'

const tbx = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n<text>\n<body>\n${body}\n</body>\n</text>\n</tbx>\n`
const entry = (id: string, term: string) => `<conceptEntry id="${id}"><langSec xml:lang="en"><termSec><term>${term}</term></termSec></langSec></conceptEntry>`

describe('file size', () => {
  it('a 50 MB CSV file and a 200 MB TBX file are refused before they are decoded', () => {
    const bytes = new Uint8Array(50 * 1024 * 1024).fill(0x61)
    expect(importCsvBytes(bytes).errors).toMatchObject([{ line: 1, message: 'the file is 50 MB, more than the 32 MB a glossary file may have; split it and import the parts' }])
    // XML is verbose: a 50 MB TBX is under its limit (and read: here it is not XML at all).
    expect(importTbxBytes(bytes).errors[0].message).not.toMatch(/more than the/)
    expect(importTbxBytes(new Uint8Array(200 * 1024 * 1024)).errors[0].message).toMatch(/^the file is 200 MB, more than the 192 MB/)
  })
})

describe('fields', () => {
  it('a 20 MB term is refused on its line, naming the field and the limit', () => {
    const r = importCsv(`id,en\nc1,hazing\nc2,${'x'.repeat(20 * 1024 * 1024)}\n`)
    expect(r.errors).toMatchObject([{ line: 3, message: 'concept c2: the term (en) is 20,971,520 characters long, more than the 100,000 a field may have' }])
    expect(r.partial?.entries.map((e) => e.concept.id)).toEqual(['c1'])
  })

  it('a long definition or source quote in TBX is refused the same way', () => {
    const long = 'y'.repeat(LIMITS.fieldChars + 1)
    const r = importTbx(tbx(`<conceptEntry id="c1"><langSec xml:lang="en"><descrip type="definition">${long}</descrip><termSec><term>t</term></termSec></langSec></conceptEntry>`))
    expect(r.errors.map((e) => e.message)).toEqual(['concept c1: the definition (en) is 100,001 characters long, more than the 100,000 a field may have'])
  })
})

describe('XML', () => {
  it('an attribute value over the limit is refused with its position', () => {
    const xml = `<a>\n<b x="${'v'.repeat(LIMITS.xmlTextChars + 1)}"/></a>`
    expect(() => parseXml(xml, { label: 'tbx' })).toThrow(/^tbx: line 2, column 6: the value of attribute x is longer than 1,000,000 characters/)
    const r = importTbx(tbx(`<conceptEntry id="${'i'.repeat(LIMITS.xmlTextChars + 1)}"/>`))
    expect(r.errors[0].message).toMatch(/the value of attribute id is longer than 1,000,000 characters/)
  })

  it('a text over the limit is refused, split by CDATA or not', () => {
    const half = 'w'.repeat(LIMITS.xmlTextChars / 2 + 1)
    expect(() => parseXml(`<a>${half}<![CDATA[${half}]]></a>`)).toThrow(/a text of more than 1,000,000 characters in <a>/)
    expect(() => parseXml(`<a>${half}<b/>${half}</a>`)).not.toThrow()
  })

  it('a million sibling elements are refused at the limit, not read', () => {
    const r = importTbx(tbx('<x/>'.repeat(1_000_000)))
    expect(r.entries).toEqual([])
    expect(r.errors.map((e) => e.message)).toEqual([expect.stringMatching(/more than 250,000 elements in <body>$/)])
    expect(importMultiTerm(`<mtf>${'<conceptGrp/>'.repeat(LIMITS.xmlChildren + 1)}</mtf>`).errors[0].message).toMatch(/more than 250,000 elements in <mtf>/)
  })

  it('a long list of warnings is capped, with how many more', () => {
    const r = importTbx(tbx(`${entry('c1', 'hazing')}${'<x/>'.repeat(2500)}`))
    expect(r.entries).toHaveLength(1)
    expect(r.warnings).toHaveLength(LIMITS.listedProblems + 1)
    expect(r.warnings.at(-1)?.message).toBe('… and 1500 more')
  })
})

describe('CSV columns', () => {
  it('a header of a million columns is refused', () => {
    const r = importCsv(`${'en,'.repeat(1_000_000)}fi\nx\n`)
    expect(r.errors).toMatchObject([{ line: 1, message: 'the first row has 1,000,001 columns, more than the 1,000 a glossary file may have' }])
  })
})
