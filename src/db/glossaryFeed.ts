// The glossary's one way to write concepts (onto their pages, see glossaryPages), and its change feed: every put or removal is logged
// (glossaryLog) in the same transaction and announced in this tab when it commits, so that the
// in-memory glossary patches the changed concepts instead of re-reading the whole termbase.
import Dexie from 'dexie'
import type { ConceptEntry } from '../core/model'
import { nowIso } from '../core/model'
import type { WorkbenchDb } from './schema'
import { patchPages, readAllPages, readByIds } from './glossaryPages'

/** How many log rows are kept: a reader further behind than this re-reads everything. */
export const LOG_KEPT = 1000

/** What one committed transaction did to the glossary, announced in the tab that made it. */
export interface GlossaryChange {
  /** The log rows it wrote. */
  seqs: number[]
  /** True when it emptied the termbase first: concepts not in `entries` are gone. */
  reset: boolean
  /** Each changed concept's state after the change (null: removed). */
  entries: Map<string, ConceptEntry | null>
}

type Listener = (db: WorkbenchDb, change: GlossaryChange) => void
const listeners = new Set<Listener>()
const pending = new WeakMap<IDBTransaction, GlossaryChange>()

/** Calls `fn` after each commit of this tab that changed the glossary. Returns the unsubscribe. */
export function onGlossaryCommitted(fn: Listener): () => void {
  listeners.add(fn)
  return () => listeners.delete(fn)
}

/** The change being collected for the current transaction (announced on its commit, never on abort). */
function collect(db: WorkbenchDb): GlossaryChange | undefined {
  const idb = Dexie.currentTransaction?.idbtrans
  if (!idb) return undefined
  let change = pending.get(idb)
  if (!change) {
    const c: GlossaryChange = { seqs: [], reset: false, entries: new Map() }
    pending.set(idb, c)
    idb.addEventListener('complete', () => listeners.forEach((l) => l(db, c)))
    change = c
  }
  return change
}

async function log(db: WorkbenchDb, ids: string[] | null): Promise<number> {
  const seq = (await db.glossaryLog.add({ at: nowIso(), ids })) as number
  if (seq > LOG_KEPT) await db.glossaryLog.where('seq').below(seq - LOG_KEPT).delete()
  return seq
}

/** Puts concepts (plain objects) inside the caller's transaction over entries and glossaryLog. */
export async function putEntries(db: WorkbenchDb, list: readonly ConceptEntry[]): Promise<void> {
  if (!list.length) return
  await patchPages(db, new Map(list.map((e) => [e.concept.id, e])))
  const seq = await log(db, list.map((e) => e.concept.id))
  const c = collect(db)
  if (!c) return
  c.seqs.push(seq)
  for (const e of list) c.entries.set(e.concept.id, e)
}

/** Removes concepts inside the caller's transaction. */
export async function removeEntries(db: WorkbenchDb, ids: readonly string[]): Promise<void> {
  if (!ids.length) return
  await patchPages(db, new Map(ids.map((id) => [id, null])))
  const seq = await log(db, [...ids])
  const c = collect(db)
  if (!c) return
  c.seqs.push(seq)
  for (const id of ids) c.entries.set(id, null)
}

/** Empties the termbase inside the caller's transaction. */
export async function clearEntries(db: WorkbenchDb): Promise<void> {
  await db.glossaryPages.clear()
  const seq = await log(db, null)
  const c = collect(db)
  if (!c) return
  c.seqs.push(seq)
  c.reset = true
  c.entries.clear()
}

/** One concept with its terms, or null. */
export async function readEntry(db: WorkbenchDb, id: string): Promise<ConceptEntry | null> {
  return (await readByIds(db, [id]))[0] ?? null
}

/** Every concept with its terms. */
export async function readAllEntries(db: WorkbenchDb): Promise<ConceptEntry[]> {
  return readAllPages(db)
}

/** What a reader must apply to catch up: everything (`full`), or the changed concepts. */
export interface GlossaryPull {
  /** The newest log row the read saw (0: none yet). */
  seq: number
  full: boolean
  /** With `full`: every concept. */
  all: ConceptEntry[]
  /** Without `full`: each changed concept's state (null: removed). */
  changed: Map<string, ConceptEntry | null>
}

/**
 * Reads what changed since log row `since` (-1: read everything), skipping the log rows in `skip`
 * (changes this tab already applied). It reads everything again when rows it has not seen were
 * pruned, when a write emptied the termbase, or when the entries changed without a log row (a writer
 * outside this module). Reads every entry's key range, so a liveQuery over it sees every change.
 */
export async function pullChanges(db: WorkbenchDb, since: number, skip: ReadonlySet<number> = new Set()): Promise<GlossaryPull> {
  return db.transaction('r', [db.glossaryPages, db.glossaryLog], async () => {
    await db.glossaryPages.count()
    const newest = (await db.glossaryLog.orderBy('seq').last())?.seq ?? 0
    const oldest = (await db.glossaryLog.orderBy('seq').first())?.seq ?? 0
    const tail = since < 0 ? [] : await db.glossaryLog.where('seq').above(since).toArray()
    const pruned = oldest > since + 1 && since < newest
    if (since < 0 || pruned || !tail.length || tail.some((r) => r.ids === null && !skip.has(r.seq as number)))
      return { seq: newest, full: true, all: await readAllEntries(db), changed: new Map() }
    const ids = [...new Set(tail.filter((r) => !skip.has(r.seq as number)).flatMap((r) => r.ids ?? []))]
    const rows = await readByIds(db, ids)
    const changed = new Map(ids.map((id, i) => [id, rows[i] ?? null] as const))
    return { seq: newest, full: false, all: [], changed }
  })
}
