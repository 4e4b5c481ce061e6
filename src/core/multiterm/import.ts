// MultiTerm XML import (`mtf`): conceptGrp → concept, languageGrp → language, termGrp → term, with
// the descriptive fields mapped by name (ours first, then the usual alternatives) and everything else
// kept in notes; line-numbered errors, and bad concepts can be left out (see PartialImport).
import { type EntryLines, type ImportOptions, type ImportResult, duplicateConceptId, finishImport, importDefaults } from '../csv/importResult'
import { langFromTag, parseLanguageLabel } from '../csv/languages'
import { parsePartOfSpeech, parseStatus, parseTermType } from '../csv/values'
import type { Concept, ConceptEntry, Lang, Term, TermSource } from '../model'
import { TbxReader, pushNote } from '../tbx/reader'
import { type XmlDocument, type XmlElement, XmlError, childElements, localName, parseXml, textContent } from '../xml'

type Field = 'subjectField' | 'note' | 'related' | 'definition' | 'termId' | 'status' | 'type' | 'partOfSpeech' | 'usageNote' | 'context' | 'source'
const FIELD_NAMES: Record<string, Field> = {
  'subject field': 'subjectField', subject: 'subjectField', domain: 'subjectField', 'subject area': 'subjectField',
  note: 'note', notes: 'note', comment: 'note',
  'related concept': 'related', 'cross-reference': 'related', crossreference: 'related', 'see also': 'related',
  definition: 'definition', 'term id': 'termId',
  status: 'status', 'usage status': 'status', 'term status': 'status', 'administrative status': 'status',
  'term type': 'type', type: 'type', 'part of speech': 'partOfSpeech', grammar: 'partOfSpeech', pos: 'partOfSpeech',
  'usage note': 'usageNote', usage: 'usageNote', context: 'context', example: 'context', source: 'source',
}
const fieldOf = (el: XmlElement): Field | undefined => FIELD_NAMES[(el.attrs.type ?? '').trim().toLowerCase()]
const child = (el: XmlElement, name: string) => childElements(el).find((c) => localName(c.name) === name)
const unknown = (el: XmlElement, lang?: Lang) => `[${el.attrs.type ?? localName(el.name)}${lang ? ` ${lang}` : ''}] ${textContent(el)}`

/** Reads a transacGrp into created (first origination) / modified (last modification); false when it is neither. */
function transaction(el: XmlElement, dates: { created?: string; modified?: string }): boolean {
  const kind = (child(el, 'transac')?.attrs.type ?? '').toLowerCase()
  const date = textContent(child(el, 'date') ?? el).trim()
  if (!date) return false
  if (kind === 'origination' || kind === 'creation') dates.created ??= date
  else if (kind === 'modification') dates.modified = date
  else return false
  return true
}

/**
 * Reads a MultiTerm XML export. Languages are recognised by the `lang` code (EN, EN-GB, NO, NB-NO …)
 * or the type name; unsupported ones are skipped with a warning. Malformed XML, DOCTYPEs declaring
 * entities and roots other than `<mtf>` give one error with line and column.
 */
export function importMultiTerm(xml: string, options: ImportOptions = {}): ImportResult {
  let doc: XmlDocument
  try {
    doc = parseXml(xml, { label: 'multiterm' })
  } catch (e) {
    if (!(e instanceof XmlError)) throw e
    return { entries: [], errors: [{ line: e.line, column: e.column, message: e.message, code: e.code, params: e.params }], warnings: [] }
  }
  if (localName(doc.root.name) !== 'mtf') {
    const { line, column } = doc.position(doc.root.offset)
    const error = { line, column, message: `not a MultiTerm XML file: root element is <${doc.root.name}>`, code: 'notMultiTerm', params: { root: doc.root.name } }
    return { entries: [], errors: [error], warnings: [] }
  }
  const { now, newId } = importDefaults(options)
  const r = new TbxReader(doc, false, now, newId)
  const entries: ConceptEntry[] = []
  const lines: EntryLines = new Map()
  const ids = new Map<string, number>()
  const skipped = new Map<string, number>()
  for (const el of childElements(doc.root)) {
    if (localName(el.name) !== 'conceptGrp') {
      r.ignored(el, 'mtf')
      continue
    }
    const before = r.errors.length
    const entry = readConcept(r, el, skipped)
    const earlier = ids.get(entry.concept.id)
    if (earlier !== undefined) r.error(el, duplicateConceptId(entry.concept.id, earlier))
    ids.set(entry.concept.id, r.line(el))
    lines.set(entry, [r.line(el), ...r.errors.slice(before).map((e) => e.line)])
    // A concept whose language groups are all in unsupported languages is skipped (counted in the warning).
    const groups = childElements(el).filter((c) => localName(c.name) === 'languageGrp')
    if (entry.terms.length || !groups.length || groups.some((g) => languageOf(child(g, 'language')))) entries.push(entry)
  }
  if (skipped.size) {
    const list = [...skipped].map(([l, k]) => `${l} (${k})`).join(', ')
    r.warnings.push({ line: 1, message: `skipped language groups in unsupported languages: ${list}`, code: 'skippedLangGroups', params: { list } })
  }
  return finishImport(entries, r.errors, r.warnings, lines)
}

