// The exchange formats added for CAT tools: XLSX (round trip through a real workbook, errors with sheet,
// row and column, formula neutralisation), MultiTerm XML from another tool, TBX v2 export, subset export,
// and the DeepL/Google pair rules.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { exportCsv, exportRows, pairEntries } from '../../src/core/csv'
import { importMultiTerm } from '../../src/core/multiterm'
import { subsetGlossary } from '../../src/core/glossarySubset'
import { columnLetter, importSheets } from '../../src/core/xlsx'
import { readWorkbook, writeWorkbook } from '../../src/workers/glossaryXlsx'
import type { ConceptEntry, Lang, Term, TermStatus } from '../../src/core/model'
import { FIXED, glossaryArb } from './glossaryArb'

const TS = '2025-01-01T00:00:00.000Z'
function entry(id: string, terms: [Lang, string, TermStatus?][]): ConceptEntry {
  return {
    concept: { id, definitions: { en: `def ${id}`, fi: `määr ${id}` }, related: [], created: TS, modified: TS },
    terms: terms.map(([lang, text, status], i): Term => ({ id: `${id}-${i}`, conceptId: id, lang, text, status: status ?? 'preferred', type: 'fullForm', sources: [], created: TS, modified: TS })),
  }
}

describe('XLSX', () => {
  for (const layout of ['wide', 'long'] as const) {
    it(`a workbook written in the ${layout} layout reads back as the same glossary`, async () => {
      await fc.assert(
        fc.asyncProperty(glossaryArb, async (g) => {
          const sheets = await readWorkbook(await writeWorkbook(exportRows(g, { layout })))
          const r = importSheets(sheets, FIXED)
          expect(r.errors).toEqual([])
          expect(r.layout).toBe(layout)
          expect(r.entries).toStrictEqual(g.entries)
        }),
        { numRuns: 40 },
      )
    })
  }

  it('names the sheet, row and column of a bad cell, and offers the valid rows', async () => {
    const rows = [['concept id', 'en', 'en_status'], ['c1', 'conscript', 'preferred'], ['c2', 'exit ban', 'sometimes']]
    const r = importSheets(await readWorkbook(await writeWorkbook(rows, 'Terms')))
    expect(r.errors).toMatchObject([{ line: 3, column: 3, sheet: 'Terms', message: expect.stringMatching(/invalid status value "sometimes"/) }])
    expect(columnLetter(3)).toBe('C')
    expect(columnLetter(28)).toBe('AB')
    expect(r.partial?.entries.map((e) => e.concept.id)).toEqual(['c1'])
  })

  it('writes formulas as neutralised text, and reverses that on import', async () => {
    const g = { entries: [entry('c1', [['en', '=HYPERLINK("http://evil")']])] }
    const rows = exportRows(g, { layout: 'wide' })
    expect(rows[1][rows[0].indexOf('en')]).toBe('\'=HYPERLINK("http://evil")')
    const sheets = await readWorkbook(await writeWorkbook(rows))
    expect(importSheets(sheets).entries[0].terms[0].text).toBe('=HYPERLINK("http://evil")')
  })
})

describe('MultiTerm XML from MultiTerm itself', () => {
  it('reads languages by code or name, statuses and definitions, keeping unknown fields in notes', () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?>
<mtf>
  <conceptGrp>
    <concept>17</concept>
    <descripGrp><descrip type="Subject">military service</descrip></descripGrp>
    <languageGrp>
      <language type="English" lang="EN-GB"/>
      <descripGrp><descrip type="Definition">a person called up</descrip></descripGrp>
      <termGrp><term>conscript</term><descripGrp><descrip type="Usage status">Preferred</descrip></descripGrp></termGrp>
      <termGrp><term>draftee</term><descripGrp><descrip type="Gender">n/a</descrip></descripGrp></termGrp>
    </languageGrp>
    <languageGrp><language type="Norwegian" lang="NO"/><termGrp><term>vernepliktig</term></termGrp></languageGrp>
    <languageGrp><language type="German" lang="DE"/><termGrp><term>Wehrpflichtiger</term></termGrp></languageGrp>
  </conceptGrp>
</mtf>`
    const r = importMultiTerm(xml, FIXED)
    expect(r.errors).toEqual([])
    const [e] = r.entries
    expect(e.concept).toMatchObject({ id: '17', subjectField: 'military service', definitions: { en: 'a person called up' } })
    expect(e.terms.map((t) => [t.lang, t.text, t.status, t.note])).toEqual([
      ['en', 'conscript', 'preferred', undefined],
      ['en', 'draftee', 'admitted', '[Gender] n/a'],
      ['nb', 'vernepliktig', 'preferred', undefined],
    ])
    expect(r.warnings[0].message).toMatch(/unsupported languages: DE \(1\)/)
  })

  it('refuses entity declarations and names an empty term with its line', () => {
    expect(importMultiTerm('<!DOCTYPE mtf [<!ENTITY x SYSTEM "file:///etc/passwd">]><mtf>&x;</mtf>').errors[0].message).toMatch(/ENTITY|entit/i)
    const r = importMultiTerm('<mtf>\n<conceptGrp><languageGrp><language lang="EN"/>\n<termGrp><term> </term></termGrp></languageGrp></conceptGrp>\n</mtf>')
    expect(r.errors).toMatchObject([{ line: 3, column: 1, message: expect.stringMatching(/empty term/) }])
  })
})

describe('subset export', () => {
  it('keeps the chosen languages, statuses and concepts, and drops concepts left without terms', () => {
    const g = { entries: [entry('a', [['en', 'conscript'], ['fi', 'varusmies'], ['fi', 'asevelvollinen', 'admitted']]), entry('b', [['fi', 'kutsunta']])] }
    const s = subsetGlossary(g, { langs: ['en', 'fi'], statuses: ['preferred'], conceptIds: ['a'] })
    expect(s.entries.map((e) => e.terms.map((t) => t.text))).toEqual([['conscript', 'varusmies']])
    expect(subsetGlossary(g, { langs: ['en'] }).entries.map((e) => [e.concept.id, e.concept.definitions])).toEqual([['a', { en: 'def a' }]])
  })
})

describe('DeepL/Google pair rules', () => {
  it('no deprecated or forbidden source, no duplicate source, no control characters, trimmed, no BOM by default', () => {
    const g = {
      entries: [
        entry('a', [['en', 'conscript'], ['en', 'recruit', 'deprecated'], ['en', 'draftee', 'admitted'], ['fr', 'appelé']]),
        entry('b', [['en', 'conscript '], ['fr', 'conscrit']]),
        entry('c', [['en', 'exit\nban'], ['fr', 'interdiction de sortie']]),
        entry('d', [['en', 'x'.repeat(1025)], ['fr', 'y']]),
        entry('e', [['en', 'summons'], ['fr', 'convocation', 'forbidden']]),
      ],
    }
    const p = pairEntries(g.entries, 'en', 'fr')
    expect(p.pairs).toEqual([['conscript', 'appelé'], ['draftee', 'appelé']])
    expect(p.skipped.map((s) => s.reason)).toEqual(['duplicate source entry', 'contains a control character or line break', 'longer than 1024 UTF-8 bytes'])
    const csv = exportCsv(g, { layout: 'deepl', source: 'en', target: 'fr' })
    expect(csv.charCodeAt(0)).not.toBe(0xfeff)
    expect(csv).toBe('conscript,appelé\r\ndraftee,appelé\r\n')
    expect(exportCsv(g, { layout: 'google', source: 'en', target: 'fr' }).split('\r\n')[0]).toBe('en,fr')
  })
})
