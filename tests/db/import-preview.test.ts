// The import preview runs the validation the commit runs: a file that previews clean commits, and one
// the commit would refuse (the same term twice in a cell, a concept with a definition and no term)
// is refused in the preview, with its line.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { freshDb } from './helpers'
import { importCsv } from '../../src/core/csv'
import { importTbx } from '../../src/core/tbx'
import { getAllEntries, importEntries } from '../../src/db/termbase'
import type { ImportResult } from '../../src/core/csv/importResult'

const tbx = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n<text>\n<body>\n${body}\n</body>\n</text>\n</tbx>\n`

/** The preview's errors; and when there are none, proof that the commit takes it. */
async function previewThenCommit(r: ImportResult): Promise<string[]> {
  const errors = r.errors.map((e) => `line ${e.line}: ${e.message}`)
  if (!errors.length) await importEntries(freshDb(), r.entries, 'add')
  return errors
}

describe('preview = commit', () => {
  it('a CSV cell with the same term twice ("abc | abc ") is an error on its line', async () => {
    const csv = 'id,en,fi\nc1,hazing,simputus\nc2,"abc | abc ",x\n'
    expect(await previewThenCommit(importCsv(csv))).toEqual(['line 3: concept c2: "abc" appears twice in en'])
  })

  it('a CSV concept with a definition and no term is an error on its line', async () => {
    const csv = 'id,definition_en,en\nc1,Abuse of conscripts,hazing\nc2,A definition,\n'
    expect(await previewThenCommit(importCsv(csv))).toEqual(['line 3: concept c2: a concept needs at least one term'])
  })

  it('a TBX concept with a definition and no term is an error on its line', async () => {
    const xml = tbx('<conceptEntry id="c1"><langSec xml:lang="en"><termSec><term>hazing</term></termSec></langSec></conceptEntry>\n<conceptEntry id="c2"><langSec xml:lang="en"><descrip type="definition">Def</descrip></langSec></conceptEntry>')
    expect(await previewThenCommit(importTbx(xml))).toEqual(['line 6: concept c2: a concept needs at least one term'])
  })

  it('the valid rows of such a file can still be imported without the bad one', async () => {
    const r = importCsv('id,en\nc1,hazing\nc2,"abc | abc "\n')
    expect(r.partial?.entries.map((e) => e.concept.id)).toEqual(['c1'])
    const db = freshDb()
    await importEntries(db, r.partial!.entries)
    expect((await getAllEntries(db)).map((e) => e.concept.id)).toEqual(['c1'])
  })

  it('whatever a small CSV holds, a clean preview commits', async () => {
    const cell = fc.constantFrom('', 'abc', 'abc ', ' abc', 'abc | abc', 'abc | abd', 'preferred', 'preferred | preferred', 'x|y', '"')
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell, cell, cell), { minLength: 1, maxLength: 4 }), async (rows) => {
        const quote = (c: string) => `"${c.replace(/"/g, '""')}"`
        const csv = ['en,en_status,fi,definition_en', ...rows.map((r) => r.map(quote).join(','))].join('\n')
        await previewThenCommit(importCsv(csv))
      }),
      { numRuns: 60 },
    )
  })
})
