// "Import the valid rows and skip the bad ones": the importers offer the valid part of a file whose
// errors lie in rows or concept elements, list every line left out, and offer nothing when the file
// as a whole is unreadable.
import { describe, expect, it } from 'vitest'
import { importCsv } from '../../src/core/csv'
import { importTbx } from '../../src/core/tbx'

describe('partial CSV import', () => {
  it('wide: keeps the good rows and lists the bad ones with their reasons', () => {
    const csv = 'concept id,en,en_status,fi\r\nc1,conscript,preferred,asevelvollinen\r\nc2,exit ban,wrong,x\r\nc3,military ID,,sotilaspassi\r\nc4,ragged\r\n'
    const r = importCsv(csv)
    expect(r.entries).toEqual([])
    expect(r.errors.map((e) => e.line)).toEqual([3, 5])
    expect(r.partial?.entries.map((e) => e.concept.id)).toEqual(['c1', 'c3'])
    expect(r.partial?.skipped.map((s) => s.line)).toEqual([3, 5])
    expect(r.partial?.skipped[0].message).toMatch(/invalid status value "wrong"/)
  })

  it('long: a concept with one bad row is left out whole, its other rows listed too', () => {
    const csv = 'concept id,lang,term,status\nc1,en,conscript,preferred\nc1,fi,asevelvollinen,nonsense\nc2,en,exit ban,preferred\n'
    const r = importCsv(csv)
    expect(r.partial?.entries.map((e) => e.concept.id)).toEqual(['c2'])
    expect(r.partial?.skipped.map((s) => [s.line, /left out with concept c1/.test(s.message)])).toEqual([[2, true], [3, false]])
  })

  it('offers nothing when the header or the quoting is broken', () => {
    expect(importCsv('concept id,en,xx-unknown\nc1,a,b\n').partial).toBeUndefined()
    expect(importCsv('concept id,en\nc1,"unterminated\nc2,b\n').partial).toBeUndefined()
  })

  it('offers nothing when every row is bad', () => {
    expect(importCsv('concept id,en,en_status\nc1,a,bad\n').partial).toBeUndefined()
  })
})

describe('partial TBX import', () => {
  it('leaves out the concept entries with errors and keeps the rest', () => {
    const tbx = `<?xml version="1.0"?>
<tbx type="TBX-Basic" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="a"><langSec xml:lang="en"><termSec><term>conscript</term></termSec></langSec></conceptEntry>
<conceptEntry id="b"><langSec xml:lang="en"><termSec><term> </term></termSec></langSec></conceptEntry>
<conceptEntry id="c"><langSec xml:lang="en"><termSec><term>exit ban</term></termSec></langSec></conceptEntry>
</body></text></tbx>`
    const r = importTbx(tbx)
    expect(r.errors).toHaveLength(1)
    expect(r.partial?.entries.map((e) => e.concept.id)).toEqual(['a', 'c'])
    expect(r.partial?.skipped[0].line).toBe(4)
  })

  it('offers nothing for malformed XML', () => {
    expect(importTbx('<tbx><text><body><conceptEntry></body></text></tbx>').partial).toBeUndefined()
  })
})
