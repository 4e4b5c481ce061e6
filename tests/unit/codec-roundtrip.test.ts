// Property tests: for random glossaries full of quotes, newlines, delimiters, escapes, Cyrillic, RTL text
// and emoji, import(export(x)) deep-equals x for TBX v3 and v2, MultiTerm XML, and the wide and long CSV layouts.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  LIST_SEP, decodeList, encodeList, exportCsv, importCsv, neutraliseFormula, parseCsv, reverseNeutralisation,
  serializeCsv, sortTermsByLanguage,
} from '../../src/core/csv'
import { exportTbx, importTbx } from '../../src/core/tbx'
import { exportMultiTerm, importMultiTerm } from '../../src/core/multiterm'
import { FIXED, glossaryArb, str } from './glossaryArb'
import { escapeXmlAttr, escapeXmlText, parseXml, textContent } from '../../src/core/xml'

describe('TBX round trip', () => {
  it('importTbx(exportTbx(g)) deep-equals g', () => {
    fc.assert(
      fc.property(glossaryArb, (g) => {
        const result = importTbx(exportTbx(g), FIXED)
        expect(result.errors).toEqual([])
        expect(result.warnings).toEqual([])
        expect(result.entries).toStrictEqual(g.entries)
      }),
      { numRuns: 150 },
    )
  })
})

describe('TBX v2 (martif) round trip', () => {
  it('importTbx(exportTbx(g, { version: "tbx2" })) deep-equals g and reads as TBX v2', () => {
    fc.assert(
      fc.property(glossaryArb, (g) => {
        const xml = exportTbx(g, { version: 'tbx2' })
        expect(xml).toMatch(/<martif type="TBX-Basic"/)
        const result = importTbx(xml, FIXED)
        expect(result.version).toBe('tbx2')
        expect(result.errors).toEqual([])
        expect(result.warnings).toEqual([])
        expect(result.entries).toStrictEqual(g.entries)
      }),
      { numRuns: 150 },
    )
  })
})

describe('MultiTerm XML round trip', () => {
  it('importMultiTerm(exportMultiTerm(g)) deep-equals g', () => {
    fc.assert(
      fc.property(glossaryArb, (g) => {
        const result = importMultiTerm(exportMultiTerm(g), FIXED)
        expect(result.errors).toEqual([])
        expect(result.warnings).toEqual([])
        expect(result.entries).toStrictEqual(g.entries)
      }),
      { numRuns: 150 },
    )
  })
})

describe('CSV round trip', () => {
  const layouts = [
    { layout: 'wide' as const },
    { layout: 'long' as const },
    { layout: 'wide' as const, delimiter: ';' as const, bom: false },
    { layout: 'long' as const, delimiter: '\t' as const, eol: '\n' as const },
  ]
  for (const options of layouts) {
    it(`importCsv(exportCsv(g, ${JSON.stringify(options)})) deep-equals g`, () => {
      fc.assert(
        fc.property(glossaryArb, (g) => {
          const csv = exportCsv(g, options)
          const result = importCsv(csv, FIXED)
          expect(result.errors).toEqual([])
          expect(result.entries).toStrictEqual(g.entries)
          expect(result.layout).toBe(options.layout)
        }),
        { numRuns: 150 },
      )
    })
  }

  it('round-trips with formula neutralisation switched off when import does not reverse it', () => {
    fc.assert(
      fc.property(glossaryArb, (g) => {
        const csv = exportCsv(g, { layout: 'wide', neutralise: false })
        const result = importCsv(csv, { ...FIXED, reverseNeutralisation: false })
        expect(result.errors).toEqual([])
        expect(result.entries).toStrictEqual(g.entries)
      }),
      { numRuns: 60 },
    )
  })
})

