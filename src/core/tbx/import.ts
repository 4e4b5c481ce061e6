// TBX import: TBX-Basic v3 (`tbx`/`conceptEntry`/`langSec`/`termSec`) and TBX v2 (`martif`/`termEntry`/
// `langSet`/`tig`/`ntig`, e.g. IATE exports) → a preview of concept entries with line-numbered errors.
import { decodeTextBytes } from '../csv/decode'
import {
  type EntryLines, type ImportOptions, type ImportResult, duplicateConceptId, finishImport, glossaryFileTooLarge, importDefaults,
} from '../csv/importResult'
import { langFromTag } from '../csv/languages'
import { parsePartOfSpeech, parseStatus, parseTermType } from '../csv/values'
import type { Concept, ConceptEntry, Lang, Term, TermSource, TermStatus } from '../model'
import { type XmlDocument, type XmlElement, XmlError, childElements, localName, parseXml, textContent } from '../xml'
import { FORBIDDEN_NOTE, TBX_GENERATOR, unescapeNote } from './format'
import { TbxReader, category, pushNote } from './reader'

/** Options of {@link importTbx}. */
export interface TbxImportOptions extends ImportOptions {
  /**
   * 'preserve' keeps text exactly; 'normalize' collapses line breaks with their indentation (files
   * pretty-printed by XML editors); 'auto' (default) preserves for files we exported, else normalizes.
   */
  whitespace?: 'auto' | 'preserve' | 'normalize'
}

/** An import preview plus the TBX version found. */
export interface TbxImportResult extends ImportResult {
  version: 'tbx3' | 'tbx2' | null
}

const TERM_SECTIONS = new Set(['termSec', 'tig', 'ntig'])

function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el && childElements(el).find((c) => localName(c.name) === name)
}

function isTbxRoot(root: XmlElement): boolean {
  const name = localName(root.name)
  return name === 'tbx' || name === 'martif'
}

function isOurs(root: XmlElement): boolean {
  const header = child(root, 'tbxHeader') ?? child(root, 'martifHeader')
  const sourceDesc = child(child(header, 'fileDesc'), 'sourceDesc')
  return !!sourceDesc && childElements(sourceDesc).some((p) => p.attrs.type === 'generator' && textContent(p) === TBX_GENERATOR)
}

/**
 * Reads a TBX file. Unsupported languages are skipped with a warning (xml:lang variants map: en-GB → en,
 * no/nn/nb → nb); administrative statuses map to the model (notRecommended, obsolete, deprecated and
 * superseded → deprecated; standardized and preferred → preferred); anything without a model field
 * (IATE reliabilityCode, grammaticalGender, images …) is kept as a note line "[termNote type=…] value".
 * Malformed XML, DOCTYPEs declaring entities and non-TBX roots give one error with line and column.
 */
export function importTbx(xml: string, options: TbxImportOptions = {}): TbxImportResult {
  const mode = options.whitespace ?? 'auto'
  const { now, newId } = importDefaults(options)
  let reader: TbxReader | null = null
  const readerFor = (root: XmlElement, position: XmlDocument['position']): TbxReader =>
    (reader ??= new TbxReader({ position }, mode === 'normalize' || (mode === 'auto' && !isOurs(root)), now, newId))
  const entries: ConceptEntry[] = []
  const conceptIds = new Map<string, number>()
  const termIds = new Map<string, number>()
  const lines: EntryLines = new Map()
  const skippedLangs = new Map<string, number>()
  let skippedConcepts = 0
  /** One child of <body>, in document order: read as a concept entry, or warned about. */
  const visit = (r: TbxReader, el: XmlElement, root: XmlElement): void => {
    const ln = localName(el.name)
    if (ln !== 'conceptEntry' && ln !== 'termEntry') {
      r.ignored(el, 'body')
      return
    }
    const errorsBefore = r.errors.length
    const entry = readEntry(r, el, langFromTag(root.attrs['xml:lang'] ?? '') ?? undefined, skippedLangs)
    if (!entry) {
      skippedConcepts++
      return
    }
    const earlier = conceptIds.get(entry.concept.id)
    if (earlier !== undefined) r.error(el, duplicateConceptId(entry.concept.id, earlier))
    conceptIds.set(entry.concept.id, r.line(el))
    for (const t of entry.terms) {
      const tEarlier = termIds.get(t.id)
      if (tEarlier !== undefined)
        r.error(el, { message: `duplicate term id ${JSON.stringify(t.id)} (also on line ${tEarlier})`, code: 'duplicateTermId', params: { id: t.id, earlier: tEarlier } })
      termIds.set(t.id, r.line(el))
    }
    // The entry's own line and the lines of the errors found inside it: a bad entry is left out whole.
    lines.set(entry, [r.line(el), ...r.errors.slice(errorsBefore).map((e) => e.line)])
    entries.push(entry)
  }
  /** The <body> whose children are entries: the first <body> of the first <text> of a TBX root. */
  const isBody = (root: XmlElement, text: XmlElement, body: XmlElement): boolean =>
    isTbxRoot(root) && child(root, 'text') === text && child(text, 'body') === body
  let doc: XmlDocument
  try {
    // Entries are read as they close and leave the tree (tbx > text > body > conceptEntry is depth 3).
    doc = parseXml(xml, {
      label: 'tbx',
      takeDepth: 3,
      take: (el, [root, text, body], position) => {
        if (!isBody(root, text, body)) return false
        visit(readerFor(root, position), el, root)
        return true
      },
    })
  } catch (e) {
    if (!(e instanceof XmlError)) throw e
    return { entries: [], errors: [{ line: e.line, column: e.column, message: e.message, code: e.code, params: e.params }], warnings: [], version: null }
  }
  const { root } = doc
  if (!isTbxRoot(root)) {
    const { line, column } = doc.position(root.offset)
    const error = { line, column, message: `not a TBX file: root element is <${root.name}>`, code: 'notTbx', params: { root: root.name } }
    return { entries: [], errors: [error], warnings: [], version: null }
  }
  const version = localName(root.name) === 'tbx' ? 'tbx3' : 'tbx2'
  const r = readerFor(root, doc.position)
  const body = child(child(root, 'text'), 'body')
  if (!body) {
    r.error(root, { message: `no <text><body> in the TBX file`, code: 'noTbxBody' })
    return { ...finishImport([], r.errors, r.warnings), version }
  }
  // Every child of <body> was read (or warned about) as it closed, while parsing.
  if (skippedLangs.size) {
    const list = [...skippedLangs].map(([l, k]) => `${l} (${k})`).join(', ')
    const total = [...skippedLangs.values()].reduce((a, b) => a + b, 0)
    const message = `skipped ${total} language section(s) in unsupported languages: ${list}`
    r.warnings.push({ line: r.line(body), message, code: 'skippedLangSections', params: { count: total, list } })
  }
  if (skippedConcepts) {
    const message = `skipped ${skippedConcepts} concept(s) with no term in a supported language`
    r.warnings.push({ line: r.line(body), message, code: 'skippedConcepts', params: { count: skippedConcepts } })
  }
  return { ...finishImport(entries, r.errors, r.warnings, lines), version }
}

