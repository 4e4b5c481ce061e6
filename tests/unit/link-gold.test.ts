// Quality floors of tier-1 linking on the gold sets (tests/fixtures/link-gold.json), resolved on the live corpus.
import { describe, expect, it } from 'vitest'
import { buildMatcher } from '../../src/core/matcher'
import { linkDocuments } from '../../src/core/link'
import { corpusAvailable, loadLinkGold, loadStarterGlossary, scoreLinks, type RankScore } from '../bench/linkGold'

describe.skipIf(!corpusAvailable)('linking gold sets', () => {
  const glossary = loadStarterGlossary()
  const matcher = glossary ? buildMatcher(glossary) : null
  const sets = corpusAvailable ? loadLinkGold() : []
  const scores = new Map<string, RankScore>()
  for (const g of sets) {
    const links = linkDocuments(g.a.passages, g.b.passages, { matcher, top: 10, langA: g.a.lang, langB: g.b.lang })
    scores.set(g.set, scoreLinks(links, g.queries))
  }
  const merged = (names: string[]) => {
    const list = names.map((n) => scores.get(n)!)
    const q = list.reduce((s, x) => s + x.queries, 0)
    const avg = (f: (x: RankScore) => number) => list.reduce((s, x) => s + f(x) * x.queries, 0) / q
    return { queries: q, p1: avg((x) => x.p1), p5: avg((x) => x.p5), mrr: avg((x) => x.mrr) }
  }

  it('has enough gold, and every snippet resolves to a passage', () => {
    const fr = sets.find((g) => g.set === 'fr-en')!
    expect(fr.pairs).toBeGreaterThanOrEqual(40)
    expect(sets.filter((g) => g.set !== 'fr-en').reduce((s, g) => s + g.pairs, 0)).toBeGreaterThanOrEqual(15)
    for (const g of sets) expect(g.unresolved, g.set).toEqual([])
  })
  it('fr→en (003 → 004): P@1 ≥ 0.85 and MRR ≥ 0.9', () => {
    const s = scores.get('fr-en')!
    expect(s.p1).toBeGreaterThanOrEqual(0.85)
    expect(s.mrr).toBeGreaterThanOrEqual(0.9)
  })
  it('da/nb→en (002, 001 → 004): the floors reached so far (P@1 ≥ 0.33, P@5 ≥ 0.6, MRR ≥ 0.45)', () => {
    const s = merged(['da-en', 'nb-en'])
    expect(s.p1).toBeGreaterThanOrEqual(0.33)
    expect(s.p5).toBeGreaterThanOrEqual(0.6)
    expect(s.mrr).toBeGreaterThanOrEqual(0.45)
  })
})
