// The history of every change to the glossary: each write records the versions of the concepts it
// touched (who, when, what changed) in its own transaction; any step can be undone and any version
// of a concept brought back.
import type { ConceptEntry } from '../core/model'
import { newId, nowIso } from '../core/model'
import { diffEntries } from '../core/merge'
import type { HistoryAction, HistoryRow, WorkbenchDb } from './schema'
import { putEntries, readEntry, removeEntries } from './glossaryFeed'

export { readEntry }

/** WARNING: a meta key stored in users' databases; do not rename. The local user name shown in the history. */
export const USER_NAME_KEY = 'userName'

/** One concept's change within a step: its state before (null: created) and after (null: deleted). */
export interface VersionChange {
  before: ConceptEntry | null
  after: ConceptEntry | null
  /** More fields for this concept's row (a merge keeps the links as they were). */
  extra?: Partial<HistoryRow>
}

/** The tables every glossary write touches (its own and its change log, the trash, the history, and the meta table for the user name). */
export function glossaryTables(db: WorkbenchDb) {
  return [db.glossaryPages, db.glossaryLog, db.trash, db.history, db.meta]
}

/**
 * Records one step (an edit, an import, a merge …) as one batch of rows; call it inside the
 * transaction that makes the change. A concept whose content did not change gets no row. Returns the
 * batch id, or '' when nothing changed.
 */
export async function recordStep(db: WorkbenchDb, action: HistoryAction, list: VersionChange[], extra: Partial<HistoryRow> = {}): Promise<string> {
  const batch = newId('b-')
  const at = nowIso()
  const user = ((await db.meta.get(USER_NAME_KEY))?.value as string | undefined) ?? ''
  const rows: HistoryRow[] = []
  const created: string[] = []
  for (const { before, after, extra: own } of list) {
    const changes = before && after ? diffEntries(before, after) : []
    if (before && after && !changes.length) continue
    const id = (after ?? before)?.concept.id ?? own?.conceptId
    // A concept created without its state needs no row of its own: one row lists them all.
    if (!before && !after && id && Object.keys(own ?? {}).length === 1) created.push(id)
    else if (id) rows.push({ conceptId: id, batch, at, user, action, before, after, changes, ...extra, ...own })
  }
  if (created.length) rows.push({ conceptId: '', batch, at, user, action, before: null, after: null, changes: [], ...extra, created })
  if (!rows.length) return ''
  await db.history.bulkAdd(rows)
  return batch
}

/** Puts a concept exactly in the given state (null: removes it), inside the caller's transaction. */
export async function writeState(db: WorkbenchDb, id: string, state: ConceptEntry | null): Promise<void> {
  if (state) await putEntries(db, [state])
  else await removeEntries(db, [id])
}

/** The rows of a stored row, one per concept: a row of created concepts gives each its own (same id). */
export function perConcept(row: HistoryRow): HistoryRow[] {
  if (!row.created) return [row]
  const { created, ...rest } = row
  return created.map((conceptId) => ({ ...rest, conceptId }))
}

/** The versions of one concept, newest first. */
export async function conceptHistory(db: WorkbenchDb, conceptId: string): Promise<HistoryRow[]> {
  const own = await db.history.where('conceptId').equals(conceptId).toArray()
  const created = (await db.history.where('created').equals(conceptId).toArray()).map(({ created: _all, ...r }) => ({ ...r, conceptId }))
  return [...own, ...created].sort((a, b) => (b.id ?? 0) - (a.id ?? 0))
}

/**
 * Where the state after row `i` of a concept's history (newest first) is kept: in the row itself, or,
 * for a concept created by an import (recorded without its state), as the `before` of the next newer
 * row. Null when that state is the current one (nothing to restore) or was a deletion.
 */
export function versionAfter(rows: readonly HistoryRow[], i: number): { rowId: number; side: 'before' | 'after' } | null {
  const r = rows[i]
  if (r.after) return i === 0 ? null : { rowId: r.id as number, side: 'after' }
  if (r.action === 'delete') return r.before ? { rowId: r.id as number, side: 'before' } : null
  const newer = rows[i - 1]
  return newer?.before ? { rowId: newer.id as number, side: 'before' } : null
}

/** The step Ctrl+Z would undo: the newest one that is neither an undo nor undone, or undefined. */
export async function lastUndoableStep(db: WorkbenchDb): Promise<HistoryRow | undefined> {
  return db.history.reverse().filter((r) => r.action !== 'undo' && !r.undoneBy).first()
}

/**
 * Undoes the newest step that is not yet undone (all the concepts it touched, and the links a merge
 * rewrote), as one new 'undo' step. Returns what was undone, or null when there is nothing to undo.
 */
export async function undoLastStep(db: WorkbenchDb): Promise<HistoryRow | null> {
  return db.transaction('rw', [...glossaryTables(db), db.links], async () => {
    const last = await lastUndoableStep(db)
    if (!last) return null
    const rows = (await db.history.where('batch').equals(last.batch).toArray()).sort((a, b) => (b.id ?? 0) - (a.id ?? 0)).flatMap(perConcept)
    const changes: VersionChange[] = []
    for (const r of rows) {
      const current = await readEntry(db, r.conceptId)
      await writeState(db, r.conceptId, r.before)
      if (r.action === 'delete' && r.before) await db.trash.where('conceptId').equals(r.conceptId).delete()
      if (r.linksBefore?.length) await db.links.bulkPut(r.linksBefore)
      changes.push({ before: current, after: r.before })
    }
    const undo = await recordStep(db, 'undo', changes)
    await db.history.where('batch').equals(last.batch).modify({ undoneBy: undo || 'undo' })
    return last
  })
}

/** Brings a concept back to one of its versions (the state after that step, or before it), as a new 'restore' step. */
export async function restoreVersion(db: WorkbenchDb, rowId: number, side: 'before' | 'after'): Promise<ConceptEntry | null> {
  return db.transaction('rw', glossaryTables(db), async () => {
    const row = await db.history.get(rowId)
    if (!row) throw new Error(`no version ${rowId} in the history`)
    const state = row[side]
    const current = await readEntry(db, row.conceptId)
    const restored = state ? { concept: { ...state.concept, modified: nowIso() }, terms: state.terms } : null
    await writeState(db, row.conceptId, restored)
    await recordStep(db, 'restore', [{ before: current, after: restored }])
    return restored
  })
}
