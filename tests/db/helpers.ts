// Shared builders for db tests: small real entries, a fresh fake-indexeddb database per test.
import 'fake-indexeddb/auto'
import { createDb, type WorkbenchDb } from '../../src/db/schema'
import type { ConceptEntry, Lang, Term, TermStatus } from '../../src/core/model'

let n = 0
/** A new, empty database with a unique name. */
export function freshDb(upTo?: number): WorkbenchDb {
  return createDb(`test-${Date.now()}-${n++}`, upTo)
}

/** An entry with terms given as [lang, text, status?]. */
export function entry(id: string, terms: [Lang, string, TermStatus?][], definition = ''): ConceptEntry {
  const ts = '2025-01-01T00:00:00.000Z'
  return {
    concept: { id, definitions: definition ? { en: definition } : {}, related: [], created: ts, modified: ts },
    terms: terms.map(([lang, text, status], i): Term => ({
      id: `${id}-${lang}-${i}`, conceptId: id, lang, text, status: status ?? 'admitted', type: 'fullForm', sources: [], created: ts, modified: ts,
    })),
  }
}
