// QA repository: which findings the user chose to ignore (by their stable ids), and the corpus the
// QA checks read (documents with their passages), in one read transaction.
import { plain } from './termbase'
import type { DocumentRow, PassageRow, QaIgnoreRow, QaRunRow, WorkbenchDb } from './schema'

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

/** Keeps the last QA run (replacing the one before). */
export async function saveQaRun(db: WorkbenchDb, run: Omit<QaRunRow, 'id'>): Promise<void> {
  await db.qaRuns.put(plain({ ...run, id: 'last' as const }))
}

/** The last QA run kept, or undefined. */
export function loadQaRun(db: WorkbenchDb): Promise<QaRunRow | undefined> {
  return db.qaRuns.get('last')
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
