// The TBX codec: what the exporter writes (TBX-Basic v3), how files of other tools (TBX-Basic v3 from
// MultiTerm, TBX v2 martif from IATE) are read, and how malformed or hostile files are refused.
import { describe, expect, it } from 'vitest'
import type { Glossary, Term } from '../../src/core/model'
import { FORBIDDEN_NOTE, exportTbx, importTbx, importTbxBytes } from '../../src/core/tbx'
import { childElements, localName, parseXml } from '../../src/core/xml'

const T0 = '2025-12-30T00:00:00.000Z'
let counter = 0
const FIXED = { now: T0, newId: (kind: 'concept' | 'term') => `${kind}-new-${++counter}` }

function term(over: Partial<Term> & Pick<Term, 'id' | 'lang' | 'text'>): Term {
  return { conceptId: 'c1', status: 'preferred', type: 'fullForm', sources: [], created: T0, modified: T0, ...over }
}

const glossary: Glossary = {
  entries: [
    {
      concept: {
        id: 'c1', subjectField: 'asylum law', definitions: { en: 'A person who applies for protection.' },
        note: 'concept note', related: ['c2'], created: '2025-01-01T10:00:00.000Z', modified: T0,
      },
      terms: [
        term({ id: 't1', lang: 'en', text: 'asylum seeker', partOfSpeech: 'noun', sources: [{ doc: 'EMN', quote: 'an asylum seeker is…' }] }),
        term({ id: 't2', lang: 'en', text: 'asylum applicant', status: 'admitted' }),
        term({ id: 't3', lang: 'ru', text: 'беженец', status: 'forbidden', note: 'wrong concept' }),
        term({ id: 't4', lang: 'nb', text: 'asylsøker', type: 'transliteration', status: 'deprecated' }),
      ],
    },
    { concept: { id: 'c2', definitions: {}, related: [], created: T0, modified: T0 }, terms: [term({ id: 't5', conceptId: 'c2', lang: 'en', text: 'refugee' })] },
  ],
}

describe('exportTbx', () => {
  const xml = exportTbx(glossary)
  const { root } = parseXml(xml)

  it('writes a TBX-Basic v3 root and header', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">')).toBe(true)
    expect(childElements(root).map((e) => e.name)).toEqual(['tbxHeader', 'text'])
    expect(xml).toContain('<fileDesc>')
  })

  it('writes conceptEntry/langSec/termSec with TBX-Basic data categories', () => {
    expect(xml).toContain('<conceptEntry id="c1">')
    expect(xml).toContain('<descrip type="subjectField">asylum law</descrip>')
    expect(xml).toContain('<ref type="crossReference" target="c2">c2</ref>')
    expect(xml).toContain('<langSec xml:lang="en">')
    expect(xml).toContain('<descrip type="definition">A person who applies for protection.</descrip>')
    expect(xml).toContain('<termSec id="t1">')
    expect(xml).toContain('<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>')
    expect(xml).toContain('<termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>')
    expect(xml).toContain('<termNote type="partOfSpeech">noun</termNote>')
    expect(xml).toContain('<descripGrp><descrip type="context">an asylum seeker is…</descrip><admin type="source">EMN</admin></descripGrp>')
    expect(xml).toContain('<transacGrp><transac type="transactionType">origination</transac><date>2025-01-01</date><note>2025-01-01T10:00:00.000Z</note></transacGrp>')
  })

  it('writes forbidden as deprecatedTerm-admn-sts plus the marker note, transliteration as transliteratedForm', () => {
    const ru = xml.slice(xml.indexOf('<termSec id="t3">'), xml.indexOf('</termSec>', xml.indexOf('<termSec id="t3">')))
    expect(ru).toContain('deprecatedTerm-admn-sts')
    expect(ru).toContain(`<note>${FORBIDDEN_NOTE}</note>`)
    expect(xml).toContain('<termNote type="termType">transliteratedForm</termNote>')
  })

  it('orders language sections by SUPPORTED_LANGS and round-trips', () => {
    const langs = xml.match(/<langSec xml:lang="(\w+)">/g)
    expect(langs).toEqual(['<langSec xml:lang="en">', '<langSec xml:lang="nb">', '<langSec xml:lang="ru">', '<langSec xml:lang="en">'])
    const back = importTbx(xml, FIXED)
    expect(back.errors).toEqual([])
    expect(back.version).toBe('tbx3')
    const reordered = [{ ...glossary.entries[0], terms: ['t1', 't2', 't4', 't3'].map((id) => glossary.entries[0].terms.find((t) => t.id === id) as Term) }, glossary.entries[1]]
    expect(back.entries).toStrictEqual(reordered)
  })

  it('keeps a real note that reads like the forbidden marker', () => {
    const g: Glossary = { entries: [{ concept: { id: 'c', definitions: {}, related: [], created: T0, modified: T0 }, terms: [term({ id: 'x', lang: 'en', text: 'x', conceptId: 'c', status: 'deprecated', note: FORBIDDEN_NOTE })] }] }
    const back = importTbx(exportTbx(g), FIXED)
    expect(back.entries[0].terms[0].status).toBe('deprecated')
    expect(back.entries[0].terms[0].note).toBe(FORBIDDEN_NOTE)
  })
})

