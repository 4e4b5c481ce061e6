// The shape of every row a backup may carry, checked field by field before a restore clears anything:
// types, allowed values and text sizes. A backup written by hand or by a broken tool is refused with
// the table, row and field that is wrong, instead of restoring rows that later make exports throw.
import { PARTS_OF_SPEECH, SUPPORTED_LANGS, TERM_STATUSES, TERM_TYPES } from '../core/model'
import { CHECK_IDS } from '../core/qa/findings'

/** A problem with a value: the field path inside the row ('' for the value itself) and what is wrong. */
export interface ShapeProblem {
  path: string
  message: string
}

/** Checks one value; null when it fits. */
export type Shape = (v: unknown) => ShapeProblem | null

const bad = (message: string, path = ''): ShapeProblem => ({ path, message })
const show = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'string' ? JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v) : typeof v === 'object' ? 'an object' : String(v))
const join = (a: string, b: string) => (b ? `${a}${b.startsWith('[') ? '' : '.'}${b}` : a)

/** A string (any length: document texts are large). */
export const str: Shape = (v) => (typeof v === 'string' ? null : bad(`${show(v)} is not text`))
/** A non-empty string (ids). */
export const id: Shape = (v) => (typeof v === 'string' && v !== '' ? null : bad(`${show(v)} is not a non-empty id`))
/** A finite number. */
export const num: Shape = (v) => (typeof v === 'number' && Number.isFinite(v) ? null : bad(`${show(v)} is not a number`))
/** An integer ≥ 0 (indexes and offsets). */
export const index: Shape = (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? null : bad(`${show(v)} is not a whole number ≥ 0`))
/** Anything JSON can hold (settings values, link evidence). */
export const any: Shape = () => null

/** One of the given values. */
export function oneOf(values: readonly unknown[]): Shape {
  return (v) => (values.includes(v) ? null : bad(`${show(v)} is not one of ${values.join(', ')}`))
}

/** A list whose items all fit `item`. */
export function listOf(item: Shape): Shape {
  return (v) => {
    if (!Array.isArray(v)) return bad(`${show(v)} is not a list`)
    for (let i = 0; i < v.length; i++) {
      const p = item(v[i])
      if (p) return bad(p.message, join(`[${i}]`, p.path))
    }
    return null
  }
}

/** `shape`, or null. */
export const nullable = (shape: Shape): Shape => (v) => (v === null ? null : shape(v))

/** An object with these fields; keys ending in '?' may be absent (or undefined). Other fields are allowed. */
export function obj(fields: Record<string, Shape>): Shape {
  const entries = Object.entries(fields).map(([k, s]) => ({ key: k.replace(/\?$/, ''), optional: k.endsWith('?'), shape: s }))
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad(`${show(v)} is not an object`)
    const row = v as Record<string, unknown>
    for (const { key, optional, shape } of entries) {
      if (row[key] === undefined) {
        if (optional) continue
        return bad('missing', key)
      }
      const p = shape(row[key])
      if (p) return bad(p.message, join(key, p.path))
    }
    return null
  }
}

/** An object whose keys are all in `keys` and whose values fit `value`. */
export function recordOf(keys: readonly string[], value: Shape): Shape {
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad(`${show(v)} is not an object`)
    for (const [k, x] of Object.entries(v)) {
      if (!keys.includes(k)) return bad(`"${k}" is not one of ${keys.join(', ')}`, k)
      const p = value(x)
      if (p) return bad(p.message, join(k, p.path))
    }
    return null
  }
}

const lang = oneOf(SUPPORTED_LANGS)
const docLang = oneOf([...SUPPORTED_LANGS, 'und'])
const concept = obj({
  id, 'subjectField?': str, definitions: recordOf(SUPPORTED_LANGS, str), 'note?': str, related: listOf(str), created: str, modified: str,
})
const term = obj({
  id, conceptId: id, lang, text: str, status: oneOf(TERM_STATUSES), type: oneOf(TERM_TYPES), 'partOfSpeech?': oneOf(PARTS_OF_SPEECH),
  'note?': str, sources: listOf(obj({ doc: str, 'quote?': str })), created: str, modified: str,
  // Derived search fields: recomputed on restore, so only their type matters.
  'norm?': str, 'keys?': listOf(str),
})
const entry = obj({ concept, terms: listOf(term) })
const span = obj({ text: str, start: index, end: index })
const link = obj({
  id, srcDoc: id, dstDoc: id, srcPassage: id, dstPassage: id, score: num, method: oneOf(['lexical', 'neural', 'hybrid', 'manual']),
  'evidence?': any, status: oneOf(['suggested', 'confirmed', 'rejected']), modified: str,
})
const change = obj({ scope: oneOf(['concept', 'term']), field: str, 'lang?': lang, 'term?': str, before: str, after: str })

/**
 * The tables a backup carries and the shape of their rows. WARNING: the table names are those of
 * the database (db/schema.ts) and of every backup ever written; never rename them.
 */
export const ROW_SHAPES: Record<string, Shape> = {
  concepts: concept,
  terms: term,
  trash: obj({ 'id?': index, deletedAt: str, conceptId: id, label: str, concept, terms: listOf(term) }),
  meta: obj({ key: id, 'value?': any }),
  documents: obj({ id, title: str, lang: docLang, 'publisher?': str, 'date?': str, fileName: str, hash: id, text: str, created: str }),
  passages: obj({
    id, docId: id, index, kind: oneOf(['heading', 'paragraph', 'list', 'footnote']), section: str, sectionPath: listOf(str), lang: docLang,
    detectedLang: docLang, text: str, start: index, end: index, sentences: listOf(span), footnotes: listOf(str),
  }),
  links: link,
  qaIgnores: obj({ id, created: str, 'note?': str }),
  qaIgnoreRules: obj({ id, created: str, 'surface?': str, 'docId?': id, 'check?': oneOf(CHECK_IDS), 'conceptId?': id }),
  history: obj({
    // conceptId is '' on a row that records the concepts an import created (listed in `created`, since v10).
    'id?': index, conceptId: str, batch: id, at: str, user: str, action: oneOf(['create', 'edit', 'delete', 'restore', 'import', 'merge', 'batch', 'undo']),
    before: nullable(entry), after: nullable(entry), changes: listOf(change), 'undoneBy?': str, 'linksBefore?': listOf(link), 'created?': listOf(id),
  }),
}
