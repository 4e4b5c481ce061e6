// Turns a candidate's evidence (and, with a model, its embedding similarity) into a calibrated probability that the
// two passages state the same fact, and into a strength: strong, weak, or below what is shown.
import type { LinkEvidence } from './evidence'
import models from './calibrationModels.json'
import { logisticProbability } from '../logistic'
import { isDictionaryKey } from './features'

/** The pair features a calibration model reads, in this order. */
export const PAIR_FEATURES = [
  'lexical', 'substantive', 'specificNumbers', 'cognates', 'weakOnly', 'lexicalRank', 'lengthGap',
  'cosine', 'margin', 'denseRank', 'translations',
] as const
export type PairFeatureName = (typeof PAIR_FEATURES)[number]

/** A logistic model over pair features, fitted on the development half of the link gold (scripts/fit-link-calibration.ts). */
export interface CalibrationModel {
  /** Which features it reads (others are ignored). */
  features: PairFeatureName[]
  /** Mean and standard deviation of each feature on the training data (inputs are standardised). */
  mean: number[]
  std: number[]
  weights: number[]
  bias: number
  /** Probability at or above which a link is strong. */
  strong: number
  /** Probability below which a candidate is not shown at all. */
  weak: number
  /** Where and how it was fitted. */
  trainedOn: string
}

/**
 * The fitted models: tier 1 alone, and tier 1 with embeddings; and each of them again with the bilingual
 * dictionary (fitted when the dictionary pack was there; linking with a dictionary falls back to the plain ones).
 */
export const CALIBRATION: {
  lexical: CalibrationModel
  hybrid: CalibrationModel
  lexicalDictionary?: CalibrationModel
  hybridDictionary?: CalibrationModel
} = models as never

/** How sure a link is: strong (a researcher can rely on it), or weak (worth a look). */
export type LinkStrength = 'strong' | 'weak'

/** What is known of one candidate besides its evidence. */
export interface PairContext {
  /** 1-based rank among the lexical candidates, or 0 when it came from the dense retrieval only. */
  lexicalRank: number
  /** Characters of the source and the candidate passage. */
  charsA: number
  charsB: number
  /** Cosine of the two passages' embeddings, when a model took part. */
  cosine?: number
  /** Mean cosine of the source's nearest candidates (the hubness baseline the margin is taken against). */
  baseline?: number
  /** 1-based rank by cosine among all passages of B, when a model took part. */
  denseRank?: number
}

const SPECIFIC_NUMBER = new Set(['date', 'month', 'percent', 'range'])

/** A shared number that pins a fact down: a date, a percentage, a range, or a number of 100 or more. */
function isSpecific(key: string, kind: string): boolean {
  if (SPECIFIC_NUMBER.has(kind)) return true
  if (kind !== 'number') return false
  const v = Number(key.slice(2))
  return !Number.isFinite(v) || v >= 100 || !Number.isInteger(v)
}

/** The feature vector of a candidate (all of `PAIR_FEATURES`, in order). */
export function pairFeatures(ev: LinkEvidence, ctx: PairContext): number[] {
  const specific = ev.numbers.filter((f) => isSpecific(f.key, f.kind)).length
  const translations = ev.words.filter((f) => isDictionaryKey(f.key)).length
  const substantive = ev.concepts.length + ev.names.length + ev.words.length - translations + specific
  const cos = ctx.cosine ?? 0
  return [
    ev.lexical,
    Math.log1p(substantive),
    Math.log1p(specific),
    Math.log1p(ev.cognates.length),
    substantive === 0 ? 1 : 0,
    ctx.lexicalRank > 0 ? 1 / ctx.lexicalRank : 0,
    Math.abs(Math.log(Math.max(20, ctx.charsA) / Math.max(20, ctx.charsB))),
    cos,
    ctx.cosine === undefined ? 0 : cos - (ctx.baseline ?? cos),
    ctx.denseRank ? 1 / ctx.denseRank : 0,
    Math.log1p(translations),
  ]
}

/** Positions in `PAIR_FEATURES` of each feature a model reads, found once per model (scoring runs per candidate). */
const columns = new WeakMap<CalibrationModel, number[]>()

/** The probability `model` gives a feature vector (of all `PAIR_FEATURES`). */
export function probability(model: CalibrationModel, x: readonly number[]): number {
  let cols = columns.get(model)
  if (!cols) columns.set(model, (cols = model.features.map((name) => PAIR_FEATURES.indexOf(name))))
  return logisticProbability(model, x, cols)
}

/** The strength of a probability under `model`, or null when it is too low to show. */
export function strengthOf(model: CalibrationModel, p: number): LinkStrength | null {
  return p >= model.strong ? 'strong' : p >= model.weak ? 'weak' : null
}
