// The preview result shared by the CSV and TBX importers, and the canonical term order of the exporters.
// The caller shows the preview and commits all or nothing, so a result never mixes entries and errors.
import { type ConceptEntry, type Lang, SUPPORTED_LANGS, newId, nowIso } from '../model'
import { validateEntry } from '../validateEntry'
import { LIMITS, formatBytes } from '../limits'
import type { CodedMessage, MessageParams } from '../message'

/**
 * A problem tied to a place in the file: 1-based physical line and, where known, column. Its code is
 * `importIssue.<code>` in the locales (i18n/issueText.ts).
 */
export interface ImportIssue extends CodedMessage {
  line: number
  /** CSV and XLSX: 1-based field index; TBX: 1-based character column. */
  column?: number
  /** XLSX: the worksheet; `line` is then its row number. */
  sheet?: string
}

/** What an import would add. `entries` is empty whenever `errors` is not. */
export interface ImportResult {
  entries: ConceptEntry[]
  errors: ImportIssue[]
  warnings: ImportIssue[]
  /**
   * When every error lies in rows (or concept elements) that can be left out: the concepts of the
   * other rows, and every line left out with the reason. Absent when the file as a whole is unreadable.
   */
  partial?: PartialImport
}

/** "Import the valid rows and skip the bad ones". */
export interface PartialImport {
  entries: ConceptEntry[]
  skipped: ImportIssue[]
}

/** The lines each entry was read from, recorded by the readers so that bad rows can be left out. */
export type EntryLines = Map<ConceptEntry, number[]>

/** Records that `entry` was read (in part) from `line`. */
export function trackLine(lines: EntryLines | undefined, entry: ConceptEntry, line: number): void {
  if (!lines) return
  const list = lines.get(entry)
  if (!list) lines.set(entry, [line])
  else if (!list.includes(line)) list.push(line)
}

/**
 * The valid part of a file with row-level errors: the entries none of whose lines has an error. The
 * other lines of a left-out concept are listed as skipped too, naming the line that caused it.
 */
export function partialImport(entries: ConceptEntry[], lines: EntryLines, errors: ImportIssue[]): PartialImport | undefined {
  if (!errors.length) return undefined
  const bad = new Set(errors.map((e) => e.line))
  const kept: ConceptEntry[] = []
  const skipped: ImportIssue[] = [...errors]
  for (const e of entries) {
    const own = lines.get(e) ?? []
    const cause = own.find((l) => bad.has(l))
    if (cause === undefined) kept.push(e)
    else for (const l of own) if (!bad.has(l)) skipped.push({ line: l, message: `left out with concept ${e.concept.id} (line ${cause} has an error)`, code: 'leftOut', params: { id: e.concept.id, cause } })
  }
  if (!kept.length) return undefined
  return { entries: kept, skipped: skipped.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0)) }
}

/** The error of a concept id met before (on line `earlier`); shared by the CSV, TBX and MultiTerm readers. */
export function duplicateConceptId(id: string, earlier: number): CodedMessage {
  return { message: `duplicate concept id ${JSON.stringify(id)} (also on line ${earlier})`, code: 'duplicateConceptId', params: { id, earlier } }
}

/** Options shared by the importers. */
export interface ImportOptions {
  /** Timestamp for created/modified values the file does not give. Default: now. */
  now?: string
  /** Id factory for concepts and terms the file gives no id for. Default: newId('c') / newId('t'). */
  newId?: (kind: 'concept' | 'term') => string
}

/** Resolved {@link ImportOptions}. */
export function importDefaults(options: ImportOptions): { now: string; newId: (kind: 'concept' | 'term') => string } {
  return {
    now: options.now ?? nowIso(),
    newId: options.newId ?? ((kind) => newId(kind === 'concept' ? 'c' : 't')),
  }
}

/**
 * Builds the final result: every entry checked by validateEntry as the commit will check it (a
 * problem is an error on the entry's first line); entries only when there is no error; issues sorted by line. With `lines`
 * (and only row-level errors) the result also offers the valid part (see {@link partialImport}).
 */
