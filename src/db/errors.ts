// Turns IndexedDB/Dexie failures into the few cases the UI explains differently.
/** What went wrong with a write, for the user. */
export type DbFailure = 'quota' | 'validation' | 'other'

/** True when an error (or one it wraps) is the browser refusing to store more data. */
export function isQuotaError(e: unknown): boolean {
  type Wrapped = { name?: unknown; message?: unknown; inner?: Wrapped; cause?: Wrapped } | null | undefined
  for (let cur = e as Wrapped, depth = 0; cur && depth < 5; cur = cur.inner ?? cur.cause, depth++) {
    if (cur.name === 'QuotaExceededError' || cur.name === 'QuotaExceeded' || /quota/i.test(String(cur.message ?? ''))) return true
  }
  return false
}

/** Classifies an error thrown by a repository. */
export function classifyDbError(e: unknown): DbFailure {
  if (isQuotaError(e)) return 'quota'
  if (e instanceof Error && (e.name === 'EntryValidationError' || e.name === 'BackupError')) return 'validation'
  return 'other'
}
