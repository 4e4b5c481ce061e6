// QA repository and store actions against fake-indexeddb: ignores are stored, idempotent and live; the QA
// corpus is read whole; "add this spelling as a variant" writes a sourced variant term and the finding goes.
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { freshDb, entry } from './helpers'
import { ignoredIds, ignoreFinding, ignoreFindings, listIgnores, loadQaCorpus, loadQaRun, saveQaRun, unignoreFinding } from '../../src/db/qa'
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
    await Promise.all([db.entries.clear(), db.documents.clear(), db.passages.clear(), db.qaIgnores.clear(), db.qaRuns.clear()])
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
    qa.start()
    const result = await runOn(useDb())
    qa.findings = result.findings
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
    qa.start()
    qa.findings = (await runOn(useDb())).findings
    qa.filters.conceptId = 'c-voenkomat'
    const shown = qa.visible.map((f) => f.id)
    expect(shown.length).toBeGreaterThan(1)
    await qa.ignoreShown()
    await expect.poll(() => shown.every((id) => qa.ignored.has(id))).toBe(true)
    expect(qa.visible).toEqual([])
    const others = qa.findings.filter((f) => f.conceptId !== 'c-voenkomat')
    expect(others.some((f) => qa.ignored.has(f.id))).toBe(false)
  })

  it('keeps the last run in the database and restores it, out of date once the glossary changes', async () => {
    const db = useDb()
    const result = await runOn(db)
    await saveQaRun(db, { stamp: 'old-stamp', ranAt: '2026-01-01T00:00:00.000Z', checks: ['variants'], findings: result.findings, matrix: result.matrix, skipped: [] })
    expect((await loadQaRun(db))?.findings).toHaveLength(result.findings.length)
    const qa = useQaStore()
    qa.start()
    await expect.poll(() => qa.findings.length).toBe(result.findings.length)
    expect(qa.ranAt).toBe('2026-01-01T00:00:00.000Z')
    await expect.poll(() => qa.stale).toBe(true)
  })
})
