// The history of every change: versions per concept with who/when/what, undo of the last step (an
// edit, a deletion, a whole import, a merge of two concepts), and restoring any version.
import { describe, expect, it } from 'vitest'
import { freshDb, entry } from './helpers'
import { conceptHistory, restoreVersion, undoLastStep, USER_NAME_KEY, versionAfter } from '../../src/db/history'
import { deleteConcepts, getAllEntries, getEntry, importEntries, saveEntry, setMeta } from '../../src/db/termbase'
import { mergeConcepts } from '../../src/db/conceptMerge'
import { countGlossary } from '../../src/db/glossaryFlat'

describe('history', () => {
  it('records who, when and which fields; undo brings back an overwritten definition', async () => {
    const db = freshDb()
    await setMeta(db, USER_NAME_KEY, 'Aino')
    const first = await saveEntry(db, entry('c1', [['en', 'exit ban', 'preferred']], 'a ban on leaving'))
    await saveEntry(db, { ...first, concept: { ...first.concept, definitions: { en: 'overwritten' } } })
    const rows = await conceptHistory(db, 'c1')
    expect(rows.map((r) => [r.action, r.user])).toEqual([['edit', 'Aino'], ['create', 'Aino']])
    expect(rows[0].changes).toEqual([{ scope: 'concept', field: 'definition', lang: 'en', before: 'a ban on leaving', after: 'overwritten' }])
    expect(rows[0].at).toMatch(/^\d{4}-\d\d-\d\dT/)
    const undone = await undoLastStep(db)
    expect(undone?.action).toBe('edit')
    expect((await getEntry(db, 'c1'))?.concept.definitions.en).toBe('a ban on leaving')
    // The next undo goes one step further back: the creation.
    await undoLastStep(db)
    expect(await getEntry(db, 'c1')).toBeUndefined()
    expect(await undoLastStep(db)).toBeNull()
  })

  it("records an import's new concepts in one row, read back as a version of each", async () => {
    const db = freshDb()
    await importEntries(db, [entry('keep', [['en', 'hazing']])])
    const before = await db.history.count()
    await importEntries(db, [entry('keep', [['en', 'hazing'], ['fi', 'simputus']]), entry('n1', [['en', 'deferral']]), entry('n2', [['en', 'mobilisation']])])
    const step = (await db.history.toArray()).slice(before)
    expect(step.map((r) => [r.conceptId, r.created ?? null])).toEqual([['keep', null], ['', ['n1', 'n2']]])
    expect(new Set(step.map((r) => r.batch)).size).toBe(1)
    const n1 = await conceptHistory(db, 'n1')
    expect(n1.map((r) => [r.conceptId, r.action, r.created])).toEqual([['n1', 'import', undefined]])
    // After an edit, the imported state is found as the edit's `before` and can be restored.
    const e = (await getEntry(db, 'n1'))!
    await saveEntry(db, { ...e, concept: { ...e.concept, note: 'edited' } })
    const rows = await conceptHistory(db, 'n1')
    const version = versionAfter(rows, 1)
    expect(version).toEqual({ rowId: rows[0].id, side: 'before' })
    await restoreVersion(db, version!.rowId, version!.side)
    expect((await getEntry(db, 'n1'))?.concept.note).toBeUndefined()
    // Undo of the restore, then of the edit, then of the import: the new concepts go, the changed one is as it was.
    await undoLastStep(db)
    await undoLastStep(db)
    expect((await undoLastStep(db))?.action).toBe('import')
    expect((await getAllEntries(db)).map((e) => [e.concept.id, e.terms.length])).toEqual([['keep', 1]])
    expect((await conceptHistory(db, 'n2'))[0].action).toBe('undo')
  })

  it('restores any version of a concept as a new step', async () => {
    const db = freshDb()
    let e = await saveEntry(db, entry('c1', [['en', 'summons', 'preferred']], 'v1'))
    for (const d of ['v2', 'v3']) e = await saveEntry(db, { ...e, concept: { ...e.concept, definitions: { en: d } } })
    const rows = await conceptHistory(db, 'c1')
    const v1 = rows.find((r) => r.action === 'create')!
    await restoreVersion(db, v1.id!, 'after')
    expect((await getEntry(db, 'c1'))?.concept.definitions.en).toBe('v1')
    expect((await conceptHistory(db, 'c1'))[0].action).toBe('restore')
  })

  it('an import is one step: one undo takes all of it back, and a deletion is undone too', async () => {
    const db = freshDb()
    await importEntries(db, [entry('keep', [['en', 'hazing']])])
    await importEntries(db, [entry('keep', [['en', 'hazing'], ['fi', 'simputus']]), entry('new1', [['en', 'deferral']]), entry('new2', [['en', 'mobilisation']])])
    expect((await countGlossary(db)).concepts).toBe(3)
    await undoLastStep(db)
    expect((await getAllEntries(db)).map((e) => [e.concept.id, e.terms.length])).toEqual([['keep', 1]])
    await deleteConcepts(db, ['keep'])
    await undoLastStep(db)
    expect((await getEntry(db, 'keep'))?.terms).toHaveLength(1)
    expect(await db.trash.count()).toBe(0)
  })
})

