// The batch edit's write (db/batchEdit.ts): one transaction, one history step that undo reverts, and nothing written
// when a concept changed after the preview.
import { describe, expect, it } from 'vitest'
import { entry, freshDb } from './helpers'
import { planBatch } from '../../src/core/batchEdit'
import { applyBatch, StaleBatchError } from '../../src/db/batchEdit'
import { createBackup, restoreBackup } from '../../src/db/backup'
import { conceptHistory, undoLastStep } from '../../src/db/history'
import { getAllEntries, getEntry, importEntries, saveEntry } from '../../src/db/termbase'

const NOW = '2026-12-05T00:00:00.000Z'

describe('applyBatch', () => {
  it('writes every change as one step that one undo reverts', async () => {
    const db = freshDb()
    await importEntries(db, [entry('c1', [['da', 'Voenkomat']]), entry('c2', [['nb', 'Voenkomat']]), entry('c3', [['en', 'hazing']])])
    const plan = planBatch(await getAllEntries(db), { kind: 'replace', find: 'Voenkomat', replace: 'Vojenkomat', fields: ['term'], lang: null, matchCase: true, wholeWord: true }, NOW)
    expect(await applyBatch(db, plan)).toBe(2)
    expect((await getAllEntries(db)).map((e) => e.terms[0].text)).toEqual(['Vojenkomat', 'Vojenkomat', 'hazing'])
    const rows = await conceptHistory(db, 'c1')
    expect(rows[0].action).toBe('batch')
    expect(rows[0].changes).toEqual([{ scope: 'term', field: 'text', lang: 'da', term: 'Vojenkomat', before: 'Voenkomat', after: 'Vojenkomat' }])
    expect((await conceptHistory(db, 'c2'))[0].batch).toBe(rows[0].batch)
    // A backup holding the step restores (its action is one the backup schema knows).
    const copy = freshDb()
    await restoreBackup(copy, JSON.parse(JSON.stringify(await createBackup(db))))
    expect((await conceptHistory(copy, 'c2'))[0].action).toBe('batch')
    expect((await undoLastStep(db))?.action).toBe('batch')
    expect((await getAllEntries(db)).map((e) => e.terms[0].text)).toEqual(['Voenkomat', 'Voenkomat', 'hazing'])
  })

  it('writes nothing when a planned concept changed or went since the preview', async () => {
    const db = freshDb()
    await importEntries(db, [entry('c1', [['da', 'Voenkomat']]), entry('c2', [['nb', 'Voenkomat']])])
    const plan = planBatch(await getAllEntries(db), { kind: 'subject', value: 'military' }, NOW)
    const c2 = (await getEntry(db, 'c2'))!
    await saveEntry(db, { ...c2, concept: { ...c2.concept, note: 'edited meanwhile' } })
    const steps = await db.history.count()
    await expect(applyBatch(db, plan)).rejects.toThrow(StaleBatchError)
    expect((await getAllEntries(db)).map((e) => e.concept.subjectField)).toEqual([undefined, undefined])
    expect(await db.history.count()).toBe(steps)
  })
})
