// The linking jobs of the analysis worker as plain async functions (no DOM, no worker globals), so that Node tests run
// exactly what the browser runs: report-to-report linking in chunks (progress, cancel) and "find in other reports".
import {
  buildLinkIndex, featuresOf, linkPrepared, prepareLinkTarget, queryFeaturesOf,
  type ConceptMatcherLike, type LinkEvidence, type LinkOptions, type LinkPassage, type LinkTarget, type PassageEmbeddings, type PassageLinks,
} from '../core/link'
import type { LinkDictionary } from '../core/link/dictionary'
import type { Lang } from '../core/model'
import { JobCancelledError, type JobHooks } from './jobProtocol'

/** The steps of a linking job, in order. */
export type LinkJobPhase = 'features' | 'index' | 'link'

/** Progress of one phase: `done` of `total` units (passages). */
export interface LinkJobProgress {
  phase: LinkJobPhase
  done: number
  total: number
}

/** What the caller can hook into: progress, a cancel flag checked between chunks (a raised one stops the job with a
 * JobCancelledError), a pause awaited between chunks (in the worker: a macrotask, so that a cancel message can arrive). */
export interface LinkJobHooks extends Omit<JobHooks<LinkJobProgress>, 'matchers'> {
  /** Passages per chunk (default 64). */
  chunk?: number
  /** The bilingual dictionary, fetched when the job starts (in the worker: the pack the app serves); none by default. */
  dictionary?: () => Promise<LinkDictionary | null>
}

/** A report-to-report linking request. */
export interface LinkJobRequest {
  a: LinkPassage[]
  b: LinkPassage[]
  langA: Lang | 'und'
  langB: Lang | 'und'
  /** Candidates per source passage (default 5). */
  top?: number
  /** Passage embeddings of both reports, by position (tier 2), when a model was available. */
  embeddings?: PassageEmbeddings | null
}

/**
 * Links every passage of A to its ranked candidates in B: the same result as `linkDocuments`, computed in
 * chunks of passages so that progress is reported and a cancel is honoured between chunks.
 */
export async function runLinkJob(req: LinkJobRequest, matcher: ConceptMatcherLike | null, hooks: LinkJobHooks = {}): Promise<PassageLinks[]> {
  const chunk = Math.max(1, hooks.chunk ?? 64)
  const dictionary = (await hooks.dictionary?.()) ?? null
  const opts: LinkOptions = { matcher, langA: req.langA, langB: req.langB, top: req.top ?? 5, embeddings: req.embeddings ?? undefined, dictionary }
  const step = async (phase: LinkJobPhase, done: number, total: number): Promise<void> => {
    if (hooks.isCancelled?.()) throw new JobCancelledError()
    hooks.onProgress?.({ phase, done, total })
    await hooks.pause?.()
    if (hooks.isCancelled?.()) throw new JobCancelledError()
  }
  const total = req.a.length + req.b.length
  const aFeatures: ReturnType<typeof queryFeaturesOf> = []
  const bFeatures: ReturnType<typeof featuresOf> = []
  await step('features', 0, total)
  for (let s = 0; s < req.a.length; s += chunk) {
    aFeatures.push(...queryFeaturesOf(req.a.slice(s, s + chunk), req.langA, opts))
    await step('features', aFeatures.length, total)
  }
  for (let s = 0; s < req.b.length; s += chunk) {
    bFeatures.push(...featuresOf(req.b.slice(s, s + chunk), req.langB, opts))
    await step('features', aFeatures.length + bFeatures.length, total)
  }
  await step('index', 0, 1)
  const target: LinkTarget = { features: bFeatures, index: buildLinkIndex(bFeatures, { background: aFeatures }) }
  const out: PassageLinks[] = []
  await step('link', 0, aFeatures.length)
  for (let s = 0; s < aFeatures.length; s += chunk) {
    const e = Math.min(aFeatures.length, s + chunk)
    const emb = opts.embeddings ? { a: opts.embeddings.a.slice(s, e), b: opts.embeddings.b } : undefined
    for (const r of linkPrepared(aFeatures.slice(s, e), target, { ...opts, embeddings: emb })) out.push({ ...r, source: r.source + s })
    await step('link', e, aFeatures.length)
  }
  return out
}

/** A prepared report for "find in other reports": its id and its indexed features. */
export interface FindTarget {
  docId: string
  target: LinkTarget
}

/** Indexes one report for `findAcross` (with the bilingual dictionary, when one is given: the same for every report and query). */
export function prepareFindTarget(
  docId: string, passages: readonly LinkPassage[], lang: Lang | 'und', matcher: ConceptMatcherLike | null, dictionary: LinkDictionary | null = null,
): FindTarget {
  return { docId, target: prepareLinkTarget(passages, { matcher, langB: lang, dictionary }) }
}

/** One passage of another report found for a query passage. */
export interface FoundPassage {
  docId: string
  /** Position of the passage in that report's passage list. */
  index: number
  score: number
  evidence: LinkEvidence
}

/**
 * Ranks the passages of every target report against one query passage (tier 1): the `top` best of all
 * reports together, best first (ties by report order, then position).
 */
export function findAcross(
  query: LinkPassage, lang: Lang | 'und', targets: readonly FindTarget[], matcher: ConceptMatcherLike | null, top = 10,
  dictionary: LinkDictionary | null = null,
): FoundPassage[] {
  const opts: LinkOptions = { matcher, langA: lang, top, dictionary }
  const [q] = queryFeaturesOf([query], lang, opts)
  const found: FoundPassage[] = []
  for (const t of targets) {
    const [links] = linkPrepared([q], t.target, opts)
    for (const c of links.candidates) if (c.score > 0) found.push({ docId: t.docId, index: c.index, score: c.score, evidence: c.evidence })
  }
  found.sort((x, y) => y.score - x.score)
  return found.slice(0, top)
}
