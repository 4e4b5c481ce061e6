// Reading and writing glossary files (CSV in its layouts, TBX), shared by the codec worker and the
// main thread. Pure: bytes in, preview out; entries in, text out.
import type { Glossary, Lang } from '../core/model'
import { exportCsv, importCsvBytes, type CsvLayout } from '../core/csv'
import { exportTbx, importTbx } from '../core/tbx'
import type { ImportResult } from '../core/csv'
import { decodeTextBytes } from '../core/csv'

/** The glossary file formats the app reads and writes. */
export type GlossaryFormat = 'csv' | 'tbx'

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

/** Decides the format from the name, then the content. */
export function formatOf(fileName: string, bytes: Uint8Array): GlossaryFormat {
  const ext = fileName.toLowerCase().split('.').pop()
  if (ext === 'tbx' || ext === 'xml') return 'tbx'
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv'
  const head = new TextDecoder().decode(bytes.subarray(0, 200)).trimStart()
  return head.startsWith('<') ? 'tbx' : 'csv'
}

/** Parses a glossary file into an import preview. Never throws for bad content: errors are in the result. */
export function readGlossaryFile(req: ReadRequest): ReadResult {
  const format = formatOf(req.fileName, req.bytes)
  const decoded = decodeTextBytes(req.bytes)
  if (format === 'csv') {
    const r = importCsvBytes(req.bytes, { pair: req.pair })
    return { ...r, format, layout: r.layout, skippedText: decoded.ok ? describeSkipped(r, decoded.text) : undefined }
  }
  if (!decoded.ok) return { format, entries: [], errors: [{ line: 1, message: decoded.error }], warnings: [] }
  const r = importTbx(decoded.text)
  return { ...r, format, skippedText: describeSkipped(r, decoded.text) }
}

/** The export choices of the export menu. */
export type ExportKind = 'csv-wide' | 'csv-long' | 'csv-pair' | 'tbx'

/** Export options. */
export interface WriteRequest {
  kind: ExportKind
  glossary: Glossary
  bom?: boolean
  neutralise?: boolean
  langs?: Lang[]
  source?: Lang
  target?: Lang
}

/** Serialises a glossary; returns the text with a file name and MIME type. */
export function writeGlossaryFile(req: WriteRequest): { fileName: string; text: string; mime: string } {
  const stamp = new Date().toISOString().slice(0, 10)
  if (req.kind === 'tbx') return { fileName: `glossary-${stamp}.tbx`, text: exportTbx(req.glossary), mime: 'application/x-tbx+xml' }
  const layout = req.kind === 'csv-wide' ? 'wide' : req.kind === 'csv-long' ? 'long' : 'deepl'
  const text = exportCsv(req.glossary, { layout, bom: req.bom, neutralise: req.neutralise, langs: req.langs, source: req.source, target: req.target })
  const suffix = layout === 'deepl' ? `${req.source}-${req.target}` : layout
  return { fileName: `glossary-${suffix}-${stamp}.csv`, text, mime: 'text/csv' }
}