const TBX_BASIC_V3 = `<?xml version="1.0" encoding="utf-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed:3.0">
\t<tbxHeader><fileDesc><sourceDesc><p>TBX file, created via MultiTerm Export</p></sourceDesc></fileDesc></tbxHeader>
\t<text>
\t\t<body>
\t\t\t<conceptEntry id="c1">
\t\t\t\t<transacGrp>
\t\t\t\t\t<transac type="transactionType">origination</transac>
\t\t\t\t\t<date>2010-04-17</date>
\t\t\t\t\t<transacNote type="responsibility" target="p1">Tommy</transacNote>
\t\t\t\t</transacGrp>
\t\t\t\t<descrip type="subjectField">General</descrip>
\t\t\t\t<xref type="xGraphic" target="https://example.org/cluster.jpg">Open_Cluster.JPG</xref>
\t\t\t\t<langSec xml:lang="en-US">
\t\t\t\t\t<descripGrp>
\t\t\t\t\t\t<descrip type="definition">A group of stars formed together in the spiral
\t\t\t\t\t\t\tarms of a galaxy.</descrip>
\t\t\t\t\t\t<admin type="source">Oxford2007</admin>
\t\t\t\t\t</descripGrp>
\t\t\t\t\t<termSec>
\t\t\t\t\t\t<term>open cluster</term>
\t\t\t\t\t\t<termNote type="partOfSpeech">noun</termNote>
\t\t\t\t\t\t<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
\t\t\t\t\t\t<termNote type="grammaticalGender">neuter</termNote>
\t\t\t\t\t\t<descripGrp>
\t\t\t\t\t\t\t<descrip type="context">Over 1100 open clusters are known.</descrip>
\t\t\t\t\t\t\t<admin type="source">http://seds.org/MESSIER/open.html</admin>
\t\t\t\t\t\t</descripGrp>
\t\t\t\t\t</termSec>
\t\t\t\t\t<termSec>
\t\t\t\t\t\t<term>galactic cluster</term>
\t\t\t\t\t\t<termNote type="administrativeStatus">supersededTerm-admn-sts</termNote>
\t\t\t\t\t\t<note>Another name for an open star cluster.</note>
\t\t\t\t\t\t<descrip type="foo">bar</descrip>
\t\t\t\t\t</termSec>
\t\t\t\t</langSec>
\t\t\t\t<langSec xml:lang="es">
\t\t\t\t\t<termSec><term>cúmulo abierto</term></termSec>
\t\t\t\t</langSec>
\t\t\t</conceptEntry>
\t\t\t<conceptEntry id="c2">
\t\t\t\t<langSec xml:lang="es"><termSec><term>agujero negro</term></termSec></langSec>
\t\t\t</conceptEntry>
\t\t</body>
\t</text>
</tbx>`

