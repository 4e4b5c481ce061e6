// XLSX glossaries, the part that needs no spreadsheet library: worksheet rows in the wide, long or
// pair layouts are read exactly as CSV rows are (same header analysis, validation and messages, with
// the sheet, row and column); an export writes the CSV exporter's rows (exportRows, formulas
// neutralised). The workbook itself is read and written by exceljs in the glossary-file worker.
import { type CsvImportOptions, type CsvRecord, type ImportIssue, type TableImportResult, importTable } from './csv'

/** A worksheet's rows as text: `rows[i]` is row `rowNumbers[i]` (1-based) of the sheet. */
export interface SheetRows {
  name: string
  rows: string[][]
  rowNumbers: number[]
}

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = ''
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s
  return s
}

/** The sheet a glossary is read from: one named "Glossary" (any case), else the first with rows. */
export function glossarySheet(sheets: readonly SheetRows[]): SheetRows | undefined {
  return sheets.find((s) => s.name.trim().toLowerCase() === 'glossary' && s.rows.length) ?? sheets.find((s) => s.rows.length)
}

/**
 * Reads a glossary from a workbook's sheets (see {@link glossarySheet}). Rows shorter than the header
 * are padded with empty cells (spreadsheets do not store trailing empty cells); every issue names the
 * sheet, the row and the column. Formula neutralisation is reversed, as for CSV.
 */
export function importSheets(sheets: readonly SheetRows[], options: CsvImportOptions = {}): TableImportResult {
  const sheet = glossarySheet(sheets)
  if (!sheet) return { entries: [], errors: [{ line: 1, message: 'the workbook has no rows', code: 'noWorkbookRows' }], warnings: [], layout: null }
  const width = Math.max(0, ...sheet.rows.slice(0, 1).map((r) => r.length))
  const records: CsvRecord[] = sheet.rows.map((r, i) => {
    const fields = [...r]
    while (fields.length > width && fields[fields.length - 1] === '') fields.pop()
    while (fields.length < width) fields.push('')
    return { line: sheet.rowNumbers[i], fields }
  })
  const r = importTable(records, [], [], options)
  const where = (x: ImportIssue): ImportIssue => ({ ...x, sheet: sheet.name })
  const result: TableImportResult = { ...r, errors: r.errors.map(where), warnings: r.warnings.map(where) }
  if (r.partial) result.partial = { entries: r.partial.entries, skipped: r.partial.skipped.map(where) }
  return result
}
