// The glossary in the flat layout of backups (a "concepts" list and a "terms" list, as schema versions
// 1–9 stored it), read from and written to the glossary's pages (glossaryPages), so that backup files
// keep one format whichever schema wrote them.
import type { Concept, Term } from '../core/model'
import type { WorkbenchDb } from './schema'
import { clearEntries, putEntries, readAllEntries } from './glossaryFeed'
import { joinEntries, splitEntries } from './termRows'
import { countPages } from './glossaryPages'

/** The backup's glossary lists, which no database table holds as such since version 10. */
export const FLAT_GLOSSARY = ['concepts', 'terms'] as const

/** The database tables behind a list of backup table names (the glossary's lists → its pages and their log). */
export function dbTablesOf(names: readonly string[]): string[] {
  const rest = names.filter((n) => !(FLAT_GLOSSARY as readonly string[]).includes(n))
  return rest.length === names.length ? rest : [...rest, 'glossaryPages', 'glossaryLog']
}

/** The glossary as flat concept and term lists (inside the caller's transaction, or its own). */
export async function readFlatGlossary(db: WorkbenchDb): Promise<Record<string, unknown[]>> {
  return splitEntries(await readAllEntries(db))
}

/** Replaces the whole glossary with flat lists (old backups' term rows may carry derived fields: they are dropped). */
export async function writeFlatGlossary(db: WorkbenchDb, concepts: unknown[] = [], terms: unknown[] = []): Promise<void> {
  await clearEntries(db)
  await putEntries(db, joinEntries(concepts as Concept[], terms as Term[]))
}

/** How many concepts and terms the glossary holds. */
export async function countGlossary(db: WorkbenchDb): Promise<{ concepts: number; terms: number }> {
  return countPages(db)
}