/** {@link importTbx} on raw file bytes (UTF-8 with or without BOM, or UTF-16 with BOM). */
export function importTbxBytes(bytes: Uint8Array, options: TbxImportOptions = {}): TbxImportResult {
  const tooLarge = glossaryFileTooLarge(bytes.length, true)
  if (tooLarge) return { entries: [], errors: [tooLarge], warnings: [], version: null }
  const decoded = decodeTextBytes(bytes)
  if (!decoded.ok) return { entries: [], errors: [{ line: decoded.line, message: `tbx: ${decoded.error}`, code: decoded.code, params: decoded.params }], warnings: [], version: null }
  return importTbx(decoded.text, options)
}

/** Reads one conceptEntry/termEntry; null when all its language sections were in unsupported languages. */
function readEntry(r: TbxReader, el: XmlElement, fileLang: Lang | undefined, skipped: Map<string, number>): ConceptEntry | null {
  const concept: Concept = { id: el.attrs.id || r.newId('concept'), definitions: {}, related: [], created: r.now, modified: r.now }
  const dates: { created?: string; modified?: string } = {}
  const notes: string[] = []
  const terms: Term[] = []
  const seen = new Set<string>()
  let langSecs = 0
  let kept = 0
  /** A concept- or language-level field; `lang` is the langSec's language (undefined at concept level). */
  const item = (c: XmlElement, lang: Lang | undefined, group: XmlElement[] = []) => {
    const cat = category(c)
    const xmlLang = c.attrs['xml:lang']
    const defLang = xmlLang !== undefined ? langFromTag(xmlLang) : (lang ?? fileLang)
    if (localName(c.name) === 'note' && !lang) pushNote(notes, r.text(c))
    else if (cat === 'subjectField' && !concept.subjectField) concept.subjectField = r.text(c)
    else if (cat === 'crossReference') concept.related.push(c.attrs.target || r.text(c))
    else if (cat === 'definition' && defLang && !concept.definitions[defLang]) concept.definitions[defLang] = r.text(c)
    else pushNote(notes, r.unknown(c, lang))
    for (const g of group) pushNote(notes, r.unknown(g, lang))
  }
  for (const c of childElements(el)) {
    const ln = localName(c.name)
    if (ln === 'langSec' || ln === 'langSet') {
      langSecs++
      const tag = c.attrs['xml:lang'] ?? ''
      const lang = langFromTag(tag)
      if (!lang) {
        skipped.set(tag || '(no xml:lang)', (skipped.get(tag || '(no xml:lang)') ?? 0) + 1)
        continue
      }
      kept++
      readLangSec(r, c, lang, concept, terms, seen, (x, group) => item(x, lang, group))
    } else if (ln === 'transacGrp') {
      const rest = r.transaction(c, dates)
      if (!rest) pushNote(notes, r.unknown(c))
      else for (const x of rest) pushNote(notes, r.unknown(x))
    } else if (ln === 'descripGrp' || ln === 'adminGrp') {
      const [main, ...rest] = childElements(c)
      if (main) item(main, undefined, rest)
    } else item(c, undefined)
  }
  if (langSecs > 0 && kept === 0) return null
  concept.created = dates.created ?? r.now
  concept.modified = dates.modified ?? r.now
  if (notes.length) concept.note = notes.join('\n')
  return { concept, terms }
}

