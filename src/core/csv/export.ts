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

/**
 * DeepL/Google layouts: source and target columns for one language pair. Only preferred and admitted
 * terms; each source term is paired with the target's first preferred term (else its first admitted
 * one); a source term already exported is skipped, since these glossaries need unique source entries.
 * Google files start with a header of the two language codes; DeepL files have none.
 */
function pairRows(entries: readonly ConceptEntry[], source: Lang, target: Lang, header: boolean): string[][] {
  const usable = (t: Term) => t.status === 'preferred' || t.status === 'admitted'
  const rows: string[][] = header ? [[source, target]] : []
  const seen = new Set<string>()
  for (const e of entries) {
    const targets = e.terms.filter((t) => t.lang === target && usable(t))
    const best = targets.find((t) => t.status === 'preferred') ?? targets[0]
    if (!best) continue
    for (const s of e.terms) {
      if (s.lang !== source || !usable(s) || seen.has(s.text)) continue
      seen.add(s.text)
      rows.push([s.text, best.text])
    }
  }
  return rows
}

/** Writes a glossary as CSV in the chosen layout (see the layout functions above for the columns). */
export function exportCsv(glossary: Glossary, options: CsvExportOptions = {}): string {
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
  const safe = neutralise ? rows.map((r, i) => (i < headerRows ? r : r.map(neutraliseFormula))) : rows
  return serializeCsv(safe, {
    delimiter: options.delimiter ?? ',',
    eol: options.eol,
    bom: options.bom ?? (layout === 'wide' || layout === 'long'),
  })
}
