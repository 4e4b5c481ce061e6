// Random glossaries for the codec property tests: texts full of quotes, newlines, delimiters, escapes,
// Cyrillic, RTL text and emoji, in the canonical form every codec must give back exactly.
import fc from 'fast-check'
import { sortTermsByLanguage } from '../../src/core/csv'
import {
  type Concept, type ConceptEntry, type Glossary, type Lang, PARTS_OF_SPEECH, SUPPORTED_LANGS, TERM_STATUSES,
  TERM_TYPES, type Term,
} from '../../src/core/model'

/** Characters that stress the codecs; excludes only what the importers rightly reject as misdecoding. */
export const POOL = [
  'a', 'b', 'Z', '0', ' ', ' ', '"', "'", ',', ';', '\t', '\n', '\r', '\r\n', '|', '\\', '>', '<', '&', '=', '+', '-',
  '@', ']]>', '&amp;', '#', ':', '_', '(', ')', 'é', 'å', 'ø', 'æ', 'ä', 'ö', 'œ', 'ç', 'б', 'ж', 'Щ', 'ё', 'й',
  'ب', 'ش', 'ש', 'ל', '\u200f', '😀', '👩‍👩‍👧', 'e\u0301', '\u00a0', '€', '中',
]
const unit = fc.oneof(
  { arbitrary: fc.constantFrom(...POOL), weight: 4 },
  {
    arbitrary: fc.string({ unit: 'grapheme-composite', minLength: 1, maxLength: 1 }).filter((c) => !/[ÂÃÐÑ\uFFFD\uFEFF]/.test(c)),
    weight: 1,
  },
)
export const str = (minLength = 0, maxLength = 12) => fc.string({ unit, minLength, maxLength })
const nonEmpty = str(1)
const optionalText = fc.option(nonEmpty, { nil: undefined })
const termText = str(1).filter((s) => s.trim() !== '')
const stamp = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString())

/** Drops undefined properties, like the importers (which never set them). */
export function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}

const termArb = fc.record({
  lang: fc.constantFrom(...SUPPORTED_LANGS),
  text: termText,
  status: fc.constantFrom(...TERM_STATUSES),
  type: fc.constantFrom(...TERM_TYPES),
  partOfSpeech: fc.option(fc.constantFrom(...PARTS_OF_SPEECH), { nil: undefined }),
  note: optionalText,
  sources: fc.array(fc.record({ doc: nonEmpty, quote: optionalText }).map(clean), { maxLength: 3 }),
  created: stamp,
  modified: stamp,
  idPrefix: str(0, 4),
})

const entryArb = fc.record({
  idPrefix: str(0, 4),
  subjectField: optionalText,
  note: optionalText,
  definitions: fc.dictionary(fc.constantFrom(...SUPPORTED_LANGS), nonEmpty, { maxKeys: 3 }),
  related: fc.array(nonEmpty, { maxLength: 3 }),
  created: stamp,
  modified: stamp,
  terms: fc.array(termArb, { minLength: 1, maxLength: 6 }),
})

/**
 * Random glossaries in canonical form, valid as the termbase keeps them (validateEntry): unique ids, at
 * least one term, unique (trimmed) term text per concept+language, one preferred term per language at
 * most, terms grouped by language.
 */
export const glossaryArb = fc.array(entryArb, { maxLength: 4 }).map((raw): Glossary => {
  let termNo = 0
  const entries = raw.map((e, i): ConceptEntry => {
    const id = `${e.idPrefix}#${i}`
    const concept = clean<Concept>({
      id,
      subjectField: e.subjectField,
      note: e.note,
      definitions: { ...e.definitions } as Partial<Record<Lang, string>>,
      related: e.related,
      created: e.created,
      modified: e.modified,
    })
    const seen = new Set<string>()
    const preferred = new Set<Lang>()
    const terms: Term[] = []
    for (const t of e.terms) {
      const key = `${t.lang}\u0000${t.text.trim()}`
      if (seen.has(key)) continue
      seen.add(key)
      const { idPrefix, ...rest } = t
      // As in any termbase (validateEntry): one preferred term per language at most.
      const status = t.status === 'preferred' && preferred.has(t.lang) ? 'admitted' : t.status
      if (status === 'preferred') preferred.add(t.lang)
      terms.push(clean<Term>({ ...rest, status, id: `${idPrefix}#t${termNo++}`, conceptId: id }))
    }
    return sortTermsByLanguage({ concept, terms })
  })
  return { entries }
})

export const FIXED = { now: '2000-01-01T00:00:00.000Z', newId: () => 'unexpected-new-id' }

