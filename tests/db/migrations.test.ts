// Migration harness: for each schema version n > 1, open a database at n-1 with data, upgrade it to
// n, and check that the data is intact. Also checks that versions are only ever appended.
import { describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import { freshDb, entry } from './helpers'
import { createDb, DB_NAME, DB_VERSION, SCHEMA_VERSIONS } from '../../src/db/schema'
import { importEntries, getAllEntries, saveEntry } from '../../src/db/termbase'
import type { QaRunRow } from '../../src/db/schema'
import { assembleQaRuns, planQaRuns, type Finding } from '../../src/core/qa'

/** Seeds a database opened at `version` with rows valid for that version. */
async function seed(name: string, version: number): Promise<void> {
  const db = createDb(name, version)
  // Older versions have no history table, so the seed is written without a history step.
  await importEntries(db, [entry('c-voenkomat', [['ru', 'военкомат', 'preferred'], ['en', 'Voenkomat']], 'military commissariat')], 'add', { history: false })
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
    expect(db.tables.map((t) => t.name).sort()).toEqual(['concepts', 'documents', 'embeddings', 'history', 'links', 'meta', 'passages', 'qaIgnoreRules', 'qaIgnores', 'qaReportRuns', 'qaRuns', 'snapshots', 'terms', 'translations', 'trash'])
    expect(db.verno).toBe(DB_VERSION)
  })

  for (const { version } of SCHEMA_VERSIONS.slice(1)) {
    it(`migrates v${version - 1} → v${version} with the data intact`, async () => {
      const name = `mig-${version}-${Date.now()}`
      await seed(name, version - 1)
      const db = createDb(name, version)
      await db.open()
      expect(db.verno).toBe(version)
      const entries = await getAllEntries(db)
      expect(entries).toHaveLength(1)
      expect(entries[0].concept.definitions.en).toBe('military commissariat')
      expect(entries[0].terms.map((t) => t.text).sort()).toEqual(['Voenkomat', 'военкомат'])
      expect((await db.meta.get('starterLoaded'))?.value).toBe(true)
      expect(await db.terms.where('[lang+norm]').equals(['en', 'voenkomat']).count()).toBe(1)
      if (version - 1 >= 2) {
        expect((await db.documents.get('d1'))?.text).toBe('The Voenkomat.')
        expect(await db.passages.where('docId').equals('d1').count()).toBe(1)
      }
      db.close()
      // Opening again at the same version is a no-op (an upgrade that ran once does not run twice).
      const again = createDb(name, version)
      expect((await getAllEntries(again))).toHaveLength(1)
      again.close()
      await Dexie.delete(name)
    })
  }

  it('v5 adds an empty history table beside the intact termbase, and records the next edit in it', async () => {
    const name = `mig-v5-${Date.now()}`
    await seed(name, 4)
    const db = createDb(name, 5)
    expect(await db.history.count()).toBe(0)
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
    const [e] = await getAllEntries(v5)
    await saveEntry(v5, { ...e, concept: { ...e.concept, note: 'checked' } })
    v5.close()
    const db = createDb(name, 6)
    expect(await db.snapshots.count()).toBe(0)
    expect((await db.history.toArray()).map((r) => r.action)).toEqual(['edit'])
    db.close()
    await Dexie.delete(name)
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
    expect(await getAllEntries(db)).toHaveLength(1)
    db.close()
    // Opening again runs nothing twice.
    const again = createDb(name, 11)
    expect(await again.qaReportRuns.count()).toBe(3)
    again.close()
    await Dexie.delete(name)
  })

  it('migrates the oldest version straight to the newest', async () => {
    const name = `mig-all-${Date.now()}`
    await seed(name, 1)
    const db = createDb(name)
    expect(await getAllEntries(db)).toHaveLength(1)
    db.close()
  })
})
