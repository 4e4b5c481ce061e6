// The grid's filters and sorting, and their round trip through the URL query.
import { describe, expect, it } from 'vitest'
import { filterEntries, sortEntries, viewFromQuery, viewToQuery, type GridFilters } from '../../src/core/glossaryView'
import type { ConceptEntry, Lang, Term, TermStatus } from '../../src/core/model'

function entry(id: string, terms: [Lang, string, TermStatus?, string?][], subject?: string, modified = '2025-01-01T00:00:00.000Z'): ConceptEntry {
  return {
    concept: { id, subjectField: subject, definitions: {}, related: [], created: modified, modified },
    terms: terms.map(([lang, text, status, doc], i): Term => ({
      id: `${id}${i}`, conceptId: id, lang, text, status: status ?? 'preferred', type: 'fullForm', sources: doc ? [{ doc }] : [], created: modified, modified,
    })),
  }
}
const all = [
  entry('a', [['en', 'conscript'], ['sv', 'värnpliktig'], ['en', 'recruit', 'deprecated']], 'Military', '2025-06-01T00:00:00.000Z'),
  entry('b', [['en', 'exit ban', 'preferred', '004.txt'], ['fi', 'maastapoistumiskielto']], 'borders'),
  entry('c', [['en', 'Älteste'], ['fi', 'asevelvollisuus', 'admitted']], 'military'),
  entry('d', [['fi', 'kutsunta']]),
]
const ids = (list: ConceptEntry[]) => list.map((e) => e.concept.id)

describe('grid filters', () => {
  it('filters by status, missing language, subject field, deprecated terms, no source and modification day', () => {
    expect(ids(filterEntries(all, { status: 'admitted' }))).toEqual(['c'])
    expect(ids(filterEntries(all, { missing: 'sv' }))).toEqual(['b', 'c', 'd'])
    expect(ids(filterEntries(all, { subject: 'military' }))).toEqual(['a', 'c'])
    expect(ids(filterEntries(all, { hasDeprecated: true }))).toEqual(['a'])
    expect(ids(filterEntries(all, { noSource: true }))).toEqual(['a', 'c', 'd'])
    expect(ids(filterEntries(all, { modifiedSince: '2025-05-01' }))).toEqual(['a'])
    expect(ids(filterEntries(all, { missing: 'sv', noSource: true, subject: 'MILITARY' }))).toEqual(['c'])
    // "Shares a term": the ids the store found sharing a term across the whole termbase; no set, no concept.
    expect(ids(filterEntries(all, { sharesTerm: true }, { sharing: new Set(['b', 'd']) }))).toEqual(['b', 'd'])
    expect(ids(filterEntries(all, { sharesTerm: true }))).toEqual([])
    // "In report": the concepts found in it; while they are being found, none.
    expect(ids(filterEntries(all, { inReport: 'r1', missing: 'sv' }, { inReport: new Set(['a', 'c']) }))).toEqual(['c'])
    expect(ids(filterEntries(all, { inReport: 'r1' }))).toEqual([])
  })
})

describe('grid sort', () => {
  it('sorts by the preferred term of a language, ignoring case and accents, concepts without one last', () => {
    expect(ids(sortEntries(all, { lang: 'en', desc: false }))).toEqual(['c', 'a', 'b', 'd'])
    expect(ids(sortEntries(all, { lang: 'en', desc: true }))).toEqual(['b', 'a', 'c', 'd'])
    expect(ids(sortEntries(all, { lang: 'fi', desc: false }))).toEqual(['c', 'd', 'b', 'a'])
  })
})

describe('view in the URL', () => {
  it('round-trips the filters and sort, and ignores invalid values', () => {
    const f: GridFilters = { status: 'deprecated', missing: 'nb', subject: 'military service', hasDeprecated: true, noSource: true, modifiedSince: '2025-02-03', sharesTerm: true, inReport: 'doc-1' }
    const q = viewToQuery(f, { lang: 'fi', desc: true })
    expect(q).toMatchObject({ sort: '-fi', missing: 'nb', since: '2025-02-03', shared: '1', report: 'doc-1' })
    expect(viewFromQuery(q)).toEqual({ filters: f, sort: { lang: 'fi', desc: true } })
    expect(viewFromQuery({ status: 'bogus', missing: 'de', since: 'yesterday', sort: 'xx' })).toEqual({ filters: {}, sort: null })
  })
})
