// Formula neutralisation on export (CSV, XLSX, the QA and audit CSVs share neutraliseFormula): cells
// that start with NUL, full-width ＝＋－＠, or white space before `=` are neutralised too, and import
// undoes exactly what export did.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { exportCsv, exportRows, importCsv, neutraliseFormula, reverseNeutralisation } from '../../src/core/csv'
import type { Glossary } from '../../src/core/model'
import { FIXED } from './glossaryArb'

const HOSTILE = [
  '=1+1', '+1', '-1', '@SUM(A1)', '\u0000=1+1', '\u0000', '＝1+1', '＋1', '－1', '＠SUM(A1)', ' =1+1', '   =HYPERLINK("x")',
  '\u00a0=1+1', '\n=1+1', '\r\n=1', '\t=1', ' \u00a0\n\t=cmd|\' /C calc\'!A0', '\u200b=1', '\u3000=1', '\u0000\u0000+1', '\u001f-2',
]

describe('formula neutralisation', () => {
  it('neutralises every hostile start with one apostrophe, and reverses it exactly', () => {
    for (const cell of HOSTILE) {
      expect(neutraliseFormula(cell), JSON.stringify(cell)).toBe("'" + cell)
      expect(reverseNeutralisation(neutraliseFormula(cell))).toBe(cell)
    }
  })

  it('leaves ordinary text alone', () => {
    for (const cell of ['hazing', 'a = b', 'x-1', ' leading space', 'e-mail', '1+1', '', 'Ñ', '＝'.slice(1)])
      expect(neutraliseFormula(cell), JSON.stringify(cell)).toBe(cell)
  })

  it('reverses exactly for any text (property)', () => {
    const pool = fc.constantFrom("'", '=', '+', '-', '@', '＝', '＋', '－', '＠', ' ', '\u00a0', '\n', '\t', '\r', '\u0000', 'a', '1')
    fc.assert(fc.property(fc.string({ unit: pool, maxLength: 6 }), (s) => {
      expect(reverseNeutralisation(neutraliseFormula(s))).toBe(s)
      const out = neutraliseFormula(s)
      // Left as it is only when no formula start follows the leading blanks and no control character leads.
      if (out[0] !== "'") expect(/^[\s\u0000-\u001f\u200b]*[=+\-@＝＋－＠]|^[\u0000-\u001f]/.test(out)).toBe(false)
    }))
  })

  it('CSV and XLSX rows of a glossary carry the neutralised cells, and CSV reads them back exactly', () => {
    const ts = '2025-01-01T00:00:00.000Z'
    const g: Glossary = {
      entries: HOSTILE.filter((t) => t.trim() && !/^[\s\u0000-\u001f]/.test(t)).map((text, i) => ({
        concept: { id: `c${i}`, definitions: {}, related: [], created: ts, modified: ts, note: ` \u00a0=N${i}` },
        terms: [{ id: `t${i}`, conceptId: `c${i}`, lang: 'en', text, status: 'admitted', type: 'fullForm', sources: [], created: ts, modified: ts }],
      })),
    }
    const rows = exportRows(g, { layout: 'wide' })
    // Columns of the wide layout: conceptId, subjectField, note, …, then the term columns.
    for (const row of rows.slice(1)) {
      expect(row[2].startsWith("' \u00a0=")).toBe(true)
      expect(row.filter((c) => HOSTILE.includes(c.slice(1))).length).toBe(1)
    }
    const back = importCsv(exportCsv(g, { layout: 'wide' }), FIXED)
    expect(back.errors).toEqual([])
    expect(back.entries).toEqual(g.entries)
  })
})
