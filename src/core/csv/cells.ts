// Cell-level encodings of the CSV layouts: lists inside one cell, and spreadsheet formula neutralisation.
// Both are reversible, so that import(export(x)) gives back exactly x.

/**
 * Separators of the lists packed into one cell, outermost first: terms of one language in a wide row
 * (`a | b`), the sources of one term (`s1 ; s2`), and a source's document and quote (`doc > quote`).
 */
export const LIST_SEP = { terms: '|', sources: ';', quote: '>' } as const

/**
 * Joins items with ` SEP ` (the separator with one space each side). Inside an item, a backslash and the
 * separator are escaped with a backslash, so any text round-trips; nesting (a list inside a list item)
 * works because each level escapes the backslashes of the level below.
 */
export function encodeList(items: readonly string[], sep: string): string {
  return items.map((s) => escapeItem(s, sep)).join(` ${sep} `)
}

function escapeItem(s: string, sep: string): string {
  if (!s.includes('\\') && !s.includes(sep)) return s
  const out: string[] = []
  for (const c of s) out.push(c === '\\' || c === sep ? '\\' + c : c)
  return out.join('')
}

/**
 * Splits a cell written by {@link encodeList}. An empty cell is an empty list. One space on each side of a
 * separator is dropped (so `a|b` and `a | b` both work when typed by hand); a backslash before anything but
 * a backslash or the separator is kept literally. With `maxParts`, the last part takes the rest of the cell.
 */
export function decodeList(cell: string, sep: string, maxParts = Infinity): string[] {
  if (cell === '') return []
  const raw: string[] = []
  let start = 0
  for (let j = 0; j < cell.length; j++) {
    const c = cell[j]
    if (c === '\\' && (cell[j + 1] === '\\' || cell[j + 1] === sep)) j++
    else if (c === sep && raw.length < maxParts - 1) {
      raw.push(cell.slice(start, j))
      start = j + 1
    }
  }
  raw.push(cell.slice(start))
  return raw.map((seg, k) => {
    let s = seg
    if (k > 0 && s.startsWith(' ')) s = s.slice(1)
    if (k < raw.length - 1 && s.endsWith(' ')) s = s.slice(0, -1)
    return unescapeItem(s, sep)
  })
}

function unescapeItem(s: string, sep: string): string {
  if (!s.includes('\\')) return s
  const out: string[] = []
  for (let j = 0; j < s.length; j++) {
    const c = s[j]
    if (c === '\\' && (s[j + 1] === '\\' || s[j + 1] === sep)) {
      out.push(s[j + 1])
      j++
    } else out.push(c)
  }
  return out.join('')
}

/**
 * What makes a spreadsheet treat a cell as a formula (OWASP "CSV injection"): `=`, `+`, `-` or `@`, or
 * their full-width forms `＝ ＋ － ＠` (which Excel reads as the ASCII ones), after any run of white space
 * (spaces, no-break spaces, line feeds) and control characters (NUL …) that spreadsheets skip; and any cell
 * that starts with a control character (tab, CR, LF, NUL).
 */
const FORMULA = /^[\s\u0000-\u001F\u007F\u200B]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/
const CONTROL_START = /^[\u0000-\u001F\u007F]/

/** True when a spreadsheet could read `cell` as a formula (see FORMULA). */
function looksLikeFormula(cell: string): boolean {
  return CONTROL_START.test(cell) || FORMULA.test(cell)
}

/**
 * Formula neutralisation, reversible. The scheme: a cell a spreadsheet could read as a formula (see
 * FORMULA) gets a leading apostrophe; so that this can be undone exactly, a cell that already starts with
 * an apostrophe gets one more. Import removes one apostrophe only when what follows would itself have been
 * neutralised, or is another apostrophe, i.e. only where export put it; `'abc` stays `'abc`.
 */
export function neutraliseFormula(cell: string): string {
  return looksLikeFormula(cell) || cell[0] === "'" ? "'" + cell : cell
}

/** Undoes {@link neutraliseFormula}. */
export function reverseNeutralisation(cell: string): string {
  if (cell.length < 2 || cell[0] !== "'") return cell
  const rest = cell.slice(1)
  return looksLikeFormula(rest) || rest[0] === "'" ? rest : cell
}
