// Migration harness: for each schema version n > 1, open a database at n-1 with data, upgrade it to
// n, and check that the data is intact. Also checks that versions are only ever appended.
import { describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { freshDb, entry } from './helpers'
import { createDb, DB_NAME, DB_VERSION } from '../../src/db/schema'
import { SCHEMA_VERSIONS } from '../../src/db/versions'
import { importEntries, getAllEntries, saveEntry } from '../../src/db/termbase'
import type { QaRunRow } from '../../src/db/schema'
import { assembleQaRuns, planQaRuns, type Finding } from '../../src/core/qa'
import { entryRowsFromTermRows } from '../../src/db/migrations'
import { fromEntryRow, joinEntries, toEntryRow, toTermRow } from '../../src/db/termRows'
import { pageOf, PAGE_COUNT, pagesOf } from '../../src/db/glossaryPages'
import type { ConceptEntry } from '../../src/core/model'
import type { EntryRow, TermRow } from '../../src/db/schema'

/** Before version 10 a concept was a row of `concepts` and its terms rows of `terms`. */
const ONE_ROW_PER_CONCEPT = 10
/** From version 12 concepts live on pages (glossaryPages), which the repository writes. */
const PAGES = 12

/** Writes entries in the layout of `version` (the repository writes only the current one). */
async function writeEntries(db: Dexie, version: number, entries: ConceptEntry[]): Promise<void> {
  if (version >= PAGES) return void (await importEntries(db as never, entries, 'add', { history: false }))
  if (version >= ONE_ROW_PER_CONCEPT) return void (await db.table('entries').bulkPut(entries.map(toEntryRow)))
  await db.table('concepts').bulkPut(entries.map((e) => e.concept))
  await db.table('terms').bulkPut(entries.flatMap((e) => e.terms.map(toTermRow)))
}

/** Reads every entry in the layout of `version`. */
async function readEntries(db: Dexie, version: number): Promise<ConceptEntry[]> {
  if (version >= PAGES) return getAllEntries(db as never)
  if (version >= ONE_ROW_PER_CONCEPT) return ((await db.table('entries').toArray()) as EntryRow[]).map(fromEntryRow)
  return joinEntries(await db.table('concepts').toArray(), await db.table('terms').toArray())
}

/** Seeds a database opened at `version` with rows valid for that version. */
async function seed(name: string, version: number): Promise<void> {
  const db = createDb(name, version)
  // Older versions have no history table, so the seed is written without a history step.
  await writeEntries(db, version, [entry('c-voenkomat', [['ru', 'военкомат', 'preferred'], ['en', 'Voenkomat']], 'military commissariat')])
  await db.meta.put({ key: 'starterLoaded', value: true })
  if (version >= 2) {
    await db.documents.put({ id: 'd1', title: 'Russia – Conscription', lang: 'en', fileName: '004.txt', hash: 'abc', text: 'The Voenkomat.', created: '2025-01-01' })
    await db.passages.put({ id: 'd1:0', docId: 'd1', index: 0, kind: 'paragraph', section: '', sectionPath: [], lang: 'en', detectedLang: 'en', text: 'The Voenkomat.', start: 0, end: 14, sentences: [], footnotes: [] })
  }
  db.close()
}

describe('schema versions', () => {
  it('keeps the database name and declares versions in increasing order', () => {
    expect(DB_NAME).toBe('coi-termbench')
    const versions = SCHEMA_VERSIONS.map((v) => v.version)
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
    expect(versions[0]).toBe(1)
    expect(DB_VERSION).toBe(versions[versions.length - 1])
  })

  it('creates every table at the current version', async () => {
    const db = freshDb()
    await db.open()
    expect(db.tables.map((t) => t.name).sort()).toEqual(['documents', 'embeddings', 'glossaryLog', 'glossaryPages', 'history', 'links', 'meta', 'passages', 'qaIgnoreRules', 'qaIgnores', 'qaReportRuns', 'qaRuns', 'snapshots', 'translations', 'trash'])
    expect(db.verno).toBe(DB_VERSION)
  })

  for (const { version } of SCHEMA_VERSIONS.slice(1)) {
    it(`migrates v${version - 1} → v${version} with the data intact`, async () => {
      const name = `mig-${version}-${Date.now()}`
      await seed(name, version - 1)
      const db = createDb(name, version)
      await db.open()
      expect(db.verno).toBe(version)
      const entries = await readEntries(db, version)
      expect(entries).toHaveLength(1)
      expect(entries[0].concept.definitions.en).toBe('military commissariat')
      expect(entries[0].terms.map((t) => t.text).sort()).toEqual(['Voenkomat', 'военкомат'])
      expect((await db.meta.get('starterLoaded'))?.value).toBe(true)
      if (version >= 4 && version < ONE_ROW_PER_CONCEPT) expect(await db.table('terms').where('[lang+norm]').equals(['en', 'voenkomat']).count()).toBe(1)
      if (version >= ONE_ROW_PER_CONCEPT && version < PAGES) expect(await db.table('entries').where('keys').equals('en|voenkomat').count()).toBe(1)
      if (version >= PAGES) expect((await db.table('glossaryPages').toArray()).map((r) => r.page)).toEqual([pageOf('c-voenkomat')])
      if (version - 1 >= 2) {
        expect((await db.documents.get('d1'))?.text).toBe('The Voenkomat.')
        expect(await db.passages.where('docId').equals('d1').count()).toBe(1)
      }
      db.close()
      // Opening again at the same version is a no-op (an upgrade that ran once does not run twice).
      const again = createDb(name, version)
      expect(await readEntries(again, version)).toHaveLength(1)
      again.close()
      await Dexie.delete(name)
    })
  }

  it('v5 adds an empty history table beside the intact termbase, and the next edit is recorded in it', async () => {
    const name = `mig-v5-${Date.now()}`
    await seed(name, 4)
    const v5 = createDb(name, 5)
    expect(await v5.history.count()).toBe(0)
    v5.close()
    const db = createDb(name)
    const [e] = await getAllEntries(db)
    await saveEntry(db, { ...e, concept: { ...e.concept, note: 'checked' } })
    const rows = await db.history.toArray()
    expect(rows.map((r) => [r.conceptId, r.action, r.changes.map((c) => c.field)])).toEqual([['c-voenkomat', 'edit', ['note']]])
    expect(rows[0].before?.concept.note).toBeUndefined()
    db.close()
    await Dexie.delete(name)
  })

  it('v6 adds an empty snapshots table and keeps the history of v5', async () => {
    const name = `mig-v6-${Date.now()}`
    await seed(name, 4)
    const v5 = createDb(name, 5)
    const [e] = await readEntries(v5, 5)
    await v5.history.add({ conceptId: e.concept.id, batch: 'b-1', at: '2025-01-02', user: '', action: 'edit', before: e, after: e, changes: [] })
    v5.close()
    const db = createDb(name, 6)
    expect(await db.snapshots.count()).toBe(0)
    expect((await db.history.toArray()).map((r) => r.action)).toEqual(['edit'])
    db.close()
    await Dexie.delete(name)
  })

  it('v10 folds the concept and term rows into one row per concept, keeping the history, and drops the old tables', async () => {
    const name = `mig-v10-${Date.now()}`
    const v9 = createDb(name, 9)
    const c1 = entry('c1', [['ru', 'дедовщина', 'preferred'], ['en', 'Dedovshchina'], ['fi', 'simputus']], 'hazing of conscripts')
    const c2 = { ...entry('c2', [['en', 'summons']]), concept: { ...entry('c2', []).concept, related: ['c1'], subjectField: 'military' } }
    await writeEntries(v9, 9, [c1, c2])
    // A term of a concept that does not exist: no version ever showed it, and v10 leaves it out.
    await v9.table('terms').put(toTermRow({ ...c2.terms[0], id: 'orphan', conceptId: 'gone', text: 'lost' }))
    await v9.history.add({ conceptId: 'c1', batch: 'b-1', at: '2025-01-02', user: 'ann', action: 'edit', before: c1, after: c1, changes: [] })
    v9.close()
    const db = createDb(name, 10)
    await db.open()
    expect(db.tables.map((t) => t.name)).not.toContain('terms')
    expect(db.tables.map((t) => t.name)).not.toContain('concepts')
    const rows = (await db.table('entries').orderBy('id').toArray()) as EntryRow[]
    // Terms keep the order v9 read them in (by term id).
    expect(rows.map((r) => [r.id, r.terms.map((t) => t.text), r.keys])).toEqual([
      ['c1', ['Dedovshchina', 'simputus', 'дедовщина'], ['en|dedovshchina', 'fi|simputus', 'ru|дедовщина']],
      ['c2', ['summons'], ['en|summons']],
    ])
    expect(rows[1].concept).toEqual(c2.concept)
    // The terms lose the derived fields of the old rows and are the model's terms again.
    const byId = (e: ConceptEntry) => ({ ...e, terms: [...e.terms].sort((a, b) => a.id.localeCompare(b.id)) })
    expect(rows[0].terms).toEqual(byId(c1).terms)
    expect((rows as EntryRow[]).map(fromEntryRow)).toEqual([byId(c1), c2])
    expect((await db.history.toArray()).map((r) => [r.conceptId, r.user])).toEqual([['c1', 'ann']])
    expect(await db.table('entries').where('keys').startsWith('en|ded').primaryKeys()).toEqual(['c1'])
    db.close()
    await Dexie.delete(name)
  })

  it("v10's transformation is pure and gives the same rows when run twice", () => {
    const e = entry('c1', [['en', 'Voenkomat'], ['en', 'voenkomat ']])
    const legacy: TermRow[] = e.terms.map(toTermRow)
    const copy = JSON.parse(JSON.stringify(legacy))
    const once = entryRowsFromTermRows([e.concept], legacy)
    expect(legacy).toEqual(copy)
    expect(entryRowsFromTermRows([e.concept], legacy)).toEqual(once)
    expect(once[0].keys).toEqual(['en|voenkomat'])
  })

  it('v11 moves the v9 QA run into per-report parts marked out of date, keeps the ignores, and adds the rules table', async () => {
    const name = `mig-v11-${Date.now()}`
    await seed(name, 9)
    const v9 = createDb(name, 9)
    const finding = (docId: string, start: number): Finding => ({ id: `f-${docId}-${start}`, check: 'misspelling', severity: 'warning', docId, start, end: start + 9, surface: 'Voenkamat', conceptId: 'c-voenkomat' })
    const run: QaRunRow = {
      id: 'last', stamp: 'old', ranAt: '2026-01-01T00:00:00.000Z', checks: ['variants', 'misspelling'], skipped: ['d-und'],
      findings: [finding('d1', 4), finding('d2', 0), finding('d1', 20)],
      matrix: {
        concepts: [{ id: 'c-voenkomat', label: 'military commissariat', total: 3 }],
        reports: [{ id: 'd1', lang: 'en' }, { id: 'd2', lang: 'fr' }],
        cells: [
          { conceptId: 'c-voenkomat', docId: 'd1', total: 2, forms: [{ surface: 'voenkomat', termId: 't1', status: 'admitted', lang: 'en', count: 2 }] },
          { conceptId: 'c-voenkomat', docId: 'd2', total: 1, forms: [{ surface: 'voenkomat', termId: 't2', status: 'admitted', lang: 'fr', count: 1 }] },
        ],
      },
    }
    await v9.qaRuns.put(run)
    await v9.qaIgnores.put({ id: 'f-d1-4', created: '2026-01-02' })
    v9.close()

    const db = createDb(name, 11)
    await db.open()
    expect(db.verno).toBe(11)
    expect(await db.qaRuns.count()).toBe(0)
    const parts = await db.qaReportRuns.orderBy('docId').toArray()
    expect(parts.map((p) => [p.docId, p.glossary, p.report, p.skipped, p.findings.map((f) => f.start)])).toEqual([
      ['d-und', '', '', true, []], ['d1', '', '', false, [4, 20]], ['d2', '', '', false, [0]],
    ])
    expect(parts[1]).toMatchObject({ lang: 'en', checks: ['misspelling', 'variants'], ranAt: run.ranAt, labels: { 'c-voenkomat': 'military commissariat' } })
    // Put together again, the parts are the v9 run (the planner shows them as out of date: no versions match).
    const whole = assembleQaRuns(parts)
    expect(whole.findings.map((f) => f.id).sort()).toEqual(run.findings.map((f) => f.id).sort())
    expect(whole.matrix).toEqual(run.matrix)
    const plan = planQaRuns({ glossary: 'g1', checks: ['variants', 'misspelling'], reports: [{ id: 'd1', version: 'r1' }] }, parts)
    expect(plan).toMatchObject({ rerun: ['d1'], outdated: ['d1'] })
    expect(await db.qaIgnores.get('f-d1-4')).toEqual({ id: 'f-d1-4', created: '2026-01-02' })
    expect(await db.qaIgnoreRules.count()).toBe(0)
    await db.qaIgnoreRules.add({ id: 'r1', created: '2026-01-03', surface: 'voenkamat' })
    expect(await db.qaIgnoreRules.orderBy('created').primaryKeys()).toEqual(['r1'])
    expect(await readEntries(db, 11)).toHaveLength(1)
    db.close()
    // Opening again runs nothing twice.
    const again = createDb(name, 11)
    expect(await again.qaReportRuns.count()).toBe(3)
    again.close()
    await Dexie.delete(name)
  })

  it('v12 moves the one-row-per-concept entries onto pages by a hash of the id, keeping every concept, and drops the entries table', async () => {
    const name = `mig-v12-${Date.now()}`
    const v11 = createDb(name, 11)
    const list = Array.from({ length: 600 }, (_, i) => entry(`c${i}`, [['en', `term ${i}`], ['fi', `termi ${i}`]], `definition ${i}`))
    await writeEntries(v11, 11, list)
    await v11.history.add({ conceptId: 'c7', batch: 'b-1', at: '2025-01-02', user: 'ann', action: 'edit', before: list[7], after: list[7], changes: [] })
    v11.close()
    const db = createDb(name, 12)
    await db.open()
    expect(db.tables.map((t) => t.name)).not.toContain('entries')
    const pages = await db.glossaryPages.toArray()
    expect(pages.length).toBeGreaterThan(100)
    expect(pages.length).toBeLessThanOrEqual(PAGE_COUNT)
    for (const p of pages) {
      expect(p.entries.every((e) => pageOf(e.concept.id) === p.page)).toBe(true)
      const ids = p.entries.map((e) => e.concept.id)
      expect(ids).toEqual([...ids].sort())
    }
    const sorted = [...list].sort((a, b) => (a.concept.id < b.concept.id ? -1 : 1))
    expect(await getAllEntries(db)).toEqual(sorted)
    expect((await db.history.toArray()).map((r) => [r.conceptId, r.user])).toEqual([['c7', 'ann']])
    // The repository reads and writes the pages: an edit lands on its page and nowhere else.
    await saveEntry(db, { ...list[7], concept: { ...list[7].concept, note: 'checked' } })
    expect((await db.glossaryPages.get(pageOf('c7')))?.entries.find((e) => e.concept.id === 'c7')?.concept.note).toBe('checked')
    expect(await getAllEntries(db)).toHaveLength(600)
    db.close()
    await Dexie.delete(name)
  })

  it("v12's grouping is pure and puts each concept on exactly one page", () => {
    const list = [entry('b', [['en', 'two']]), entry('a', [['en', 'one']]), entry('c', [['en', 'three']])]
    const copy = JSON.parse(JSON.stringify(list))
    const pages = pagesOf(list)
    expect(list).toEqual(copy)
    expect(pages.flatMap((p) => p.entries.map((e) => e.concept.id)).sort()).toEqual(['a', 'b', 'c'])
    expect(pagesOf(list)).toEqual(pages)
  })

  it('migrates the oldest version straight to the newest', async () => {
    const name = `mig-all-${Date.now()}`
    await seed(name, 1)
    const db = createDb(name)
    expect(await getAllEntries(db)).toHaveLength(1)
    db.close()
  })
})
