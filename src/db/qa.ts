// QA repository: which findings the user chose to ignore (by their stable ids, and by stored rules), the runs
// kept per report and glossary version, the reports' current versions, and the corpus the QA checks read
// (documents with their passages), in one read transaction.
import { plain } from './termbase'
import { newId } from '../core/model'
import { prunableRuns, reportVersion, ruleConditions, sameConditions, type QaIgnoreConditions, type ReportVersion } from '../core/qa'
import type { DocumentRow, PassageRow, QaIgnoreRow, QaIgnoreRuleRow, QaReportRunRow, WorkbenchDb } from './schema'

/** Marks findings as ignored (idempotent: an id ignored twice keeps its first time and note). */
export async function ignoreFindings(db: WorkbenchDb, ids: readonly string[], note?: string): Promise<void> {
  const unique = [...new Set(ids)].filter((id) => id)
  if (!unique.length) return
  await db.transaction('rw', db.qaIgnores, async () => {
    const existing = new Set((await db.qaIgnores.bulkGet(unique)).filter((r): r is QaIgnoreRow => !!r).map((r) => r.id))
    const created = new Date().toISOString()
    const rows: QaIgnoreRow[] = unique.filter((id) => !existing.has(id)).map((id) => (note ? { id, created, note } : { id, created }))
    await db.qaIgnores.bulkPut(plain(rows))
  })
}

/** Marks one finding as ignored. */
export function ignoreFinding(db: WorkbenchDb, id: string, note?: string): Promise<void> {
  return ignoreFindings(db, [id], note)
}

/** Shows ignored findings again. Unknown ids are no error. */
export async function unignoreFindings(db: WorkbenchDb, ids: readonly string[]): Promise<void> {
  await db.qaIgnores.bulkDelete([...new Set(ids)])
}

/** Shows one ignored finding again. */
export function unignoreFinding(db: WorkbenchDb, id: string): Promise<void> {
  return unignoreFindings(db, [id])
}

/** Every ignore, oldest first. */
export async function listIgnores(db: WorkbenchDb): Promise<QaIgnoreRow[]> {
  const rows = await db.qaIgnores.toArray()
  return rows.sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id))
}

/** The ids of every ignored finding (what a liveQuery in the store follows). */
export async function ignoredIds(db: WorkbenchDb): Promise<Set<string>> {
  return new Set((await db.qaIgnores.toCollection().primaryKeys()) as string[])
}

/** A document with its passages, as the QA checks read it. */
export interface QaCorpusDocument {
  doc: DocumentRow
  passages: PassageRow[]
}

/**
 * Every imported document (oldest first) with its passages in reading order, read in one
 * transaction so that a concurrent import or deletion never gives a half-seen corpus.
 */
export async function loadQaCorpus(db: WorkbenchDb, docIds?: readonly string[]): Promise<QaCorpusDocument[]> {
  return db.transaction('r', db.documents, db.passages, async () => {
    const docs = docIds ? (await db.documents.bulkGet([...docIds])).filter((d): d is DocumentRow => !!d) : await db.documents.orderBy('created').toArray()
    const out: QaCorpusDocument[] = []
    for (const doc of docs) {
      const passages = await db.passages.where('[docId+index]').between([doc.id, -Infinity], [doc.id, Infinity]).toArray()
      out.push({ doc, passages })
    }
    return out
  })
}

/** Every stored per-report QA run. */
export function listReportRuns(db: WorkbenchDb): Promise<QaReportRunRow[]> {
  return db.qaReportRuns.toArray()
}

/**
 * Stores per-report runs (replacing those of the same report and glossary version) and, in the same
 * transaction, deletes the runs of reports that are gone and all but the newest few per report.
 */
export async function saveReportRuns(db: WorkbenchDb, runs: readonly QaReportRunRow[], reportIds: ReadonlySet<string>): Promise<void> {
  await db.transaction('rw', db.qaReportRuns, async () => {
    await db.qaReportRuns.bulkPut(plain([...runs]))
    const prune = prunableRuns(await db.qaReportRuns.toArray(), reportIds)
    await db.qaReportRuns.bulkDelete(prune.map((r) => [r.docId, r.glossary] as [string, string]))
  })
}

/**
 * Every report's current version (see core's `reportVersion`), oldest report first, read from indexes only
 * (content hash, language, passage languages): cheap enough to follow live.
 */
export async function reportVersions(db: WorkbenchDb): Promise<ReportVersion[]> {
  return db.transaction('r', db.documents, db.passages, async () => {
    const ids = (await db.documents.orderBy('created').primaryKeys()) as string[]
    const hashes = new Map<string, string>()
    const langs = new Map<string, string>()
    await db.documents.orderBy('hash').eachKey((k, c) => void hashes.set(c.primaryKey as string, String(k)))
    await db.documents.orderBy('lang').eachKey((k, c) => void langs.set(c.primaryKey as string, String(k)))
    const passages = new Map<string, [string, string][]>()
    await db.passages.orderBy('lang').eachKey((k, c) => {
      const id = c.primaryKey as string
      const docId = id.slice(0, id.lastIndexOf(':'))
      const list = passages.get(docId) ?? []
      list.push([id, String(k)])
      passages.set(docId, list)
    })
    return ids.map((id) => ({ id, version: reportVersion(hashes.get(id) ?? '', langs.get(id) ?? '', passages.get(id) ?? []) }))
  })
}

/** A report's current version from its loaded rows (the same value `reportVersions` reads from indexes). */
export function versionOf({ doc, passages }: QaCorpusDocument): ReportVersion {
  return { id: doc.id, version: reportVersion(doc.hash, doc.lang, passages.map((p) => [p.id, p.lang] as const)) }
}

/** Every ignore rule, oldest first. */
export async function listIgnoreRules(db: WorkbenchDb): Promise<QaIgnoreRuleRow[]> {
  return db.qaIgnoreRules.orderBy('created').toArray()
}

/**
 * Stores an ignore rule; a rule with the same conditions is not stored twice (that one is returned with
 * `added: false`). Throws when no condition is left (a rule must never ignore everything).
 */
export async function addIgnoreRule(db: WorkbenchDb, conditions: QaIgnoreConditions): Promise<{ rule: QaIgnoreRuleRow; added: boolean }> {
  const c = ruleConditions(conditions)
  if (!c) throw new Error('an ignore rule needs at least one condition (term, report, check or concept)')
  return db.transaction('rw', db.qaIgnoreRules, async () => {
    const same = (await db.qaIgnoreRules.toArray()).find((r) => sameConditions(r, c))
    if (same) return { rule: same, added: false }
    const rule: QaIgnoreRuleRow = { id: newId('qr-'), created: new Date().toISOString(), ...c }
    await db.qaIgnoreRules.add(plain(rule))
    return { rule, added: true }
  })
}

/** Removes an ignore rule; returns it (for an undo), or undefined when it was not there. */
export async function removeIgnoreRule(db: WorkbenchDb, id: string): Promise<QaIgnoreRuleRow | undefined> {
  return db.transaction('rw', db.qaIgnoreRules, async () => {
    const row = await db.qaIgnoreRules.get(id)
    if (row) await db.qaIgnoreRules.delete(id)
    return row
  })
}

/** Puts back a removed rule as it was (undo). */
export async function restoreIgnoreRule(db: WorkbenchDb, rule: QaIgnoreRuleRow): Promise<void> {
  await db.qaIgnoreRules.put(plain(rule))
}
