// Forward migrations of the IndexedDB schema, one pure-ish function per version that needs to
// transform data. Each must be safe to run twice and must not mutate its input rows in place.
import type { Transaction } from 'dexie'
import type { CheckId } from '../core/qa/findings'
import { splitQaResult, type QaReportRun } from '../core/qa/runs'
import type { QaRunRow } from './schema'

/** A migration step: runs inside Dexie's upgrade transaction for the version it is keyed by. */
export type Migration = (tx: Transaction) => Promise<void>

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
 * Migrations by target version. Version 1 created the termbase; version 2 only added the
 * documents and passages tables, which needs no data transformation. Add a function here
 * (and a test) whenever a version changes the shape of existing rows.
 */
export const MIGRATIONS: Record<number, Migration | undefined> = { 11: toPerReportRuns }
