// Termbase repository: typed async functions over Dexie for concepts (one row each, terms inside) and the undo trash.
// Every write that touches several rows runs in one transaction, so nothing is ever half-written.
import type { ConceptEntry, Lang } from '../core/model'
import { nowIso } from '../core/model'
import { validateEntry, type EntryProblem } from '../core/validateEntry'
import type { TrashRow, WorkbenchDb } from './schema'
import { joinEntries, plain, toTermRow } from './termRows'
import { readByIds } from './glossaryPages'
import { glossaryTables, recordStep, type VersionChange } from './history'
import { clearEntries, putEntries, readAllEntries, readEntry, removeEntries } from './glossaryFeed'

export { joinEntries, plain, toTermRow }

/** Thrown when an entry breaks a termbase rule; carries the problems for the editor to show. */
export class EntryValidationError extends Error {
  constructor(readonly problems: EntryProblem[], readonly conceptId?: string) {
    super((conceptId ? `concept ${conceptId}: ` : '') + problems.map((p) => p.message).join('; '))
    this.name = 'EntryValidationError'
  }
}

/** Every concept with its terms. */
export async function getAllEntries(db: WorkbenchDb): Promise<ConceptEntry[]> {
  return readAllEntries(db)
}

/** One concept with its terms, or undefined. */
export async function getEntry(db: WorkbenchDb, conceptId: string): Promise<ConceptEntry | undefined> {
  return (await readEntry(db, conceptId)) ?? undefined
}

/** Stamps ids and times: new terms get created; changed ones get modified. */
function stamp(entry: ConceptEntry, previous: ConceptEntry | undefined): ConceptEntry {
  const now = nowIso()
  const prevTerms = new Map(previous?.terms.map((t) => [t.id, t]))
  const concept = { ...entry.concept, created: previous?.concept.created ?? entry.concept.created ?? now, modified: now }
  const terms = entry.terms.map((t) => {
    const before = prevTerms.get(t.id)
    const same = before && JSON.stringify({ ...before, modified: '' }) === JSON.stringify({ ...t, modified: '' })
    return { ...t, conceptId: concept.id, text: t.text.trim(), created: before?.created ?? t.created ?? now, modified: same ? before.modified : now }
  })
  return { concept, terms }
}

/** Creates or replaces a concept and its terms (terms no longer listed are removed). Validates first. */
export async function saveEntry(db: WorkbenchDb, input: ConceptEntry): Promise<ConceptEntry> {
  const entry = plain(input)
  const problems = validateEntry(entry)
  if (problems.length) throw new EntryValidationError(problems, entry.concept.id)
  return db.transaction('rw', glossaryTables(db), async () => {
    const previous = await getEntry(db, entry.concept.id)
    const stamped = stamp(entry, previous)
    await putEntries(db, [stamped])
    await recordStep(db, previous ? 'edit' : 'create', [{ before: previous ?? null, after: stamped }])
    return stamped
  })
}

/** A short human label for a concept: its preferred English term, else any term, else its id. */
export function entryLabel(entry: ConceptEntry): string {
  const pick = (lang: Lang) => entry.terms.find((t) => t.lang === lang && t.status === 'preferred') ?? entry.terms.find((t) => t.lang === lang)
  return (pick('en') ?? entry.terms[0])?.text ?? entry.concept.id
}

/** Moves concepts (with their terms) to the trash in one transaction; returns the trash ids for undo. */
export async function deleteConcepts(db: WorkbenchDb, conceptIds: string[]): Promise<number[]> {
  return db.transaction('rw', glossaryTables(db), async () => {
    const ids: number[] = []
    const steps: VersionChange[] = []
    for (const id of conceptIds) {
      const entry = await getEntry(db, id)
      if (!entry) continue
      steps.push({ before: entry, after: null })
      const row: TrashRow = { deletedAt: nowIso(), conceptId: id, label: entryLabel(entry), concept: entry.concept, terms: entry.terms }
      ids.push((await db.trash.add(row)) as number)
    }
    await removeEntries(db, steps.map((s) => (s.before as ConceptEntry).concept.id))
    await recordStep(db, 'delete', steps)
    return ids
  })
}

