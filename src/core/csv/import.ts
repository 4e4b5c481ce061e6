// CSV glossary import: bytes or text → a preview of concept entries with per-line errors and warnings.
// Detects delimiter and layout, validates every row, and never returns entries alongside errors.
import type { Lang } from '../model'
import { reverseNeutralisation } from './cells'
import { decodeTextBytes, likelyCp1252 } from './decode'
import { type CsvLayout, analyzeHeader } from './headers'
import { type ImportIssue, type ImportOptions, type ImportResult, finishImport, glossaryFileTooLarge, importDefaults } from './importResult'
import { LIMITS } from '../limits'
import { parseLanguageLabel } from './languages'
import { type Row, readLong, readPairs, readWide } from './readLayouts'
import { type CsvDelimiter, type CsvRecord, parseCsv } from './rfc4180'
import { type ReadContext, misdecodedSequence, misdecodingReason } from './terms'

/** Options of {@link importCsv}. */
export interface CsvImportOptions extends ImportOptions {
  /** Default: detected from the first line. */
  delimiter?: CsvDelimiter
  /** Default: detected from the header. Required as 'deepl' (or via `pair`) for header-less pair files. */
  layout?: CsvLayout
  /** Languages of a DeepL file's two columns, when the file does not name them. */
  pair?: { source: Lang; target: Lang }
  /** Undo the exporter's formula neutralisation (see neutraliseFormula). Default true. */
  reverseNeutralisation?: boolean
  /** Report typical mojibake ("Ã©") as errors and U+FFFD as a warning. Default true. */
  checkEncoding?: boolean
  /** Stop collecting errors after this many. Default 500. */
  maxErrors?: number
}

/** An import preview plus what was detected. */
export interface CsvImportResult extends ImportResult {
  layout: CsvLayout | null
  delimiter: CsvDelimiter
}

/**
 * Reads a CSV glossary in the wide, long, DeepL or Google layout (see exportCsv for the columns) and
 * returns a preview: entries when the whole file is valid, otherwise errors with 1-based physical line
 * numbers (the line where a record starts) and the reason. Unknown columns are kept in notes (warning).
 */
export function importCsv(text: string, options: CsvImportOptions = {}): CsvImportResult {
  const parsed = parseCsv(text, { delimiter: options.delimiter })
  return { ...importTable(parsed.records, parsed.errors, parsed.warnings, options), delimiter: parsed.delimiter }
}

/** A table import's result: the preview and the layout found. */
export type TableImportResult = ImportResult & { layout: CsvLayout | null }

/**
 * Reads a glossary from rows of cells (CSV records, or the rows of a spreadsheet) in the wide, long,
 * DeepL or Google layout. `line` is each row's number in the file; `errors`/`warnings` are the
 * reader's own issues so far (they count as errors of the file as a whole).
 */
