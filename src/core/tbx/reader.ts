// Shared helpers of the TBX importer: data categories (DCA and DCT style), text in the chosen whitespace
// mode, transactions, and unknown elements turned into "[descrip type=foo] value" note lines.
import type { ImportIssue } from '../csv/importResult'
import type { CodedMessage } from '../message'
import { type XmlDocument, type XmlElement, childElements, localName, textContent } from '../xml'

const DCA_ELEMENTS = new Set(['descrip', 'termNote', 'admin', 'ref', 'xref', 'transac', 'descripNote', 'adminNote', 'transacNote'])

/**
 * The data category of an element: the `type` of a DCA element (`<descrip type="definition">` →
 * "definition"), the local name of a DCT element (`<basic:definition>` → "definition"), else null.
 */
export function category(el: XmlElement): string | null {
  const ln = localName(el.name)
  if (DCA_ELEMENTS.has(ln)) return el.attrs.type ?? ''
  return el.name.includes(':') ? ln : null
}

/** State and helpers of one TBX import run. */
export class TbxReader {
  readonly errors: ImportIssue[] = []
  readonly warnings: ImportIssue[] = []

  constructor(
    /** Where elements are: the parsed document, or the parser's positions while it streams. */
    private readonly doc: Pick<XmlDocument, 'position'>,
    /** Collapse line breaks with their indentation and trim (for pretty-printed files of other tools). */
    private readonly normalize: boolean,
    readonly now: string,
    readonly newId: (kind: 'concept' | 'term') => string,
  ) {}

  /** 1-based line of an element. */
  line(el: XmlElement): number {
    return this.doc.position(el.offset).line
  }

  /** Adds an error at an element: its English message, code and params (see ImportIssue). */
  error(el: XmlElement, issue: CodedMessage): void {
    const { line, column } = this.doc.position(el.offset)
    this.errors.push({ line, column, ...issue })
  }

  /** Warns, at an element's line, that it was ignored inside `parent` (a <body>, an <mtf>). */
  ignored(el: XmlElement, parent: string): void {
    this.warnings.push({ line: this.line(el), message: `ignored <${el.name}> in <${parent}>`, code: 'ignoredElement', params: { element: el.name, parent } })
  }

  /** An error at a term element (named `element` in the message) without text. */
  emptyTerm(el: XmlElement, element: string, lang: string, conceptId: string): void {
    const params = { element, lang, id: conceptId }
    this.error(el, { message: `empty term in <${element}> (language ${lang}, concept ${conceptId})`, code: 'emptyTermElement', params })
  }

  /** The text of an element: exact, or with line breaks and their indentation collapsed. */
  text(el: XmlElement): string {
    const raw = textContent(el)
    return this.normalize ? collapse(raw) : raw
  }

  /** An element the model has no field for, as a note line: `[descrip type=foo] value`. */
  unknown(el: XmlElement, lang?: string): string {
    const type = el.attrs.type ? ` type=${el.attrs.type}` : ''
    const where = lang ? ` xml:lang=${lang}` : ''
    const target = el.attrs.target ? ` target=${el.attrs.target}` : ''
    const value = childElements(el).length ? collapseAll(textContent(el)) : this.text(el)
    return `[${localName(el.name)}${type}${where}${target}] ${value}`
  }

  /**
   * Reads a `transacGrp` into `into.created` / `into.modified` (first origination, last modification).
   * The exact timestamp is taken from the group's `<note>` when it holds one (our exports), else the
   * `<date>` at midnight UTC. Returns the children it did not use (e.g. a responsibility), or null when
   * the group is not an origination or modification with a date.
   */
  transaction(el: XmlElement, into: { created?: string; modified?: string }): XmlElement[] | null {
    let kind = ''
    let date = ''
    let exact = ''
    const rest: XmlElement[] = []
    for (const c of childElements(el)) {
      const ln = localName(c.name)
      if (ln === 'transac' || category(c) === 'transactionType') kind = collapseAll(textContent(c))
      else if (ln === 'date') date = collapseAll(textContent(c))
      else if (ln === 'note' && /^\d{4}-\d{2}-\d{2}/.test(textContent(c))) exact = textContent(c)
      else rest.push(c)
    }
    const stamp = exact || (/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00.000Z` : date)
    if (!stamp) return null
    if (kind === 'origination' || kind === 'creation') into.created ??= stamp
    else if (kind === 'modification') into.modified = stamp
    else return null
    return rest
  }
}

/** Joins lines with single spaces, dropping the indentation around line breaks; trims. */
function collapse(s: string): string {
  if (!s.includes('\n')) return s.trim()
  return s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ')
}

/** Every run of whitespace becomes one space; trims. */
function collapseAll(s: string): string {
  return s.split(/\s+/).filter(Boolean).join(' ')
}

const NOTE_SETS = new WeakMap<string[], Set<string>>()

/** Appends a note line unless it is empty or already there (a set per list keeps this linear). */
export function pushNote(notes: string[], line: string): void {
  if (!line) return
  let set = NOTE_SETS.get(notes)
  if (!set) NOTE_SETS.set(notes, (set = new Set(notes)))
  if (set.has(line)) return
  set.add(line)
  notes.push(line)
}