describe('merge concepts', () => {
  it('moves terms, sources, notes, related ids and link evidence, tells which preferred term became admitted, and undoes in one step', async () => {
    const db = freshDb()
    const a = entry('a', [['en', 'conscript', 'preferred'], ['fi', 'varusmies', 'preferred']], 'a person called up')
    const b = entry('b', [['en', 'draftee', 'preferred'], ['fi', 'varusmies', 'preferred'], ['nb', 'vernepliktig', 'preferred']])
    b.terms[1].sources = [{ doc: '004.txt', quote: 'varusmies' }]
    b.concept.note = 'duplicate made in 2024'
    const c = entry('c', [['en', 'conscription']])
    c.concept.related = ['b']
    await importEntries(db, [a, b, c])
    await db.links.put({ id: 'p1|p2', srcDoc: 'd1', dstDoc: 'd2', srcPassage: 'p1', dstPassage: 'p2', score: 0.5, method: 'lexical', status: 'suggested', modified: '', evidence: { concepts: [{ key: 'c:b', weight: 1 }], numbers: [] } })
    const { merged, demoted } = await mergeConcepts(db, 'a', 'b')
    expect(demoted.map((t) => t.text)).toEqual(['draftee'])
    expect(await getEntry(db, 'b')).toBeUndefined()
    const got = (await getEntry(db, 'a'))!
    expect(got.terms.map((t) => `${t.lang}:${t.text}:${t.status}`)).toEqual(['en:conscript:preferred', 'fi:varusmies:preferred', 'en:draftee:admitted', 'nb:vernepliktig:preferred'])
    expect(got.terms[1].sources).toEqual([{ doc: '004.txt', quote: 'varusmies' }])
    expect(got.concept.note).toBe('duplicate made in 2024')
    expect(merged.concept.id).toBe('a')
    expect((await getEntry(db, 'c'))?.concept.related).toEqual(['a'])
    expect(((await db.links.get('p1|p2'))?.evidence as { concepts: { key: string }[] }).concepts[0].key).toBe('c:a')
    await undoLastStep(db)
    expect((await getEntry(db, 'b'))?.terms).toHaveLength(3)
    expect((await getEntry(db, 'a'))?.terms).toHaveLength(2)
    expect((await getEntry(db, 'c'))?.concept.related).toEqual(['b'])
    expect(((await db.links.get('p1|p2'))?.evidence as { concepts: { key: string }[] }).concepts[0].key).toBe('c:b')
  })
})

describe('history of imported concepts', () => {
  it('records a created concept without duplicating its terms, and its imported version stays restorable', async () => {
    const db = freshDb()
    await importEntries(db, [entry('c1', [['en', 'exit ban', 'preferred']], 'imported definition')])
    const [created] = await conceptHistory(db, 'c1')
    expect([created.action, created.before, created.after]).toEqual(['import', null, null])
    expect(versionAfter([created], 0)).toBeNull()
    const e = (await getEntry(db, 'c1'))!
    await saveEntry(db, { ...e, concept: { ...e.concept, definitions: { en: 'edited' } } })
    const rows = await conceptHistory(db, 'c1')
    const v = versionAfter(rows, 1)!
    expect(v).toEqual({ rowId: rows[0].id, side: 'before' })
    await restoreVersion(db, v.rowId, v.side)
    expect((await getEntry(db, 'c1'))?.concept.definitions.en).toBe('imported definition')
    // Undo of the import removes the concept it created.
    const fresh = freshDb()
    await importEntries(fresh, [entry('c2', [['en', 'summons', 'preferred']])])
    await undoLastStep(fresh)
    expect(await getEntry(fresh, 'c2')).toBeUndefined()
  })
})
