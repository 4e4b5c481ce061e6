// The preview result shared by the CSV and TBX importers, and the canonical term order of the exporters.
// The caller shows the preview and commits all or nothing, so a result never mixes entries and errors.
import { type ConceptEntry, type Lang, SUPPORTED_LANGS, newId, nowIso } from '../model'

/** A problem tied to a place in the file: 1-based physical line and, where known, column. */
export interface ImportIssue {
  line: number
  /** CSV: 1-based field index; TBX: 1-based character column. */
  column?: number
  message: string
}

/** What an import would add. `entries` is empty whenever `errors` is not. */
export interface ImportResult {
  entries: ConceptEntry[]
  errors: ImportIssue[]
  warnings: ImportIssue[]
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

/** Builds the final result: entries only when there is no error; issues sorted by line. */
export function finishImport(entries: ConceptEntry[], errors: ImportIssue[], warnings: ImportIssue[]): ImportResult {
  const byLine = (a: ImportIssue, b: ImportIssue) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0)
  return { entries: errors.length ? [] : entries, errors: errors.sort(byLine), warnings: warnings.sort(byLine) }
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
