// QA repository and store actions against fake-indexeddb: ignores and ignore rules are stored, idempotent and
// live; runs are kept per report and glossary version; report versions follow overrides; the QA corpus is read whole; "add this spelling as a variant" writes a sourced variant term and the finding goes.
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { freshDb, entry } from './helpers'
import {
  addIgnoreRule, ignoredIds, ignoreFinding, ignoreFindings, listIgnoreRules, listIgnores, listReportRuns, loadQaCorpus, removeIgnoreRule,
  reportVersions, restoreIgnoreRule, saveReportRuns, unignoreFinding, versionOf,
} from '../../src/db/qa'
import { setLanguage } from '../../src/db/documents'
import { createBackup, restoreBackup } from '../../src/db/backup'
import { corpusVersion, DEFAULT_CHECKS, glossaryVersion, splitQaResult } from '../../src/core/qa'
import { useQaRulesStore } from '../../src/stores/qaRules'
import { importDocument } from '../../src/db/documents'
import { getAllEntries, getEntry, saveEntry } from '../../src/db/termbase'
import { useDb, type WorkbenchDb } from '../../src/db'
import { segmentDocument } from '../../src/core/segment'
import type { ConceptEntry } from '../../src/core/model'
import { runQaJob } from '../../src/workers/qaJob'
import { toJobDocument, useQaStore } from '../../src/stores/qa'

const REPORT = [
  '# Military commissariat',
  '',
  'The Voенkomat sends the summons to every conscript. Every conscript reports to the Voenkamat office.',
  '',
  'The Voenkomat keeps the records of the conscript.',
  '',
].join('\n')

function glossary(): ConceptEntry[] {
  const voenkomat = entry('c-voenkomat', [['ru', 'военкомат', 'preferred'], ['en', 'military commissariat', 'preferred'], ['en', 'Voenkomat', 'admitted']])
  voenkomat.terms[2].type = 'transliteration'
  return [voenkomat, entry('c-conscript', [['ru', 'призывник', 'preferred'], ['en', 'conscript', 'preferred']])]
}

async function addReport(db: WorkbenchDb, id: string, text = REPORT): Promise<void> {
  const seg = segmentDocument(text, { lang: 'en' })
  await importDocument(db, { id, title: `Report ${id}`, lang: 'en', fileName: `${id}.txt`, hash: id, text }, seg.passages.map(({ excluded: _x, ...p }) => p))
}

async function runOn(db: WorkbenchDb) {
  const corpus = await loadQaCorpus(db)
  return runQaJob({ glossary: { entries: await getAllEntries(db) }, documents: corpus.map(toJobDocument) }, { pause: () => Promise.resolve() })
}

/** Runs the checks, stores the run per report, and waits until the store shows it. */
async function showRun(db: WorkbenchDb) {
  const result = await runOn(db)
  const corpus = await loadQaCorpus(db)
  await saveReportRuns(db, splitQaResult(result, corpus.map(versionOf), { glossary: 'g', checks: [...DEFAULT_CHECKS], ranAt: '2026-01-01' }), new Set(corpus.map((d) => d.doc.id)))
  const qa = useQaStore()
  qa.start()
  await expect.poll(() => qa.findings.length).toBe(result.findings.length)
  return result
}

describe('QA ignores', () => {
  it('ignores and shows again by id; ignoring twice keeps the first time and note', async () => {
    const db = freshDb()
    await ignoreFinding(db, 'f1', 'known typo')
    const first = await listIgnores(db)
    await ignoreFindings(db, ['f1', 'f2', 'f2', ''])
    const rows = await listIgnores(db)
    expect(rows.map((r) => r.id)).toEqual(['f1', 'f2'])
    expect(rows[0]).toEqual(first[0])
    expect(rows[0].note).toBe('known typo')
    expect(await ignoredIds(db)).toEqual(new Set(['f1', 'f2']))
    await unignoreFinding(db, 'f1')
    await unignoreFinding(db, 'never-ignored')
    expect([...(await ignoredIds(db))]).toEqual(['f2'])
  })
})

describe('QA ignore rules in backups', () => {
  it('a backup carries the rules and a restore brings them back', async () => {
    const db = freshDb()
    const { rule } = await addIgnoreRule(db, { surface: 'Voenkamat', docId: 'd-a' })
    const backup = await createBackup(db)
    expect(backup.tables.qaIgnoreRules).toEqual([rule])
    await removeIgnoreRule(db, rule.id)
    await restoreBackup(db, JSON.parse(JSON.stringify(backup)))
    expect(await listIgnoreRules(db)).toEqual([rule])
  })
})

