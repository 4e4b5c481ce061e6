// The in-memory glossary's incremental re-read: this tab's commits are applied as written (nothing read
// back), another connection's changes re-read only the concepts the change log names, and anything
// the log cannot vouch for (pruned rows, a write outside it) falls back to reading everything.
import { describe, expect, it } from 'vitest'
import { entry, freshDb } from './helpers'
import { createDb, type WorkbenchDb } from '../../src/db/schema'
import { GlossaryMirror } from '../../src/db/glossaryMirror'
import { LOG_KEPT, pullChanges } from '../../src/db/glossaryFeed'
import { deleteConcepts, importEntries, saveEntry } from '../../src/db/termbase'
import { undoLastStep } from '../../src/db/history'
import { pagesOf } from '../../src/db/glossaryPages'

/** A mirror that has done its first full read, and a second connection to the same database (another tab). */
async function setUp(): Promise<{ db: WorkbenchDb; other: WorkbenchDb; mirror: GlossaryMirror; local: (string[] | null)[] }> {
  const db = freshDb()
  await importEntries(db, [entry('c1', [['en', 'hazing', 'preferred']]), entry('c2', [['en', 'summons']]), entry('c3', [['fi', 'asevelvollinen']])])
  const local: (string[] | null)[] = []
  const mirror = new GlossaryMirror(db, (ids) => local.push(ids))
  const first = await mirror.read()
  expect(first.full).toBe(true)
  expect(mirror.applyPull(first)).toBeNull()
  return { db, other: createDb(db.name), mirror, local }
}

const texts = (m: GlossaryMirror) => m.list().map((e) => `${e.concept.id}:${e.terms.map((t) => t.text).join('/')}`).sort()

describe('the glossary mirror', () => {
  it("applies this tab's commits as written, and the next pull re-reads nothing", async () => {
    const { db, mirror, local } = await setUp()
    const c2 = mirror.get('c2')!
    await saveEntry(db, { ...c2, terms: [...c2.terms, entry('c2', [['fr', 'convocation']]).terms[0]] })
    await deleteConcepts(db, ['c3'])
    expect(local).toEqual([['c2'], ['c3']])
    expect(texts(mirror)).toEqual(['c1:hazing', 'c2:summons/convocation'])
    const pull = await mirror.read()
    expect(pull.full).toBe(false)
    expect([...pull.changed.keys()]).toEqual([])
    expect(mirror.applyPull(pull)).toEqual([])
    mirror.dispose()
  })

  it("re-reads only the concepts another tab changed, and removes the ones it deleted", async () => {
    const { other, mirror, local } = await setUp()
    const c1 = mirror.get('c1')!
    await saveEntry(other, { ...c1, concept: { ...c1.concept, note: 'from the other tab' } })
    await deleteConcepts(other, ['c2'])
    await importEntries(other, [entry('c4', [['sv', 'mönstring']])])
    expect(local).toEqual([])
    const pull = await mirror.read()
    expect(pull.full).toBe(false)
    expect([...pull.changed.keys()].sort()).toEqual(['c1', 'c2', 'c4'])
    expect(pull.changed.get('c2')).toBeNull()
    expect(mirror.applyPull(pull)?.sort()).toEqual(['c1', 'c2', 'c4'])
    expect(texts(mirror)).toEqual(['c1:hazing', 'c3:asevelvollinen', 'c4:mönstring'])
    // Listed in id order, as the database lists them, whatever order the changes came in.
    await saveEntry(other, entry('a0', [['en', 'alternative service']]))
    mirror.applyPull(await mirror.read())
    expect(mirror.list().map((e) => e.concept.id)).toEqual(['a0', 'c1', 'c3', 'c4'])
    expect(mirror.get('c1')?.concept.note).toBe('from the other tab')
    mirror.dispose()
  })

  it('an undo in this tab and a replacing import are applied without a read', async () => {
    const { db, mirror, local } = await setUp()
    await importEntries(db, [entry('n1', [['en', 'deferral']])], 'replace')
    expect(local.at(-1)).toBeNull()
    expect(texts(mirror)).toEqual(['n1:deferral'])
    await undoLastStep(db)
    expect(texts(mirror)).toEqual(['c1:hazing', 'c2:summons', 'c3:asevelvollinen'])
    const pull = await mirror.read()
    expect(pull.full).toBe(false)
    expect(pull.changed.size).toBe(0)
    mirror.dispose()
  })

  it("keeps this tab's newer commit when a pull read before it arrives after it", async () => {
    const { db, other, mirror } = await setUp()
    const c1 = mirror.get('c1')!
    await saveEntry(other, { ...c1, concept: { ...c1.concept, note: 'older, other tab' } })
    const stale = await mirror.read()
    await saveEntry(db, { ...c1, concept: { ...c1.concept, note: 'newer, this tab' } })
    mirror.applyPull(stale)
    expect(mirror.get('c1')?.concept.note).toBe('newer, this tab')
    mirror.dispose()
  })

  it('reads everything again after a write outside the change log, or when rows it has not seen were pruned', async () => {
    const { other, mirror } = await setUp()
    await other.glossaryPages.bulkPut(pagesOf([entry('x', [['en', 'written around the log']])]))
    const pull = await mirror.read()
    expect(pull.full).toBe(true)
    mirror.applyPull(pull)
    expect(texts(mirror)).toContain('x:written around the log')
    const since = (await other.glossaryLog.orderBy('seq').last())!.seq!
    await other.glossaryLog.bulkAdd(Array.from({ length: LOG_KEPT + 1 }, () => ({ at: '', ids: ['c3'] })))
    await saveEntry(other, { ...mirror.get('c3')!, concept: { ...mirror.get('c3')!.concept, note: 'pruning' } })
    expect((await other.glossaryLog.orderBy('seq').first())!.seq).toBeGreaterThan(since + 1)
    const after = await pullChanges(other, since)
    expect(after.full).toBe(true)
    mirror.dispose()
  })
})
