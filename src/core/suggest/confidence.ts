// How likely a terminologist accepts a term candidate, one probability for every source: co-occurrence candidates by
// a logistic model over their evidence, fitted by scripts/fit-candidate-confidence.ts on the development half of
// tests/bench/eval-candidates.ts (concepts a report names, and concepts no report of the language names).
import type { Candidate } from './candidates'
import MODEL from './confidenceModel.json'
import { logisticProbability, type LogisticModel } from '../logistic'

/** The features of a co-occurrence candidate, in the order of the model's weights. */
export const CANDIDATE_FEATURES = ['logJoint', 'logMass', 'similarity', 'glossed', 'relative'] as const

/** The fitted model (confidenceModel.json). */
export interface ConfidenceModel extends LogisticModel {
  features: readonly string[]
  trainedOn: string
}

/**
 * The features of a co-occurrence candidate whose concept's best co-occurrence score is `best`: how much linked
 * evidence contains it and how much the concept has (logs), its spelling similarity to the concept's terms in other
 * languages, whether a report glosses the concept with it, and its score relative to the best. Not its rank: two
 * candidates the miner cannot tell apart get one confidence, so ordering by confidence keeps the miner's order there.
 */
export function candidateFeatures(c: Candidate, best: number): number[] {
  const relative = best > 0 ? Math.max(0, Math.min(1, c.score / best)) : 0
  return [Math.log1p(c.support?.joint ?? 0), Math.log1p(c.support?.mass ?? 0), c.similarity ?? 0, (c.support?.gloss ?? 0) > 0 ? 1 : 0, relative]
}

/**
 * Probability that the candidate is the term a terminologist would accept. Co-occurrence: the fitted model, so a first
 * candidate with little linked evidence, unlike the concept's terms in other languages, scores low (the concept may
 * not occur in the reports of the language at all). A sure cognate (an exact respelling found in the corpus) is right
 * far more often than not; machine translation is capped below that.
 */
export function confidenceOf(c: Candidate, best: number): number {
  if (c.source === 'cognate') return c.score >= 0.6 ? 0.8 : Math.min(0.5, 0.4 * c.score)
  if (c.source === 'mt') return Math.min(0.6, 0.5 * c.score + 0.1)
  return Math.round(logisticProbability(MODEL as ConfidenceModel, candidateFeatures(c, best)) * 1000) / 1000
}