describe('QA corpus', () => {
  it('reads every report with its passages in order, or the ones asked for', async () => {
    const db = freshDb()
    await addReport(db, 'd-a')
    await addReport(db, 'd-b', REPORT.replace('records', 'files'))
    const all = await loadQaCorpus(db)
    expect(all.map((d) => d.doc.id).sort()).toEqual(['d-a', 'd-b'])
    for (const d of all) {
      expect(d.passages.map((p) => p.index)).toEqual(d.passages.map((_, i) => i))
      for (const p of d.passages) expect(d.doc.text.slice(p.start, p.end)).toContain(p.text.slice(0, 5))
    }
    expect((await loadQaCorpus(db, ['d-b', 'missing'])).map((d) => d.doc.id)).toEqual(['d-b'])
  })
})

describe('QA store actions', () => {
  beforeEach(async () => {
    setActivePinia(createPinia())
    const db = useDb()
    await Promise.all([db.glossaryPages.clear(), db.documents.clear(), db.passages.clear(), db.qaIgnores.clear(), db.qaReportRuns.clear(), db.qaIgnoreRules.clear()])
    for (const e of glossary()) await saveEntry(db, e)
    await addReport(db, 'd-store')
  })

  it('adds a misspelling as an admitted variant with its source; the finding is gone on the next run', async () => {
    const db = useDb()
    const before = await runOn(db)
    const typo = before.findings.find((f) => f.check === 'misspelling' && f.surface === 'Voenkamat')!
    expect(typo).toBeDefined()
    const qa = useQaStore()
    expect(await qa.addVariant(typo, 'admitted')).toBe(true)
    const saved = (await getEntry(db, 'c-voenkomat'))!.terms.find((t) => t.text === 'Voenkamat')!
    expect(saved).toMatchObject({ lang: 'en', status: 'admitted', type: 'variant', conceptId: 'c-voenkomat' })
    expect(saved.sources).toEqual([{ doc: 'd-store.txt', quote: 'Every conscript reports to the Voenkamat office.' }])
    const after = await runOn(db)
    expect(after.findings.map((f) => f.id)).not.toContain(typo.id)
    expect(after.findings.filter((f) => f.check === 'misspelling')).toEqual([])
    // The same spelling again changes nothing.
    expect(await qa.addVariant(typo, 'deprecated')).toBe(false)
    expect((await getEntry(db, 'c-voenkomat'))!.terms.filter((t) => t.text === 'Voenkamat')).toHaveLength(1)
  })

  it('records a variant with the chosen status', async () => {
    const db = useDb()
    const typo = (await runOn(db)).findings.find((f) => f.check === 'misspelling')!
    await useQaStore().addVariant(typo, 'forbidden')
    const after = await runOn(db)
    expect((await getEntry(db, 'c-voenkomat'))!.terms.find((t) => t.text === 'Voenkamat')?.status).toBe('forbidden')
    expect(after.findings.filter((f) => f.surface === 'Voenkamat').map((f) => f.check)).toEqual(['forbidden-term'])
  })

  it('does not offer to add a spelling for a finding without a concept', async () => {
    const typo = (await runOn(useDb())).findings.find((f) => f.check === 'misspelling')!
    const { conceptId: _c, ...noConcept } = typo
    expect(await useQaStore().addVariant(noConcept, 'admitted')).toBe(false)
  })

  it('follows the ignored ids live and filters ignored findings out unless asked', async () => {
    const qa = useQaStore()
    const result = await showRun(useDb())
    const mixed = result.findings.find((f) => f.check === 'mixed-script')!
    expect(mixed.surface).toBe('Voенkomat')
    await qa.ignore(mixed)
    await expect.poll(() => qa.ignored.has(mixed.id)).toBe(true)
    expect(qa.visible.map((f) => f.id)).not.toContain(mixed.id)
    qa.filters.showIgnored = true
    expect(qa.visible.map((f) => f.id)).toContain(mixed.id)
    qa.filters.check = 'mixed-script'
    expect(qa.visible.map((f) => f.check)).toEqual(['mixed-script'])
    await qa.unignore(mixed)
    await expect.poll(() => qa.ignored.has(mixed.id)).toBe(false)
  })

  it('ignores every finding the filters show at once (by check, concept or report)', async () => {
    const qa = useQaStore()
    await showRun(useDb())
    qa.filters.conceptId = 'c-voenkomat'
    const shown = qa.visible.map((f) => f.id)
    expect(shown.length).toBeGreaterThan(1)
    await qa.ignoreShown()
    await expect.poll(() => shown.every((id) => qa.ignored.has(id))).toBe(true)
    expect(qa.visible).toEqual([])
    const others = qa.findings.filter((f) => f.conceptId !== 'c-voenkomat')
    expect(others.some((f) => qa.ignored.has(f.id))).toBe(false)
  })

  it('shows the runs kept per report; a glossary edit or a language override makes only the affected reports out of date', async () => {
    const db = useDb()
    await addReport(db, 'd-other', REPORT.replace('records', 'files'))
    const corpus = await loadQaCorpus(db)
    const result = await runOn(db)
    const g = glossaryVersion(await getAllEntries(db))
    const reports = corpus.map(versionOf)
    expect(await reportVersions(db)).toEqual(reports) // the same versions, read from indexes only
    await saveReportRuns(db, splitQaResult(result, reports, { glossary: g, checks: [...DEFAULT_CHECKS], ranAt: '2026-01-01T00:00:00.000Z' }), new Set(['d-store', 'd-other']))
    const qa = useQaStore()
    qa.start()
    await expect.poll(() => qa.findings.length).toBe(result.findings.length)
    expect(qa.findings).toEqual(result.findings)
    expect(qa.matrix?.reports.map((r) => r.id).sort()).toEqual(['d-other', 'd-store'])
    expect(qa.ranAt).toBe('2026-01-01T00:00:00.000Z')
    await expect.poll(() => qa.pending.length, { timeout: 3000 }).toBe(0)
    expect(qa.stale).toBe(false)
    // A passage's language is overridden in one report: only that report is to be checked again.
    await setLanguage(db, 'd-other', 'fr', 'd-other:0')
    await expect.poll(() => qa.pending).toEqual(['d-other'])
    expect(qa.outdated).toEqual(['d-other'])
    expect(qa.findings).toEqual(result.findings) // still shown meanwhile
    // The glossary changes: both.
    const [e] = await getAllEntries(db)
    await saveEntry(db, { ...e, terms: e.terms.map((t) => (t.text === 'conscript' ? { ...t, status: 'admitted' } : t)) })
    await expect.poll(() => [...qa.pending].sort()).toEqual(['d-other', 'd-store'])
    // Only the newest few parts per report are kept, and those of deleted reports go.
    await saveReportRuns(db, [], new Set(['d-store']))
    expect((await listReportRuns(db)).map((r) => r.docId)).toEqual(['d-store'])
  })

  it("opening the page keeps the newest run's checks ('compare linked passages') and runs nothing when all is current", async () => {
    const db = useDb()
    const checks = [...DEFAULT_CHECKS, 'linked-absent' as const]
    const corpus = await loadQaCorpus(db)
    const result = await runQaJob({ glossary: { entries: await getAllEntries(db) }, documents: corpus.map(toJobDocument), checks }, { pause: () => Promise.resolve() })
    const reports = await reportVersions(db)
    const parts = splitQaResult(result, reports, { glossary: glossaryVersion(await getAllEntries(db)), checks, ranAt: '2026-01-01', peers: corpusVersion(reports) })
    await saveReportRuns(db, parts, new Set(reports.map((r) => r.id)))
    const qa = useQaStore()
    expect(qa.withLinked).toBe(false)
    await qa.openPage()
    expect(qa.withLinked).toBe(true)
    expect(qa.progress).toBeNull()
    await expect.poll(() => qa.findings.length).toBe(result.findings.length)
    expect(qa.pending).toEqual([])
  })

  it('stores ignore rules once, applies them to the findings live, and removes them with an undo', async () => {
    const db = useDb()
    await showRun(db)
    const qa = useQaStore()
    const rules = useQaRulesStore()
    const typo = qa.findings.find((f) => f.surface === 'Voenkamat')!
    const before = qa.visible.length
    await rules.addForFinding('term', typo)
    await expect.poll(() => qa.isIgnored(typo)).toBe(true)
    expect(qa.ignoredBy(typo)).toMatchObject({ surface: 'voenkamat' })
    expect(qa.visible.some((f) => f.surface === 'Voenkamat')).toBe(false)
    expect(qa.visible.length).toBe(before - qa.findings.filter((f) => f.surface === 'Voenkamat').length)
    expect(qa.ignoredCount).toBe(before - qa.visible.length)
    // The same rule again is not stored twice; a rule with no condition is refused.
    expect((await addIgnoreRule(db, { surface: 'VOENKAMAT' })).added).toBe(false)
    await expect(addIgnoreRule(db, { docId: '' })).rejects.toThrow(/at least one condition/)
    expect(await listIgnoreRules(db)).toHaveLength(1)
    // A bulk rule from the filters: the check in this report.
    qa.filters.check = 'mixed-script'
    qa.filters.docId = 'd-store'
    await qa.ignoreFiltersAsRule()
    await expect.poll(() => qa.visible.length).toBe(0)
    expect((await listIgnoreRules(db)).map((r) => [r.check ?? '', r.docId ?? '', r.surface ?? ''])).toEqual([['', '', 'voenkamat'], ['mixed-script', 'd-store', '']])
    // Removing a rule brings its findings back without a run; the undo puts it back as it was.
    const [first] = await listIgnoreRules(db)
    await rules.remove(first)
    await expect.poll(() => qa.isIgnored(typo)).toBe(false)
    expect(await removeIgnoreRule(db, first.id)).toBeUndefined()
    await restoreIgnoreRule(db, first)
    expect((await listIgnoreRules(db))[0]).toEqual(first)
  })
})
