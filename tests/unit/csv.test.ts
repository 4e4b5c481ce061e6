// The CSV codec: RFC 4180 reading with physical line numbers, byte decoding, header and layout detection,
// per-line import errors, formula neutralisation, and hostile files (formulas, ragged rows, bad quotes,
// Latin-1 bytes, mojibake).
import { describe, expect, it } from 'vitest'
import {
  analyzeHeader, decodeCsvBytes, decodeList, detectDelimiter, encodeList, exportCsv, importCsv, importCsvBytes,
  neutraliseFormula, parseCsv, parseLanguageLabel, reverseNeutralisation, serializeCsv,
} from '../../src/core/csv'
import type { Glossary, Term } from '../../src/core/model'

const T0 = '2025-12-30T00:00:00.000Z'
let counter = 0
const FIXED = { now: T0, newId: (kind: 'concept' | 'term') => `${kind[0]}${++counter}` }

function term(over: Partial<Term> & Pick<Term, 'id' | 'lang' | 'text'>): Term {
  return { conceptId: 'c1', status: 'preferred', type: 'fullForm', sources: [], created: T0, modified: T0, ...over }
}
const concept = (id: string) => ({ id, definitions: {}, related: [], created: T0, modified: T0 })

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    const r = parseCsv('a,"b,1","say ""hi"""\r\n"multi\r\nline",x,\n')
    expect(r.errors).toEqual([])
    expect(r.records).toEqual([
      { line: 1, fields: ['a', 'b,1', 'say "hi"'] },
      { line: 2, fields: ['multi\r\nline', 'x', ''] },
    ])
  })

  it('reports the physical line where each record starts', () => {
    const r = parseCsv('h1,h2\n"a\nb\nc",1\nx,2\r\ny,3\rz,4')
    expect(r.records.map((x) => x.line)).toEqual([1, 2, 5, 6, 7])
  })

  it('reports an unterminated quote at the line where its record starts', () => {
    const r = parseCsv('a,b\n1,2\n3,"oops\n4,5\n')
    expect(r.errors).toMatchObject([{ line: 3, column: 2, message: 'unterminated quote: the quoted field 2 that starts on line 3 is never closed' }])
  })

  it('reports text after a closing quote, and warns about a stray quote', () => {
    const r = parseCsv('"ab"c,d\n5" screw,x\n')
    expect(r.errors[0]).toMatchObject({ line: 1, column: 1 })
    expect(r.errors[0].message).toMatch(/unexpected text after the closing quote/)
    expect(r.warnings[0]).toMatchObject({ line: 2, column: 1 })
    expect(r.records[1].fields).toEqual(['5" screw', 'x'])
  })

  it('detects the delimiter', () => {
    expect(detectDelimiter('en,fi\n')).toBe(',')
    expect(detectDelimiter('en;fi;"a,b,c"\n')).toBe(';')
    expect(detectDelimiter('en\tfi\n')).toBe('\t')
    expect(detectDelimiter('English\n')).toBe(',')
  })

  it('writes CRLF, quotes only where needed, and an optional BOM', () => {
    expect(serializeCsv([['a', 'b c', 'x,y', 'q"', ' lead', 'l\nf']], { bom: true })).toBe('\uFEFFa,b c,"x,y","q"""," lead","l\nf"\r\n')
    expect(serializeCsv([['a', 'b'], ['c', 'd']], { delimiter: ';', eol: '\n' })).toBe('a;b\nc;d\n')
  })
})