describe('building blocks', () => {
  const cell = str(0, 20)
  it('parseCsv(serializeCsv(rows)) gives the rows back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((w) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 })),
        fc.constantFrom(',' as const, ';' as const, '\t' as const),
        (rows, delimiter) => {
          // A row of one empty cell is a blank line, which readers skip; keep rows non-blank.
          const input = rows.map((r) => (r.every((c) => c === '') ? ['x', ...r.slice(1)] : r))
          const parsed = parseCsv(serializeCsv(input, { delimiter }), { delimiter })
          expect(parsed.errors).toEqual([])
          expect(parsed.records.map((r) => r.fields)).toEqual(input)
        },
      ),
    )
  })

  it('decodeList(encodeList(items)) gives the items back, nested too', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 3 }), { minLength: 1, maxLength: 4 }), (lists) => {
        const inner = lists.map((l) => encodeList(l, LIST_SEP.sources))
        const outer = encodeList(inner, LIST_SEP.terms)
        const back = decodeList(outer, LIST_SEP.terms)
        if (inner.length === 1 && inner[0] === '') expect(back).toEqual([])
        else expect(back).toEqual(inner)
        back.forEach((b, k) => {
          const items = decodeList(b, LIST_SEP.sources)
          if (lists[k].length === 1 && lists[k][0] === '') expect(items).toEqual([])
          else expect(items).toEqual(lists[k])
        })
      }),
    )
  })

  it('formula neutralisation is reversible', () => {
    fc.assert(
      fc.property(cell, (s) => {
        expect(reverseNeutralisation(neutraliseFormula(s))).toBe(s)
      }),
    )
  })

  it('escaped XML text and attributes parse back exactly', () => {
    fc.assert(
      fc.property(cell, (s) => {
        const doc = parseXml(`<a x="${escapeXmlAttr(s)}">${escapeXmlText(s)}</a>`)
        expect(doc.root.attrs.x).toBe(s)
        expect(textContent(doc.root)).toBe(s)
      }),
    )
  })
})

describe('starter glossary', () => {
  const sample = {
    entries: [
      {
        concept: { id: 'c-voenkomat', subjectField: 'conscription', definitions: { en: 'Military commissariat.' }, note: '', related: ['c-other'] },
        terms: [
          { lang: 'ru', text: 'военкомат', status: 'preferred', sources: [{ doc: 'EUAA 2022', quote: 'the voenkomat issued a summons' }] },
          { lang: 'en', text: 'military commissariat', status: 'preferred', partOfSpeech: 'noun' },
          { lang: 'en', text: 'voenkomat', status: 'admitted', type: 'transliteration' },
        ],
      },
    ],
  }

  it('hydrateStarter fills ids and the fixed timestamp, and the result round-trips', async () => {
    const { STARTER_TIMESTAMP, hydrateStarter } = await import('../../src/core/starterGlossary')
    const g = hydrateStarter(sample)
    const [e] = g.entries
    expect(e.concept).toStrictEqual({
      id: 'c-voenkomat', subjectField: 'conscription', definitions: { en: 'Military commissariat.' }, related: ['c-other'],
      created: STARTER_TIMESTAMP, modified: STARTER_TIMESTAMP,
    })
    expect(e.terms.map((t) => [t.id, t.conceptId, t.type, t.created])).toEqual([
      ['c-voenkomat-ru-1', 'c-voenkomat', 'fullForm', STARTER_TIMESTAMP],
      ['c-voenkomat-en-1', 'c-voenkomat', 'fullForm', STARTER_TIMESTAMP],
      ['c-voenkomat-en-2', 'c-voenkomat', 'transliteration', STARTER_TIMESTAMP],
    ])
    const canonical = g.entries.map(sortTermsByLanguage)
    expect(importTbx(exportTbx(g)).entries).toStrictEqual(canonical)
    expect(importCsv(exportCsv(g)).entries).toStrictEqual(canonical)
    expect(() => hydrateStarter({ entries: [{ concept: {}, terms: [{ lang: 'de', text: 'x', status: 'preferred' }] }] })).toThrow(/unsupported language "de"/)
    expect(() => hydrateStarter({ entries: [{ concept: {}, terms: [{ lang: 'en', text: 'x', status: 'approved' }] }] })).toThrow(/status: "approved" is not one of/)
  })
})
