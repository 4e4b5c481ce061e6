// Builds model terms and concepts from CSV cell values, with a specific error for each bad value.
// Shared by the wide, long and pair readers so that every layout validates the same way.
import type { Concept, Lang, Term, TermSource, TermStatus } from '../model'
import { LIST_SEP, decodeList, encodeList } from './cells'
import type { TermField } from './headers'
import type { EntryLines, ImportIssue } from './importResult'
import type { MessageParams } from '../message'
import { parsePartOfSpeech, parseStatus, parseTermType } from './values'

/** Mutable state of one import run. */
export interface ReadContext {
  errors: ImportIssue[]
  warnings: ImportIssue[]
  now: string
  newId: (kind: 'concept' | 'term') => string
  /** Where each entry was read from (see trackLine); set when bad rows may be left out. */
  lines?: EntryLines
}

/** Cell values of one term, by field; missing fields are absent. */
export type TermCells = Partial<Record<TermField, string>>

/** Sources as one cell: `doc > quote ; doc2` (see LIST_SEP); reversible with {@link decodeSources}. */
export function encodeSources(sources: readonly TermSource[]): string {
  return encodeList(
    sources.map((s) => encodeList(s.quote ? [s.doc, s.quote] : [s.doc], LIST_SEP.quote)),
    LIST_SEP.sources,
  )
}

/** Reads a sources cell written by {@link encodeSources} (or typed by hand in the same shape). */
export function decodeSources(cell: string): TermSource[] {
  const out: TermSource[] = []
  for (const item of decodeList(cell, LIST_SEP.sources)) {
    const [doc = '', quote] = decodeList(item, LIST_SEP.quote, 2)
    if (!doc && !quote) continue
    out.push(quote ? { doc, quote } : { doc })
  }
  return out
}

/**
 * Per-term values of a wide-layout attribute column (`en_status`): with one term the cell is the value
 * itself; with several, a `|` list with one item per term (an empty cell means "all empty").
 */
export function joinPerTerm(values: readonly string[]): string {
  if (values.length === 1) return values[0]
  return values.every((v) => v === '') ? '' : encodeList(values, LIST_SEP.terms)
}

/** Inverse of {@link joinPerTerm}; null when the number of items does not match `n`. */
export function splitPerTerm(cell: string, n: number): string[] | null {
  if (n === 1) return [cell]
  if (cell === '') return new Array<string>(n).fill('')
  const items = decodeList(cell, LIST_SEP.terms)
  return items.length === n ? items : null
}

const STATUS_HINT = 'expected preferred, admitted, deprecated or forbidden'

/**
 * Builds a term from its cells, or reports why not (empty term, invalid status, type or part of speech).
 * `defaultStatus` is used when the status cell is missing or empty.
 */
export function buildTerm(
  cells: TermCells,
  where: {
    line: number
    /** Column of the term text; `columns` gives the columns of the other fields where known. */
    column?: number
    columns?: Partial<Record<TermField, number>>
    lang: Lang
    conceptId: string
    defaultStatus: TermStatus
  },
  ctx: ReadContext,
): Term | null {
  const { line, column, lang } = where
  const fail = (code: string, params: MessageParams, message: string, field?: TermField) => {
    const col = (field && where.columns?.[field]) ?? column
    ctx.errors.push(col === undefined ? { line, message, code, params } : { line, column: col, message, code, params })
    return null
  }
  const text = cells.text ?? ''
  if (!text.trim()) return fail('emptyTerm', { lang }, `empty term (language ${lang})`)
  let status = where.defaultStatus
  if (cells.status) {
    const s = parseStatus(cells.status)
    if (!s) return fail('invalidStatus', { value: cells.status, text }, `invalid status value ${JSON.stringify(cells.status)} for term "${text}" (${STATUS_HINT})`, 'status')
    status = s
  }
  let type: Term['type'] = 'fullForm'
  if (cells.type) {
    const t = parseTermType(cells.type)
    const message = `invalid term type ${JSON.stringify(cells.type)} for term "${text}" (expected fullForm, acronym, abbreviation, transliteration, variant or phrase)`
    if (!t) return fail('invalidType', { value: cells.type, text }, message, 'type')
    type = t
  }
  const term: Term = {
    id: cells.termId || ctx.newId('term'),
    conceptId: where.conceptId,
    lang,
    text,
    status,
    type,
    sources: cells.sources ? decodeSources(cells.sources) : [],
    created: cells.created || ctx.now,
    modified: cells.modified || ctx.now,
  }
  if (cells.partOfSpeech) {
    const p = parsePartOfSpeech(cells.partOfSpeech)
    const message = `invalid part of speech ${JSON.stringify(cells.partOfSpeech)} for term "${text}" (expected noun, verb, adjective, adverb, properNoun or other)`
    if (!p) return fail('invalidPos', { value: cells.partOfSpeech, text }, message, 'partOfSpeech')
    term.partOfSpeech = p
  }
  if (cells.note) term.note = cells.note
  return term
}