describe('decodeCsvBytes', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s)

  it('strips a UTF-8 BOM', () => {
    const r = decodeCsvBytes(utf8('\uFEFFen,fi\n'))
    expect(r).toEqual({ ok: true, text: 'en,fi\n', encoding: 'utf-8', bom: true })
  })

  it('refuses Latin-1 bytes with the byte offset and line', () => {
    const bytes = Uint8Array.from([...utf8('en,fi\nrefugee,pakolainen\ncaf'), 0xe9, ...utf8(',kahvila\n')])
    const r = decodeCsvBytes(bytes)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.byteOffset).toBe(28)
      expect(r.line).toBe(3)
      expect(r.error).toMatch(/^not valid UTF-8 at byte 28 \(line 3, byte 0xE9\); save the file as UTF-8/)
    }
  })

  it('refuses overlong encodings and encoded surrogates', () => {
    expect(decodeCsvBytes(Uint8Array.from([0x61, 0xc0, 0xaf])).ok).toBe(false)
    expect(decodeCsvBytes(Uint8Array.from([0xed, 0xa0, 0x80])).ok).toBe(false)
    expect(decodeCsvBytes(Uint8Array.from([0xf0, 0x9f, 0x98]))).toMatchObject({ ok: false, byteOffset: 0 })
  })

  it('decodes UTF-16 LE and BE with BOM', () => {
    const text = 'en;ru\nrefugee;беженец 😀\n'
    const units = [...text].flatMap((c) => (c.length === 2 ? [c.charCodeAt(0), c.charCodeAt(1)] : [c.charCodeAt(0)]))
    const le = Uint8Array.from([0xff, 0xfe, ...units.flatMap((u) => [u & 0xff, u >> 8])])
    const be = Uint8Array.from([0xfe, 0xff, ...units.flatMap((u) => [u >> 8, u & 0xff])])
    expect(decodeCsvBytes(le)).toMatchObject({ ok: true, text, encoding: 'utf-16le' })
    expect(decodeCsvBytes(be)).toMatchObject({ ok: true, text, encoding: 'utf-16be' })
  })

  it('importCsvBytes reads Excel\'s Windows-1252 CSV with a warning, and refuses bytes that are no Windows-1252 text', () => {
    const cp1252 = Uint8Array.from([...utf8('English;Suomi;Dansk\nr'), 0xe9, ...utf8('fugi;pakolainen;flygtning\nconscript;asevelvollinen;v'), 0xe6, ...utf8('rnepligtig '), 0x96, ...utf8(' m'), 0xe6, ...utf8('nd\n')])
    const r = importCsvBytes(cp1252)
    expect(r.errors).toEqual([])
    expect(r.entries.map((e) => e.terms.map((t) => t.text))).toEqual([['réfugi', 'pakolainen', 'flygtning'], ['conscript', 'asevelvollinen', 'værnepligtig – mænd']])
    expect(r.warnings[0]).toMatchObject({ line: 2, code: 'readAsCp1252' })
    expect(r.warnings[0].message).toMatch(/read as Windows-1252[\s\S]*Cyrillic, were lost/)
    // 0x81 is undefined in Windows-1252, and box-drawing bytes of an old DOS code page are not the app's letters.
    const r2 = importCsvBytes(Uint8Array.from([...utf8('English;Suomi\nr'), 0x81, ...utf8('fugi;pakolainen\n')]))
    expect(r2.entries).toEqual([])
    expect(r2.errors).toHaveLength(1)
    expect(r2.errors[0]).toMatchObject({ line: 2, code: 'notUtf8' })
    expect(r2.errors[0].message).toMatch(/not valid UTF-8 at byte 15/)
    expect(importCsvBytes(Uint8Array.from([...utf8('English;Suomi\na'), 0xb3, 0xb3, 0xba, 0xbb, 0xbc, ...utf8(';b\n')])).errors[0]?.code).toBe('notUtf8')
  })
})

