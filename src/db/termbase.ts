// Termbase repository: typed async functions over Dexie for concepts, terms and the undo trash.
// Every write that touches several rows runs in one transaction, so nothing is ever half-written.
import type { Concept, ConceptEntry, Lang, Term } from '../core/model'
import { nowIso } from '../core/model'
import { foldForSearch, searchKeyTokens } from '../core/text'
import { validateEntry, type EntryProblem } from '../core/validateEntry'
import type { TermRow, TrashRow, WorkbenchDb } from './schema'

/** Thrown when an entry breaks a termbase rule; carries the problems for the editor to show. */
export class EntryValidationError extends Error {
  constructor(readonly problems: EntryProblem[], readonly conceptId?: string) {
    super((conceptId ? `concept ${conceptId}: ` : '') + problems.map((p) => p.message).join('; '))
    this.name = 'EntryValidationError'
  }
}

/**
 * Deep plain copy. IndexedDB cannot structured-clone Vue's reactive proxies; JSON reads through
 * them, so repositories accept reactive input without importing Vue. (Stores still call toRaw.)
 */
export function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}

/** A term row with its derived search fields. */
export function toTermRow(term: Term): TermRow {
  const t = plain(term)
  return { ...t, norm: foldForSearch(t.text), keys: searchKeyTokens(t.text) }
}

/** Strips the derived fields of a row, giving the model's Term back. */
export function fromTermRow(row: TermRow): Term {
  const { norm: _n, keys: _k, ...term } = row
  return term
}

/** Groups terms by concept, in concept order. */
export function joinEntries(concepts: Concept[], rows: TermRow[]): ConceptEntry[] {
  const byConcept = new Map<string, Term[]>()
  for (const r of rows) {
    const list = byConcept.get(r.conceptId)
    const t = fromTermRow(r)
    if (list) list.push(t)
    else byConcept.set(r.conceptId, [t])
  }
  return concepts.map((c) => ({ concept: c, terms: byConcept.get(c.id) ?? [] }))
}

/** Every concept with its terms. */
export async function getAllEntries(db: WorkbenchDb): Promise<ConceptEntry[]> {
  return db.transaction('r', db.concepts, db.terms, async () => joinEntries(await db.concepts.toArray(), await db.terms.toArray()))
}

/** One concept with its terms, or undefined. */
export async function getEntry(db: WorkbenchDb, conceptId: string): Promise<ConceptEntry | undefined> {
  return db.transaction('r', db.concepts, db.terms, async () => {
    const concept = await db.concepts.get(conceptId)
    if (!concept) return undefined
    const rows = await db.terms.where('conceptId').equals(conceptId).toArray()
    return { concept, terms: rows.map(fromTermRow) }
  })
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
  return db.transaction('rw', db.concepts, db.terms, async () => {
    const previous = await getEntry(db, entry.concept.id)
    const stamped = stamp(entry, previous)
    const keep = new Set(stamped.terms.map((t) => t.id))
    const gone = (previous?.terms ?? []).filter((t) => !keep.has(t.id)).map((t) => t.id)
    await db.terms.bulkDelete(gone)
    await db.concepts.put(stamped.concept)
    await db.terms.bulkPut(stamped.terms.map(toTermRow))
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
  return db.transaction('rw', db.concepts, db.terms, db.trash, async () => {
    const ids: number[] = []
    for (const id of conceptIds) {
      const entry = await getEntry(db, id)
      if (!entry) continue
      const row: TrashRow = { deletedAt: nowIso(), conceptId: id, label: entryLabel(entry), concept: entry.concept, terms: entry.terms }
      ids.push((await db.trash.add(row)) as number)
      await db.terms.where('conceptId').equals(id).delete()
      await db.concepts.delete(id)
    }
    return ids
  })
}

/** Restores trashed concepts (undo). A concept id that was re-created meanwhile is not overwritten. */
export async function restoreFromTrash(db: WorkbenchDb, trashIds: number[]): Promise<string[]> {
  return db.transaction('rw', db.concepts, db.terms, db.trash, async () => {
    const restored: string[] = []
    for (const tid of trashIds) {
      const row = await db.trash.get(tid)
      if (!row) continue
      if (!(await db.concepts.get(row.conceptId))) {
        await db.concepts.put(row.concept)
        await db.terms.bulkPut(row.terms.map(toTermRow))
        restored.push(row.conceptId)
      }
      await db.trash.delete(tid)
    }
    return restored
  })
}

/** Trashed concepts, newest first. */
export async function listTrash(db: WorkbenchDb): Promise<TrashRow[]> {
  return (await db.trash.orderBy('deletedAt').reverse().toArray()) as TrashRow[]
}

/** How an imported glossary meets the existing one. */
export type ImportMode = 'add' | 'replace'

/**
 * Writes a whole glossary in ONE transaction: every entry is validated first, and any failure
 * (including a full disk) leaves the database exactly as it was. `replace` empties the termbase
 * first (the old concepts go to the trash so the import can be undone); `add` upserts by concept id.
 */
export async function importEntries(db: WorkbenchDb, input: ConceptEntry[], mode: ImportMode = 'add'): Promise<number> {
  const entries = plain(input)
  for (const e of entries) {
    const problems = validateEntry(e)
    if (problems.length) throw new EntryValidationError(problems, e.concept.id)
  }
  const now = nowIso()
  // Rows (with their derived search fields) are built before the transaction, keeping it short.
  const conceptRows = entries.map((e) => ({ ...e.concept, created: e.concept.created || now, modified: e.concept.modified || now }))
  const termRows = entries.flatMap((e) => e.terms.map((t) => toTermRow({ ...t, conceptId: e.concept.id, created: t.created || now, modified: t.modified || now })))
  return db.transaction('rw', db.concepts, db.terms, db.trash, async () => {
    if (mode === 'replace') {
      const all = await getAllEntries(db)
      await db.trash.bulkAdd(all.map((e) => ({ deletedAt: now, conceptId: e.concept.id, label: entryLabel(e), concept: e.concept, terms: e.terms })))
      await db.terms.clear()
      await db.concepts.clear()
    } else {
      await db.terms.where('conceptId').anyOf(entries.map((e) => e.concept.id)).delete()
    }
    await db.concepts.bulkPut(conceptRows)
    await db.terms.bulkPut(termRows)
    return entries.length
  })
}

/** Terms of one language whose normalised text starts with `prefix` (uses the [lang+norm] index). */
export async function findTermsByPrefix(db: WorkbenchDb, lang: Lang, prefix: string, limit = 50): Promise<Term[]> {
  const p = foldForSearch(prefix)
  const rows = await db.terms.where('[lang+norm]').between([lang, p], [lang, p + '\uffff']).limit(limit).toArray()
  return rows.map(fromTermRow)
}

/** Reads a flag or setting. */
export async function getMeta<T>(db: WorkbenchDb, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined
}

/** Writes a flag or setting. */
export async function setMeta(db: WorkbenchDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value: plain(value) })
}