describe('importTbx: TBX-Basic v3 of another tool', () => {
  const result = importTbx(TBX_BASIC_V3, FIXED)
  const [entry] = result.entries

  it('reads concepts, terms, statuses and sources', () => {
    expect(result.errors).toEqual([])
    expect(result.entries).toHaveLength(1)
    expect(entry.concept.id).toBe('c1')
    expect(entry.concept.subjectField).toBe('General')
    expect(entry.concept.created).toBe('2010-04-17T00:00:00.000Z')
    expect(entry.concept.modified).toBe(T0)
    expect(entry.terms.map((t) => [t.lang, t.text, t.status])).toEqual([
      ['en', 'open cluster', 'preferred'],
      ['en', 'galactic cluster', 'deprecated'],
    ])
    expect(entry.terms[0].partOfSpeech).toBe('noun')
    expect(entry.terms[0].sources).toEqual([{ doc: 'http://seds.org/MESSIER/open.html', quote: 'Over 1100 open clusters are known.' }])
  })

  it('collapses pretty-printing whitespace in files of other tools', () => {
    expect(entry.concept.definitions.en).toBe('A group of stars formed together in the spiral arms of a galaxy.')
  })

  it('keeps unknown fields as notes instead of dropping them', () => {
    expect(entry.concept.note).toContain('[transacNote type=responsibility target=p1] Tommy')
    expect(entry.concept.note).toContain('[xref type=xGraphic target=https://example.org/cluster.jpg] Open_Cluster.JPG')
    expect(entry.concept.note).toContain('[admin type=source xml:lang=en] Oxford2007')
    expect(entry.terms[0].note).toBe('[termNote type=grammaticalGender] neuter')
    expect(entry.terms[1].note).toBe('Another name for an open star cluster.\n[descrip type=foo] bar')
  })

  it('skips unsupported languages with a warning, and concepts left without terms', () => {
    expect(result.warnings.map((w) => w.message)).toEqual([
      'skipped 2 language section(s) in unsupported languages: es (2)',
      'skipped 1 concept(s) with no term in a supported language',
    ])
  })
})