describe('language labels and header detection', () => {
  it.each([
    ['en', 'en'], ['en-GB', 'en'], ['EN', 'en'], ['English', 'en'], ['english (UK)', 'en'],
    ['Suomi', 'fi'], ['fi_FI', 'fi'], ['Norsk bokmål', 'nb'], ['Norwegian', 'nb'], ['no', 'nb'], ['nb-NO', 'nb'],
    ['nn', 'nb'], ['Dansk', 'da'], ['Svenska', 'sv'], ['Français', 'fr'], ['French', 'fr'], ['Francais', 'fr'],
    ['Russian', 'ru'], ['Русский', 'ru'], ['RUS', 'ru'],
  ])('%s → %s', (label, lang) => {
    expect(parseLanguageLabel(label)).toEqual({ lang })
  })

  it('recognises unsupported languages and non-languages', () => {
    expect(parseLanguageLabel('German')).toEqual({ unsupported: 'German' })
    expect(parseLanguageLabel('de-AT')).toEqual({ unsupported: 'de-AT' })
    expect(parseLanguageLabel('Comment')).toBeNull()
  })

  it('detects layouts from the header', () => {
    expect(analyzeHeader(['conceptId', 'en', 'en_status', 'Suomi', 'definition (English)']).layout).toBe('wide')
    expect(analyzeHeader(['concept', 'Language', 'Term', 'Status']).layout).toBe('long')
    expect(analyzeHeader(['en', 'fi']).layout).toBe('google')
    expect(analyzeHeader(['refugee', 'pakolainen']).layout).toBeNull()
    expect(analyzeHeader(['en', 'Status (English)', 'fi_note', 'definition_fi']).roles).toEqual([
      { kind: 'term', field: 'text', lang: 'en' },
      { kind: 'term', field: 'status', lang: 'en' },
      { kind: 'term', field: 'note', lang: 'fi' },
      { kind: 'definition', lang: 'fi' },
    ])
  })
})

