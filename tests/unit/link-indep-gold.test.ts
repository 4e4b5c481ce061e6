// Soundness of the frozen independent-report link gold (tests/fixtures/link-indep-gold.json): resolvable, consistent, split in balanced
// halves; and of its adjudicated pool (tests/fixtures/link-indep-adjudicated.json): every pair new and in its query's half.
import { describe, expect, it } from 'vitest'
import { corpusAvailable, loadDoc, loadIndepGold, readIndepGold, snippetMatches, type GoldSplit } from '../bench/linkGold'
import { addAdjudicated, loadIndepSets, readAdjudication } from '../bench/indepGold'

describe.skipIf(!corpusAvailable)('independent-report link gold', () => {
  const gold = readIndepGold()
  const items = [...gold.pairs, ...gold.noCounterpart]
  const resolved = new Map<string, number>()
  /** The one passage a snippet names (or -1 when it names none or several). */
  const only = (doc: string, snippet: string) => {
    const key = `${doc}\n${snippet}`
    if (!resolved.has(key)) {
      const hits = snippetMatches(loadDoc(doc).passages.map((p) => p.text), snippet)
      resolved.set(key, hits.length === 1 ? hits[0] : -1)
    }
    return resolved.get(key)!
  }
  const source = (x: { a: { doc: string; snippet: string } }) => `${x.a.doc}#${only(x.a.doc, x.a.snippet)}`

  it('is large enough and covers every language pair of the brief', () => {
    expect(gold.pairs.length).toBeGreaterThanOrEqual(60)
    expect(gold.noCounterpart.length).toBeGreaterThanOrEqual(30)
    const sets = new Set(gold.pairs.map((p) => p.set))
    for (const s of ['da-en', 'nb-en', 'fi-en', 'nb-da', 'fr-da', 'fr-nb']) expect(sets.has(s), s).toBe(true)
    expect(gold.frozen).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('every snippet resolves to exactly one passage of its document', () => {
    const bad: string[] = []
    for (const p of gold.pairs) {
      if (only(p.a.doc, p.a.snippet) < 0) bad.push(`${p.id} a: ${p.a.snippet}`)
      if (only(p.b.doc, p.b.snippet) < 0) bad.push(`${p.id} b: ${p.b.snippet}`)
    }
    for (const n of gold.noCounterpart) if (only(n.a.doc, n.a.snippet) < 0) bad.push(`${n.id} a: ${n.a.snippet}`)
    expect(bad).toEqual([])
  })

  it('has unique ids, one document pair per set, and sources in their report’s own language', () => {
    expect(new Set(items.map((x) => x.id)).size).toBe(items.length)
    const docs = new Map<string, string>()
    for (const x of items) {
      const key = `${x.a.doc}→${x.b.doc}`
      expect(docs.get(x.set) ?? key, x.id).toBe(key)
      docs.set(x.set, key)
      const doc = loadDoc(x.a.doc)
      expect(doc.passages[only(x.a.doc, x.a.snippet)]?.lang, x.id).toBe(doc.lang)
    }
  })

  it('never calls a passage both linked to and without a counterpart in the same report', () => {
    const linked = new Set(gold.pairs.map((p) => `${source(p)}→${p.b.doc}`))
    const clash = gold.noCounterpart.filter((n) => linked.has(`${source(n)}→${n.b.doc}`)).map((n) => n.id)
    expect(clash).toEqual([])
  })

  it('puts each source passage in one half only', () => {
    const half = new Map<string, Set<GoldSplit>>()
    for (const x of items) half.set(source(x), (half.get(source(x)) ?? new Set()).add(x.split))
    expect([...half].filter(([, s]) => s.size > 1).map(([k]) => k)).toEqual([])
    expect(new Set(items.map((x) => x.split))).toEqual(new Set(['dev', 'test']))
  })

  it('balances the halves within each set: each holds at least 40% of its source passages and of its items', () => {
    const lists = { pairs: gold.pairs, noCounterpart: gold.noCounterpart }
    for (const [kind, list] of Object.entries(lists)) {
      for (const set of new Set(list.map((x) => x.set))) {
        const of = list.filter((x) => x.set === set)
        for (const split of ['dev', 'test'] as const) {
          const mine = of.filter((x) => x.split === split)
          expect(mine.length / of.length, `${kind} ${set} ${split} items`).toBeGreaterThanOrEqual(0.4)
          const sources = (xs: typeof of) => new Set(xs.map(source)).size
          expect(sources(mine) / sources(of), `${kind} ${set} ${split} sources`).toBeGreaterThanOrEqual(0.4)
        }
      }
    }
  })

  it('loads per split with every snippet resolved, one query per source passage', () => {
    for (const split of ['dev', 'test'] as const) {
      const sets = loadIndepGold(split)
      for (const s of sets) expect(s.unresolved, `${split} ${s.set}`).toEqual([])
      const pairs = gold.pairs.filter((p) => p.split === split)
      expect(sets.reduce((n, s) => n + s.pairs, 0)).toBe(pairs.length)
      expect(sets.reduce((n, s) => n + s.queries.length, 0)).toBe(new Set(pairs.map((p) => `${p.set}:${source(p)}`)).size)
      expect(sets.reduce((n, s) => n + s.noCounterpart.length, 0)).toBe(gold.noCounterpart.filter((x) => x.split === split).length)
    }
  })
})

describe.skipIf(!corpusAvailable)('adjudicated pool of the independent-report gold', () => {
  const adj = readAdjudication()

  it('adds each pair to a query of the frozen gold, in the half of its source passage', () => {
    const sets = loadIndepSets()
    const before = sets.map((s) => s.queries.reduce((n, q) => n + q.relevant.size, 0))
    expect(addAdjudicated(sets, adj)).toEqual([])
    const after = sets.map((s) => s.queries.reduce((n, q) => n + q.relevant.size, 0))
    // Every pair is new: none names a target the frozen gold already lists for its source.
    expect(after.reduce((a, b) => a + b, 0) - before.reduce((a, b) => a + b, 0)).toBe(adj.pairs.length)
  })

  it('lists exactly the pooled pairs judged the same fact, with unique ids', () => {
    expect(adj.pairs.length).toBe(adj.pool.yes)
    expect(adj.pool.yes + adj.pool.no + adj.pool.unsure).toBe(adj.pool.pairs)
    expect(adj.controls.yes + adj.controls.no + adj.controls.unsure).toBe(adj.controls.pairs)
    expect(new Set(adj.pairs.map((p) => p.id)).size).toBe(adj.pairs.length)
    for (const p of adj.pairs) expect(p.fact.length, p.id).toBeGreaterThan(10)
  })
})
