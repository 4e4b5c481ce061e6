// Forward migrations of the IndexedDB schema, one pure-ish function per version that needs to
// transform data. Each must be safe to run twice and must not mutate its input rows in place.
import type { Transaction } from 'dexie'

/** A migration step: runs inside Dexie's upgrade transaction for the version it is keyed by. */
export type Migration = (tx: Transaction) => Promise<void>

/**
 * Migrations by target version. Version 1 created the termbase; version 2 only added the
 * documents and passages tables, which needs no data transformation. Add a function here
 * (and a test) whenever a version changes the shape of existing rows.
 */
export const MIGRATIONS: Record<number, Migration | undefined> = {}
