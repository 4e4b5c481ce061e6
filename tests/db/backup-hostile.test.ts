// Hostile backups: missing or empty tables, rows of the wrong type, references to nothing, and a
// database too large for one string. Each is refused with table, row and field before anything is
// cleared, or (the large one) written as a file all the same.
import { constants } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import { freshDb, entry } from './helpers'
import { backupParts, createBackup, readBackupFile, restoreBackup, restoreWithSnapshot, type Backup } from '../../src/db/backup'
import { getAllEntries, importEntries } from '../../src/db/termbase'
import { LIMITS } from '../../src/core/limits'

async function seeded() {
  const db = freshDb()
  await importEntries(db, [entry('c1', [['en', 'hazing', 'preferred'], ['ru', 'дедовщина', 'preferred']], 'Abuse of conscripts')])
  await db.documents.put({ id: 'd1', title: 'Report', lang: 'en', fileName: '004.txt', hash: 'h1', text: 'The summons came.', created: '2025-01-01' })
  await db.passages.put({ id: 'p1', docId: 'd1', index: 0, kind: 'paragraph', section: '', sectionPath: [], lang: 'en', detectedLang: 'en', text: 'The summons came.', start: 0, end: 17, sentences: [], footnotes: [] })
  await db.passages.put({ id: 'p2', docId: 'd1', index: 1, kind: 'paragraph', section: '', sectionPath: [], lang: 'en', detectedLang: 'en', text: 'came', start: 12, end: 16, sentences: [], footnotes: [] })
  await db.links.put({ id: 'p1|p2', srcDoc: 'd1', dstDoc: 'd1', srcPassage: 'p1', dstPassage: 'p2', score: 0.5, method: 'lexical', evidence: {}, status: 'suggested', modified: '' })
  return db
}

/** A valid backup of a seeded database, as JSON would give it back, changed by `edit`. */
async function broken(edit: (b: Backup) => void): Promise<unknown> {
  const b = JSON.parse(JSON.stringify(await createBackup(await seeded()))) as Backup
  edit(b)
  return b
}

/** Restores `data` into a database that has one concept, expects `message`, and checks nothing changed. */
async function refused(data: unknown, message: RegExp): Promise<void> {
  const db = freshDb()
  await importEntries(db, [entry('keep', [['fr', 'insoumission']])])
  await expect(restoreBackup(db, data)).rejects.toThrow(message)
  await expect(restoreWithSnapshot(db, data, 'replace')).rejects.toThrow(message)
  expect((await getAllEntries(db)).map((e) => e.concept.id)).toEqual(['keep'])
  expect(await db.snapshots.count()).toBe(0)
}

const row = (b: Backup, table: string, i = 0) => b.tables[table][i] as Record<string, unknown>

describe('a backup that would empty the database is refused', () => {
  it('tables {} / [] / without terms', async () => {
    await refused(await broken((b) => (b.tables = {})), /lacks the table "concepts"/)
    await refused(await broken((b) => ((b as { tables: unknown }).tables = [])), /no tables/)
    await refused(await broken((b) => delete b.tables.terms), /lacks the table "terms"/)
  })
})

describe('every field is checked before anything is cleared', () => {
  const cases: [string, (b: Backup) => void, RegExp][] = [
    ['definitions null', (b) => (row(b, 'concepts').definitions = null), /table "concepts", row 1, field "definitions": null is not an object/],
    ['sources "oops"', (b) => (row(b, 'terms').sources = 'oops'), /table "terms", row 1, field "sources": "oops" is not a list/],
    ['status bogus', (b) => (row(b, 'terms', 1).status = 'bogus'), /table "terms", row 2, field "status": "bogus" is not one of preferred/],
    ['lang xx', (b) => (row(b, 'terms').lang = 'xx'), /table "terms", row 1, field "lang": "xx" is not one of en/],
    ['a definition in language xx', (b) => (row(b, 'concepts').definitions = { xx: 'y' }), /field "definitions.xx": "xx" is not one of/],
    ['a source quote of the wrong type', (b) => (row(b, 'terms').sources = [{ doc: 'a', quote: 3 }]), /field "sources\[0\].quote": 3 is not text/],
    ['a term pointing to no concept', (b) => (row(b, 'terms').conceptId = 'ghost'), /table "terms", row 1, field "conceptId": no concept "ghost"/],
    ['passage end before start', (b) => (row(b, 'passages', 1).end = 3), /table "passages", row 2, field "end": 3 is before start 12/],
    ['passage past its document', (b) => (row(b, 'passages').end = 99), /field "end": 99 is past the end of its document's text \(17 characters\)/],
    ['passage of no document', (b) => (row(b, 'passages').docId = 'd9'), /table "passages", row 1, field "docId": no document "d9"/],
    ['link to no passage', (b) => (row(b, 'links').dstPassage = 'p9'), /table "links", row 1, field "dstPassage": no passage "p9"/],
    ['a negative offset', (b) => (row(b, 'passages').start = -1), /field "start": -1 is not a whole number/],
    ['a duplicate term id', (b) => b.tables.terms.push({ ...row(b, 'terms') }), /table "terms", row 3: the id "c1-en-0" is used twice/],
    ['a missing field', (b) => delete row(b, 'terms').text, /table "terms", row 1: missing field "text"/],
    ['a row that is not an object', (b) => (b.tables.meta = [7]), /table "meta", row 1: 7 is not an object/],
    ['an ignore rule for a check that does not exist', (b) => (b.tables.qaIgnoreRules = [{ id: 'r1', created: '2025-01-01', check: 'bogus' }]), /table "qaIgnoreRules", row 1, field "check": "bogus" is not one of/],
  ]
  for (const [what, edit, message] of cases) it(what, async () => refused(await broken(edit), message))

  it('a valid backup of the same database still restores', async () => {
    const db = freshDb()
    await restoreBackup(db, await broken(() => {}))
    expect((await getAllEntries(db))[0].terms.map((t) => t.text)).toEqual(['hazing', 'дедовщина'])
    expect(await db.links.count()).toBe(1)
  })
})

describe('large backups', () => {
  it('a backup file too large to parse is refused before it is read', async () => {
    const huge = { size: LIMITS.backupFileBytes + 1, text: () => Promise.reject(new Error('read')) } as unknown as Blob
    await expect(readBackupFile(huge)).rejects.toThrow(/more than the 400 MB a backup may have/)
    await expect(readBackupFile(new Blob(['{"format":'], { type: 'application/json' }))).rejects.toThrow(/not valid JSON/)
  })

  it('the parts join to exactly JSON.stringify, and read back as the same backup', async () => {
    const b = await createBackup(await seeded())
    const parts = backupParts(b)
    expect(parts.join('')).toBe(JSON.stringify(b))
    expect(await readBackupFile(new Blob(parts))).toEqual(JSON.parse(JSON.stringify(b)))
  })

  it('two reports of 280 M characters each (longer together than any string) make one backup file', () => {
    const text = (c: string) => c.repeat(280_000_000)
    const doc = (id: string, c: string) => ({ id, title: id, lang: 'en', fileName: `${id}.txt`, hash: id, text: text(c), created: '' })
    const b: Backup = { format: 'coi-termbench-backup', version: 9, exported: '', tables: { documents: [doc('a', 'x'), doc('b', 'y')] } }
    const parts = backupParts(b)
    // Together longer than the longest string the engine can make: JSON.stringify(b) would throw.
    expect(parts.reduce((n, p) => n + p.length, 0)).toBeGreaterThan(constants.MAX_STRING_LENGTH)
    expect(Math.max(...parts.map((p) => p.length))).toBeLessThan(281_000_000)
  })
})
