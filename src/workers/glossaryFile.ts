// Reading and writing glossary files (CSV in its layouts, TBX v3/v2, MultiTerm XML, XLSX; ODS read; a readable HTML
// page written), run in the
// glossary-file worker: bytes in, preview out; entries in, file out. XLSX goes through exceljs, which
// is loaded only when an XLSX file is read or written.
import type { Glossary, Lang, TermStatus } from '../core/model'
import { exportCsv, exportRows, importCsvBytes, pairEntries, type CsvLayout } from '../core/csv'
import { exportTbx, importTbx } from '../core/tbx'
import { exportMultiTerm, importMultiTerm } from '../core/multiterm'
import { importSheets } from '../core/xlsx'
import { readOdsSheets } from '../core/ods'
import { subsetGlossary } from '../core/glossarySubset'
import { exportHtmlGlossary, type HtmlGlossaryOptions } from '../core/htmlGlossary'
import type { ImportResult } from '../core/csv'
import { decodeTextBytes } from '../core/csv'
import { readWorkbook, writeWorkbook } from './glossaryXlsx'
import { formatOf, type GlossaryFormat } from '../core/glossaryFormat'

/** What the import dialog asks for. */
export interface ReadRequest {
  fileName: string
  bytes: Uint8Array
  /** For two-column files without a header naming the languages. */
  pair?: { source: Lang; target: Lang }
}

/** A preview: what would be imported, or why not. */
export interface ReadResult extends ImportResult {
  format: GlossaryFormat
  /** Detected CSV layout, when CSV. */
  layout?: CsvLayout | null
  /** With a partial import: the lines left out, each with its reason and the line's text, ready to download. */
  skippedText?: string
}

/** Lists skipped lines as "line N: reason" followed by the line itself, so they can be fixed and imported again. */
function describeSkipped(result: ImportResult, text: string): string | undefined {
  if (!result.partial) return undefined
  const lines = text.split(/\r\n|\n|\r/)
  return result.partial.skipped
    .map((s) => `line ${s.line}${s.column ? `:${s.column}` : ''}: ${s.message}\n\t${(lines[s.line - 1] ?? '').slice(0, 2000)}`)
    .join('\n') + '\n'
}

/** Parses a glossary file into an import preview. Never throws for bad content: errors are in the result. */
export async function readGlossaryFile(req: ReadRequest): Promise<ReadResult> {
  const format = formatOf(req.fileName, req.bytes)
  if (format === 'xlsx' || format === 'ods') {
    let sheets
    try {
      sheets = format === 'ods' ? await readOdsSheets(req.bytes) : await readWorkbook(req.bytes)
    } catch (e) {
      const kind = format === 'ods' ? 'ODS' : 'XLSX'
      const detail = e instanceof Error ? e.message : String(e)
      return { format, entries: [], errors: [{ line: 1, message: `not a readable ${kind} workbook: ${detail}`, code: 'unreadableWorkbook', params: { kind, detail } }], warnings: [] }
    }
    const r = importSheets(sheets, { pair: req.pair })
    const skippedText = r.partial ? r.partial.skipped.map((s) => `sheet ${s.sheet}, row ${s.line}${s.column ? `, column ${s.column}` : ''}: ${s.message}`).join('\n') + '\n' : undefined
    return { ...r, format, skippedText }
  }
  if (format === 'csv') {
    // The text the file was read as stays here: only the lines it skipped go back to the page.
    const { text, ...r } = importCsvBytes(req.bytes, { pair: req.pair })
    return { ...r, format, skippedText: text !== null ? describeSkipped(r, text) : undefined }
  }
  const decoded = decodeTextBytes(req.bytes)
  if (!decoded.ok) return { format, entries: [], errors: [{ line: decoded.line, message: decoded.error, code: decoded.code, params: decoded.params }], warnings: [] }
  const r = format === 'multiterm' ? importMultiTerm(decoded.text) : importTbx(decoded.text)
  return { ...r, format, skippedText: describeSkipped(r, decoded.text) }
}

/** The export choices of the export menu. */
export type ExportKind = 'csv-wide' | 'csv-long' | 'csv-pair' | 'csv-google' | 'xlsx-wide' | 'xlsx-long' | 'tbx' | 'tbx2' | 'multiterm' | 'html'

/** Export options. */
export interface WriteRequest {
  kind: ExportKind
  glossary: Glossary
  bom?: boolean
  neutralise?: boolean
  /** Subset: only these languages (columns, terms and definitions). */
  langs?: Lang[]
  /** Subset: only terms of these statuses. */
  statuses?: TermStatus[]
  /** Subset: only these concepts (e.g. those the grid's filters show). */
  conceptIds?: string[]
  source?: Lang
  target?: Lang
  /** The readable page ('html'): its words in the interface language, and the language it is sorted by. */
  html?: Omit<HtmlGlossaryOptions, 'langs'>
}

/** A written file: text or bytes, with its name and MIME type, and what a pair export had to leave out. */
export interface WrittenFile {
  fileName: string
  text?: string
  bytes?: Uint8Array
  mime: string
  skipped?: { source: string; reason: string }[]
}

/** Serialises a glossary (or the chosen subset of it) in the chosen format. */
export async function writeGlossaryFile(req: WriteRequest): Promise<WrittenFile> {
  const stamp = new Date().toISOString().slice(0, 10)
  const glossary = subsetGlossary(req.glossary, { langs: req.langs, statuses: req.statuses, conceptIds: req.conceptIds })
  const { kind } = req
  if (kind === 'tbx' || kind === 'tbx2') {
    const text = exportTbx(glossary, { version: kind === 'tbx2' ? 'tbx2' : 'tbx3' })
    return { fileName: `glossary-${kind === 'tbx2' ? 'tbx2-' : ''}${stamp}.tbx`, text, mime: 'application/x-tbx+xml' }
  }
  if (kind === 'html') {
    if (!req.html) throw new Error('the readable page needs its labels')
    return { fileName: `glossary-${stamp}.html`, text: exportHtmlGlossary(glossary, { ...req.html, langs: req.langs }), mime: 'text/html' }
  }
  if (kind === 'multiterm') return { fileName: `glossary-multiterm-${stamp}.xml`, text: exportMultiTerm(glossary), mime: 'application/xml' }
  if (kind === 'xlsx-wide' || kind === 'xlsx-long') {
    const layout = kind === 'xlsx-wide' ? 'wide' : 'long'
    const bytes = await writeWorkbook(exportRows(glossary, { layout, neutralise: req.neutralise, langs: req.langs }))
    return { fileName: `glossary-${layout}-${stamp}.xlsx`, bytes, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }
  }
  const layout = kind === 'csv-wide' ? 'wide' : kind === 'csv-long' ? 'long' : kind === 'csv-google' ? 'google' : 'deepl'
  const text = exportCsv(glossary, { layout, bom: req.bom, neutralise: req.neutralise, langs: req.langs, source: req.source, target: req.target })
  const pair = layout === 'deepl' || layout === 'google'
  const suffix = pair ? `${layout}-${req.source}-${req.target}` : layout
  const skipped = pair && req.source && req.target ? pairEntries(glossary.entries, req.source, req.target).skipped : undefined
  return { fileName: `glossary-${suffix}-${stamp}.csv`, text, mime: 'text/csv', skipped }
}
