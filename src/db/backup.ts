// Backup and restore of the whole database as one JSON file with a version field. Restore validates
// everything before it writes, says what the backup holds against what is here, saves the current
// state as an automatic backup, then replaces all tables (or merges the backup's glossary) in one transaction.
import { DB_VERSION, type WorkbenchDb } from './schema'
import { SCHEMA_VERSIONS } from './versions'
import { ROW_SHAPES } from './backupSchema'
import { checkReferences } from './backupRefs'
import { getAllEntries, importEntries, joinEntries, toTermRow } from './termbase'
import { countGlossary, dbTablesOf, readFlatGlossary, writeFlatGlossary } from './glossaryFlat'
import type { Concept, Term } from '../core/model'
import { LIMITS, formatBytes } from '../core/limits'
import { planImport, resolvePlan } from '../core/merge'

/** The file format marker; never change it (old backups must stay readable). */
export const BACKUP_FORMAT = 'coi-termbench-backup'

/** The tables a backup carries (their row shapes are in ./backupSchema). */
const TABLES = Object.keys(ROW_SHAPES)
// Not in backups: the embeddings and translations tables are caches, rebuilt on demand.

/** A backup file's content. */
export interface Backup {
  format: typeof BACKUP_FORMAT
  /** Schema version of the database that wrote it. */
  version: number
  exported: string
  tables: Record<string, unknown[]>
}

/** Reads every table into one object. */
export async function createBackup(db: WorkbenchDb): Promise<Backup> {
  const tables: Record<string, unknown[]> = {}
  await db.transaction('r', dbTablesOf(TABLES), async () => {
    const flat = await readFlatGlossary(db)
    for (const name of TABLES) tables[name] = flat[name] ?? (await db.table(name).toArray())
  })
  return { format: BACKUP_FORMAT, version: DB_VERSION, exported: new Date().toISOString(), tables }
}

/**
 * A backup as the parts of one JSON text, one row a part, so that a database larger than the
 * longest string a JavaScript engine can hold (about 512 M characters) still makes one file:
 * `new Blob(backupParts(b))`. Joined, the parts are exactly JSON.stringify(b).
 */
export function backupParts(backup: Backup): string[] {
  const parts = [`{"format":${JSON.stringify(backup.format)},"version":${backup.version},"exported":${JSON.stringify(backup.exported)},"tables":{`]
  Object.entries(backup.tables).forEach(([name, rows], t) => {
    parts.push(`${t ? ',' : ''}${JSON.stringify(name)}:[`)
    rows.forEach((row, i) => parts.push((i ? ',' : '') + JSON.stringify(row)))
    parts.push(']')
  })
  parts.push('}}')
  return parts
}

/** The whole database as a backup file (a Blob of JSON built from parts, never one string). */
export async function backupBlob(db: WorkbenchDb): Promise<{ blob: Blob; exported: string }> {
  const backup = await createBackup(db)
  return { blob: new Blob(backupParts(backup), { type: 'application/json' }), exported: backup.exported }
}

/**
 * Reads and validates a backup file. A file over LIMITS.backupFileBytes is refused before it is
 * read (its JSON must be parsed as one string); a file that is not JSON is named as such.
 */
export async function readBackupFile(file: Blob): Promise<Backup> {
  if (file.size > LIMITS.backupFileBytes)
    throw new BackupError(`the file is ${formatBytes(file.size)}, more than the ${formatBytes(LIMITS.backupFileBytes)} a backup may have to be restored here`)
  let data: unknown
  try {
    data = JSON.parse(await file.text())
  } catch (e) {
    throw new BackupError(`not a backup: the file is not valid JSON (${(e as Error).message})`)
  }
  return validateBackup(data)
}

/** Thrown when a backup file cannot be restored; the message says what is wrong and where. */
export class BackupError extends Error {
  override name = 'BackupError'
}

/** Checks a parsed backup; throws BackupError with a specific reason. Writes nothing. */
export function validateBackup(data: unknown): Backup {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new BackupError('not a backup: the file is not a JSON object')
  const b = data as Partial<Backup>
  if (b.format !== BACKUP_FORMAT) throw new BackupError(`not a backup of this workbench: format is ${JSON.stringify(b.format)}`)
  if (typeof b.version !== 'number' || !Number.isInteger(b.version) || b.version < 1)
    throw new BackupError('backup has no valid version field')
  if (b.version > DB_VERSION)
    throw new BackupError(`backup was written by a newer version of the workbench (schema ${b.version}, this one is ${DB_VERSION})`)
  if (typeof b.exported !== 'string') throw new BackupError('backup has no valid "exported" date')
  if (typeof b.tables !== 'object' || b.tables === null || Array.isArray(b.tables)) throw new BackupError('backup has no tables (the "tables" field is not an object)')
  for (const name of Object.keys(b.tables)) if (!ROW_SHAPES[name]) throw new BackupError(`backup has an unknown table "${name}"`)
  // Every table the writing version had must be there: a missing one would be emptied by a restore.
  for (const name of tablesOfVersion(b.version))
    if (!(name in b.tables)) throw new BackupError(`backup lacks the table "${name}" (a backup of schema ${b.version} always has it)`)
  for (const [name, rows] of Object.entries(b.tables)) {
    if (!Array.isArray(rows)) throw new BackupError(`table "${name}" is not a list`)
    const shape = ROW_SHAPES[name]
    for (let i = 0; i < rows.length; i++) {
      const p = shape(rows[i])
      if (!p) continue
      const where = `table "${name}", row ${i + 1}`
      throw new BackupError(p.message === 'missing' ? `${where}: missing field "${p.path}"` : `${where}${p.path ? `, field "${p.path}"` : ''}: ${p.message}`)
    }
  }
  const problem = checkReferences(b.tables as Record<string, unknown[]>)
  if (problem) throw new BackupError(problem)
  return b as Backup
}

