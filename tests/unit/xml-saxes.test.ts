// The hand-written XML parser (src/core/xml.ts) against saxes, a conformant XML 1.0 parser: over
// thousands of mutated TBX files the two agree on which are well-formed. (Ours refuses entity
// declarations in a DOCTYPE for safety, and nests at most 256 levels; mutations produce neither.)
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { SaxesParser } from 'saxes'
import { parseXml } from '../../src/core/xml'
import { exportTbx } from '../../src/core/tbx'
import type { Glossary } from '../../src/core/model'

const ts = '2025-01-01T00:00:00.000Z'
const glossary: Glossary = {
  entries: [
    {
      concept: { id: 'c1', subjectField: 'military', definitions: { en: 'Abuse of "junior" conscripts & <recruits>' }, related: ['c2'], created: ts, modified: ts },
      terms: [
        { id: 't1', conceptId: 'c1', lang: 'en', text: 'hazing', status: 'preferred', type: 'fullForm', sources: [{ doc: '004.txt', quote: 'a ]] b' }], created: ts, modified: ts },
        { id: 't2', conceptId: 'c1', lang: 'ru', text: 'дедовщина', status: 'admitted', type: 'fullForm', note: 'x\ty', sources: [], created: ts, modified: ts },
      ],
    },
    { concept: { id: 'c2', definitions: {}, related: [], created: ts, modified: ts }, terms: [{ id: 't3', conceptId: 'c2', lang: 'fi', text: 'kutsunta', status: 'preferred', type: 'fullForm', sources: [], created: ts, modified: ts }] },
  ],
}
/** Our own export, plus the constructs it does not write: a comment, CDATA, a PI, references. */
const BASE = exportTbx(glossary)
  .replace('<text>', "<!-- a comment - with dashes --><?pi some data?><text>")
  .replace('kutsunta', "kutsu<![CDATA[n<t>a]]>&#x41;&#66;&apos;")
  .replace('<body>', "<body xml:space='preserve'>")

function saxesAccepts(xml: string): boolean {
  const p = new SaxesParser({ xmlns: false })
  let ok = true
  p.on('error', () => (ok = false))
  p.write(xml).close()
  return ok
}
function oursAccepts(xml: string): boolean {
  try {
    parseXml(xml)
    return true
  } catch {
    return false
  }
}

// No lone surrogates: both refuse them in text, but saxes lets them through in attribute values, which
// the XML Char production forbids; ours refuses them everywhere.
const TOKENS = [
  '<', '>', '&', ';', '"', "'", '=', '/', '!', '?', '-', '--', ']]>', ']', '[', ' ', '\n', 'a', ':', '.', '1', '#', 'x', 'é',
  '<?xml version="1.0"?>', '<?xml', '<!--', '-->', '<![CDATA[', '&amp;', '&#0;', '&#x41;', '&nbsp;', '\u0000', '<a>', '</a>', '<a/>',
  'xml', '\t', '<!DOCTYPE tbx>', '\uFFFE', '-1', '<?', '?>', 'x="1"', '<1>', '</1>',
]
const mutation = fc.record({ at: fc.nat(), drop: fc.nat({ max: 3 }), insert: fc.array(fc.constantFrom(...TOKENS), { maxLength: 2 }) })

function mutate(base: string, edits: { at: number; drop: number; insert: string[] }[]): string {
  let s = base
  for (const e of edits) {
    const at = e.at % (s.length + 1)
    s = s.slice(0, at) + e.insert.join('') + s.slice(at + e.drop)
  }
  return s
}

describe('the XML parser agrees with saxes on well-formedness', () => {
  it('the base document is well-formed to both', () => {
    expect([oursAccepts(BASE), saxesAccepts(BASE)]).toEqual([true, true])
  })

  it('the cases saxes refuses and ours once accepted', () => {
    const wrap = (inner: string) => `<?xml version="1.0"?>\n<a>${inner}</a>`
    for (const bad of [wrap('x ]]> y'), wrap('<!-- a -- b -->'), wrap('<!-- a --->'), wrap('<b c="1"d="2"/>'), wrap('<1b/>'), wrap('<b 1c="2"/>'), `<a/>\n<?xml version="1.0"?>`, ` <?xml version="1.0"?><a/>`, `<?xml vrsion="1.0"?><a/>`, wrap('\ud800'), wrap('<?xml-x?><?XML y?>')])
      expect([bad, oursAccepts(bad), saxesAccepts(bad)]).toEqual([bad, false, false])
  })

  it('mutated TBX files (property, 4000 runs)', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (edits) => {
        const xml = mutate(BASE, edits)
        expect(oursAccepts(xml), JSON.stringify(xml)).toBe(saxesAccepts(xml))
      }),
      { numRuns: 4000 },
    )
  })
})