export function finishImport(entries: ConceptEntry[], errors: ImportIssue[], warnings: ImportIssue[], lines?: EntryLines): ImportResult {
  // The rules the commit enforces (validateEntry), checked here so that a clean preview commits; an
  // entry whose lines the reader already found wrong is left out anyway and not reported twice.
  const flagged = new Set(errors.map((e) => e.line))
  for (const e of entries) {
    const own = lines?.get(e) ?? []
    if (own.some((l) => flagged.has(l))) continue
    const line = own[0] ?? 1
    const long = overlongField(e)
    if (long) errors.push({ line, message: `concept ${e.concept.id}: ${long.message}`, code: 'fieldTooLong', params: { id: e.concept.id, ...long.params } })
    // The problem's own code and params: the UI shows it as problemDetail.<code> (i18n/problemText.ts).
    for (const p of validateEntry(e)) errors.push({ line, message: `concept ${e.concept.id}: ${p.message}`, code: 'entryProblem', params: { ...p.params, id: e.concept.id, problem: p.code } })
  }
  const byLine = (a: ImportIssue, b: ImportIssue) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0)
  errors.sort(byLine)
  const partial = lines && partialImport(entries, lines, errors)
  // Shown lists are capped (a file of a million bad rows would otherwise make a million messages).
  const result: ImportResult = { entries: errors.length ? [] : entries, errors: capIssues(errors), warnings: capIssues(warnings.sort(byLine)) }
  if (partial) result.partial = partial
  return result
}

/** The first LIMITS.listedProblems issues, then one "… and N more" on the last one's line. */
export function capIssues(issues: ImportIssue[]): ImportIssue[] {
  const max = LIMITS.listedProblems
  if (issues.length <= max) return issues
  const count = issues.length - max
  return [...issues.slice(0, max), { line: issues[max - 1].line, message: `… and ${count} more`, code: 'more', params: { count } }]
}

/** The first text field of an entry longer than LIMITS.fieldChars, described (field: a code, lang where it has one); or null. */
function overlongField(e: ConceptEntry): { message: string; params: MessageParams } | null {
  const max = LIMITS.fieldChars
  const c = e.concept
  // [field code, language, value]; the English names of the codes are in FIELD_NAMES.
  const fields: [keyof typeof FIELD_NAMES, string, string | undefined][] = [
    ['id', '', c.id], ['subjectField', '', c.subjectField], ['note', '', c.note], ...c.related.map((r): ['related', string, string] => ['related', '', r]),
    ...Object.entries(c.definitions).map(([l, d]): ['definition', string, string | undefined] => ['definition', l, d]),
  ]
  for (const t of e.terms) {
    fields.push(['term', t.lang, t.text], ['termNote', t.lang, t.note], ['termId', '', t.id])
    for (const s of t.sources) fields.push(['source', '', s.doc], ['sourceQuote', '', s.quote])
  }
  const found = fields.find(([, , v]) => v !== undefined && v.length > max)
  if (!found) return null
  const [field, lang, value] = found
  const name = FIELD_NAMES[field] + (lang ? ` (${lang})` : '')
  return {
    message: `the ${name} is ${value!.length.toLocaleString('en')} characters long, more than the ${max.toLocaleString('en')} a field may have`,
    params: { field, lang, count: value!.length, max },
  }
}

/** English names of the fields {@link overlongField} checks (`importIssue.field.*` in the UI). */
const FIELD_NAMES = {
  id: 'id', subjectField: 'subject field', note: 'note', related: 'related id', definition: 'definition', term: 'term',
  termNote: 'note of a term', termId: 'term id', source: 'source', sourceQuote: 'source quote',
}

const LANG_INDEX = new Map<Lang, number>(SUPPORTED_LANGS.map((l, i) => [l, i]))

/**
 * The canonical term order: grouped by language in SUPPORTED_LANGS order, original order within a
 * language (a stable sort). The TBX and wide CSV layouts store terms by language, so round trips are
 * exact for entries in this order and equal up to this order otherwise.
 */
export function sortTermsByLanguage(entry: ConceptEntry): ConceptEntry {
  const terms = entry.terms
    .map((t, i) => ({ t, i }))
    .sort((a, b) => (LANG_INDEX.get(a.t.lang) ?? 99) - (LANG_INDEX.get(b.t.lang) ?? 99) || a.i - b.i)
    .map(({ t }) => t)
  return { concept: entry.concept, terms }
}

/** Languages used by a glossary's terms or definitions, in SUPPORTED_LANGS order. */
export function languagesUsed(entries: readonly ConceptEntry[]): Lang[] {
  const used = new Set<Lang>()
  for (const e of entries) {
    for (const t of e.terms) used.add(t.lang)
    for (const l of Object.keys(e.concept.definitions) as Lang[]) if (e.concept.definitions[l]) used.add(l)
  }
  return SUPPORTED_LANGS.filter((l) => used.has(l))
}

/** The error of a glossary file larger than its format's limit (LIMITS.glossaryXmlFileBytes for XML, else glossaryFileBytes), or null. */
export function glossaryFileTooLarge(size: number, xml = false): ImportIssue | null {
  const max = xml ? LIMITS.glossaryXmlFileBytes : LIMITS.glossaryFileBytes
  if (size <= max) return null
  const params = { size: formatBytes(size), max: formatBytes(max) }
  return { line: 1, message: `the file is ${params.size}, more than the ${params.max} a glossary file may have; split it and import the parts`, code: 'fileTooLarge', params }
}
