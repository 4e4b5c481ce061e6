// Forward migrations of the IndexedDB schema, one pure-ish function per version that needs to
// transform data. Each must be safe to run twice and must not mutate its input rows in place.
import type { Transaction } from 'dexie'
import type { CheckId } from '../core/qa/findings'
import { splitQaResult, type QaReportRun } from '../core/qa/runs'
import type { Concept } from '../core/model'
import type { EntryRow, QaRunRow, TermRow } from './schema'
import { fromEntryRow, joinEntries, toEntryRow } from './termRows'
import { pagesOf } from './glossaryPages'

/** A migration step: runs inside Dexie's upgrade transaction for the version it is keyed by. */
export type Migration = (tx: Transaction) => Promise<void>

/**
 * Version 10's transformation: the concept rows and term rows of versions 1–9 become one row per
 * concept with its terms inside (derived term fields dropped). Terms of a missing concept, which no
 * version ever showed, are left out. Pure: the input rows are not changed.
 */
export function entryRowsFromTermRows(concepts: readonly Concept[], terms: readonly TermRow[]): EntryRow[] {
  return joinEntries(concepts, terms).map(toEntryRow)
}

/**
 * The v9 single QA run split into per-report parts (v11), each marked out of date (empty glossary and report
 * versions), so that its findings show until the QA page checks the reports again. Pure: `run` is not changed.
 */
export function splitLegacyQaRun(run: QaRunRow): QaReportRun[] {
  const docIds = [...new Set([...run.matrix.reports.map((r) => r.id), ...run.findings.map((f) => f.docId), ...run.skipped])]
  return splitQaResult(run, docIds.map((id) => ({ id, version: '' })), { glossary: '', checks: run.checks as CheckId[], ranAt: run.ranAt })
}

/** v11: moves the v9 'last' QA run into per-report parts (idempotent: the 'last' row is gone afterwards). */
async function toPerReportRuns(tx: Transaction): Promise<void> {
  const last = (await tx.table('qaRuns').get('last')) as QaRunRow | undefined
  if (!last) return
  await tx.table('qaReportRuns').bulkPut(splitLegacyQaRun(last))
  await tx.table('qaRuns').delete('last')
}

/**
 * Migrations by target version. Version 1 created the termbase; the others up to 9 only added tables,
 * which needs no data transformation. Add a function here (and a test) whenever a version changes
 * the shape of existing rows.
 */
export const MIGRATIONS: Record<number, Migration | undefined> = {
  // One row per concept: the old tables stay readable here and are dropped once this has run.
  10: async (tx) => {
    const concepts = (await tx.table('concepts').toArray()) as Concept[]
    const terms = (await tx.table('terms').toArray()) as TermRow[]
    await tx.table('entries').bulkPut(entryRowsFromTermRows(concepts, terms))
  },
  11: toPerReportRuns,
  // Pages of concepts: the entries table stays readable here and is dropped once this has run.
  12: async (tx) => {
    const rows = (await tx.table('entries').toArray()) as EntryRow[]
    await tx.table('glossaryPages').bulkPut(pagesOf(rows.map(fromEntryRow)))
  },
}
