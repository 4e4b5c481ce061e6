// Whole-database backup and restore: round trip, validation before any write, version checks.
import { describe, expect, it } from 'vitest'
import { freshDb, entry } from './helpers'
import { BackupError, createBackup, restoreBackup, validateBackup } from '../../src/db/backup'
import { DB_VERSION } from '../../src/db/schema'
import { getAllEntries, importEntries, deleteConcepts, listTrash } from '../../src/db/termbase'

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
    expect((await b.terms.get('c1-ru-1'))?.norm).toBe('дедовщина')
  })

  it('validates before writing: a broken backup leaves the database untouched', async () => {
    const db = freshDb()
    await importEntries(db, [entry('keep', [['en', 'hazing']])])
    const bad = { format: 'coi-termbench-backup', version: 1, exported: '', tables: { concepts: [{ id: 'x', created: '', modified: '' }], terms: [{ id: 't' }] } }
    await expect(restoreBackup(db, bad)).rejects.toThrow(/table "terms", row 1: missing field "conceptId"/)
    expect((await getAllEntries(db)).map((e) => e.concept.id)).toEqual(['keep'])
  })

  it('names what is wrong with a file that is not a backup', () => {
    expect(() => validateBackup([])).toThrow(BackupError)
    expect(() => validateBackup({ format: 'other' })).toThrow(/format is "other"/)
    expect(() => validateBackup({ format: 'coi-termbench-backup', version: DB_VERSION + 1, tables: {} })).toThrow(/newer version/)
    expect(() => validateBackup({ format: 'coi-termbench-backup', version: 1, tables: { bogus: [] } })).toThrow(/unknown table "bogus"/)
  })
})
