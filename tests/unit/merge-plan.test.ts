// The import merge planner: matching by id and by shared terms, the four statuses with field-level
// changes, the user's choices, and that our own export re-imported writes nothing.
import { describe, expect, it } from 'vitest'
import type { ConceptEntry, Lang, Term, TermStatus } from '../../src/core/model'
import { diffEntries, planImport, resolvePlan, type MergeChoice } from '../../src/core/merge'
import { exportCsv, importCsv } from '../../src/core/csv'
import { exportTbx, importTbx } from '../../src/core/tbx'
import { exportMultiTerm, importMultiTerm } from '../../src/core/multiterm'
import { validateEntry } from '../../src/core/validateEntry'

const TS = '2025-01-01T00:00:00.000Z'
function entry(id: string, terms: [Lang, string, TermStatus?][], def?: string): ConceptEntry {
  return {
    concept: { id, definitions: def ? { en: def } : {}, related: [], created: TS, modified: TS },
    terms: terms.map(([lang, text, status], i): Term => ({
      id: `${id}-t${i}`, conceptId: id, lang, text, status: status ?? 'preferred', type: 'fullForm', sources: [], created: TS, modified: TS,
    })),
  }
}
let n = 0
const OPTS = { now: '2026-01-01T00:00:00.000Z', newId: (k: 'concept' | 'term') => `new-${k}-${n++}` }

const termbase = [
  entry('c-conscript', [['en', 'conscript'], ['fi', 'asevelvollinen'], ['ru', 'призывник']], 'a person called up'),
  entry('c-milid', [['en', 'military ID'], ['ru', 'военный билет']]),
  entry('c-exitban', [['en', 'exit ban'], ['fi', 'maastapoistumiskielto']]),
  entry('c-draftee', [['en', 'draftee'], ['fi', 'kutsunnanalainen']]),
]

describe('planImport', () => {
  it('matches by shared preferred/admitted terms under the search normaliser, whatever the file ids', () => {
    const file = [
      entry('x1', [['en', 'Conscript'], ['fi', 'asevelvollinen']], 'a person called up'),
      entry('x2', [['en', 'Military ID'], ['sv', 'militärt id-kort']]),
      entry('x3', [['en', 'exit  ban']], 'a ban on leaving the country'),
      entry('x4', [['en', 'mobilisation']]),
    ]
    const plan = planImport(termbase, file)
    expect(plan.items.map((i) => [i.status, i.candidates[0]?.conceptId])).toEqual([
      ['changed', 'c-conscript'], // "Conscript" → text changes case
      ['changed', 'c-milid'],
      ['changed', 'c-exitban'],
      ['new', undefined],
    ])
    expect(plan.counts).toEqual({ new: 1, unchanged: 0, changed: 3, conflicting: 0 })
    expect(plan.items[1].changes).toContainEqual({ scope: 'term', field: 'term', lang: 'sv', term: 'militärt id-kort', before: '', after: 'militärt id-kort' })
    expect(plan.items[2].changes).toContainEqual({ scope: 'concept', field: 'definition', lang: 'en', before: '', after: 'a ban on leaving the country' })
  })

  it('reports a concept whose terms belong to two existing concepts as conflicting, and skips it by default', () => {
    const plan = planImport(termbase, [entry('x', [['en', 'conscript'], ['fi', 'kutsunnanalainen', 'admitted']])])
    expect(plan.items[0].status).toBe('conflicting')
    expect(plan.items[0].candidates.map((c) => c.conceptId).sort()).toEqual(['c-conscript', 'c-draftee'])
    expect(plan.items[0].action).toBe('skip')
    expect(resolvePlan(termbase, plan, new Map(), OPTS).writes).toEqual([])
  })

  it('does not match on deprecated terms, which homonyms may share', () => {
    const plan = planImport(termbase, [entry('x', [['en', 'conscript', 'deprecated'], ['en', 'recruit']])])
    expect(plan.items[0].status).toBe('new')
  })

  it('matches by concept id first', () => {
    const plan = planImport(termbase, [entry('c-milid', [['fr', 'livret militaire']])])
    expect(plan.items[0].candidates).toEqual([{ conceptId: 'c-milid', byId: true, sharedTerms: [] }])
    expect(plan.items[0].status).toBe('changed')
  })
})

