// Reads and writes XLSX workbooks with exceljs, loaded only when an XLSX file is read or written (a
// separate chunk of the glossary-file worker). Cells are read as their displayed text; no formula is
// ever evaluated, and every exported cell is written as a plain string.
import type { SheetRows } from '../core/xlsx'

async function excel() {
  const mod = await import('exceljs')
  return (mod.default ?? mod) as typeof import('exceljs')
}

/** The text of a cell value: strings, numbers, dates, rich text, hyperlinks and formula results. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (v instanceof Date) return v.toISOString()
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string }
    if (o.richText) return o.richText.map((r) => r.text).join('')
    if (o.text !== undefined) return cellText(o.text)
    if (o.result !== undefined) return cellText(o.result)
    if (o.error) return o.error
  }
  return String(v)
}

/** Reads every worksheet of a workbook as rows of text (empty rows left out, row numbers kept). */
export async function readWorkbook(bytes: Uint8Array): Promise<SheetRows[]> {
  const ExcelJS = await excel()
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
  return wb.worksheets.map((ws) => {
    const sheet: SheetRows = { name: ws.name, rows: [], rowNumbers: [] }
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const cells: string[] = []
      for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value))
      if (cells.some((x) => x !== '')) {
        sheet.rows.push(cells)
        sheet.rowNumbers.push(n)
      }
    })
    return sheet
  })
}

/**
 * Escapes what a spreadsheet string cannot hold as such, the OOXML way (ST_Xstring): control characters
 * (a carriage return among them) as `_xHHHH_`, and a literal `_xHHHH_` as `_x005F_xHHHH_`. exceljs and
 * Excel decode both on reading.
 */
export function escapeCellText(s: string): string {
  return s
    .replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_')
    .replace(/[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
}

/** Writes rows (the first one a header, in bold and frozen) as a one-sheet workbook. */
export async function writeWorkbook(rows: string[][], sheetName = 'Glossary'): Promise<Uint8Array> {
  const ExcelJS = await excel()
  const wb = new ExcelJS.Workbook()
  wb.creator = 'COI Termbench'
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  for (const r of rows) ws.addRow(r.map(escapeCellText))
  ws.getRow(1).font = { bold: true }
  const buffer = await wb.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer)
}