/** Reads a langSec/langSet: its terms, and (through `item`) its definition and other fields. */
function readLangSec(
  r: TbxReader, el: XmlElement, lang: Lang, concept: Concept, terms: Term[], seen: Set<string>,
  item: (c: XmlElement, group?: XmlElement[]) => void,
): void {
  const statusless: Term[] = []
  let explicitPreferred = false
  for (const c of childElements(el)) {
    const ln = localName(c.name)
    if (TERM_SECTIONS.has(ln)) {
      const read = readTerm(r, c, lang, concept.id)
      if (!read) continue
      const key = `${lang}\u0000${read.term.text}`
      if (seen.has(key)) {
        const params = { text: read.term.text, lang, id: concept.id }
        r.warnings.push({ line: r.line(c), message: `skipped duplicate term "${read.term.text}" (${lang}) in concept ${concept.id}`, code: 'skippedDuplicateTerm', params })
        continue
      }
      seen.add(key)
      terms.push(read.term)
      if (!read.explicitStatus) statusless.push(read.term)
      else if (read.term.status === 'preferred') explicitPreferred = true
    } else if (ln === 'descripGrp' || ln === 'adminGrp') {
      const [main, ...rest] = childElements(c)
      if (main) item(main, rest)
    } else item(c)
  }
  // A term without administrativeStatus: the first one is preferred when no term of the language is.
  statusless.forEach((t, k) => { t.status = k === 0 && !explicitPreferred ? 'preferred' : 'admitted' })
}

/** Reads a termSec/tig/ntig; null (with an error) when the term is empty. */
function readTerm(r: TbxReader, el: XmlElement, lang: Lang, conceptId: string): { term: Term; explicitStatus: boolean } | null {
  let text: string | null = null
  let id = el.attrs.id || ''
  let status: TermStatus | null = null
  let type: Term['type'] | null = null
  let pos: Term['partOfSpeech'] | null = null
  let forbidden = false
  const notes: string[] = []
  const sources: TermSource[] = []
  const dates: { created?: string; modified?: string } = {}
  const source = (doc: string, quote: string) => sources.push(quote ? { doc, quote } : { doc })
  const visit = (c: XmlElement): void => {
    const ln = localName(c.name)
    const cat = category(c)
    if (ln === 'term') {
      text = r.text(c)
      id ||= c.attrs.id || ''
    } else if (ln === 'termGrp') childElements(c).forEach(visit)
    else if (ln === 'termNoteGrp' || ln === 'descripGrp' || ln === 'adminGrp') {
      const [main, ...rest] = childElements(c)
      const src = main && category(main) === 'context' ? rest.find((x) => category(x) === 'source') : undefined
      if (main && category(main) === 'context') source(src ? r.text(src) : '', r.text(main))
      else if (main) visit(main)
      for (const x of rest) if (x !== src) pushNote(notes, r.unknown(x))
    } else if (ln === 'note') {
      const n = r.text(c)
      if (n === FORBIDDEN_NOTE) forbidden = true
      else if (n) notes.push(unescapeNote(n))
    } else if (ln === 'transacGrp') {
      const rest = r.transaction(c, dates)
      if (!rest) pushNote(notes, r.unknown(c))
      else for (const x of rest) pushNote(notes, r.unknown(x))
    } else if ((cat === 'administrativeStatus' || cat === 'normativeAuthorization') && parseStatus(r.text(c))) {
      status = parseStatus(r.text(c))
    } else if (cat === 'termType' && parseTermType(r.text(c))) type = parseTermType(r.text(c))
    else if (cat === 'partOfSpeech' && parsePartOfSpeech(r.text(c))) pos = parsePartOfSpeech(r.text(c))
    else if (cat === 'context') source('', r.text(c))
    else if (cat === 'source') source(r.text(c), '')
    else pushNote(notes, r.unknown(c))
  }
  childElements(el).forEach(visit)
  const termText = text as string | null
  if (termText === null || !termText.trim()) {
    r.emptyTerm(el, el.name, lang, conceptId)
    return null
  }
  if (forbidden && (status === null || status === 'deprecated')) status = 'forbidden'
  const term: Term = {
    id: id || r.newId('term'),
    conceptId,
    lang,
    text: termText,
    status: status ?? 'admitted',
    type: type ?? 'fullForm',
    sources,
    created: dates.created ?? r.now,
    modified: dates.modified ?? r.now,
  }
  if (pos) term.partOfSpeech = pos
  if (notes.length) term.note = notes.join('\n')
  return { term, explicitStatus: status !== null }
}