const IATE_V2 = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>IATE export</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="IATE-84">
      <descripGrp><descrip type="subjectField">1231</descrip></descripGrp>
      <langSet xml:lang="en-GB">
        <tig>
          <term>asylum seeker</term>
          <termNote type="termType">fullForm</termNote>
          <descrip type="reliabilityCode">3</descrip>
        </tig>
        <tig>
          <term>asylum-seeker</term>
          <termNote type="administrativeStatus">notRecommended</termNote>
          <termNote type="reliabilityCode">2</termNote>
        </tig>
      </langSet>
      <langSet xml:lang="no">
        <ntig>
          <termGrp><term>asylsøker</term><termNote type="administrativeStatus">standardized</termNote></termGrp>
          <descrip type="definition">person som søker asyl</descrip>
        </ntig>
      </langSet>
      <langSet xml:lang="fi"><tig><term>turvapaikanhakija</term><termNote type="administrativeStatus">obsolete</termNote></tig></langSet>
      <langSet xml:lang="de"><tig><term>Asylbewerber</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>`

describe('importTbx: TBX v2 (martif, IATE)', () => {
  const result = importTbx(IATE_V2, FIXED)

  it('reads termEntry/langSet/tig/ntig and maps languages and statuses', () => {
    expect(result.errors).toEqual([])
    expect(result.version).toBe('tbx2')
    const [e] = result.entries
    expect(e.concept.id).toBe('IATE-84')
    expect(e.concept.subjectField).toBe('1231')
    expect(e.terms.map((t) => [t.lang, t.text, t.status])).toEqual([
      ['en', 'asylum seeker', 'preferred'],
      ['en', 'asylum-seeker', 'deprecated'],
      ['nb', 'asylsøker', 'preferred'],
      ['fi', 'turvapaikanhakija', 'deprecated'],
    ])
    expect(e.terms[0].note).toBe('[descrip type=reliabilityCode] 3')
    expect(e.terms[1].note).toBe('[termNote type=reliabilityCode] 2')
    expect(e.terms[2].note).toBe('[descrip type=definition] person som søker asyl')
    expect(result.warnings[0].message).toMatch(/unsupported languages: de \(1\)/)
  })
})

describe('importTbx: refusals', () => {
  it('gives a line and column for malformed XML', () => {
    const bad = TBX_BASIC_V3.replace('\t\t\t\t</langSec>\n\t\t\t\t<langSec xml:lang="es">', '\t\t\t\t<langSec xml:lang="es">')
    const r = importTbx(bad, FIXED)
    expect(r.entries).toEqual([])
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0].message).toMatch(/^tbx: line \d+, column \d+: expected <\/langSec>, found <\/conceptEntry>$/)
  })

  it('refuses entity declarations (billion laughs, XXE)', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><tbx>&b;</tbx>'
    const r = importTbx(bomb)
    expect(r.errors[0].message).toMatch(/^tbx: line 1, column 37: the DOCTYPE declares entities/)
    const xxe = '<!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tbx><text><body>&x;</body></text></tbx>'
    expect(importTbx(xxe).errors[0].message).toMatch(/declares entities/)
  })

  it('refuses a file whose root is not TBX', () => {
    const r = importTbx('<!DOCTYPE html>\n<html><body></body></html>')
    expect(r.errors).toMatchObject([{ line: 2, column: 1, message: 'not a TBX file: root element is <html>' }])
  })

  it('reports empty terms and duplicate ids, and commits nothing', () => {
    const xml = '<tbx><text><body><conceptEntry id="a"><langSec xml:lang="en"><termSec><term> </term></termSec></langSec></conceptEntry>' +
      '<conceptEntry id="a"><langSec xml:lang="fi"><termSec><term>x</term></termSec></langSec></conceptEntry></body></text></tbx>'
    const r = importTbx(xml, FIXED)
    expect(r.entries).toEqual([])
    expect(r.errors.map((e) => e.message)).toEqual([
      'empty term in <termSec> (language en, concept a)',
      'duplicate concept id "a" (also on line 1)',
    ])
  })

  it('reads bytes and refuses non-UTF-8 bytes', () => {
    const ok = importTbxBytes(new TextEncoder().encode('\uFEFF' + exportTbx(glossary)), FIXED)
    expect(ok.errors).toEqual([])
    const latin1 = Uint8Array.from([...'<tbx>caf'].map((c) => c.charCodeAt(0)).concat([0xe9], [...'</tbx>'].map((c) => c.charCodeAt(0))))
    expect(importTbxBytes(latin1).errors[0].message).toMatch(/^tbx: not valid UTF-8 at byte 8 \(line 1/)
  })

  it('reads DCT-style data categories by element name', () => {
    const xml = '<tbx xmlns:min="http://www.tbxinfo.net/ns/min"><text><body><conceptEntry id="d"><min:subjectField>law</min:subjectField>' +
      '<langSec xml:lang="sv"><termSec><term>asylsökande</term><min:administrativeStatus>admittedTerm-admn-sts</min:administrativeStatus></termSec></langSec></conceptEntry></body></text></tbx>'
    const r = importTbx(xml, FIXED)
    expect(r.entries[0].concept.subjectField).toBe('law')
    expect(r.entries[0].terms[0].status).toBe('admitted')
    expect(localName('min:subjectField')).toBe('subjectField')
  })
})