/** The backed-up tables that a database of schema `version` has. */
function tablesOfVersion(version: number): string[] {
  const declared = SCHEMA_VERSIONS.filter((v) => v.version <= version).flatMap((v) => Object.keys(v.stores))
  return TABLES.filter((t) => declared.includes(t))
}

/** Replaces the whole database with a validated backup, in one transaction. */
export async function restoreBackup(db: WorkbenchDb, data: unknown): Promise<void> {
  const backup = validateBackup(data)
  await db.transaction('rw', dbTablesOf(TABLES), async () => replaceTables(db, backup))
}

/** Clears every backed-up table and fills it from the backup (inside the caller's transaction). */
async function replaceTables(db: WorkbenchDb, backup: Backup): Promise<void> {
  for (const name of dbTablesOf(TABLES)) {
    if (name === 'glossaryPages' || name === 'glossaryLog') continue
    const table = db.table(name)
    await table.clear()
    const rows = backup.tables[name] ?? []
    if (rows.length) await table.bulkAdd(rows)
  }
  await writeFlatGlossary(db, backup.tables.concepts, backup.tables.terms)
}

/** How much of each kind of data a backup holds, or the database holds now. */
export interface DataCounts {
  concepts: number
  terms: number
  reports: number
  passages: number
  links: number
  ignoredFindings: number
  history: number
  /** Cached machine translations: never in a backup (a cache), kept here by every restore. */
  translations: number
}

/** What a (validated) backup holds. */
export function countBackup(backup: Backup): DataCounts {
  const n = (t: string) => backup.tables[t]?.length ?? 0
  return {
    concepts: n('concepts'), terms: n('terms'), reports: n('documents'), passages: n('passages'), links: n('links'),
    ignoredFindings: n('qaIgnores'), history: n('history'), translations: 0,
  }
}

/** What the database holds now. */
export async function countHere(db: WorkbenchDb): Promise<DataCounts> {
  return db.transaction('r', [db.glossaryPages, db.documents, db.passages, db.links, db.qaIgnores, db.history, db.translations], async () => ({
    ...(await countGlossary(db)), reports: await db.documents.count(), passages: await db.passages.count(),
    links: await db.links.count(), ignoredFindings: await db.qaIgnores.count(), history: await db.history.count(), translations: await db.translations.count(),
  }))
}

/** How a restore meets the current data. */
export type RestoreMode = 'replace' | 'mergeGlossary'

/** How many automatic backups are kept (the oldest go first). */
export const SNAPSHOTS_KEPT = 3

/** The automatic backups, newest first (without their data). */
export async function listSnapshots(db: WorkbenchDb): Promise<{ id: number; created: string; reason: string }[]> {
  const rows = await db.snapshots.orderBy('created').reverse().toArray()
  return rows.map((r) => ({ id: r.id as number, created: r.created, reason: r.reason }))
}

/**
 * Restores a validated backup, after saving the current state as an automatic backup (a snapshot) in
 * the same transaction, so that one click brings it back. 'replace' replaces every backed-up table;
 * 'mergeGlossary' merges the backup's concepts into the current glossary as an import would (new ones
 * added, changed ones merged, conflicting ones left out) and touches nothing else. Returns the
 * snapshot's id.
 */
export async function restoreWithSnapshot(db: WorkbenchDb, data: unknown, mode: RestoreMode = 'replace'): Promise<number> {
  const backup = validateBackup(data)
  const tables = [...dbTablesOf(TABLES), 'snapshots']
  return db.transaction('rw', tables, async () => {
    const snapshot = await createBackup(db)
    const id = (await db.snapshots.add({ created: snapshot.exported, reason: mode === 'replace' ? 'before-restore' : 'before-merge', data: snapshot })) as number
    const old = await db.snapshots.orderBy('created').reverse().offset(SNAPSHOTS_KEPT).primaryKeys()
    await db.snapshots.bulkDelete(old)
    if (mode === 'replace') await replaceTables(db, backup)
    else {
      const incoming = joinEntries(backup.tables.concepts as Concept[], ((backup.tables.terms ?? []) as Term[]).map(toTermRow))
      const current = await getAllEntries(db)
      const resolved = resolvePlan(current, planImport(current, incoming))
      if (resolved.writes.length) await importEntries(db, resolved.writes, 'add')
    }
    return id
  })
}

/** Brings back an automatic backup (itself saving the state it replaces, so that this can be undone too). */
export async function restoreSnapshot(db: WorkbenchDb, id: number): Promise<number> {
  const row = await db.snapshots.get(id)
  if (!row) throw new BackupError(`no automatic backup ${id}`)
  return restoreWithSnapshot(db, row.data, 'replace')
}
