// The matcher's automaton follows glossary edits: re-running a check after updateConcepts reflects the new glossary.
import { describe, expect, it } from 'vitest'
import { buildMatcher } from '../../src/core/matcher'
import type { ConceptEntry, Glossary, Term } from '../../src/core/model'
import { checkDeprecatedTerms, checkMisspellings, createQaContext, runQa, type QaDocument } from '../../src/core/qa'
import { hydrateStarter } from '../../src/core/starterGlossary'

/** The Voenkomat concept only (the checks' tests have a larger glossary). */
function miniGlossary(): Glossary {
  return hydrateStarter({
    entries: [
      {
        concept: { id: 'c-voenkomat' },
        terms: [
          { lang: 'ru', text: 'военкомат', status: 'preferred' },
          { lang: 'en', text: 'military commissariat', status: 'preferred' },
          { lang: 'en', text: 'Voenkomat', status: 'admitted', type: 'transliteration' },
          { lang: 'en', text: 'Voenkoms', status: 'deprecated', type: 'transliteration' },
        ],
      },
    ],
  })
}

const docs: QaDocument[] = [{ id: 'r', lang: 'en', text: 'The Voenkamat called him twice. Every Voenkoms keeps files.' }]

function withTerm(g: Glossary, conceptId: string, term: Partial<Term> & Pick<Term, 'text' | 'status' | 'lang'>): { glossary: Glossary; entry: ConceptEntry } {
  const entries = g.entries.map((e) =>
    e.concept.id !== conceptId
      ? e
      : { ...e, terms: [...e.terms, { id: `${conceptId}-new`, conceptId, type: 'variant', sources: [], created: '', modified: '', ...term } as Term] },
  )
  return { glossary: { entries }, entry: entries.find((e) => e.concept.id === conceptId)! }
}

describe('glossary updates', () => {
  it('drops a misspelling once its spelling is added as an admitted variant', () => {
    const g = miniGlossary()
    const matcher = buildMatcher(g)
    const before = checkMisspellings(createQaContext(g, docs, { matcher }))
    expect(before.map((f) => f.surface)).toEqual(['Voenkamat'])
    const { glossary, entry } = withTerm(g, 'c-voenkomat', { lang: 'en', text: 'Voenkamat', status: 'admitted' })
    matcher.updateConcepts([entry])
    const ctx = createQaContext(glossary, docs, { matcher })
    expect(checkMisspellings(ctx)).toEqual([])
    expect(ctx.docs[0].hits.map((h) => h.surface)).toContain('Voenkamat')
  })

  it('reports a spelling as deprecated once the glossary says so, and stops when it is admitted again', () => {
    const g = miniGlossary()
    const matcher = buildMatcher(g)
    const { glossary, entry } = withTerm(g, 'c-voenkomat', { lang: 'en', text: 'Voenkamat', status: 'deprecated' })
    matcher.updateConcepts([entry])
    const found = runQa(glossary, docs, { matcher, checks: ['deprecated-term', 'misspelling'] }).findings
    expect(found.map((f) => [f.check, f.surface])).toEqual([['deprecated-term', 'Voenkamat'], ['deprecated-term', 'Voenkoms']])
    const admitted = {
      entries: glossary.entries.map((e) => (e.concept.id === 'c-voenkomat' ? { ...e, terms: e.terms.map((t) => (t.text === 'Voenkoms' ? { ...t, status: 'admitted' as const } : t)) } : e)),
    }
    matcher.updateConcepts(admitted.entries.filter((e) => e.concept.id === 'c-voenkomat'))
    expect(checkDeprecatedTerms(createQaContext(admitted, docs, { matcher })).map((f) => f.surface)).toEqual(['Voenkamat'])
  })

  it('forgets a removed concept', () => {
    const g = miniGlossary()
    const matcher = buildMatcher(g)
    matcher.updateConcepts([], ['c-voenkomat'])
    const rest = { entries: g.entries.filter((e) => e.concept.id !== 'c-voenkomat') }
    const ctx = createQaContext(rest, docs, { matcher })
    expect(ctx.docs[0].hits).toEqual([])
    expect(checkMisspellings(ctx)).toEqual([])
  })
})
