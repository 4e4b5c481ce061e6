// Field-level differences between two versions of a concept entry, ignoring ids and timestamps:
// what the import preview shows for a "changed" concept and what the history records per edit.
import type { ConceptEntry, Lang, Term } from '../model'
import { SUPPORTED_LANGS } from '../model'
import { termKey } from './match'

/** One changed field. `before`/`after` are display strings ('' for absent). */
export interface FieldChange {
  scope: 'concept' | 'term'
  /** concept: subjectField | note | related | definition; term: term (added/removed) | text | status | type | partOfSpeech | note | sources. */
  field: string
  /** The language of a definition or a term. */
  lang?: Lang
  /** The term's text (for term-level changes). */
  term?: string
  before: string
  after: string
}

const sourcesText = (t: Term) => t.sources.map((s) => (s.quote ? `${s.doc} > ${s.quote}` : s.doc)).join(' ; ')

/** Pairs the terms of two versions: by id first, then by language and folded text. */
export function pairTerms(before: readonly Term[], after: readonly Term[]): { pairs: [Term, Term][]; added: Term[]; removed: Term[] } {
  const left = new Set(before)
  const byId = new Map(before.map((t) => [t.id, t]))
  const pairs: [Term, Term][] = []
  const added: Term[] = []
  const unpaired: Term[] = []
  for (const t of after) {
    const b = byId.get(t.id)
    if (b && left.has(b) && b.lang === t.lang) {
      pairs.push([b, t])
      left.delete(b)
    } else unpaired.push(t)
  }
  for (const t of unpaired) {
    const k = termKey(t.lang, t.text)
    const b = [...left].find((x) => termKey(x.lang, x.text) === k)
    if (b) {
      pairs.push([b, t])
      left.delete(b)
    } else added.push(t)
  }
  return { pairs, added, removed: [...left] }
}

/** The field-level changes that turn `before` into `after` (ids and timestamps are not compared). */
export function diffEntries(before: ConceptEntry | undefined, after: ConceptEntry): FieldChange[] {
  const out: FieldChange[] = []
  const b = before?.concept
  const a = after.concept
  const scalar = (field: string, x: string | undefined, y: string | undefined, lang?: Lang) => {
    if ((x ?? '') !== (y ?? '')) out.push({ scope: 'concept', field, ...(lang ? { lang } : {}), before: x ?? '', after: y ?? '' })
  }
  scalar('subjectField', b?.subjectField, a.subjectField)
  scalar('note', b?.note, a.note)
  scalar('related', b?.related.join(' | '), a.related.join(' | '))
  for (const l of SUPPORTED_LANGS) scalar('definition', b?.definitions[l], a.definitions[l], l)
  const { pairs, added, removed } = pairTerms(before?.terms ?? [], after.terms)
  for (const t of removed) out.push({ scope: 'term', field: 'term', lang: t.lang, term: t.text, before: t.text, after: '' })
  for (const t of added) out.push({ scope: 'term', field: 'term', lang: t.lang, term: t.text, before: '', after: t.text })
  for (const [x, y] of pairs) {
    const fields: [string, string, string][] = [
      ['text', x.text, y.text], ['status', x.status, y.status], ['type', x.type, y.type],
      ['partOfSpeech', x.partOfSpeech ?? '', y.partOfSpeech ?? ''], ['note', x.note ?? '', y.note ?? ''],
      ['sources', sourcesText(x), sourcesText(y)],
    ]
    for (const [field, u, v] of fields) if (u !== v) out.push({ scope: 'term', field, lang: y.lang, term: y.text, before: u, after: v })
  }
  return out
}
