// Backup and restore of the whole database as one JSON file with a version field.
// Restore validates everything before it writes, then replaces all tables in one transaction.
import { DB_VERSION, type WorkbenchDb } from './schema'
import { toTermRow } from './termbase'
import type { Term } from '../core/model'

/** The file format marker; never change it (old backups must stay readable). */
export const BACKUP_FORMAT = 'coi-termbench-backup'

/** The tables a backup carries, with the fields every row must have. */
const TABLES: Record<string, string[]> = {
  concepts: ['id', 'created', 'modified'],
  terms: ['id', 'conceptId', 'lang', 'text', 'status', 'type'],
  trash: ['conceptId', 'concept', 'terms'],
  meta: ['key'],
  documents: ['id', 'hash', 'text'],
  passages: ['id', 'docId', 'index', 'start', 'end'],
  links: ['id', 'srcPassage', 'dstPassage', 'status'],
  qaIgnores: ['id'],
  history: ['conceptId', 'batch', 'action'],
}
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
  await db.transaction('r', Object.keys(TABLES), async () => {
    for (const name of Object.keys(TABLES)) tables[name] = await db.table(name).toArray()
  })
  return { format: BACKUP_FORMAT, version: DB_VERSION, exported: new Date().toISOString(), tables }
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
  if (typeof b.tables !== 'object' || b.tables === null) throw new BackupError('backup has no tables')
  for (const [name, rows] of Object.entries(b.tables)) {
    const required = TABLES[name]
    if (!required) throw new BackupError(`backup has an unknown table "${name}"`)
    if (!Array.isArray(rows)) throw new BackupError(`table "${name}" is not a list`)
    rows.forEach((row, i) => {
      if (typeof row !== 'object' || row === null) throw new BackupError(`table "${name}", row ${i + 1}: not an object`)
      for (const f of required)
        if (!(f in row)) throw new BackupError(`table "${name}", row ${i + 1}: missing field "${f}"`)
    })
  }
  return b as Backup
}

/** Replaces the whole database with a validated backup, in one transaction. */
export async function restoreBackup(db: WorkbenchDb, data: unknown): Promise<void> {
  const backup = validateBackup(data)
  await db.transaction('rw', Object.keys(TABLES), async () => {
    for (const name of Object.keys(TABLES)) {
      const table = db.table(name)
      await table.clear()
      let rows = backup.tables[name] ?? []
      // Derived search fields are recomputed, so older backups (or hand-edited ones) stay consistent.
      if (name === 'terms') rows = (rows as Term[]).map(toTermRow)
      if (rows.length) await table.bulkAdd(rows)
    }
  })
}