export function importTable(rawRecords: readonly CsvRecord[], readErrors: ImportIssue[], readWarnings: ImportIssue[], options: CsvImportOptions = {}): TableImportResult {
  const { now, newId } = importDefaults(options)
  const parsed = { records: rawRecords }
  const ctx: ReadContext = { errors: [...readErrors], warnings: [...readWarnings], now, newId, lines: new Map() }
  // Errors of the file as a whole (parsing, header) make every row suspect; row errors can be left out.
  let fileErrors = ctx.errors.length
  const done = (layout: CsvLayout | null, entries: ReturnType<typeof readWide> = []): TableImportResult => {
    const max = options.maxErrors ?? 500
    if (ctx.errors.length > max) {
      const more = ctx.errors.length - max
      ctx.errors.length = max
      ctx.errors.push({ line: ctx.errors[max - 1].line, message: `… and ${more} more errors`, code: 'moreErrors', params: { count: more } })
    }
    const lines = fileErrors === 0 && ctx.errors.length <= max ? ctx.lines : undefined
    return { ...finishImport(entries, ctx.errors, ctx.warnings, lines), layout }
  }
  const records = parsed.records.filter((r) => r.fields.some((f) => f !== ''))
  if (!records.length) {
    if (!ctx.errors.length) ctx.errors.push({ line: 1, message: 'the file has no rows', code: 'noRows' })
    return done(null)
  }

  if (records[0].fields.length > LIMITS.csvColumns) {
    const count = records[0].fields.length
    const message = `the first row has ${count.toLocaleString('en')} columns, more than the ${LIMITS.csvColumns.toLocaleString('en')} a glossary file may have`
    ctx.errors.push({ line: records[0].line, message, code: 'tooManyColumns', params: { count, max: LIMITS.csvColumns } })
    return done(null)
  }
  let layout: CsvLayout | null = null
  let header: string[] = []
  let roles = analyzeHeader([]).roles
  let dataStart = 0
  let pairLangs: ((row: Row) => [Lang, Lang] | null) | null = null
  // A DeepL file with language columns ("refugee,flyktning,EN,NB") would otherwise pass for a wide header.
  const [f0, f1, f2, f3] = records[0].fields.map(parseLanguageLabel)
  const deeplWithCodes = records[0].fields.length === 4 && !f0 && !f1 && !!f2 && !!f3
  if (options.layout !== 'deepl' && !deeplWithCodes) {
    const analysis = analyzeHeader(records[0].fields)
    if (analysis.layout) {
      layout = analysis.layout
      header = records[0].fields
      roles = analysis.roles
      dataStart = 1
    }
  }
  if (!layout) {
    const pair = detectDeepl(records[0].fields, options.pair)
    if (!pair) {
      ctx.errors.push({
        line: records[0].line,
        message: 'no recognisable header row: name the columns with language codes or names (en, fi, English, Suomi …), or, for a DeepL glossary without a header, choose its source and target languages',
        code: 'noHeader',
      })
      return done(null)
    }
    layout = 'deepl'
    pairLangs = pair
  } else if (options.layout && options.layout !== layout) {
    ctx.errors.push({ line: records[0].line, message: `the header looks like the ${layout} layout, not ${options.layout}`, code: 'layoutMismatch', params: { found: layout, expected: options.layout } })
    return done(layout)
  }

  for (const [col, role] of roles.entries()) {
    if (role.kind === 'unsupportedLang') {
      const message = `unknown language column ${JSON.stringify(role.label)} (supported: en, fi, nb, da, sv, fr, ru)`
      ctx.errors.push({ line: records[0].line, column: col + 1, message, code: 'unknownLangColumn', params: { label: role.label } })
    } else if (role.kind === 'unknown' && (layout === 'wide' || layout === 'long')) {
      const label = role.label || `column ${col + 1}`
      const message = `column ${JSON.stringify(label)} is not a known field; its values are kept in the notes as "[${label}] …"`
      ctx.warnings.push({ line: records[0].line, column: col + 1, message, code: 'unknownColumn', params: { label } })
    }
  }

  fileErrors = ctx.errors.length
  // Said, not refused: our own export of an empty selection is such a file, and reads back as empty.
  if (records.length === dataStart) ctx.warnings.push({ line: records[0].line, message: 'the file has a header row and nothing else: there are no terms to import', code: 'headerOnly' })
  const width = layout === 'deepl' ? records[0].fields.length : header.length
  const rows: Row[] = []
  for (const rec of records.slice(dataStart)) {
    if (rec.fields.length !== width) {
      ctx.errors.push({ line: rec.line, message: `ragged row: expected ${width} fields, got ${rec.fields.length}`, code: 'raggedRow', params: { count: width, got: rec.fields.length } })
      continue
    }
    const cells = options.reverseNeutralisation === false ? rec.fields : rec.fields.map(reverseNeutralisation)
    if (options.checkEncoding !== false) {
      const bad = cells.findIndex((c) => misdecodedSequence(c) !== null)
      if (bad !== -1) {
        const params = { field: bad + 1, text: misdecodedSequence(cells[bad])! }
        ctx.errors.push({ line: rec.line, column: bad + 1, message: `field ${bad + 1} ${misdecodingReason(cells[bad])}`, code: 'mojibake', params })
        continue
      }
      // U+FFFD can be content (our own export of it), but is more often a sign of a lossy conversion.
      const lost = cells.findIndex((c) => c.includes('\uFFFD'))
      if (lost !== -1)
        ctx.warnings.push({
          line: rec.line,
          column: lost + 1,
          message: `field ${lost + 1} contains U+FFFD (the replacement character): if the file was converted from another encoding, check that no text was lost`,
          code: 'replacementChar',
          params: { field: lost + 1 },
        })
    }
    rows.push({ line: rec.line, cells })
  }
  if (fileErrors) return done(layout)

  if (layout === 'wide') return done(layout, readWide(header, roles, rows, ctx))
  if (layout === 'long') return done(layout, readLong(header, roles, rows, ctx))
  if (layout === 'google') {
    const langs = roles.map((r) => (r.kind === 'term' ? r.lang : null)) as [Lang, Lang]
    return done(layout, readPairs(rows, () => langs, ctx))
  }
  return done(layout, readPairs(rows, pairLangs as (row: Row) => [Lang, Lang] | null, ctx))
}