describe('resolvePlan', () => {
  const file = [entry('x1', [['en', 'conscript'], ['nb', 'vernepliktig']]), entry('x9', [['en', 'alternative civil service']])]
  const plan = planImport(termbase, file)

  it('merges into the existing concept (no duplicate) and adds new ones, by default', () => {
    const r = resolvePlan(termbase, plan, new Map(), OPTS)
    expect(r.problems).toEqual([])
    expect(r.counts).toMatchObject({ added: 1, merged: 1, skipped: 0 })
    const merged = r.writes.find((e) => e.concept.id === 'c-conscript') as ConceptEntry
    expect(merged.terms.map((t) => t.text)).toEqual(['conscript', 'asevelvollinen', 'призывник', 'vernepliktig'])
    expect(merged.concept.definitions.en).toBe('a person called up')
    expect(merged.concept.modified).toBe(OPTS.now)
    expect(merged.terms[0].modified).toBe(TS) // unchanged term keeps its time
    expect(r.writes.find((e) => e.concept.id === 'x9')).toBeTruthy()
  })

  it('replace keeps the concept id but takes the file\'s terms; new gives fresh ids; skip writes nothing', () => {
    const replace = resolvePlan(termbase, plan, new Map([[0, { action: 'replace' }], [1, { action: 'skip' }]]), OPTS)
    expect(replace.writes).toHaveLength(1)
    expect(replace.writes[0].concept.id).toBe('c-conscript')
    expect(replace.writes[0].terms.map((t) => t.text)).toEqual(['conscript', 'vernepliktig'])
    expect(replace.writes[0].terms[0].id).toBe('c-conscript-t0')
    const asNew = resolvePlan(termbase, planImport(termbase, [entry('c-conscript', [['en', 'conscript']])]), new Map([[0, { action: 'new' }]]), OPTS)
    expect(asNew.writes[0].concept.id).toMatch(/^new-concept-/)
    expect(asNew.writes[0].terms[0].id).toMatch(/^new-term-/)
  })

  it('reports, rather than silently fixes, a merge that would give two preferred terms in a language', () => {
    const p = planImport(termbase, [entry('x', [['en', 'conscript'], ['fi', 'varusmies']])])
    const r = resolvePlan(termbase, p, new Map(), OPTS)
    expect(r.problems).toHaveLength(1)
    expect(r.problems[0].problems[0].code).toBe('twoPreferred')
    expect(r.problems[0].problems).toEqual(validateEntry(r.writes[0]))
  })

  it('two imported concepts merged into one existing concept both land in it', () => {
    const p = planImport(termbase, [entry('a', [['en', 'exit ban'], ['sv', 'utreseförbud']]), entry('b', [['en', 'exit ban'], ['da', 'udrejseforbud']])])
    const choices = new Map<number, MergeChoice>()
    const r = resolvePlan(termbase, p, choices, OPTS)
    expect(r.writes).toHaveLength(1)
    expect(r.writes[0].terms.map((t) => t.lang).sort()).toEqual(['da', 'en', 'fi', 'sv'])
  })
})

describe('our own export re-imported', () => {
  const rich: ConceptEntry[] = [
    { ...entry('c-a', [['en', 'conscript'], ['en', 'draftee', 'admitted'], ['fi', 'asevelvollinen']], 'a person called up'), },
    entry('c-b', [['en', 'exit ban'], ['ru', 'запрет на выезд']]),
  ]
  rich[0].concept.subjectField = 'military service'
  rich[0].concept.related = ['c-b']
  rich[0].terms[1].sources = [{ doc: '004.txt', quote: 'the draftee' }]
  rich[0].terms[1].note = 'informal'

  for (const [name, write, read] of [
    ['CSV wide', (g: ConceptEntry[]) => exportCsv({ entries: g }, { layout: 'wide' }), (t: string) => importCsv(t).entries],
    ['CSV long', (g: ConceptEntry[]) => exportCsv({ entries: g }, { layout: 'long' }), (t: string) => importCsv(t).entries],
    ['TBX', (g: ConceptEntry[]) => exportTbx({ entries: g }), (t: string) => importTbx(t).entries],
    ['TBX v2', (g: ConceptEntry[]) => exportTbx({ entries: g }, { version: 'tbx2' }), (t: string) => importTbx(t).entries],
    ['MultiTerm XML', (g: ConceptEntry[]) => exportMultiTerm({ entries: g }), (t: string) => importMultiTerm(t).entries],
  ] as const) {
    it(`${name}: every concept is unchanged and nothing is written`, () => {
      const back = read(write(rich))
      expect(back).toHaveLength(2)
      const plan = planImport(rich, back)
      expect(plan.items.map((i) => i.status)).toEqual(['unchanged', 'unchanged'])
      const r = resolvePlan(rich, plan, new Map(), OPTS)
      expect(r.writes).toEqual([])
      expect(r.counts.unchanged).toBe(2)
    })
  }
})

describe('diffEntries', () => {
  it('names each changed field with before and after, ignoring ids and times', () => {
    const a = entry('c', [['en', 'exit ban'], ['fi', 'maastapoistumiskielto']])
    const b = structuredClone(a)
    b.terms[1].status = 'admitted'
    b.terms[0].id = 'other'
    b.terms[0].modified = '2030-01-01'
    b.concept.note = 'checked'
    expect(diffEntries(a, b)).toEqual([
      { scope: 'concept', field: 'note', before: '', after: 'checked' },
      { scope: 'term', field: 'status', lang: 'fi', term: 'maastapoistumiskielto', before: 'preferred', after: 'admitted' },
    ])
  })
})

describe('homonyms', () => {
  it('a file carrying our concept id is that concept, even when one of its terms is also another concept\'s', () => {
    const base = [entry('c-campaign', [['nb', 'innkallingsrunde'], ['nb', 'innkalling', 'admitted']]), entry('c-summons', [['nb', 'innkalling']])]
    const plan = planImport(base, structuredClone(base))
    expect(plan.items.map((i) => i.status)).toEqual(['unchanged', 'unchanged'])
  })
})