/** Per-entry index of term keys and per-language counts, so that big concepts stay linear. */
const TERM_INDEX = new WeakMap<object, { keys: Set<string>; perLang: Map<string, number> }>()

function indexOf(terms: readonly Term[]) {
  let idx = TERM_INDEX.get(terms)
  if (!idx) {
    idx = { keys: new Set(), perLang: new Map() }
    TERM_INDEX.set(terms, idx)
  }
  return idx
}

/** How many terms of `lang` the list already has (as added through {@link addTerm}). */
export function countTerms(terms: readonly Term[], lang: string): number {
  return indexOf(terms).perLang.get(lang) ?? 0
}

/** Adds a term unless its text already occurs in the same concept and language, which is an error. */
export function addTerm(terms: Term[], term: Term, line: number, ctx: ReadContext): void {
  const idx = indexOf(terms)
  const key = `${term.lang}\u0000${term.text}`
  if (idx.keys.has(key)) {
    const params = { text: term.text, id: term.conceptId, lang: term.lang }
    ctx.errors.push({ line, message: `duplicate term "${term.text}" in concept ${term.conceptId}, language ${term.lang}`, code: 'duplicateTerm', params })
    return
  }
  idx.keys.add(key)
  idx.perLang.set(term.lang, (idx.perLang.get(term.lang) ?? 0) + 1)
  terms.push(term)
}

/** A concept with the given id and defaults for everything else. */
export function emptyConcept(id: string, ctx: ReadContext): Concept {
  return { id, definitions: {}, related: [], created: ctx.now, modified: ctx.now }
}

/** Appends `[label] value` to a note (how unknown columns and fields are kept instead of dropped). */
export function appendNote(note: string | undefined, label: string, value: string): string {
  const line = `[${label}] ${value}`
  return note ? `${note}\n${line}` : line
}

// UTF-8 read as Latin-1/Windows-1252: each UTF-8 sequence becomes a lead character followed by one or
// two characters whose cp1252 bytes are 0x80–0xBF. The typical ones: Â/Ã for Latin-1 letters ("Ã©" for
// "é"), Ð/Ñ for Cyrillic ("Ð¿" for "п"), "â€" for punctuation ("â€™" for "’"). Legitimate text can hold one such pair on its own ("«Ñ»", where "Ñ»" is the pair),
// so a pair counts only inside a word (a letter on either side) or when the text has two or more.
const CONT = '\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122'
const SEQUENCE = new RegExp(`[\u00C2\u00C3\u00D0\u00D1][${CONT}]|\u00E2\u20AC[${CONT}]`, 'g')
const LETTER = /\p{L}/u
/** A lead character of every SEQUENCE: a cell without one is clean, and most cells are (checked first, cheaply). */
const LEAD = /[\u00C2\u00C3\u00D0\u00D1\u00E2]/

/** The characters that make a cell look like UTF-8 text decoded as Latin-1/Windows-1252 ("Ã©" for "é"), or null. */
export function misdecodedSequence(cell: string): string | null {
  if (!LEAD.test(cell)) return null
  const found = [...cell.matchAll(SEQUENCE)]
  const inWord = found.find((m) => LETTER.test(cell[m.index - 1] ?? '') || LETTER.test(cell[m.index + m[0].length] ?? ''))
  const m = inWord ?? (found.length >= 2 ? found[0] : undefined)
  return m ? m[0] : null
}

/** Why a cell looks like UTF-8 text decoded as Latin-1/Windows-1252 ("Ã©" for "é"), or null. */
export function misdecodingReason(cell: string): string | null {
  const seq = misdecodedSequence(cell)
  return seq === null ? null : `contains "${seq}", which looks like UTF-8 text decoded as Latin-1/Windows-1252 (e.g. "Ã©" for "é"); save the file as UTF-8 and import again`
}
