// Understands a CSV header row: which column holds what (in any of the spellings people use) and
// therefore which layout the file has. Also the canonical header names the exporter writes.
import type { Lang } from '../model'
import { type LanguageLabel, foldLabel, parseLanguageLabel } from './languages'
import { lookup } from './values'

/** The CSV layouts. `deepl`: two columns source,target (optionally + two language-code columns), no
 * header. `google`: two columns headed by language codes. */
export type CsvLayout = 'wide' | 'long' | 'deepl' | 'google'

/** Term-level fields of a column. */
export type TermField = 'text' | 'status' | 'type' | 'partOfSpeech' | 'note' | 'sources' | 'termId' | 'created' | 'modified'

/** Concept-level fields of a column. */
export type ConceptField = 'conceptId' | 'subjectField' | 'conceptNote' | 'related' | 'conceptCreated' | 'conceptModified'

/** What one column holds. `lang: null` means "the language of the row" (long layout). */
export type ColumnRole =
  | { kind: 'concept'; field: ConceptField }
  | { kind: 'definition'; lang: Lang | null }
  | { kind: 'term'; field: TermField; lang: Lang | null }
  | { kind: 'lang' }
  | { kind: 'unsupportedLang'; label: string }
  | { kind: 'unknown'; label: string }

/** Canonical header names written by the exporter (and the suffixes of per-language columns). */
export const TERM_FIELD_HEADERS: Record<TermField, string> = {
  text: 'term', status: 'status', type: 'type', partOfSpeech: 'partOfSpeech', note: 'note', sources: 'sources',
  termId: 'termId', created: 'created', modified: 'modified',
}
/** Canonical header names of the concept-level columns. */
export const CONCEPT_FIELD_HEADERS: Record<ConceptField, string> = {
  conceptId: 'conceptId', subjectField: 'subjectField', conceptNote: 'conceptNote', related: 'related',
  conceptCreated: 'conceptCreated', conceptModified: 'conceptModified',
}

const squash = (s: string) => foldLabel(s).replace(/[^\p{L}\p{N}]+/gu, '')

const CONCEPT_ALIASES: Record<string, ConceptField> = {
  conceptid: 'conceptId', concept: 'conceptId', id: 'conceptId', entryid: 'conceptId', termentryid: 'conceptId',
  subjectfield: 'subjectField', subject: 'subjectField', domain: 'subjectField',
  // memoQ's CSV export names its entry fields so (Entry_Subject, Entry_Note).
  entrysubject: 'subjectField', entrynote: 'conceptNote',
  conceptnote: 'conceptNote', related: 'related', relatedconcepts: 'related', crossreference: 'related',
  crossreferences: 'related', seealso: 'related', conceptcreated: 'conceptCreated', conceptmodified: 'conceptModified',
}
/** Term field names, valid bare in the long layout and with a language in the wide one. */
const TERM_ALIASES: Record<string, TermField> = {
  term: 'text', text: 'text', termtext: 'text', status: 'status', administrativestatus: 'status',
  termstatus: 'status', type: 'type', termtype: 'type', partofspeech: 'partOfSpeech', pos: 'partOfSpeech',
  wordclass: 'partOfSpeech', note: 'note', notes: 'note', termnote: 'note', usagenote: 'note',
  sources: 'sources', source: 'sources', attestations: 'sources', termid: 'termId', created: 'created',
  termcreated: 'created', modified: 'modified', termmodified: 'modified',
}
const DEFINITION = new Set(['definition', 'definitions', 'def'])
const LANG = new Set(['lang', 'language', 'languagecode', 'locale'])

function langOfTokens(tokens: string[]): LanguageLabel {
  return parseLanguageLabel(tokens.join('-')) ?? parseLanguageLabel(tokens.join(' '))
}

/** A `<lang> <field>` or `<field> <lang>` header: `en_status`, `Status (English)`, `definition_fi`. */
function compoundRole(label: string): ColumnRole | null {
  const tokens = foldLabel(label).split(/[\s_:./()[\]-]+/).filter(Boolean)
  for (let k = 1; k <= Math.min(3, tokens.length - 1); k++) {
    for (const [field, rest] of [
      [tokens.slice(-k).join(''), tokens.slice(0, -k)],
      [tokens.slice(0, k).join(''), tokens.slice(k)],
    ] as const) {
      const isDef = DEFINITION.has(field)
      const termField = lookup(TERM_ALIASES, field)
      if (!isDef && !termField) continue
      const lang = langOfTokens([...rest])
      if (!lang) continue
      if ('unsupported' in lang) return { kind: 'unsupportedLang', label }
      return termField ? { kind: 'term', field: termField, lang: lang.lang } : { kind: 'definition', lang: lang.lang }
    }
  }
  return null
}

/** Result of {@link analyzeHeader}. */
export interface HeaderAnalysis {
  /** Null when the row is not a header we recognise (e.g. a DeepL file, which has none). */
  layout: CsvLayout | null
  roles: ColumnRole[]
}

/**
 * Assigns a role to each header cell and detects the layout: `long` when there are a language column and
 * a term column; `google` when there are exactly two cells and both are languages; `wide` when there is
 * at least one language column; null otherwise. In the wide layout `note`, `created` and `modified` are
 * concept fields; in the long layout they belong to the row's term.
 */
export function analyzeHeader(cells: readonly string[]): HeaderAnalysis {
  const squashed = cells.map(squash)
  const long = squashed.some((s) => LANG.has(s)) && squashed.some((s) => lookup(TERM_ALIASES, s) === 'text')
  const roles = cells.map((label, i): ColumnRole => {
    const s = squashed[i]
    if (long) {
      if (LANG.has(s)) return { kind: 'lang' }
      const termField = lookup(TERM_ALIASES, s)
      if (termField) return { kind: 'term', field: termField, lang: null }
      if (DEFINITION.has(s)) return { kind: 'definition', lang: null }
    } else {
      if (s === 'note' || s === 'notes') return { kind: 'concept', field: 'conceptNote' }
      if (s === 'created') return { kind: 'concept', field: 'conceptCreated' }
      if (s === 'modified') return { kind: 'concept', field: 'conceptModified' }
      if (DEFINITION.has(s)) return { kind: 'definition', lang: null }
    }
    const conceptField = lookup(CONCEPT_ALIASES, s)
    if (conceptField) return { kind: 'concept', field: conceptField }
    const compound = compoundRole(label)
    if (compound) return compound
    const bare = parseLanguageLabel(label)
    if (bare && 'lang' in bare) return { kind: 'term', field: 'text', lang: bare.lang }
    if (bare) return { kind: 'unsupportedLang', label: label.trim() }
    return { kind: 'unknown', label: label.trim() }
  })
  const langColumns = roles.filter((r) => r.kind === 'term' && r.field === 'text' && r.lang).length
  let layout: CsvLayout | null = null
  if (long) layout = 'long'
  else if (cells.length === 2 && langColumns === 2) layout = 'google'
  else if (langColumns > 0) layout = 'wide'
  // A wide export of a glossary without terms has concept columns only.
  else if (roles.some((r) => r.kind === 'concept' && r.field === 'conceptId') && roles.every((r) => r.kind === 'concept' || r.kind === 'definition')) layout = 'wide'
  return { layout, roles }
}
