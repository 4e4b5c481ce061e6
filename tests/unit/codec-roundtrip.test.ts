// Property tests: for random glossaries full of quotes, newlines, delimiters, escapes, Cyrillic, RTL text
// and emoji, import(export(x)) deep-equals x for TBX and for the wide and long CSV layouts.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  LIST_SEP, decodeList, encodeList, exportCsv, importCsv, neutraliseFormula, parseCsv, reverseNeutralisation,
  serializeCsv, sortTermsByLanguage,
} from '../../src/core/csv'
import {
  type Concept, type ConceptEntry, type Glossary, type Lang, PARTS_OF_SPEECH, SUPPORTED_LANGS, TERM_STATUSES,
  TERM_TYPES, type Term,
} from '../../src/core/model'
import { exportTbx, importTbx } from '../../src/core/tbx'
import { escapeXmlAttr, escapeXmlText, parseXml, textContent } from '../../src/core/xml'

/** Characters that stress the codecs; excludes only what the importers rightly reject as misdecoding. */
const POOL = [
  'a', 'b', 'Z', '0', ' ', ' ', '"', "'", ',', ';', '\t', '\n', '\r', '\r\n', '|', '\\', '>', '<', '&', '=', '+', '-',
  '@', ']]>', '&amp;', '#', ':', '_', '(', ')', 'é', 'å', 'ø', 'æ', 'ä', 'ö', 'œ', 'ç', 'б', 'ж', 'Щ', 'ё', 'й',
  'ب', 'ش', 'ש', 'ל', '\u200f', '😀', '👩‍👩‍👧', 'e\u0301', '\u00a0', '€', '中',
]
const unit = fc.oneof(
  { arbitrary: fc.constantFrom(...POOL), weight: 4 },
  {
    arbitrary: fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: 1 }).filter((c) => !/[ÂÃÐÑ\uFFFD\uFEFF]/.test(c)),
    weight: 1,
  },
)
const str = (minLength = 0, maxLength = 12) => fc.string({ unit, minLength, maxLength })
const nonEmpty = str(1)
const optionalText = fc.option(nonEmpty, { nil: undefined })
const termText = str(1).filter((s) => s.trim() !== '')
const stamp = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString())

/** Drops undefined properties, like the importers (which never set them). */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}

const termArb = fc.record({
  lang: fc.constantFrom(...SUPPORTED_LANGS),
  text: termText,
  status: fc.constantFrom(...TERM_STATUSES),
  type: fc.constantFrom(...TERM_TYPES),
  partOfSpeech: fc.option(fc.constantFrom(...PARTS_OF_SPEECH), { nil: undefined }),
  note: optionalText,
  sources: fc.array(fc.record({ doc: nonEmpty, quote: optionalText }).map(clean), { maxLength: 3 }),
  created: stamp,
  modified: stamp,
  idPrefix: str(0, 4),
})

const entryArb = fc.record({
  idPrefix: str(0, 4),
  subjectField: optionalText,
  note: optionalText,
  definitions: fc.dictionary(fc.constantFrom(...SUPPORTED_LANGS), nonEmpty, { maxKeys: 3 }),
  related: fc.array(nonEmpty, { maxLength: 3 }),
  created: stamp,
  modified: stamp,
  terms: fc.array(termArb, { maxLength: 6 }),
})

/** Random glossaries in canonical form: unique ids, unique term text per concept+language, terms grouped by language. */
const glossaryArb = fc.array(entryArb, { maxLength: 4 }).map((raw): Glossary => {
  let termNo = 0
  const entries = raw.map((e, i): ConceptEntry => {
    const id = `${e.idPrefix}#${i}`
    const concept = clean<Concept>({
      id,
      subjectField: e.subjectField,
      note: e.note,
      definitions: { ...e.definitions } as Partial<Record<Lang, string>>,
      related: e.related,
      created: e.created,
      modified: e.modified,
    })
    const seen = new Set<string>()
    const terms: Term[] = []
    for (const t of e.terms) {
      const key = `${t.lang}\u0000${t.text}`
      if (seen.has(key)) continue
      seen.add(key)
      const { idPrefix, ...rest } = t
      terms.push(clean<Term>({ ...rest, id: `${idPrefix}#t${termNo++}`, conceptId: id }))
    }
    return sortTermsByLanguage({ concept, terms })
  })
  return { entries }
})

const FIXED = { now: '2000-01-01T00:00:00.000Z', newId: () => 'unexpected-new-id' }

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
