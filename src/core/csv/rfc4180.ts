// RFC 4180 CSV reading and writing with physical line numbers, so import errors can point at the right line.
// Hand-written and linear: no regex per character, no string concatenation in loops.
import type { CodedMessage } from '../message'

/** Field delimiters the importer recognises. */
export type CsvDelimiter = ',' | ';' | '\t'

/** One record (row) and the 1-based physical line on which it starts (quoted fields may span lines). */
export interface CsvRecord {
  line: number
  fields: string[]
}

/** A problem found while reading; `column` is the 1-based field index. */
export interface CsvIssue extends CodedMessage {
  line: number
  column?: number
}

/** The result of {@link parseCsv}. */
export interface CsvParseResult {
  records: CsvRecord[]
  delimiter: CsvDelimiter
  errors: CsvIssue[]
  warnings: CsvIssue[]
}

const QUOTE = 34
const LF = 10
const CR = 13

/**
 * Guesses the delimiter from the first record (quote-aware): the most frequent of tab, `;` and `,`
 * outside quotes; ties prefer tab, then `;`. A file with a single column gives `,`.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { '\t': 0, ';': 0, ',': 0 }
  let inQuotes = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '"') inQuotes = !inQuotes
    else if (!inQuotes) {
      if (c === '\n' || c === '\r') break
      if (c === '\t' || c === ';' || c === ',') counts[c]++
    }
  }
  let best: CsvDelimiter = ','
  for (const d of ['\t', ';', ','] as const) if (counts[d] > counts[best]) best = d
  return best
}

/** Counts line breaks (LF, CRLF, lone CR) in text[from, to). */
function countBreaks(text: string, from: number, to: number): number {
  let k = 0
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j)
    if (c === LF) k++
    else if (c === CR && text.charCodeAt(j + 1) !== LF) k++
  }
  return k
}

/**
 * Parses CSV text (without BOM; see decodeCsvBytes) into records. Line breaks may be CRLF, LF or CR.
 * Problems are reported per record start line: an unterminated quote is an error (and ends parsing),
 * text after a closing quote is an error, a quote inside an unquoted field is a warning (kept literally).
 */
export function parseCsv(input: string, options: { delimiter?: CsvDelimiter } = {}): CsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
  const delimiter = options.delimiter ?? detectDelimiter(text)
  const delim = delimiter.charCodeAt(0)
  const records: CsvRecord[] = []
  const errors: CsvIssue[] = []
  const warnings: CsvIssue[] = []
  const n = text.length
  let i = 0
  let line = 1
  while (i < n) {
    const recordLine = line
    const fields: string[] = []
    for (;;) {
      let field = ''
      if (text.charCodeAt(i) === QUOTE) {
        // Pieces between doubled quotes; most fields have none, and are one slice.
        let pieces: string[] | null = null
        let start = i + 1
        let j = start
        let closed = false
        for (;;) {
          const q = text.indexOf('"', j)
          if (q === -1) break
          if (text.charCodeAt(q + 1) === QUOTE) {
            ;(pieces ??= []).push(text.slice(start, q + 1))
            j = start = q + 2
            continue
          }
          const last = text.slice(start, q)
          field = pieces ? (pieces.push(last), pieces.join('')) : last
          line += countBreaks(text, i, q)
          i = q + 1
          closed = true
          break
        }
        if (!closed) {
          errors.push({
            line: recordLine,
            column: fields.length + 1,
            message: `unterminated quote: the quoted field ${fields.length + 1} that starts on line ${recordLine} is never closed`,
            code: 'unterminatedQuote',
            params: { field: fields.length + 1, line: recordLine },
          })
          return { records, delimiter, errors, warnings }
        }
        const c = text.charCodeAt(i)
        if (i < n && c !== delim && c !== LF && c !== CR) {
          let end = i
          while (end < n) {
            const d = text.charCodeAt(end)
            if (d === delim || d === LF || d === CR) break
            end++
          }
          const after = text.slice(i, Math.min(end, i + 20))
          errors.push({
            line: recordLine,
            column: fields.length + 1,
            message: `unexpected text after the closing quote of field ${fields.length + 1}: ${JSON.stringify(after)}`,
            code: 'textAfterQuote',
            params: { field: fields.length + 1, text: after },
          })
          field += text.slice(i, end)
          i = end
        }
      } else {
        let end = i
        let strayQuote = false
        while (end < n) {
          const d = text.charCodeAt(end)
          if (d === delim || d === LF || d === CR) break
          if (d === QUOTE) strayQuote = true
          end++
        }
        field = text.slice(i, end)
        if (strayQuote) {
          warnings.push({
            line: recordLine,
            column: fields.length + 1,
            message: `a quote character inside unquoted field ${fields.length + 1} was kept as text`,
            code: 'strayQuote',
            params: { field: fields.length + 1 },
          })
        }
        i = end
      }
      fields.push(field)
      const c = text.charCodeAt(i)
      if (i < n && c === delim) {
        i++
        if (i >= n) {
          fields.push('')
          break
        }
        continue
      }
      if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1
      else if (c === LF) i++
      if (i <= n && (c === CR || c === LF)) line++
      break
    }
    records.push({ line: recordLine, fields })
  }
  return { records, delimiter, errors, warnings }
}

/** Options of {@link serializeCsv}. */
export interface CsvWriteOptions {
  delimiter?: CsvDelimiter
  /** Record separator; RFC 4180 says CRLF (the default). */
  eol?: '\r\n' | '\n'
  /** Prepend a UTF-8 byte order mark (U+FEFF) so that Excel reads the file as UTF-8. */
  bom?: boolean
}

/**
 * Writes rows as RFC 4180 CSV. A field is quoted when it contains the delimiter, a quote, CR or LF, or
 * starts or ends with a space; quotes are doubled. Cells are written as given (formula neutralisation is
 * the caller's job; see neutraliseFormula).
 */
export function serializeCsv(rows: string[][], options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ','
  const eol = options.eol ?? '\r\n'
  const out: string[] = []
  for (const row of rows) {
    out.push(row.map((f) => quoteField(f, delimiter)).join(delimiter))
  }
  const body = out.length ? out.join(eol) + eol : ''
  return (options.bom ? '\uFEFF' : '') + body
}

function quoteField(f: string, delimiter: string): string {
  const needs =
    f.includes(delimiter) || f.includes('"') || f.includes('\n') || f.includes('\r') ||
    f.startsWith(' ') || f.endsWith(' ')
  return needs ? '"' + f.replace(/"/g, '""') + '"' : f
}
