// The app's single database connection, opened lazily on first use.
import { createDb, type WorkbenchDb } from './schema'

let instance: WorkbenchDb | undefined

/** The shared database of this browser profile. */
export function useDb(): WorkbenchDb {
  instance ??= createDb()
  return instance
}

export * from './schema'
