// CSV glossary export in the wide, long, DeepL and Google layouts, safe to open in a spreadsheet.
// The wide and long layouts carry every field of the model, so that importCsv(exportCsv(g)) equals g.
import type { ConceptEntry, Glossary, Lang, Term } from '../model'
import { LIST_SEP, encodeList, neutraliseFormula } from './cells'
import { CONCEPT_FIELD_HEADERS as C, type CsvLayout, TERM_FIELD_HEADERS as T, type TermField } from './headers'
import { languagesUsed } from './importResult'
import { type CsvDelimiter, serializeCsv } from './rfc4180'
import { encodeSources, joinPerTerm } from './terms'

/** Options of {@link exportCsv}. */
export interface CsvExportOptions {
  /** Default 'wide'. */
  layout?: CsvLayout
  /** Default ','. */
  delimiter?: CsvDelimiter
  /** UTF-8 BOM for Excel. Default true for wide/long, false for deepl/google. */
  bom?: boolean
  /** Prefix cells that a spreadsheet would run as formulas with `'` (reversed on import). Default true. */
  neutralise?: boolean
  /** Default CRLF (RFC 4180). */
  eol?: '\r\n' | '\n'
  /** wide/long: the language columns, in this order. Default: languages used, in SUPPORTED_LANGS order. */
  langs?: Lang[]
  /** deepl/google: the language pair (required for those layouts). */
  source?: Lang
  target?: Lang
}

const PER_TERM_FIELDS: Exclude<TermField, 'text'>[] = ['status', 'type', 'partOfSpeech', 'note', 'sources', 'termId', 'created', 'modified']

function termValue(t: Term, field: TermField): string {
  switch (field) {
    case 'text': return t.text
    case 'status': return t.status
    case 'type': return t.type
    case 'partOfSpeech': return t.partOfSpeech ?? ''
    case 'note': return t.note ?? ''
    case 'sources': return encodeSources(t.sources)
    case 'termId': return t.id
    case 'created': return t.created
    case 'modified': return t.modified
  }
}

function conceptCells(e: ConceptEntry): string[] {
  const c = e.concept
  return [c.id, c.subjectField ?? '', c.note ?? '', encodeList(c.related, LIST_SEP.terms), c.created, c.modified]
}
const CONCEPT_HEADER = [C.conceptId, C.subjectField, C.conceptNote, C.related, C.conceptCreated, C.conceptModified]

/**
 * Wide layout: one row per concept. Columns: conceptId, subjectField, conceptNote, related (`|` list),
 * conceptCreated, conceptModified, then per language L: `L` (the terms, a `|` list, escaped with `\`),
 * `L_status`, `L_type`, `L_partOfSpeech`, `L_note`, `L_sources` (`doc > quote ; doc2`), `L_termId`,
 * `L_created`, `L_modified` (one value per term: the value itself for one term, a `|` list for several),
 * and `L_definition`.
 */
function wideRows(entries: readonly ConceptEntry[], langs: Lang[]): string[][] {
  const header = [...CONCEPT_HEADER]
  for (const l of langs) header.push(l, ...PER_TERM_FIELDS.map((f) => `${l}_${T[f]}`), `${l}_definition`)
  const rows = [header]
  for (const e of entries) {
    const row = conceptCells(e)
    for (const l of langs) {
      const terms = e.terms.filter((t) => t.lang === l)
      row.push(encodeList(terms.map((t) => t.text), LIST_SEP.terms))
      for (const f of PER_TERM_FIELDS) row.push(joinPerTerm(terms.map((t) => termValue(t, f))))
      row.push(e.concept.definitions[l] ?? '')
    }
    rows.push(row)
  }
  return rows
}

/**
 * Long layout: one row per term. Columns: conceptId, lang, term, status, type, partOfSpeech, note,
 * sources, termId, created, modified, then the concept's subjectField, conceptNote, related,
 * conceptCreated, conceptModified and `definition_L` per language, repeated on each of its rows.
 * A concept without terms gets one row with empty lang and term.
 */
function longRows(entries: readonly ConceptEntry[], langs: Lang[]): string[][] {
  const termFields: TermField[] = ['text', ...PER_TERM_FIELDS]
  const header = [C.conceptId, 'lang', ...termFields.map((f) => T[f]), ...CONCEPT_HEADER.slice(1), ...langs.map((l) => `definition_${l}`)]
  const rows = [header]
  for (const e of entries) {
    const [id, ...conceptRest] = conceptCells(e)
    const defs = langs.map((l) => e.concept.definitions[l] ?? '')
    const terms = e.terms.filter((t) => langs.includes(t.lang))
    if (!terms.length) rows.push([id, '', ...termFields.map(() => ''), ...conceptRest, ...defs])
    for (const t of terms) rows.push([id, t.lang, ...termFields.map((f) => termValue(t, f)), ...conceptRest, ...defs])
  }
  return rows
}

