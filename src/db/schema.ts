// The IndexedDB schema of the workbench: the row types stored and the typed database (its versions are in ./versions.ts).
// Declared versions are never deleted or edited; a change of shape is a new version with its own
// migration function in ./migrations.ts and a test in tests/db/migrations.test.ts.
import Dexie, { type EntityTable, type Table } from 'dexie'
import type { Concept, ConceptEntry, Lang, PassageKind, SentenceSpan, Term } from '../core/model'
import type { FieldChange } from '../core/merge'
import { MIGRATIONS } from './migrations'
import { SCHEMA_VERSIONS } from './versions'
import type { Finding, QaIgnoreRule, QaReportRun, UsageMatrix } from '../core/qa'

/**
 * WARNING: the database name and the table names below are part of every user's stored data.
 * Renaming any of them orphans that data. Never change them; add a version instead.
 */
export const DB_NAME = 'coi-termbench'

/** A term row of schema versions 1–9 (one row per term; since version 10 terms live in their concept's EntryRow). */
export interface TermRow extends Term {
  /** foldForSearch(text): case- and diacritic-folded, confusables folded. */
  norm: string
  /** Transliteration-tolerant keys of the term's words (searchKeyTokens). */
  keys: string[]
}

/**
 * One row per concept (since version 10): the concept with all its terms, as the app reads them
 * together, plus `keys`, the lean search index: one `lang|folded text` per distinct term (multi-entry).
 */
export interface EntryRow extends ConceptEntry {
  /** The concept's id (= concept.id): the primary key. */
  id: string
  /** `${lang}|${foldForSearch(text)}` of each term, without repeats. */
  keys: string[]
}

/** One page of the glossary (schema 12 on): the concepts whose id hashes to `page` (see glossaryPages), in id order. */
export interface GlossaryPageRow {
  page: number
  entries: ConceptEntry[]
}

/**
 * One write to the glossary (the change feed): which concepts it put or removed. Readers that hold
 * the glossary in memory re-read only these concepts. `ids` null means "everything may have changed".
 */
export interface GlossaryLogRow {
  seq?: number
  at: string
  ids: string[] | null
}

/** A deleted concept with its terms, kept so that a deletion can be undone. */
export interface TrashRow {
  id?: number
  deletedAt: string
  conceptId: string
  label: string
  concept: Concept
  terms: Term[]
}

/** Key/value settings and flags (e.g. whether the starter glossary was loaded). */
export interface MetaRow {
  key: string
  value: unknown
}

/** An imported report. */
export interface DocumentRow {
  id: string
  title: string
  lang: Lang | 'und'
  publisher?: string
  date?: string
  fileName: string
  /** SHA-256 of the file's text, hex: re-imports are recognised by it. */
  hash: string
  /** The text as read, so that every passage span can be traced back. */
  text: string
  created: string
}

/** A passage of an imported report (span into DocumentRow.text). */
export interface PassageRow {
  id: string
  docId: string
  index: number
  kind: PassageKind
  section: string
  sectionPath: string[]
  lang: Lang | 'und'
  /** The language detected before any user override. */
  detectedLang: Lang | 'und'
  text: string
  start: number
  end: number
  sentences: SentenceSpan[]
  footnotes: string[]
}

/** A link between two passages of two documents (suggested by the linker, or made by the user). */
export interface LinkRow {
  /** `${srcPassage}|${dstPassage}`: one row per ordered pair. */
  id: string
  srcDoc: string
  dstDoc: string
  srcPassage: string
  dstPassage: string
  score: number
  method: 'lexical' | 'neural' | 'hybrid' | 'manual'
  /** Why: shared concepts, numbers, names (JSON-safe). */
  evidence: unknown
  status: 'suggested' | 'confirmed' | 'rejected'
  modified: string
}

/** A cached embedding vector, keyed by model and passage content hash. */
export interface EmbeddingRow {
  model: string
  hash: string
  vector: Float32Array
}

/** A cached machine translation, keyed by model and source-text hash (plus target language). */
export interface TranslationRow {
  model: string
  hash: string
  text: string
}