describe('importCsv', () => {
  it('reads a simple spreadsheet glossary with language names', () => {
    const r = importCsv('\uFEFFEnglish;Suomi;Norsk bokmål;Русский\nasylum seeker | asylum applicant;turvapaikanhakija;asylsøker;"лицо, ищущее убежища"\n', FIXED)
    expect(r.errors).toEqual([])
    expect(r.layout).toBe('wide')
    expect(r.delimiter).toBe(';')
    expect(r.entries[0].terms.map((t) => [t.lang, t.text, t.status])).toEqual([
      ['en', 'asylum seeker', 'preferred'],
      ['en', 'asylum applicant', 'admitted'],
      ['fi', 'turvapaikanhakija', 'preferred'],
      ['nb', 'asylsøker', 'preferred'],
      ['ru', 'лицо, ищущее убежища', 'preferred'],
    ])
  })

  it('reads the long layout, grouping rows by concept', () => {
    const csv = 'conceptId,lang,term,status,type,note,sources,subjectField,definition_en\n' +
      'c1,en,refugee,preferred,fullForm,,"UNHCR > a person who ; EMN",asylum,A person.\n' +
      'c2,fi,pakolainen,,,,,,\n' +
      'c1,EN-gb,Refugee status,admitted,phrase,"a ""note""",,asylum,A person.\n'
    const r = importCsv(csv, FIXED)
    expect(r.errors).toEqual([])
    expect(r.entries.map((e) => e.concept.id)).toEqual(['c1', 'c2'])
    const [c1] = r.entries
    expect(c1.concept.subjectField).toBe('asylum')
    expect(c1.concept.definitions).toEqual({ en: 'A person.' })
    expect(c1.terms[0].sources).toEqual([{ doc: 'UNHCR', quote: 'a person who' }, { doc: 'EMN' }])
    expect(c1.terms[1]).toMatchObject({ lang: 'en', text: 'Refugee status', status: 'admitted', type: 'phrase', note: 'a "note"' })
  })

  it('reports per-line errors with specific reasons, and returns no entries', () => {
    const csv = [
      'conceptId,en,en_status,fi,Deutsch',
      'c1,refugee,preferred,pakolainen,Flüchtling',
      'c2,x,approved-ish,y,z',
      'c3,,,y,z',
      'c4,a | a,,b,c',
      'c5,short',
    ].join('\n')
    const r = importCsv(csv, FIXED)
    expect(r.entries).toEqual([])
    expect(r.errors).toMatchObject([
      { line: 1, column: 5, message: 'unknown language column "Deutsch" (supported: en, fi, nb, da, sv, fr, ru)' },
      { line: 6, message: 'ragged row: expected 5 fields, got 2' },
    ])
    const r2 = importCsv(csv.replace(',Deutsch', ',Comment').replace('\nc5,short', ''), FIXED)
    expect(r2.entries).toEqual([])
    expect(r2.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [3, 3, 'invalid status value "approved-ish" for term "x" (expected preferred, admitted, deprecated or forbidden)'],
      [5, undefined, 'duplicate term "a" in concept c4, language en'],
    ])
    const r3 = importCsv('en,en_status\na | b,preferred\n', FIXED)
    expect(r3.errors[0].message).toBe('column "en_status": expected 2 value(s) separated by " | " (one per term in column "en"), got 1')
  })

  it('counts physical lines across quoted line breaks', () => {
    const csv = 'en,en_status,en_definition\r\nrefugee,preferred,"a person\r\nwho\r\nflees"\r\nasylum,maybe,x\r\n'
    const r = importCsv(csv, FIXED)
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([[5, 2]])
  })

  it('reports an empty term in the long layout and a missing language', () => {
    const r = importCsv('conceptId,lang,term\nc1,en,\nc1,,orphan\nc1,de,Haus\n', FIXED)
    expect(r.errors.map((e) => [e.line, e.message])).toEqual([
      [2, 'empty term (language en)'],
      [3, 'missing language for term "orphan"'],
      [4, 'unknown language "de" (supported: en, fi, nb, da, sv, fr, ru)'],
    ])
  })

  it('reports text that looks wrongly decoded', () => {
    const r = importCsv('en,fr\nrefugee,rÃ©fugiÃ©\ncoffee,caf\uFFFD\n', FIXED)
    expect(r.entries).toEqual([])
    expect(r.errors.map((e) => [e.line, e.column])).toEqual([[2, 2]])
    expect(r.errors[0].message).toMatch(/"Ã©", which looks like UTF-8 text decoded as Latin-1/)
    // U+FFFD may be content: a warning, not an error.
    expect(r.warnings.map((w) => [w.line, w.column, w.message])).toEqual([[3, 2, expect.stringMatching(/contains U\+FFFD/)]])
    const ru = importCsv('en,ru\nrefugee,Ð±ÐµÐ¶ÐµÐ½ÐµÑ†\n')
    expect(ru.errors).toHaveLength(1)
  })

  it('keeps unknown columns in the notes, with a warning', () => {
    const r = importCsv('en,fi,Comment\nrefugee,pakolainen,check with UDI\n', FIXED)
    expect(r.errors).toEqual([])
    expect(r.entries[0].concept.note).toBe('[Comment] check with UDI')
    expect(r.warnings[0]).toMatchObject({ line: 1, column: 3 })
  })

  it('needs languages for a header-less DeepL file', () => {
    expect(importCsv('Flüchtling,refugee\n').errors[0].message).toMatch(/no recognisable header row/)
    const r = importCsv('refugee,pakolainen\nasylum,turvapaikka\n', { ...FIXED, pair: { source: 'en', target: 'fi' } })
    expect(r.layout).toBe('deepl')
    expect(r.entries.map((e) => e.terms.map((t) => `${t.lang}:${t.text}:${t.status}`))).toEqual([
      ['en:refugee:preferred', 'fi:pakolainen:preferred'],
      ['en:asylum:preferred', 'fi:turvapaikka:preferred'],
    ])
    const four = importCsv('refugee,flyktning,EN,NB\n', FIXED)
    expect(four.entries[0].terms.map((t) => t.lang)).toEqual(['en', 'nb'])
  })
})

