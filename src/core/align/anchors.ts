// Lexical anchors between sentence groups (shared numbers, names, cognates, glossary concepts) for the aligner.
import type { Lang } from '../model'
import { extractFeatures, type ConceptMatcherLike, type FeatureKind, type PassageFeatures } from '../link/features'

/** How much a shared feature of each kind counts as an anchor. Years and cognates are weak, numbers and names strong. */
export const ANCHOR_WEIGHTS: Record<FeatureKind, number> = {
  concept: 1.5,
  date: 3,
  month: 2,
  year: 1.5,
  number: 3,
  percent: 3,
  range: 3,
  name: 2,
  phrase: 2,
  cognate: 1,
  lexicon: 1,
}

/** A sentence's anchor keys with their weights, and its numeric keys, computed once per sentence. */
export interface SentenceAnchors {
  weights: Map<string, number>
  numeric: Set<string>
}

const NUMERIC_KEY = /^(d|m|n|p|r|y):/

/** Anchor keys of one sentence's features. */
export function anchorsOf(f: PassageFeatures): SentenceAnchors {
  const weights = new Map<string, number>()
  const numeric = new Set<string>()
  for (const [key, occ] of f.first) {
    weights.set(key, ANCHOR_WEIGHTS[occ.kind] ?? 0)
    if (NUMERIC_KEY.test(key)) numeric.add(key)
  }
  return { weights, numeric }
}

/** Features of each sentence of one side, computed once. */
export function sentenceFeatures(sentences: readonly string[], lang: Lang | 'und', matcher?: ConceptMatcherLike | null): PassageFeatures[] {
  return sentences.map((s) => extractFeatures(s, lang, matcher))
}

function merged(group: readonly SentenceAnchors[]): SentenceAnchors {
  if (group.length === 1) return group[0]
  const weights = new Map<string, number>()
  const numeric = new Set<string>()
  for (const g of group) {
    for (const [k, w] of g.weights) weights.set(k, Math.max(weights.get(k) ?? 0, w))
    for (const k of g.numeric) numeric.add(k)
  }
  return { weights, numeric }
}

/**
 * Anchor similarity of a source group and a target group in [0, 1]: weighted Dice overlap of their keys (each
 * key counted once per group). Groups without keys score 0, so they neither help nor hurt.
 */
export function groupSimilarity(a: readonly SentenceAnchors[], b: readonly SentenceAnchors[]): number {
  const ka = merged(a).weights
  const kb = merged(b).weights
  if (ka.size === 0 || kb.size === 0) return 0
  let shared = 0
  let total = 0
  for (const [k, w] of ka) {
    total += w
    if (kb.has(k)) shared += w
  }
  for (const [k, w] of kb) {
    total += w
    if (ka.has(k)) shared += w
  }
  return total > 0 ? shared / total : 0
}

/** Share of numeric keys found on one side only (0 when either side has none): translations keep their numbers. */
export function groupNumberMismatch(a: readonly SentenceAnchors[], b: readonly SentenceAnchors[]): number {
  const na = merged(a).numeric
  const nb = merged(b).numeric
  if (na.size === 0 || nb.size === 0) return 0
  let miss = 0
  for (const k of na) if (!nb.has(k)) miss++
  for (const k of nb) if (!na.has(k)) miss++
  return miss / (na.size + nb.size)
}

/** `groupSimilarity` of sentence features. */
export function anchorSimilarity(a: readonly PassageFeatures[], b: readonly PassageFeatures[]): number {
  return groupSimilarity(a.map(anchorsOf), b.map(anchorsOf))
}

/** `groupNumberMismatch` of sentence features. */
export function numberMismatch(a: readonly PassageFeatures[], b: readonly PassageFeatures[]): number {
  return groupNumberMismatch(a.map(anchorsOf), b.map(anchorsOf))
}
