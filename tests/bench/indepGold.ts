// The frozen gold of links between independent reports with each query tagged by its half, and the scores of a
// linker on it: ranking, the strong band, and no-counterpart passages.
import { readFileSync } from 'node:fs'
import type { PassageLinks } from '../../src/core/link'
import { loadIndepGold, snippetMatches, type CorpusDoc, type GoldSplit } from './linkGold'

/** Which half of the gold: tuning happens on 'dev' only. */
export type Split = GoldSplit

/** One source passage of the gold: its relevant targets (none for a no-counterpart passage), and its half. */
export interface IndepQuery { source: number; relevant: Set<number>; split: Split }

/** The gold of one report pair, both halves, every query tagged with its half. */
export interface IndepSet { set: string; a: CorpusDoc; b: CorpusDoc; queries: IndepQuery[]; unresolved: string[] }

/** One pair of tests/fixtures/link-indep-adjudicated.json: a pooled top-1 link the frozen gold lacks, judged blind. */
export interface AdjudicatedPair {
  id: string
  set: string
  split: Split
  fact: string
  a: { doc: string; snippet: string }
  b: { doc: string; snippet: string }
}

/** tests/fixtures/link-indep-adjudicated.json as stored. */
export interface Adjudication {
  about: string
  judged: string
  pool: { pairs: number; yes: number; no: number; unsure: number }
  controls: { pairs: number; yes: number; no: number; unsure: number }
  pairs: AdjudicatedPair[]
}

/** Reads tests/fixtures/link-indep-adjudicated.json. */
export function readAdjudication(): Adjudication {
  return JSON.parse(readFileSync(new URL('../fixtures/link-indep-adjudicated.json', import.meta.url), 'utf8')) as Adjudication
}

/** The one passage of `doc` a snippet names, or -1. */
function only(doc: CorpusDoc, snippet: string): number {
  const hits = snippetMatches(doc.passages.map((p) => p.text), snippet)
  return hits.length === 1 ? hits[0] : -1
}

/**
 * Adds the adjudicated pairs to the queries they belong to (same set, same source passage, same half), and returns
 * the pairs that did not fit (a snippet naming no passage or several, or a source the frozen gold has no query for).
 */
export function addAdjudicated(sets: IndepSet[], adj: Adjudication = readAdjudication()): string[] {
  const misfits: string[] = []
  for (const p of adj.pairs) {
    const s = sets.find((x) => x.set === p.set)
    const [i, j] = s ? [only(s.a, p.a.snippet), only(s.b, p.b.snippet)] : [-1, -1]
    const q = s?.queries.find((x) => x.source === i && x.split === p.split && x.relevant.size > 0)
    if (!q || j < 0) misfits.push(p.id)
    else q.relevant.add(j)
  }
  return misfits
}

/** Both halves of tests/fixtures/link-indep-gold.json (see `loadIndepGold`), as one list of queries per report pair. */
export function loadIndepSets(): IndepSet[] {
  const out = new Map<string, IndepSet>()
  for (const split of ['dev', 'test'] as Split[])
    for (const r of loadIndepGold(split)) {
      let s = out.get(r.set)
      if (!s) out.set(r.set, (s = { set: r.set, a: r.a, b: r.b, queries: [], unresolved: [] }))
      s.unresolved.push(...r.unresolved)
      for (const q of r.queries) s.queries.push({ source: q.source, relevant: q.relevant, split })
      for (const i of r.noCounterpart) s.queries.push({ source: i, relevant: new Set(), split })
    }
  return [...out.values()]
}

/** Scores of a linker on some gold queries. */
export interface IndepScore {
  /** Queries with a counterpart, and ranking quality on them. */
  queries: number
  p1: number
  mrr: number
  r5: number
  /** Top-1 links that are strong, and the share of them that are right (no-counterpart queries included). */
  strong: number
  strongPrecision: number
  /** No-counterpart queries, and the share that got a strong link. */
  empty: number
  emptyStrong: number
}

/** Sums raw counts so that sets can be merged before taking ratios. */
export interface IndepCounts { queries: number; p1: number; mrr: number; r5: number; strong: number; strongRight: number; empty: number; emptyStrong: number }

export const zeroCounts = (): IndepCounts => ({ queries: 0, p1: 0, mrr: 0, r5: 0, strong: 0, strongRight: 0, empty: 0, emptyStrong: 0 })

/** Adds the counts of `links` on `queries` to `c`. */
export function countIndep(c: IndepCounts, links: readonly PassageLinks[], queries: readonly IndepQuery[]): IndepCounts {
  for (const q of queries) {
    const cands = links[q.source]?.candidates ?? []
    const top = cands[0]
    const strong = top?.strength === 'strong'
    if (strong) {
      c.strong++
      if (q.relevant.has(top.index)) c.strongRight++
    }
    if (!q.relevant.size) {
      c.empty++
      if (strong) c.emptyStrong++
      continue
    }
    c.queries++
    const rank = cands.findIndex((x) => q.relevant.has(x.index))
    if (rank === 0) c.p1++
    if (rank >= 0 && rank < 5) c.r5++
    if (rank >= 0) c.mrr += 1 / (rank + 1)
  }
  return c
}

/** Ratios of summed counts. */
export function ratios(c: IndepCounts): IndepScore {
  const n = c.queries || 1
  return {
    queries: c.queries, p1: c.p1 / n, mrr: c.mrr / n, r5: c.r5 / n,
    strong: c.strong, strongPrecision: c.strong ? c.strongRight / c.strong : 1,
    empty: c.empty, emptyStrong: c.empty ? c.emptyStrong / c.empty : 0,
  }
}