describe('formula neutralisation', () => {
  it('prefixes dangerous cells and doubles a real leading apostrophe', () => {
    expect(['=1+1', '+cmd', '-2', '@SUM(A1)', '\t=x', '\r=x', "'quoted", 'plain', ''].map(neutraliseFormula)).toEqual([
      "'=1+1", "'+cmd", "'-2", "'@SUM(A1)", "'\t=x", "'\r=x", "''quoted", 'plain', '',
    ])
  })

  it('reverses only what the exporter added', () => {
    expect(reverseNeutralisation("'=1+1")).toBe('=1+1')
    expect(reverseNeutralisation("''quoted")).toBe("'quoted")
    expect(reverseNeutralisation("'quoted")).toBe("'quoted")
    expect(reverseNeutralisation("'")).toBe("'")
  })

  const hostile: Glossary = {
    entries: [{
      concept: { ...concept('c1'), note: '=HYPERLINK("http://evil.example","click")' },
      terms: [term({ id: 't1', lang: 'en', text: '@SUM(1+1)*cmd|" /C calc"!A0' }), term({ id: 't2', lang: 'fi', text: '-ismi', note: "'kept" })],
    }],
  }

  it('exports hostile cells neutralised and imports them back unchanged', () => {
    const csv = exportCsv(hostile)
    const rows = parseCsv(csv).records.map((r) => r.fields)
    for (const cell of rows.slice(1).flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
    expect(rows[1]).toContain("'=HYPERLINK(\"http://evil.example\",\"click\")")
    expect(importCsv(csv, FIXED).entries).toStrictEqual(hostile.entries)
  })

  it('can be switched off', () => {
    const csv = exportCsv(hostile, { neutralise: false })
    expect(parseCsv(csv).records[1].fields).toContain('=HYPERLINK("http://evil.example","click")')
  })
})

describe('exportCsv', () => {
  const g: Glossary = {
    entries: [
      {
        concept: { ...concept('c1'), definitions: { en: 'def' } },
        terms: [
          term({ id: 't1', lang: 'en', text: 'refugee' }),
          term({ id: 't2', lang: 'en', text: 'displaced person', status: 'admitted' }),
          term({ id: 't3', lang: 'en', text: 'evacuee', status: 'deprecated' }),
          term({ id: 't4', lang: 'fi', text: 'pakolainen', status: 'admitted' }),
        ],
      },
      { concept: concept('c2'), terms: [term({ id: 't5', lang: 'en', text: 'asylum', conceptId: 'c2' }), term({ id: 't6', lang: 'fi', text: 'turvapaikka', status: 'forbidden', conceptId: 'c2' })] },
    ],
  }

  it('writes a BOM and the documented wide header', () => {
    const csv = exportCsv(g)
    expect(csv.startsWith('\uFEFFconceptId,subjectField,conceptNote,related,conceptCreated,conceptModified,en,en_status,en_type,en_partOfSpeech,en_note,en_sources,en_termId,en_created,en_modified,en_definition,fi,')).toBe(true)
    expect(csv).toContain('refugee | displaced person | evacuee,preferred | admitted | deprecated,')
  })

  it('writes DeepL pairs from preferred and admitted terms only', () => {
    expect(exportCsv(g, { layout: 'deepl', source: 'en', target: 'fi' })).toBe('refugee,pakolainen\r\ndisplaced person,pakolainen\r\n')
    expect(exportCsv(g, { layout: 'google', source: 'fi', target: 'en' })).toBe('fi,en\r\npakolainen,refugee\r\n')
    expect(() => exportCsv(g, { layout: 'deepl' })).toThrow(/source and target/)
  })

  it('lists in cells escape the separator', () => {
    expect(encodeList(['a|b', 'c\\'], '|')).toBe('a\\|b | c\\\\')
    expect(decodeList('a\\|b | c\\\\', '|')).toEqual(['a|b', 'c\\'])
    expect(decodeList('x|y', '|')).toEqual(['x', 'y'])
    expect(decodeList('C:\\path', '|')).toEqual(['C:\\path'])
  })
})