function readConcept(r: TbxReader, el: XmlElement, skipped: Map<string, number>): ConceptEntry {
  const idEl = child(el, 'concept')
  const concept: Concept = { id: (idEl && textContent(idEl).trim() && textContent(idEl)) || r.newId('concept'), definitions: {}, related: [], created: r.now, modified: r.now }
  const dates: { created?: string; modified?: string } = {}
  const notes: string[] = []
  const terms: Term[] = []
  for (const c of childElements(el)) {
    const ln = localName(c.name)
    if (ln === 'transacGrp') {
      if (!transaction(c, dates)) pushNote(notes, unknown(c))
    } else if (ln === 'descripGrp') {
      for (const d of childElements(c)) {
        if (localName(d.name) !== 'descrip') continue
        const f = fieldOf(d)
        const v = textContent(d)
        if (f === 'subjectField' && concept.subjectField === undefined) concept.subjectField = v
        else if (f === 'note' && concept.note === undefined) concept.note = v
        else if (f === 'related') concept.related.push(v)
        else pushNote(notes, unknown(d))
      }
    } else if (ln === 'languageGrp') readLanguage(r, c, concept, terms, notes, skipped)
    else if (ln !== 'concept' && ln !== 'system') pushNote(notes, unknown(c))
  }
  concept.created = dates.created ?? r.now
  concept.modified = dates.modified ?? r.now
  if (notes.length) concept.note = [concept.note, ...notes].filter((n) => n !== undefined).join('\n')
  return { concept, terms }
}

function languageOf(el: XmlElement | undefined): Lang | null {
  if (!el) return null
  const byCode = el.attrs.lang ? langFromTag(el.attrs.lang) : null
  if (byCode) return byCode
  const byName = parseLanguageLabel(el.attrs.type ?? '')
  return byName && 'lang' in byName ? byName.lang : null
}

function readLanguage(r: TbxReader, el: XmlElement, concept: Concept, terms: Term[], notes: string[], skipped: Map<string, number>): void {
  const langEl = child(el, 'language')
  const lang = languageOf(langEl)
  if (!lang) {
    const label = langEl?.attrs.lang || langEl?.attrs.type || '(no language)'
    skipped.set(label, (skipped.get(label) ?? 0) + 1)
    return
  }
  const statusless: Term[] = []
  let explicitPreferred = false
  const seen = new Set(terms.filter((t) => t.lang === lang).map((t) => t.text))
  for (const c of childElements(el)) {
    const ln = localName(c.name)
    if (ln === 'descripGrp') {
      for (const d of childElements(c)) {
        if (fieldOf(d) === 'definition' && concept.definitions[lang] === undefined) concept.definitions[lang] = textContent(d)
        else if (localName(d.name) === 'descrip') pushNote(notes, unknown(d, lang))
      }
    } else if (ln === 'termGrp') {
      const read = readTerm(r, c, lang, concept.id)
      if (!read) continue
      if (seen.has(read.term.text)) {
        r.error(c, { message: `duplicate term "${read.term.text}" (${lang}) in concept ${concept.id}`, code: 'duplicateTermInLang', params: { text: read.term.text, lang, id: concept.id } })
        continue
      }
      seen.add(read.term.text)
      terms.push(read.term)
      if (!read.explicitStatus) statusless.push(read.term)
      else if (read.term.status === 'preferred') explicitPreferred = true
    } else if (ln !== 'language') pushNote(notes, unknown(c, lang))
  }
  statusless.forEach((t, k) => { t.status = k === 0 && !explicitPreferred ? 'preferred' : 'admitted' })
}

function readTerm(r: TbxReader, el: XmlElement, lang: Lang, conceptId: string): { term: Term; explicitStatus: boolean } | null {
  const termEl = child(el, 'term')
  const text = termEl ? textContent(termEl) : ''
  if (!text.trim()) {
    r.emptyTerm(el, 'termGrp', lang, conceptId)
    return null
  }
  const term: Term = { id: '', conceptId, lang, text, status: 'admitted', type: 'fullForm', sources: [], created: r.now, modified: r.now }
  const dates: { created?: string; modified?: string } = {}
  const notes: string[] = []
  let explicitStatus = false
  const sources: TermSource[] = []
  for (const c of childElements(el)) {
    const ln = localName(c.name)
    if (ln === 'transacGrp') {
      if (!transaction(c, dates)) pushNote(notes, unknown(c))
      continue
    }
    if (ln !== 'descripGrp') {
      if (ln !== 'term') pushNote(notes, unknown(c))
      continue
    }
    const [d, ...rest] = childElements(c)
    if (!d) continue
    const f = fieldOf(d)
    const v = textContent(d)
    if (f === 'context') {
      const src = rest.map((x) => childElements(x)[0]).find((x) => x && fieldOf(x) === 'source')
      sources.push({ doc: src ? textContent(src) : '', quote: v })
      continue
    }
    const parsed = f === 'status' ? parseStatus(v) : f === 'type' ? parseTermType(v) : f === 'partOfSpeech' ? parsePartOfSpeech(v) : null
    if (f === 'termId') term.id = v
    else if (f === 'status' && parsed) [term.status, explicitStatus] = [parsed as Term['status'], true]
    else if (f === 'type' && parsed) term.type = parsed as Term['type']
    else if (f === 'partOfSpeech' && parsed) term.partOfSpeech = parsed as Term['partOfSpeech']
    else if ((f === 'usageNote' || f === 'note') && term.note === undefined) term.note = v
    else if (f === 'source') sources.push({ doc: v })
    else {
      if (f === 'status' || f === 'type' || f === 'partOfSpeech') {
        const message = `unknown ${d.attrs.type} value ${JSON.stringify(v)}; kept in the term's note`
        r.warnings.push({ line: r.line(d), message, code: 'unknownValue', params: { field: d.attrs.type ?? '', value: v } })
      }
      pushNote(notes, unknown(d))
    }
  }
  term.id ||= r.newId('term')
  term.sources = sources
  term.created = dates.created ?? r.now
  term.modified = dates.modified ?? r.now
  if (notes.length) term.note = [term.note, ...notes].filter((n) => n !== undefined).join('\n')
  return { term, explicitStatus }
}
