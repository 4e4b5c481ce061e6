// ODS glossaries (LibreOffice Calc): sheets read into the rows the XLSX import reads, so layouts, validation and
// messages are the same; Calc's repeated empty rows and columns cost nothing; other packages are refused clearly.
import { describe, expect, it } from 'vitest'
import { readOdsSheets } from '../../src/core/ods'
import { importSheets } from '../../src/core/xlsx'
import { readGlossaryFile } from '../../src/workers/glossaryFile'
import { formatOf } from '../../src/core/glossaryFormat'
import { makeOds, makeZip } from '../fixtures/makeFiles'

const WIDE = [
  ['concept id', 'en', 'fi', 'nb', 'en_status'],
  ['c1', 'military commissariat', 'sotilaskomissariaatti', 'militærkommissariat', 'preferred'],
  ['c2', 'hazing', 'simputus', '', 'preferred'],
  ['', '', '', '', ''],
  ['c3', 'alternative  civilian service', '', 'alternativ siviltjeneste', 'admitted'],
]

describe('ODS glossaries', () => {
  it('reads a wide-layout sheet with its row numbers, leaving out empty rows and Calc\'s padding', async () => {
    const sheets = await readOdsSheets(makeOds({ Glossary: WIDE }))
    expect(sheets).toHaveLength(1)
    expect(sheets[0].name).toBe('Glossary')
    expect(sheets[0].rowNumbers).toEqual([1, 2, 3, 5])
    expect(sheets[0].rows[1]).toEqual(['c1', 'military commissariat', 'sotilaskomissariaatti', 'militærkommissariat', 'preferred'])
    expect(sheets[0].rows[2]).toEqual(['c2', 'hazing', 'simputus', '', 'preferred'])
    // Two spaces written as <text:s/> come back as two.
    expect(sheets[0].rows[3][1]).toBe('alternative  civilian service')
  })

  it('imports through the glossary-file reader as an XLSX sheet would, preferring a sheet named Glossary', async () => {
    expect(formatOf('termer.ods', makeOds({ A: WIDE }))).toBe('ods')
    const r = await readGlossaryFile({ fileName: 'termer.ods', bytes: makeOds({ Notes: [['read me first']], Glossary: WIDE }) })
    expect(r.format).toBe('ods')
    expect(r.errors).toEqual([])
    expect(r.entries.map((e) => [e.concept.id, e.terms.map((t) => `${t.lang}:${t.text}:${t.status}`)])).toEqual([
      ['c1', ['en:military commissariat:preferred', 'fi:sotilaskomissariaatti:preferred', 'nb:militærkommissariat:preferred']],
      ['c2', ['en:hazing:preferred', 'fi:simputus:preferred']],
      ['c3', ['en:alternative  civilian service:admitted', 'nb:alternativ siviltjeneste:preferred']],
    ])
  })

  it('names the sheet, row and column of a bad cell, as for XLSX', async () => {
    const r = importSheets(await readOdsSheets(makeOds({ Terms: [['concept id', 'en', 'en_status'], ['c1', 'conscript', 'preferred'], ['c2', 'exit ban', 'sometimes']] })))
    expect(r.errors).toMatchObject([{ line: 3, column: 3, sheet: 'Terms', message: expect.stringMatching(/invalid status value "sometimes"/) }])
  })

  it('refuses a text document, a package without content and a non-package, saying which', async () => {
    const odt = await readGlossaryFile({ fileName: 'g.ods', bytes: makeOds({ A: WIDE }, { mimetype: 'application/vnd.oasis.opendocument.text' }) })
    expect(odt.errors[0].message).toBe('not a readable ODS workbook: not an OpenDocument spreadsheet (the package is application/vnd.oasis.opendocument.text)')
    const empty = await readGlossaryFile({ fileName: 'g.ods', bytes: makeZip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet' }) })
    expect(empty.errors[0].message).toMatch(/no content\.xml in the package/)
    const text = await readGlossaryFile({ fileName: 'g.ods', bytes: new TextEncoder().encode('en,fi\nhazing,simputus\n') })
    expect(text.errors[0].message).toMatch(/^not a readable ODS workbook: not a ZIP package/)
    expect(text.entries).toEqual([])
  })

  it('takes the exact string Calc stores beside a cell\'s paragraphs, and expands repeated cells that hold text', async () => {
    const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="T"><table:table-row><table:table-cell><text:p>en</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2"><text:p>note</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:string-value="conscript&#x9;" office:value-type="string"><text:p>conscript</text:p></table:table-cell><table:table-cell/><table:table-cell><text:p>line one<text:line-break/>line<text:tab/>two</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>`
    const sheets = await readOdsSheets(makeZip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': content }))
    expect(sheets[0].rows).toEqual([['en', 'note', 'note'], ['conscript\t', '', 'line one\nline\ttwo']])
  })
})
