// The batch edit's write: a planned batch operation (core/batchEdit.ts) written in one transaction, as one history
// step that Ctrl+Z undoes; refused at once, with nothing written, when a concept changed since the preview.
import type { BatchPlan } from '../core/batchEdit'
import { diffEntries } from '../core/merge'
import { validateEntry } from '../core/validateEntry'
import { glossaryTables, recordStep } from './history'
import { putEntries } from './glossaryFeed'
import { readByIds } from './glossaryPages'
import type { WorkbenchDb } from './schema'
import { EntryValidationError } from './termbase'

/** A batch planned on concepts that changed (or went) before it was written: plan it again. */
export class StaleBatchError extends Error {
  constructor(readonly conceptId: string) {
    super(`concept ${conceptId} changed since the batch edit was previewed; preview it again`)
  }
}

/** Writes a batch plan's changes, all or nothing. Returns the number of concepts written. */
export async function applyBatch(db: WorkbenchDb, plan: BatchPlan): Promise<number> {
  for (const { after } of plan.changes) {
    const problems = validateEntry(after)
    if (problems.length) throw new EntryValidationError(problems, after.concept.id)
  }
  if (!plan.changes.length) return 0
  return db.transaction('rw', glossaryTables(db), async () => {
    const current = await readByIds(db, plan.changes.map((c) => c.before.concept.id))
    plan.changes.forEach(({ before }, i) => {
      const now = current[i]
      if (!now || diffEntries(now, before).length) throw new StaleBatchError(before.concept.id)
    })
    await putEntries(db, plan.changes.map((c) => c.after))
    await recordStep(db, 'batch', plan.changes)
    return plan.changes.length
  })
}
