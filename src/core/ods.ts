// ODS glossaries (LibreOffice Calc's OpenDocument spreadsheets, which Nordic public bodies also use): the
// sheets' rows as text, read from content.xml by the safe XML parser after the package's sizes are checked, and then
// imported exactly as XLSX sheets are (see xlsx.ts). Repeated rows and cells are expanded only where they hold text,
// so the million empty rows and thousand empty columns Calc declares cost nothing.
import { childElements, localName, type XmlElement } from './xml'
import type { SheetRows } from './xlsx'
import { odfText, openOdf } from './odf'

/** Most columns a row is expanded to (a CSV header may have at most as many). */
const MAX_COLUMNS = 1000

/**
 * A cell's text: the exact string Calc stores beside the shown one when they differ (a tab or line break the
 * paragraphs lose), else its paragraphs, one per line, spaces and tabs as written; else its typed value.
 */
function cellText(cell: XmlElement): string {
  const exact = cell.attrs['office:string-value']
  if (exact !== undefined) return exact
  const paras = childElements(cell).filter((p) => localName(p.name) === 'p')
  if (!paras.length) return cell.attrs['office:value'] ?? cell.attrs['office:date-value'] ?? ''
  return paras.map((p) => odfText(p)).join('\n')
}

/** The rows of one table:table, with their 1-based row numbers; rows without text are left out. */
function tableRows(table: XmlElement): SheetRows {
  const rows: string[][] = []
  const rowNumbers: number[] = []
  let next = 1
  const visit = (el: XmlElement) => {
    for (const c of childElements(el)) {
      const name = localName(c.name)
      if (name !== 'table-row') {
        if (/^table-(?:header-rows|rows|row-group)$/.test(name)) visit(c)
        continue
      }
      const repeat = Math.max(1, Number(c.attrs['table:number-rows-repeated'] ?? 1) || 1)
      const cells: string[] = []
      // Empty cells are counted, and written only when a cell with text follows them.
      let empty = 0
      for (const cell of childElements(c)) {
        if (!/^(?:covered-)?table-cell$/.test(localName(cell.name))) continue
        const text = cellText(cell)
        const n = Math.max(1, Number(cell.attrs['table:number-columns-repeated'] ?? 1) || 1)
        if (!text) {
          empty += n
          continue
        }
        for (; empty > 0 && cells.length < MAX_COLUMNS; empty--) cells.push('')
        empty = 0
        for (let k = 0; k < n && cells.length < MAX_COLUMNS; k++) cells.push(text)
      }
      if (cells.length) {
        // A repeated row with text (rare) is written out, up to a thousand times.
        for (let k = 0; k < Math.min(repeat, 1000); k++) {
          rows.push(cells)
          rowNumbers.push(next + k)
        }
      }
      next += repeat
    }
  }
  visit(table)
  return { name: table.attrs['table:name'] ?? '', rows, rowNumbers }
}

/** The sheets of an .ods workbook given as bytes; throws an Error saying what is wrong (package, type, XML). */
export async function readOdsSheets(bytes: Uint8Array): Promise<SheetRows[]> {
  const { content } = await openOdf(bytes, 'spreadsheet')
  return childElements(content).filter((t) => localName(t.name) === 'table').map(tableRows)
}