/**
 * DeepL glossaries have no header: two columns (source, target), or four (source, target, source
 * language, target language). Returns how to find each row's languages, or null when neither the file
 * nor `pair` gives them.
 */
function detectDeepl(first: string[], pair?: { source: Lang; target: Lang }): ((row: Row) => [Lang, Lang] | null) | null {
  if (first.length === 4) {
    const a = parseLanguageLabel(first[2])
    const b = parseLanguageLabel(first[3])
    if (a && b) {
      return (row) => {
        const s = parseLanguageLabel(row.cells[2])
        const t = parseLanguageLabel(row.cells[3])
        return s && 'lang' in s && t && 'lang' in t ? [s.lang, t.lang] : null
      }
    }
  }
  if (pair && first.length >= 2) return () => [pair.source, pair.target]
  return null
}

/** {@link importCsvBytes}'s result, with the text the file was read as (null when it could not be read). */
export interface CsvBytesResult extends CsvImportResult {
  text: string | null
}

/** {@link importCsv} on raw file bytes: decodes UTF-8 (BOM stripped) or UTF-16 with BOM, or Excel's Windows-1252 with
 * a warning; other bytes become an error naming the byte and line ("save the file as UTF-8"). */
export function importCsvBytes(bytes: Uint8Array, options: CsvImportOptions = {}): CsvBytesResult {
  const tooLarge = glossaryFileTooLarge(bytes.length)
  if (tooLarge) return { entries: [], errors: [tooLarge], warnings: [], layout: null, delimiter: options.delimiter ?? ',', text: null }
  const decoded = decodeTextBytes(bytes)
  if (!decoded.ok) {
    // Excel's "CSV" on Nordic and French Windows is Windows-1252: read it, and say so (letters it lacks were lost).
    const cp1252 = decoded.code === 'notUtf8' ? likelyCp1252(bytes) : null
    if (cp1252 !== null) {
      const r = importCsv(cp1252, options)
      const note = { line: decoded.line, message: 'the file is not UTF-8 and was read as Windows-1252 (Excel\'s "CSV" on Windows): check its accented letters; letters Windows-1252 lacks, such as Cyrillic, were lost when it was saved (save it as "CSV UTF-8" to keep them)', code: 'readAsCp1252' }
      return { ...r, warnings: [note, ...r.warnings], text: cp1252 }
    }
    const { line, error: message, code, params } = decoded
    return { entries: [], errors: [{ line, message, code, params }], warnings: [], layout: null, delimiter: options.delimiter ?? ',', text: null }
  }
  return { ...importCsv(decoded.text, options), text: decoded.text }
}