/** DeepL's documented limits (API "Manage glossaries"): 1024 UTF-8 bytes per entry, 10 MiB per glossary; Google's are no tighter. */
export const PAIR_LIMITS = { entryBytes: 1024, fileBytes: 10 * 1024 * 1024 }
// C0/C1 controls and Unicode line/paragraph separators, which neither service accepts in an entry.
const PAIR_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/

/** The source/target pairs of a DeepL/Google export, and the source terms left out with the reason. */
export interface PairExport {
  pairs: [string, string][]
  skipped: { source: string; reason: string }[]
}

/**
 * The entries of a DeepL/Google glossary, by those services' rules: only preferred and admitted terms
 * on either side (never a deprecated or forbidden source); each source term paired with the target's
 * first preferred term (else its first admitted one); no duplicate source (the first concept wins);
 * entries trimmed, with no control character or line break, and at most 1024 UTF-8 bytes.
 */
export function pairEntries(entries: readonly ConceptEntry[], source: Lang, target: Lang): PairExport {
  const usable = (t: Term) => t.status === 'preferred' || t.status === 'admitted'
  const bytes = new TextEncoder()
  const out: PairExport = { pairs: [], skipped: [] }
  const seen = new Set<string>()
  for (const e of entries) {
    const targets = e.terms.filter((t) => t.lang === target && usable(t))
    const best = targets.find((t) => t.status === 'preferred') ?? targets[0]
    if (!best) continue
    const to = best.text.trim()
    for (const s of e.terms) {
      if (s.lang !== source || !usable(s)) continue
      const from = s.text.trim()
      let reason = ''
      if (seen.has(from)) reason = 'duplicate source entry'
      else if (PAIR_FORBIDDEN.test(from) || PAIR_FORBIDDEN.test(to)) reason = 'contains a control character or line break'
      else if (bytes.encode(from).length > PAIR_LIMITS.entryBytes || bytes.encode(to).length > PAIR_LIMITS.entryBytes) reason = 'longer than 1024 UTF-8 bytes'
      if (reason) {
        out.skipped.push({ source: from, reason })
        continue
      }
      seen.add(from)
      out.pairs.push([from, to])
    }
  }
  return out
}

/** DeepL/Google layouts: the pairs of {@link pairEntries}; Google files start with a header of the two language codes, DeepL files have none. */
function pairRows(entries: readonly ConceptEntry[], source: Lang, target: Lang, header: boolean): string[][] {
  return [...(header ? [[source, target]] : []), ...pairEntries(entries, source, target).pairs]
}

/**
 * The rows of a glossary in the chosen layout (see the layout functions above for the columns), with
 * formula neutralisation applied unless switched off: what a CSV or a spreadsheet export writes.
 */
export function exportRows(glossary: Glossary, options: CsvExportOptions = {}): string[][] {
  const layout = options.layout ?? 'wide'
  const langs = options.langs ?? languagesUsed(glossary.entries)
  let rows: string[][]
  if (layout === 'wide') rows = wideRows(glossary.entries, langs)
  else if (layout === 'long') rows = longRows(glossary.entries, langs)
  else {
    if (!options.source || !options.target) throw new Error(`exportCsv: the ${layout} layout needs source and target languages`)
    rows = pairRows(glossary.entries, options.source, options.target, layout === 'google')
  }
  const neutralise = options.neutralise ?? true
  const headerRows = layout === 'deepl' ? 0 : 1
  return neutralise ? rows.map((r, i) => (i < headerRows ? r : r.map(neutraliseFormula))) : rows
}

/** Writes a glossary as CSV in the chosen layout; a DeepL/Google file over the 10 MiB limit is refused. */
export function exportCsv(glossary: Glossary, options: CsvExportOptions = {}): string {
  const layout = options.layout ?? 'wide'
  const text = serializeCsv(exportRows(glossary, options), {
    delimiter: options.delimiter ?? ',',
    eol: options.eol,
    bom: options.bom ?? (layout === 'wide' || layout === 'long'),
  })
  if ((layout === 'deepl' || layout === 'google') && new TextEncoder().encode(text).length > PAIR_LIMITS.fileBytes) {
    throw new Error(`the ${layout === 'deepl' ? 'DeepL' : 'Google'} glossary would exceed the services' 10 MiB limit: export fewer concepts`)
  }
  return text
}
