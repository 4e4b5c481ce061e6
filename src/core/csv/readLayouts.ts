// Reads the rows of each CSV layout (wide, long, DeepL/Google pairs) into concept entries.
// Cells arrive already un-neutralised and encoding-checked; see import.ts.
import type { ConceptEntry, Lang, TermStatus } from '../model'
import { LIST_SEP, decodeList } from './cells'
import type { ColumnRole, ConceptField, TermField } from './headers'
import { duplicateConceptId, trackLine } from './importResult'
import { parseLanguageLabel } from './languages'
import {
  type ReadContext, type TermCells, addTerm, appendNote, buildTerm, countTerms, emptyConcept, splitPerTerm,
} from './terms'

/** A data row: its start line and cells. */
export interface Row {
  line: number
  cells: string[]
}

const firstIsPreferred = (k: number): TermStatus => (k === 0 ? 'preferred' : 'admitted')

/** Sets a concept field from a non-empty cell. */
function setConceptField(entry: ConceptEntry, field: ConceptField, value: string): void {
  const c = entry.concept
  if (field === 'subjectField') c.subjectField = value
  else if (field === 'conceptNote') c.note = value
  else if (field === 'related') c.related = decodeList(value, LIST_SEP.terms)
  else if (field === 'conceptCreated') c.created = value
  else if (field === 'conceptModified') c.modified = value
}

/** One term column of a wide row and the attribute columns that belong to it: each cell and its 1-based column. */
type SlotCells = Partial<Record<TermField, { cell: string; col: number }>>

/**
 * Wide layout: one row per concept; per language a term column (a `|` list) and attribute columns. A language may
 * have several term columns (memoQ writes one per term): each starts a slot, and the attribute columns after it
 * belong to it; the first term of the language is its preferred one by default.
 */
export function readWide(header: string[], roles: ColumnRole[], rows: Row[], ctx: ReadContext): ConceptEntry[] {
  const langs: Lang[] = []
  for (const r of roles) if (r.kind === 'term' && r.field === 'text' && r.lang && !langs.includes(r.lang)) langs.push(r.lang)
  const bareDefinitionLang = langs[0]
  roles.forEach((r, col) => {
    if (r.kind === 'term' && r.lang && !langs.includes(r.lang)) {
      const params = { label: header[col], lang: r.lang }
      ctx.warnings.push({ line: 1, column: col + 1, message: `column "${header[col]}" ignored: there is no term column for ${r.lang}`, code: 'columnWithoutTerm', params })
    } else if (r.kind === 'definition' && !r.lang && bareDefinitionLang) {
      const params = { label: header[col], lang: bareDefinitionLang }
      ctx.warnings.push({ line: 1, column: col + 1, message: `column "${header[col]}" names no language; read as the ${bareDefinitionLang} definition`, code: 'definitionWithoutLang', params })
    }
  })
  const idCol = roles.findIndex((r) => r.kind === 'concept' && r.field === 'conceptId')
  const seenIds = new Map<string, number>()
  const entries: ConceptEntry[] = []
  for (const { line, cells } of rows) {
    const id = (idCol >= 0 && cells[idCol]) || ctx.newId('concept')
    const earlier = seenIds.get(id)
    if (earlier !== undefined) {
      ctx.errors.push({ line, column: idCol + 1, ...duplicateConceptId(id, earlier) })
      continue
    }
    seenIds.set(id, line)
    const entry: ConceptEntry = { concept: emptyConcept(id, ctx), terms: [] }
    trackLine(ctx.lines, entry, line)
    const perLang = new Map<Lang, SlotCells[]>()
    roles.forEach((role, col) => {
      const value = cells[col]
      if (role.kind === 'concept') {
        if (value && role.field !== 'conceptId') setConceptField(entry, role.field, value)
      } else if (role.kind === 'definition') {
        const lang = role.lang ?? bareDefinitionLang
        if (value && lang) entry.concept.definitions[lang] = value
      } else if (role.kind === 'term' && role.lang) {
        const slots = perLang.get(role.lang) ?? []
        // A term column opens a new slot unless the open one has none yet (its attributes came first).
        if (!slots.length || (role.field === 'text' && slots[slots.length - 1].text)) slots.push({})
        slots[slots.length - 1][role.field] = { cell: value, col: col + 1 }
        perLang.set(role.lang, slots)
      } else if (value) {
        entry.concept.note = appendNote(entry.concept.note, header[col].trim() || `column ${col + 1}`, value)
      }
    })
    for (const lang of langs) {
      let k0 = 0
      for (const fields of perLang.get(lang) ?? []) {
        if (!fields.text) continue
        const added = readSlot(fields, { line, lang, id, first: k0, header, entry }, ctx)
        if (added < 0) break
        k0 += added
      }
    }
    entries.push(entry)
  }
  return entries
}

