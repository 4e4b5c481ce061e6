// Links every passage of report A to its ranked candidate passages of report B, in any language pair, with evidence.
import type { Lang, PassageKind } from '../model'
import { explainLink, type LinkEvidence } from './evidence'
import { extractFeatures, extractQueryFeatures, type ConceptMatcherLike, type FeatureOptions, type LinkPassage, type PassageFeatures } from './features'
import { neuralFunction, type NeuralOptions } from './hybrid'
import { CALIBRATION, pairFeatures, probability, strengthOf, type CalibrationModel, type LinkStrength } from './calibrate'
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
  /** Candidates scored per source passage, from each retrieval (default max(50, 5 × top)). */
  pool?: number
  /** Weight of a whole source passage next to its best sentence window (default 0.1). */
  windowMix?: number
  /** The calibration model (default: the fitted one for tier 1, or for hybrid when a neural tier is given; each with or without a dictionary). */
  calibration?: CalibrationModel
  /** Keep every scored candidate, with its pair features (for fitting a calibration model). */
  keepAll?: boolean
}

/** How a candidate's score was made. */
export type LinkMethod = 'lexical' | 'hybrid'

/** A candidate passage of B for one passage of A. */
export interface LinkCandidate {
  /** Position of the candidate in B's passage list. */
  index: number
  /** Calibrated probability in [0, 1] that both passages state the same fact (see `calibrate.ts`). */
  score: number
  /** Strong: a researcher can rely on it; weak: worth a look. Candidates below the weak floor are not listed. */
  strength: LinkStrength
  /** The pair features behind the score (only with `keepAll`). */
  features?: number[]
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
  const pool = opts.pool ?? Math.max(50, 5 * top)
  const model = opts.calibration ?? calibrationFor(!!neural, !!opts.dictionary && Object.keys(opts.dictionary.entries).length > 0)
  return aFeatures.map((q, source) => {
    const srcKind = q.passageKind
    if (srcKind === 'footnote' && !opts.includeFootnotes) return { source, candidates: [] }
    const ref = !!q.reference
    const accept = (doc: number) =>
      kindsCompatible(srcKind, target.index.kinds[doc], opts.includeFootnotes) && !!target.features[doc].reference === ref
    const lexical = searchLinkIndex(target.index, q, { top: pool, weights: opts.weights, maxPostings: opts.maxPostings, accept, windowMix: opts.windowMix })
    const pooled = new Map<number, { lexical: number; rank: number }>()
    lexical.forEach((c, i) => pooled.set(c.index, { lexical: c.score, rank: i + 1 }))
    const dense = neural ? denseNeighbours(opts, source, target.features.length, neural, accept, pool) : null
    if (dense) for (const i of dense.order.slice(0, pool)) if (!pooled.has(i)) pooled.set(i, { lexical: 0, rank: 0 })
    const scored: LinkCandidate[] = []
    for (const [index, c] of pooled) {
      const lang = q.lang && q.lang === target.features[index].lang ? q.lang : false
      const evidence = explainLink(target.index, q, index, c.lexical, { weights: opts.weights, sameLanguage: lang })
      const cos = dense ? dense.cos[index] : undefined
      if (cos !== undefined) evidence.neural = Math.max(0, Math.min(1, cos))
      const x = pairFeatures(evidence, {
        lexicalRank: c.rank, charsA: q.chars ?? 0, charsB: target.features[index].chars ?? 0,
        cosine: cos, baseline: dense?.baseline, denseRank: dense ? dense.rank.get(index) : undefined,
      })
      const p = probability(model, x)
      const strength = strengthOf(model, p)
      if (opts.keepAll) scored.push({ index, score: p, strength: strength ?? 'weak', method: neural ? 'hybrid' : 'lexical', evidence, features: x })
      else if (strength) scored.push({ index, score: p, strength, method: neural ? 'hybrid' : 'lexical', evidence })
    }
    scored.sort((x, y) => y.score - x.score || x.index - y.index)
    return { source, candidates: opts.keepAll ? scored : scored.slice(0, top) }
  })
}

/** The fitted calibration model of a tier (hybrid or tier 1 alone), with or without the bilingual dictionary. */
function calibrationFor(neural: boolean, dictionary: boolean): CalibrationModel {
  if (neural) return (dictionary && CALIBRATION.hybridDictionary) || CALIBRATION.hybrid
  return (dictionary && CALIBRATION.lexicalDictionary) || CALIBRATION.lexical
}

/** Every passage of B by cosine to source `a` (accepted ones only), with ranks and the mean of the nearest ten. */
function denseNeighbours(opts: LinkOptions, a: number, size: number, sim: (a: number, b: number) => number, accept: (doc: number) => boolean, pool: number) {
  const cos = new Float64Array(size)
  const order: number[] = []
  for (let i = 0; i < size; i++) {
    if (!accept(i) || (opts.embeddings && !opts.embeddings.b[i]?.length)) continue
    cos[i] = sim(a, i)
    order.push(i)
  }
  order.sort((x, y) => cos[y] - cos[x] || x - y)
  const rank = new Map<number, number>()
  order.slice(0, pool).forEach((i, r) => rank.set(i, r + 1))
  const near = order.slice(0, 10)
  const baseline = near.length ? near.reduce((s, i) => s + cos[i], 0) / near.length : 0
  return { cos, order, rank, baseline }
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
