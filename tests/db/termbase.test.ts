// Repository behaviour against fake-indexeddb: save/validate, delete with undo, all-or-nothing import.
import { describe, expect, it } from 'vitest'
import { freshDb, entry } from './helpers'
import {
  deleteConcepts, EntryValidationError, getAllEntries, getEntry, importEntries, listTrash, restoreFromTrash, saveEntry,
} from '../../src/db/termbase'
import { pageOf } from '../../src/db/glossaryPages'

describe('termbase repository', () => {
  it('saves a concept with its terms on its page', async () => {
    const db = freshDb()
    await saveEntry(db, entry('c1', [['ru', 'военкомат', 'preferred'], ['en', 'Military Commissariat', 'preferred']]))
    const got = await getEntry(db, 'c1')
    expect(got?.terms.map((t) => t.text).sort()).toEqual(['Military Commissariat', 'военкомат'])
    const row = await db.glossaryPages.get(pageOf('c1'))
    expect(row?.entries.map((e) => [e.concept.id, e.terms.length])).toEqual([['c1', 2]])
    expect(await db.glossaryPages.count()).toBe(1)
  })

  it('refuses empty and duplicate terms and writes nothing', async () => {
    const db = freshDb()
    await expect(saveEntry(db, entry('c1', [['en', '  ']]))).rejects.toBeInstanceOf(EntryValidationError)
    await expect(saveEntry(db, entry('c2', [['en', 'summons'], ['en', 'summons']]))).rejects.toThrow(/twice/)
    await expect(saveEntry(db, entry('c3', [['de' as never, 'Einberufung']]))).rejects.toThrow(/unsupported language/)
    expect(await db.glossaryPages.count()).toBe(0)
    expect(await db.glossaryLog.count()).toBe(0)
  })

  it('removes terms dropped from an edited concept and keeps created times', async () => {
    const db = freshDb()
    const first = await saveEntry(db, entry('c1', [['en', 'summons'], ['fr', 'convocation']]))
    const edited = { ...first, terms: first.terms.filter((t) => t.lang === 'en') }
    const second = await saveEntry(db, edited)
    expect((await getEntry(db, 'c1'))?.terms.map((t) => t.lang)).toEqual(['en'])
    expect(second.concept.created).toBe(first.concept.created)
  })

  it('deletes into the trash and undoes the deletion', async () => {
    const db = freshDb()
    await saveEntry(db, entry('c1', [['en', 'desertion', 'preferred'], ['nb', 'desertering']]))
    const [tid] = await deleteConcepts(db, ['c1'])
    expect(await getEntry(db, 'c1')).toBeUndefined()
    expect((await listTrash(db))[0].label).toBe('desertion')
    expect(await restoreFromTrash(db, [tid])).toEqual(['c1'])
    expect((await getEntry(db, 'c1'))?.terms).toHaveLength(2)
    expect(await listTrash(db)).toHaveLength(0)
  })

  it('imports all or nothing: one bad entry aborts the whole import', async () => {
    const db = freshDb()
    await importEntries(db, [entry('keep', [['en', 'hazing']])])
    const bad = [entry('a', [['en', 'conscript']]), entry('b', [['en', '']])]
    await expect(importEntries(db, bad)).rejects.toBeInstanceOf(EntryValidationError)
    expect((await getAllEntries(db)).map((e) => e.concept.id)).toEqual(['keep'])
  })

  it('replace mode moves the old glossary to the trash', async () => {
    const db = freshDb()
    await importEntries(db, [entry('old', [['en', 'hazing']])])
    await importEntries(db, [entry('new', [['en', 'deferral']])], 'replace')
    expect((await getAllEntries(db)).map((e) => e.concept.id)).toEqual(['new'])
    expect((await listTrash(db)).map((t) => t.conceptId)).toEqual(['old'])
  })

  it('aborts the transaction when the disk is full, leaving nothing half-written', async () => {
    const db = freshDb()
    await importEntries(db, [entry('keep', [['en', 'hazing']])])
    // The concepts are written first; the history write then fails as a full disk would.
    db.history.bulkAdd = (() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))) as never
    await expect(importEntries(db, [entry('z', [['en', 'summons']])])).rejects.toThrow(/quota/i)
    expect((await getAllEntries(db)).map((c) => c.concept.id)).toEqual(['keep'])
    expect((await db.glossaryLog.toArray()).map((r) => r.ids)).toEqual([['keep']])
  })

})