/** A QA finding the user chose to ignore (by its stable id). */
export interface QaIgnoreRow {
  id: string
  created: string
  note?: string
}

/** What kind of step a history row belongs to. */
export type HistoryAction = 'create' | 'edit' | 'delete' | 'restore' | 'import' | 'merge' | 'batch' | 'undo'

/**
 * One version of one concept: the state before and after a step, who made it and when, and the
 * field-level changes. Rows of one step share `batch` (an import or a merge is one step, however
 * many concepts it touches), so that one Ctrl+Z undoes all of it.
 */
export interface HistoryRow {
  id?: number
  conceptId: string
  batch: string
  at: string
  /** The local user name set in the settings ('' when none). */
  user: string
  action: HistoryAction
  /** null when the step created the concept. */
  before: ConceptEntry | null
  /** null when the step deleted the concept. */
  after: ConceptEntry | null
  changes: FieldChange[]
  /** Set on the rows of a step that was undone (by the batch that undid it). */
  undoneBy?: string
  /** For a merge: the links as they were, so that undo can put them back. */
  linksBefore?: LinkRow[]
  /**
   * Since version 10: the concepts a step created without recording their state (an import's new
   * concepts), in one row whose `conceptId` is '' instead of one row each. Read through
   * conceptHistory and stepRows, which give each of them its own row again.
   */
  created?: string[]
}

/** An automatic backup of the whole database, taken just before a restore replaced or merged into it. */
export interface SnapshotRow {
  id?: number
  created: string
  /** Why it was taken, e.g. 'before-restore'. */
  reason: string
  /** A backup object (see db/backup.ts), restorable as it is. */
  data: unknown
}

/** The last QA run of schema v9 (one row, id 'last'); since v11 moved into qaReportRuns and no longer written. */
export interface QaRunRow {
  id: 'last'
  /** The glossary and report list the run checked (see the QA store's stamp): stale when it differs. */
  stamp: string
  ranAt: string
  checks: string[]
  findings: Finding[]
  matrix: UsageMatrix
  skipped: string[]
}

/** A stored QA ignore rule (see core/qa/ignoreRules): every condition must hold; absent ones match anything. */
export type QaIgnoreRuleRow = QaIgnoreRule

/** One report's part of a QA run, keyed by [docId+glossary] (see core/qa/runs). */
export type QaReportRunRow = QaReportRun

/** The typed database. */
export type WorkbenchDb = Dexie & {
  glossaryPages: EntityTable<GlossaryPageRow, 'page'>
  glossaryLog: EntityTable<GlossaryLogRow, 'seq'>
  trash: EntityTable<TrashRow, 'id'>
  meta: EntityTable<MetaRow, 'key'>
  documents: EntityTable<DocumentRow, 'id'>
  passages: EntityTable<PassageRow, 'id'>
  links: EntityTable<LinkRow, 'id'>
  embeddings: Table<EmbeddingRow, [string, string]>
  translations: Table<TranslationRow, [string, string]>
  qaIgnores: EntityTable<QaIgnoreRow, 'id'>
  history: EntityTable<HistoryRow, 'id'>
  snapshots: EntityTable<SnapshotRow, 'id'>
  qaRuns: EntityTable<QaRunRow, 'id'>
  qaIgnoreRules: EntityTable<QaIgnoreRuleRow, 'id'>
  qaReportRuns: Table<QaReportRunRow, [string, string]>
}

/** The current schema version (the last declared one). */
export const DB_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1].version

/** Declares every version, up to `upTo` (tests open older versions to exercise migrations). */
export function declareVersions(db: Dexie, upTo = DB_VERSION): void {
  for (const v of SCHEMA_VERSIONS) {
    if (v.version > upTo) break
    const migrate = MIGRATIONS[v.version]
    const decl = db.version(v.version).stores(v.stores)
    if (migrate) decl.upgrade((tx) => migrate(tx))
  }
}

/** Opens (creating or upgrading) the workbench database. */
export function createDb(name = DB_NAME, upTo = DB_VERSION): WorkbenchDb {
  const db = new Dexie(name) as WorkbenchDb
  declareVersions(db, upTo)
  return db
}
