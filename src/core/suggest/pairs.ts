// Soft sentence pairs from passage links: which sentence of another language goes with which L sentence, and how surely.
//
// A passage link says two passages report the same facts; within them, a source sentence pairs with the
// target sentences that share the most link features (IDF-weighted names, numbers, concepts, cognates) with
// it (and, with `window`, its neighbours). Pair weight = the link's share of the source passage's best link × that focus.
import type { LinkEdge } from './corpus'
import { refKey, type MiningIndex } from './units'

/** One soft pair: a sentence of another language and an L sentence unit. */
export interface SentencePair {
  /** "doc:passage" of the source passage and the sentence index in it. */
  source: string
  sentence: number
  /** The L unit. */
  unit: number
  /** Weight in (0, 1]. */
  w: number
}

/** Options of `buildSentencePairs`. */
export interface PairOptions {
  /** Link candidates used per source passage (default 5; the linker must keep at least as many). */
  linksPerSource?: number
  /** A link counts when its score is at least this share of the source's best (default 0.3). */
  relativeScore?: number
  /** Sentences on each side of a source sentence whose features join its query (default 0). */
  window?: number
  /** A target sentence pairs when its overlap is at least this share of the best in its passage (default 0.3). */
  minFocus?: number
  /** A concept whose feature is left out of the source queries (see `LanguageLinker.edges`). */
  ignoreConcept?: string
}

/** The pairs, with the sums that association scores need. */
export interface SentencePairs {
  pairs: SentencePair[]
  /** Pair positions by concept of the source sentence. */
  byConcept: Map<string, number[]>
  /** Per n-gram key: the summed weight of the pairs whose L unit contains it. */
  gramMass: Map<string, number>
  /** Summed weight of all pairs. */
  total: number
}

/** Adds one pair and its sums. */
function addPair(out: SentencePairs, idx: MiningIndex, pair: SentencePair, concepts: Iterable<string>): void {
  const i = out.pairs.length
  out.pairs.push(pair)
  out.total += pair.w
  for (const k of idx.grams[pair.unit].keys()) out.gramMass.set(k, (out.gramMass.get(k) ?? 0) + pair.w)
  for (const c of concepts) {
    const list = out.byConcept.get(c)
    if (list) list.push(i)
    else out.byConcept.set(c, [i])
  }
}

/** Pairs the sentences of the source passages of `edges` with the L sentences of their linked passages. */
function pairEdges(out: SentencePairs, idx: MiningIndex, edges: readonly LinkEdge[], opts: PairOptions): void {
  const perSource = opts.linksPerSource ?? 5
  const rel = opts.relativeScore ?? 0.3
  const win = opts.window ?? 0
  const minFocus = opts.minFocus ?? 0.3
  const ignore = opts.ignoreConcept ? 'c:' + opts.ignoreConcept : null
  const N = idx.units.length
  const idf = (k: string) => Math.log(1 + N / (idx.featureDf.get(k) ?? 1))
  const bySource = new Map<string, LinkEdge[]>()
  for (const e of edges) {
    const k = refKey(e.source)
    const list = bySource.get(k)
    if (list) list.push(e)
    else bySource.set(k, [e])
  }
  for (const [src, list] of bySource) {
    const feats = idx.sourceFeatures.get(src)
    const concepts = idx.sourceConcepts.get(src)
    if (!feats || !concepts) continue
    const best = list.reduce((m, e) => Math.max(m, e.score), 0)
    if (best <= 0) continue
    const queries = feats.map((_, i) => {
      const q = new Set<string>()
      for (let j = i - win; j <= i + win; j++) for (const k of feats[j] ?? []) if (k !== ignore) q.add(k)
      return q
    })
    for (const e of list) {
      if (e.rank >= perSource || e.score < rel * best) continue
      const units = idx.unitsOf.get(refKey(e.target))
      if (!units?.length) continue
      const we = (e.score / best) * (e.rank === 0 ? 1 : 0.75)
      queries.forEach((q, s) => {
        const overlap = units.map((u) => {
          let x = 0
          for (const k of idx.features[u]) if (q.has(k)) x += idf(k)
          return x
        })
        const top = Math.max(...overlap)
        if (top <= 0) {
          if (units.length === 1) addPair(out, idx, { source: src, sentence: s, unit: units[0], w: we * 0.5 }, concepts[s])
          return
        }
        units.forEach((u, i) => {
          const focus = overlap[i] / top
          if (focus >= minFocus) addPair(out, idx, { source: src, sentence: s, unit: u, w: we * focus }, concepts[s])
        })
      })
    }
  }
}

/**
 * Pairs every sentence of every linked source passage with its best-matching sentences in the linked L
 * passages (see the module header). Sentences where a concept shows directly in L (its Russian term)
 * become pairs of weight 1 with a virtual source, so that they count for that concept.
 */
export function buildSentencePairs(idx: MiningIndex, edges: readonly LinkEdge[], opts: PairOptions = {}): SentencePairs {
  const out: SentencePairs = { pairs: [], byConcept: new Map(), gramMass: new Map(), total: 0 }
  pairEdges(out, idx, edges, opts)
  for (const [c, units] of idx.conceptDirect) for (const u of units) addPair(out, idx, { source: 'direct', sentence: 0, unit: u, w: 1 }, [c])
  return out
}

/**
 * A copy of `base` in which the pairs of the given source passages ("doc:passage") are replaced by pairs made
 * from `edges` (typically those passages' links recomputed with a concept left out). `base` is unchanged.
 */
export function replaceSourcePairs(
  base: SentencePairs,
  idx: MiningIndex,
  sources: ReadonlySet<string>,
  edges: readonly LinkEdge[],
  opts: PairOptions = {},
): SentencePairs {
  const out: SentencePairs = { pairs: base.pairs.slice(), byConcept: new Map(), gramMass: new Map(base.gramMass), total: base.total }
  for (const [c, list] of base.byConcept) out.byConcept.set(c, list.slice())
  out.pairs.forEach((p, i) => {
    if (!sources.has(p.source) || p.w === 0) return
    out.total -= p.w
    for (const k of idx.grams[p.unit].keys()) out.gramMass.set(k, (out.gramMass.get(k) ?? 0) - p.w)
    out.pairs[i] = { ...p, w: 0 }
  })
  pairEdges(out, idx, edges, opts)
  return out
}
