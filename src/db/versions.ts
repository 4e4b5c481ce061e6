// The store declarations of every IndexedDB schema version, kept apart from the row types so that the list can
// only grow: declared versions are never deleted or edited (see ./schema.ts and tests/db/migrations.test.ts).

/**
 * Every schema version, oldest first. NEVER delete or edit an entry: append a new one.
 * Index strings: first key is the primary key; `[a+b]` is a compound index; `*x` multi-entry.
 */
export const SCHEMA_VERSIONS: { version: number; stores: Record<string, string | null> }[] = [
  {
    version: 1,
    stores: {
      concepts: 'id, modified, subjectField',
      terms: 'id, conceptId, [lang+norm], norm, *keys, status, modified',
      trash: '++id, deletedAt, conceptId',
      meta: 'key',
    },
  },
  {
    version: 2,
    stores: {
      documents: 'id, &hash, lang, created',
      passages: 'id, docId, [docId+index], lang',
    },
  },
  {
    version: 3,
    stores: {
      links: 'id, srcPassage, dstPassage, [srcDoc+dstDoc], status',
      embeddings: '[model+hash]',
      translations: '[model+hash]',
      qaIgnores: 'id',
    },
  },
  {
    // Search runs in memory (core/glossarySearch), so the terms table keeps only the indexes that
    // queries use: by concept, and [lang+norm] for look-ups by language and normalised text. Fewer
    // indexes make a 100k-term import several times faster. The rows keep their `norm`/`keys` fields.
    version: 4,
    stores: {
      terms: 'id, conceptId, [lang+norm]',
    },
  },
  {
    // The history of every change to the glossary: versions per concept, steps grouped by batch.
    version: 5,
    stores: {
      history: '++id, conceptId, batch, at',
    },
  },
  {
    // Automatic backups of the whole database taken before a restore (kept out of backups themselves).
    version: 6,
    stores: {
      snapshots: '++id, created',
    },
  },
  {
    // The last QA run, kept across reloads (7 and 8 were never declared: parallel work took 5, 6 and 9).
    version: 9,
    stores: {
      qaRuns: 'id',
    },
  },
  {
    // One row per concept (its terms inside) instead of one row per term, with a multi-entry index of
    // `lang|folded text` for look-ups; a 100k-term import writes a fifth as many rows. The glossary log
    // is the change feed the in-memory glossary follows (only changed concepts are re-read). The
    // concepts and terms tables are moved into entries by migration 10, then dropped. The history
    // records the concepts an import creates in one row (`created`, multi-entry) instead of one each.
    version: 10,
    stores: {
      entries: 'id, *keys',
      glossaryLog: '++seq',
      history: '++id, conceptId, batch, at, *created',
      concepts: null,
      terms: null,
    },
  },
  {
    // QA kept per report and glossary version (the single 'last' run of v9 is moved into it, marked out of
    // date), and stored ignore rules ("this term in this report", "this term everywhere", by check/concept/report).
    version: 11,
    stores: {
      qaIgnoreRules: 'id, created',
      qaReportRuns: '[docId+glossary], docId',
    },
  },
  {
    // The glossary in 256 pages of concepts (by a hash of the id) instead of one row per concept with a
    // multi-entry index of its terms: IndexedDB pays per row and per index key, and a 100k-term import
    // took 6 s to write. Search has run in memory since v4; nothing queried the index. Migration 12 moves
    // the entries into pages, then the entries table is dropped.
    version: 12,
    stores: {
      glossaryPages: 'page',
      entries: null,
    },
  },
]