/** One term column of a language and its attribute columns: the terms added (first numbered from `at.first`), or -1. */
function readSlot(
  fields: SlotCells,
  at: { line: number; lang: Lang; id: string; first: number; header: string[]; entry: ConceptEntry },
  ctx: ReadContext,
): number {
  const { line, lang, id, header, entry } = at
  const textCell = fields.text as { cell: string; col: number }
  const texts = decodeList(textCell.cell, LIST_SEP.terms)
  const perTerm: Partial<Record<TermField, string[]>> = { text: texts }
  let ok = true
  for (const [field, v] of Object.entries(fields) as [TermField, { cell: string; col: number }][]) {
    if (field === 'text') continue
    const values = texts.length === 0 ? (v.cell === '' ? [] : null) : splitPerTerm(v.cell, texts.length)
    if (!values) {
      ok = false
      const params = { column: header[v.col - 1], count: texts.length, terms: header[textCell.col - 1], got: v.cell === '' ? 0 : decodeList(v.cell, LIST_SEP.terms).length }
      ctx.errors.push({
        line,
        column: v.col,
        message: `column "${params.column}": expected ${params.count} value(s) separated by " | " (one per term in column "${params.terms}"), got ${params.got}`,
        code: 'perTermCount',
        params,
      })
    } else perTerm[field] = values
  }
  if (!ok) return -1
  const columns = Object.fromEntries(Object.entries(fields).map(([f, v]) => [f, v.col]))
  texts.forEach((_, k) => {
    const cells: TermCells = {}
    for (const [field, values] of Object.entries(perTerm) as [TermField, string[]][]) cells[field] = values[k]
    const where = { line, column: textCell.col, columns, lang, conceptId: id, defaultStatus: firstIsPreferred(at.first + k) }
    const term = buildTerm(cells, where, ctx)
    if (term) addTerm(entry.terms, term, line, ctx)
  })
  return texts.length
}

/** Long layout: one row per term, concept-level columns repeated; rows are grouped by concept id. */
export function readLong(header: string[], roles: ColumnRole[], rows: Row[], ctx: ReadContext): ConceptEntry[] {
  type Group = { entry: ConceptEntry; seen: Map<string, { line: number; value: string }> }
  const byId = new Map<string, Group>()
  const entries: ConceptEntry[] = []
  for (const { line, cells } of rows) {
    let id = ''
    let langCell = ''
    let langCol = 0
    const termCells: TermCells = {}
    const columns: Partial<Record<TermField, number>> = {}
    roles.forEach((role, col) => {
      if (role.kind === 'concept' && role.field === 'conceptId') id = cells[col]
      else if (role.kind === 'lang') {
        langCell = cells[col]
        langCol = col + 1
      } else if (role.kind === 'term' && role.lang === null) {
        termCells[role.field] = cells[col]
        columns[role.field] = col + 1
      }
    })
    id ||= ctx.newId('concept')
    let found = byId.get(id)
    if (!found) {
      found = { entry: { concept: emptyConcept(id, ctx), terms: [] }, seen: new Map() }
      byId.set(id, found)
      entries.push(found.entry)
    }
    const group: Group = found
    const { entry } = group
    trackLine(ctx.lines, entry, line)
    let lang: Lang | null = null
    if (langCell) {
      const parsed = parseLanguageLabel(langCell)
      if (!parsed || !('lang' in parsed)) {
        const message = `unknown language ${JSON.stringify(langCell)} (supported: en, fi, nb, da, sv, fr, ru)`
        ctx.errors.push({ line, column: langCol, message, code: 'unknownLang', params: { value: langCell } })
        continue
      }
      lang = parsed.lang
    } else if (termCells.text) {
      ctx.errors.push({ line, column: langCol, message: `missing language for term "${termCells.text}"`, code: 'missingLang', params: { text: termCells.text } })
      continue
    }
    // Concept-level cells repeat on every row: the first non-empty value wins, a different one is a warning.
    const setOnce = (key: string, col: number, value: string, apply: () => void) => {
      if (!value) return
      const first = group.seen.get(key)
      if (!first) {
        group.seen.set(key, { line, value })
        apply()
      } else if (first.value !== value) {
        const params = { field: key, id, first: first.line }
        ctx.warnings.push({ line, column: col + 1, message: `${key} of concept ${id} differs from line ${first.line}; kept the first value`, code: 'conceptFieldDiffers', params })
      }
    }
    roles.forEach((role, col) => {
      const value = cells[col]
      if (role.kind === 'concept' && role.field !== 'conceptId') {
        setOnce(role.field, col, value, () => setConceptField(entry, role.field, value))
      } else if (role.kind === 'definition') {
        const dl = role.lang ?? lang
        if (dl) setOnce(`definition_${dl}`, col, value, () => { entry.concept.definitions[dl] = value })
      } else if (value && (role.kind === 'unknown' || (role.kind === 'term' && role.lang !== null))) {
        const label = header[col].trim() || `column ${col + 1}`
        if (lang) termCells.note = appendNote(termCells.note, label, value)
        else entry.concept.note = appendNote(entry.concept.note, label, value)
      }
    })
    if (!lang) continue
    const k = countTerms(entry.terms, lang)
    const term = buildTerm(termCells, { line, column: columns.text, columns, lang, conceptId: id, defaultStatus: firstIsPreferred(k) }, ctx)
    if (term) addTerm(entry.terms, term, line, ctx)
  }
  return entries
}

/** DeepL/Google pairs: each row is a concept with a source and a target term, both preferred. */
export function readPairs(rows: Row[], langsOf: (row: Row) => [Lang, Lang] | null, ctx: ReadContext): ConceptEntry[] {
  const entries: ConceptEntry[] = []
  for (const row of rows) {
    const langs = langsOf(row)
    if (!langs) {
      ctx.errors.push({ line: row.line, message: 'unknown language code in the language columns (supported: en, fi, nb, da, sv, fr, ru)', code: 'unknownPairLang' })
      continue
    }
    const id = ctx.newId('concept')
    const entry: ConceptEntry = { concept: emptyConcept(id, ctx), terms: [] }
    trackLine(ctx.lines, entry, row.line)
    langs.forEach((lang, k) => {
      const term = buildTerm({ text: row.cells[k] }, { line: row.line, column: k + 1, lang, conceptId: id, defaultStatus: 'preferred' }, ctx)
      if (term) entry.terms.push(term)
    })
    if (entry.terms.length === 2) entries.push(entry)
  }
  return entries
}
