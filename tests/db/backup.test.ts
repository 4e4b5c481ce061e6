// Whole-database backup and restore: round trip, validation before any write, version checks.
import { describe, expect, it } from 'vitest'
import { freshDb, entry } from './helpers'
import {
  BackupError, SNAPSHOTS_KEPT, countBackup, countHere, createBackup, listSnapshots, restoreBackup, restoreSnapshot, restoreWithSnapshot, validateBackup,
} from '../../src/db/backup'
import { DB_VERSION } from '../../src/db/schema'
import { getAllEntries, getEntry, importEntries, deleteConcepts, listTrash } from '../../src/db/termbase'

describe('backup and restore', () => {
  it('round-trips every table', async () => {
    const a = freshDb()
    await importEntries(a, [entry('c1', [['en', 'hazing', 'preferred'], ['ru', 'дедовщина', 'preferred']]), entry('c2', [['fr', 'insoumission']])])
    await deleteConcepts(a, ['c2'])
    await a.meta.put({ key: 'starterLoaded', value: true })
    const backup = await createBackup(a)
    expect(backup.version).toBe(DB_VERSION)
    const b = freshDb()
    await importEntries(b, [entry('other', [['en', 'summons']])])
    await restoreBackup(b, JSON.parse(JSON.stringify(backup)))
    expect(await getAllEntries(b)).toEqual(await getAllEntries(a))
    expect((await listTrash(b)).map((t) => t.conceptId)).toEqual(['c2'])
    expect((await getEntry(b, 'c1'))?.terms.map((t) => t.text)).toContain('дедовщина')
  })

  it('validates before writing: a broken backup leaves the database untouched', async () => {
    const db = freshDb()
    await importEntries(db, [entry('keep', [['en', 'hazing']])])
    const bad = { format: 'coi-termbench-backup', version: 1, exported: '', tables: { concepts: [{ id: 'x', definitions: {}, related: [], created: '', modified: '' }], terms: [{ id: 't' }], trash: [], meta: [] } }
    await expect(restoreBackup(db, bad)).rejects.toThrow(/table "terms", row 1: missing field "conceptId"/)
    expect((await getAllEntries(db)).map((e) => e.concept.id)).toEqual(['keep'])
  })

  it('names what is wrong with a file that is not a backup', () => {
    expect(() => validateBackup([])).toThrow(BackupError)
    expect(() => validateBackup({ format: 'other' })).toThrow(/format is "other"/)
    expect(() => validateBackup({ format: 'coi-termbench-backup', version: DB_VERSION + 1, exported: '', tables: {} })).toThrow(/newer version/)
    expect(() => validateBackup({ format: 'coi-termbench-backup', version: 1, exported: '', tables: { bogus: [] } })).toThrow(/unknown table "bogus"/)
  })
})

describe('restore that cannot surprise', () => {
  async function seeded() {
    const db = freshDb()
    await importEntries(db, [entry('c1', [['en', 'hazing', 'preferred']]), entry('c2', [['en', 'summons', 'preferred']])])
    await db.documents.put({ id: 'd1', title: 'Report', lang: 'en', fileName: '004.txt', hash: 'h1', text: 'The summons.', created: '2025-01-01' })
    await db.translations.put({ model: 'opus', hash: 'x', text: 'käännös' })
    return db
  }

  it('counts what a backup holds against what is here', async () => {
    const db = await seeded()
    const here = await countHere(db)
    expect(here).toMatchObject({ concepts: 2, terms: 2, reports: 1, translations: 1 })
    const empty = freshDb()
    await importEntries(empty, [entry('x', [['fr', 'convocation']])])
    const backup = await createBackup(empty)
    expect(countBackup(backup)).toMatchObject({ concepts: 1, terms: 1, reports: 0, links: 0, translations: 0 })
  })

  it('replace saves the current state first, and one call brings it back', async () => {
    const db = await seeded()
    const other = freshDb()
    await importEntries(other, [entry('x', [['fr', 'convocation']])])
    const snapshotId = await restoreWithSnapshot(db, JSON.parse(JSON.stringify(await createBackup(other))), 'replace')
    expect((await getAllEntries(db)).map((e) => e.concept.id)).toEqual(['x'])
    expect(await db.documents.count()).toBe(0)
    expect(await db.translations.count()).toBe(1)
    expect((await listSnapshots(db)).map((s) => s.id)).toEqual([snapshotId])
    await restoreSnapshot(db, snapshotId)
    expect((await getAllEntries(db)).map((e) => e.concept.id)).toEqual(['c1', 'c2'])
    expect((await db.documents.get('d1'))?.text).toBe('The summons.')
    // Bringing it back was itself saved, so the replaced state can come back too.
    expect(await db.snapshots.count()).toBe(2)
  })

  it("merging the backup's glossary adds and merges concepts and leaves reports alone", async () => {
    const db = await seeded()
    const other = freshDb()
    await importEntries(other, [entry('b1', [['en', 'hazing', 'preferred'], ['fi', 'simputus', 'preferred']]), entry('b2', [['en', 'deferral', 'preferred']])])
    await restoreWithSnapshot(db, JSON.parse(JSON.stringify(await createBackup(other))), 'mergeGlossary')
    const all = await getAllEntries(db)
    expect(all.map((e) => e.concept.id).sort()).toEqual(['b2', 'c1', 'c2'])
    expect(all.find((e) => e.concept.id === 'c1')?.terms.map((t) => t.text).sort()).toEqual(['hazing', 'simputus'])
    expect(await db.documents.count()).toBe(1)
  })

  it('keeps only the newest automatic backups', async () => {
    const db = await seeded()
    const backup = JSON.parse(JSON.stringify(await createBackup(db)))
    for (let i = 0; i < SNAPSHOTS_KEPT + 2; i++) await restoreWithSnapshot(db, backup, 'replace')
    expect(await db.snapshots.count()).toBe(SNAPSHOTS_KEPT)
  })
})