/** Restores trashed concepts (undo). A concept id that was re-created meanwhile is not overwritten. */
export async function restoreFromTrash(db: WorkbenchDb, trashIds: number[]): Promise<string[]> {
  return db.transaction('rw', glossaryTables(db), async () => {
    const restored: string[] = []
    const steps: VersionChange[] = []
    for (const tid of trashIds) {
      const row = await db.trash.get(tid)
      if (!row) continue
      if (!(await readEntry(db, row.conceptId))) {
        await putEntries(db, [{ concept: row.concept, terms: row.terms }])
        restored.push(row.conceptId)
        steps.push({ before: null, after: { concept: row.concept, terms: row.terms } })
      }
      await db.trash.delete(tid)
    }
    await recordStep(db, 'restore', steps)
    return restored
  })
}

/** Trashed concepts, newest first. */
export async function listTrash(db: WorkbenchDb): Promise<TrashRow[]> {
  return (await db.trash.orderBy('deletedAt').reverse().toArray()) as TrashRow[]
}

/** How an imported glossary meets the existing one. */
export type ImportMode = 'add' | 'replace'

/** Options of {@link importEntries}. */
export interface ImportEntriesOptions {
  /** Record the import in the history as one step (default true; the starter glossary is not a step to undo). */
  history?: boolean
}

/**
 * Writes a whole glossary in ONE transaction: every entry is validated first, and any failure
 * (including a full disk) leaves the database exactly as it was. `replace` empties the termbase
 * first (the old concepts go to the trash so the import can be undone); `add` upserts by concept id.
 * The import is one step of the history.
 */
export async function importEntries(db: WorkbenchDb, input: ConceptEntry[], mode: ImportMode = 'add', options: ImportEntriesOptions = {}): Promise<number> {
  const entries = plain(input)
  for (const e of entries) {
    const problems = validateEntry(e)
    if (problems.length) throw new EntryValidationError(problems, e.concept.id)
  }
  const now = nowIso()
  // The rows are built before the transaction, keeping it short.
  const written = entries.map((e): ConceptEntry => ({
    concept: { ...e.concept, created: e.concept.created || now, modified: e.concept.modified || now },
    terms: e.terms.map((t) => ({ ...t, conceptId: e.concept.id, created: t.created || now, modified: t.modified || now })),
  }))
  const record = options.history !== false
  return db.transaction('rw', record ? glossaryTables(db) : [db.glossaryPages, db.glossaryLog, db.trash], async () => {
    let before: ConceptEntry[] = []
    if (mode === 'replace') {
      before = await readAllEntries(db)
      await db.trash.bulkAdd(before.map((e) => ({ deletedAt: now, conceptId: e.concept.id, label: entryLabel(e), concept: e.concept, terms: e.terms })))
      await clearEntries(db)
    } else if (record) {
      before = (await readByIds(db, written.map((e) => e.concept.id))).filter((r): r is ConceptEntry => !!r)
    }
    await putEntries(db, written)
    if (record) {
      const byId = new Map(written.map((e) => [e.concept.id, e]))
      const steps: VersionChange[] = before.map((b) => ({ before: b, after: byId.get(b.concept.id) ?? null }))
      const had = new Set(before.map((b) => b.concept.id))
      // A concept the import creates is recorded without its state: that state is the concept as it
      // stands until its next change, whose row keeps it as `before` (so a 100k-term import does not
      // write every term twice). See conceptHistory's versionAfter.
      for (const id of byId.keys()) if (!had.has(id)) steps.push({ before: null, after: null, extra: { conceptId: id } })
      await recordStep(db, 'import', steps)
    }
    return entries.length
  })
}

/** Reads a flag or setting. */
export async function getMeta<T>(db: WorkbenchDb, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined
}

/** Writes a flag or setting. */
export async function setMeta(db: WorkbenchDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value: plain(value) })
}
