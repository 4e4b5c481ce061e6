// Links every passage of report A to its ranked candidate passages of report B, in any language pair, with evidence.
import type { Lang, PassageKind } from '../model'
import { explainLink, type LinkEvidence } from './evidence'
import { extractFeatures, extractQueryFeatures, type ConceptMatcherLike, type FeatureOptions, type LinkPassage, type PassageFeatures } from './features'
import { hybridScore, nearestByEmbedding, neuralFunction, type NeuralOptions } from './hybrid'
import { buildLinkIndex, searchLinkIndex, type FeatureWeights, type LinkIndex, type LinkIndexOptions } from './linkIndex'

/** Options of `linkDocuments`. */
export interface LinkOptions extends NeuralOptions, FeatureOptions, LinkIndexOptions {
  /** Glossary matcher (`buildMatcher(glossary)`): shared concepts become evidence. */
  matcher?: ConceptMatcherLike | null
  /** Language of A and of B, used where a passage has none (default 'und'). */
  langA?: Lang | 'und'
  langB?: Lang | 'und'
  /** Candidates per source passage (default 10). */
  top?: number
  weights?: Partial<FeatureWeights>
  /** Postings traversed per key (see `searchLinkIndex`). */
  maxPostings?: number
  /** Link footnotes too (to footnotes); by default they are neither sources nor candidates. */
  includeFootnotes?: boolean
  /** Lexical candidates re-scored by the neural tier (default max(50, 5 × top)). */
  pool?: number
  /** Weight of a whole source passage next to its best sentence window (default 0.1). */
  windowMix?: number
}

/** How a candidate's score was made. */
export type LinkMethod = 'lexical' | 'hybrid'

/** A candidate passage of B for one passage of A. */
export interface LinkCandidate {
  /** Position of the candidate in B's passage list. */
  index: number
  /** Score in [0, 1]: lexical, or hybrid when a neural tier took part. */
  score: number
  method: LinkMethod
  evidence: LinkEvidence
}

/** The ranked candidates of one passage of A. */
export interface PassageLinks {
  /** Position of the source passage in A's passage list. */
  source: number
  candidates: LinkCandidate[]
}

/** The side of a link that is searched: B's features and its inverted index. */
export interface LinkTarget {
  features: PassageFeatures[]
  index: LinkIndex
}

/** Whether a passage of kind `a` may link to one of kind `b`: headings to headings, body to body, no footnotes. */
export function kindsCompatible(a: PassageKind | undefined, b: PassageKind | undefined, includeFootnotes = false): boolean {
  if (!a || !b) return true
  if (a === 'footnote' || b === 'footnote') return includeFootnotes && a === b
  if (a === 'heading' || b === 'heading') return a === b
  return true
}

/** Extracts the features of every passage of a document to index it (the target side). */
export function featuresOf(passages: readonly LinkPassage[], lang: Lang | 'und', opts: LinkOptions = {}): PassageFeatures[] {
  return passages.map((p) => extractFeatures(p, lang, opts.matcher, opts))
}

/** Extracts query features (with sentence windows) of every passage of a document (the source side). */
export function queryFeaturesOf(passages: readonly LinkPassage[], lang: Lang | 'und', opts: LinkOptions = {}): PassageFeatures[] {
  return passages.map((p) =>
    p.kind === 'footnote' && !opts.includeFootnotes ? extractFeatures(p, lang, opts.matcher, opts) : extractQueryFeatures(p, lang, opts.matcher, opts),
  )
}

/**
 * Prepares B once (features and index) so that many documents can be linked against it. `background`: the
 * source's features, so that document frequencies count both reports (see `LinkIndexOptions.background`).
 */
export function prepareLinkTarget(b: readonly LinkPassage[], opts: LinkOptions = {}, background?: readonly PassageFeatures[]): LinkTarget {
  const features = featuresOf(b, opts.langB ?? 'und', opts)
  return { features, index: buildLinkIndex(features, { ...opts, background }) }
}

/** Links passages whose features are already extracted against a prepared target. */
export function linkPrepared(aFeatures: readonly PassageFeatures[], target: LinkTarget, opts: LinkOptions = {}): PassageLinks[] {
  const top = opts.top ?? 10
  const neural = neuralFunction(opts)
  const pool = neural ? (opts.pool ?? Math.max(50, 5 * top)) : top
  const alpha = opts.neuralWeight ?? 0.5
  return aFeatures.map((q, source) => {
    const srcKind = q.passageKind
    if (srcKind === 'footnote' && !opts.includeFootnotes) return { source, candidates: [] }
    const accept = (doc: number) => kindsCompatible(srcKind, target.index.kinds[doc], opts.includeFootnotes)
    const lexical = searchLinkIndex(target.index, q, { top: pool, weights: opts.weights, maxPostings: opts.maxPostings, accept, windowMix: opts.windowMix })
    let ranked = lexical.map((c) => ({ index: c.index, lexical: c.score, neural: undefined as number | undefined, score: c.score }))
    if (neural) {
      const seen = new Set(ranked.map((c) => c.index))
      if (opts.embeddings?.a[source]) {
        for (const i of nearestByEmbedding(opts.embeddings.a[source], opts.embeddings.b, pool))
          if (!seen.has(i) && accept(i)) ranked.push({ index: i, lexical: 0, neural: undefined, score: 0 }), seen.add(i)
      }
      for (const c of ranked) {
        c.neural = Math.max(0, Math.min(1, neural(source, c.index)))
        c.score = hybridScore(c.lexical, c.neural, alpha)
      }
      ranked.sort((x, y) => y.score - x.score || x.index - y.index)
    }
    ranked = ranked.slice(0, top)
    const candidates: LinkCandidate[] = ranked.map((c) => {
      const evidence = explainLink(target.index, q, c.index, c.lexical, { weights: opts.weights })
      if (c.neural !== undefined) evidence.neural = c.neural
      return { index: c.index, score: c.score, method: neural ? 'hybrid' : 'lexical', evidence }
    })
    return { source, candidates }
  })
}

/**
 * For every passage of A (by position), the `top` ranked candidate passages of B with score and evidence.
 * Tier 1 (lexical and glossary-driven) always runs: features of B go into an inverted index and only passages
 * sharing a feature with the source are scored (BM25-like, IDF-weighted over both reports; a long source passage
 * scores by its best window of sentences, see `extractQueryFeatures`). With `neural` or `embeddings`, the
 * lexical pool (plus embedding neighbours) is re-ranked by a hybrid score that keeps the lexical evidence.
 */
export function linkDocuments(a: readonly LinkPassage[], b: readonly LinkPassage[], opts: LinkOptions = {}): PassageLinks[] {
  const aFeatures = queryFeaturesOf(a, opts.langA ?? 'und', opts)
  const target = prepareLinkTarget(b, opts, aFeatures)
  return linkPrepared(aFeatures, target, opts)
}
