// Explains a link: the shared concepts, numbers, names and cognates behind a candidate's score.
import type { Lang } from '../model'
import { isDictionaryKey, type FeatureKind, type PassageFeatures } from './features'
import { DEFAULT_WEIGHTS, queryWeight, type FeatureWeights, type LinkIndex } from './linkIndex'
import { verifyCognate } from './falseFriends'

/** One feature both passages share: its key and kind, how each passage writes it, and what it added to the score. */
export interface SharedFeature {
  key: string
  kind: FeatureKind
  /** Surface in the source passage, with its offsets into that passage's text. */
  a: { surface: string; start: number; end: number }
  /** Surface in the candidate passage. */
  b: { surface: string; start: number; end: number }
  /** Contribution to the raw lexical score. */
  weight: number
}

/** Why two passages were linked. Lists are sorted by contribution, highest first. */
export interface LinkEvidence {
  /** Glossary concepts found in both passages. */
  concepts: SharedFeature[]
  /** Dates, months, years, numbers, percentages and ranges found in both. */
  numbers: SharedFeature[]
  /** Proper names and multi-word names found in both. */
  names: SharedFeature[]
  /** Cognate stems found in both. */
  cognates: SharedFeature[]
  /**
   * Everyday words of the built-in lexicon found in both ("court" = "tribunal" = "domstol"), and words the
   * bilingual dictionary translates into each other (keys `x:`, see `isDictionaryKey`: "tjeneste" ~ "service").
   */
  words: SharedFeature[]
  /** Cognate keys both passages share that are refused as false friends or too unlike ("aktuelle" ~ "actually"). */
  refused?: SharedFeature[]
  /** Lexical score in [0, 1]: the search score, less the share that refused cognates contributed. */
  lexical: number
  /** Neural similarity in [0, 1], when a neural tier took part. */
  neural?: number
}

const NUMERIC = new Set<FeatureKind>(['date', 'month', 'year', 'number', 'percent', 'range'])

/**
 * Lists the features `query` shares with passage `doc` of `index`, each with its contribution to the score.
 * `perList` caps each list (default 12).
 */
export function explainLink(
  index: LinkIndex,
  query: PassageFeatures,
  doc: number,
  lexical: number,
  opts: { weights?: Partial<FeatureWeights>; perList?: number; sameLanguage?: Lang | false } = {},
): LinkEvidence {
  const weights = { ...DEFAULT_WEIGHTS, ...opts.weights }
  const target = index.features[doc]
  const norm = index.k1 * (1 - index.b + (index.b * target.length) / avgLength(index))
  const refusedList: SharedFeature[] = []
  const ev: LinkEvidence = { concepts: [], numbers: [], names: [], cognates: [], words: [], lexical }
  let kept = 0
  let refused = 0
  for (const [key, qtf] of query.tf) {
    const tf = target.tf.get(key)
    if (!tf) continue
    const fa = query.first.get(key)!
    const fb = target.first.get(key)!
    const weight = queryWeight(index, key, qtf, weights) * ((tf * (index.k1 + 1)) / (tf + norm))
    const shared: SharedFeature = {
      key,
      kind: fa.kind,
      a: { surface: fa.surface, start: fa.start, end: fa.end },
      b: { surface: fb.surface, start: fb.start, end: fb.end },
      weight,
    }
    if (fa.kind === 'cognate' && !verifyCognate(fa.surface, fb.surface, opts.sameLanguage)) {
      refusedList.push(shared)
      refused += weight
      continue
    }
    kept += weight
    // One word the dictionary translates several ways is one piece of evidence, shown once.
    const same = isDictionaryKey(key) && ev.words.find((w) => isDictionaryKey(w.key) && w.a.start === fa.start && w.b.start === fb.start)
    if (same) same.weight += weight
    else if (fa.kind === 'concept') ev.concepts.push(shared)
    else if (NUMERIC.has(fa.kind)) ev.numbers.push(shared)
    else if (fa.kind === 'cognate') ev.cognates.push(shared)
    else if (fa.kind === 'lexicon') ev.words.push(shared)
    else ev.names.push(shared)
  }
  if (refusedList.length) ev.refused = refusedList
  if (refused > 0) ev.lexical = kept + refused > 0 ? (lexical * kept) / (kept + refused) : 0
  const cap = opts.perList ?? 12
  for (const list of [ev.concepts, ev.numbers, ev.names, ev.cognates, ev.words, refusedList]) {
    list.sort((x, y) => y.weight - x.weight)
    list.splice(cap)
  }
  return ev
}

const avgCache = new WeakMap<LinkIndex, number>()

/** Mean feature count of the indexed passages. */
function avgLength(index: LinkIndex): number {
  let avg = avgCache.get(index)
  if (avg === undefined) {
    avg = index.features.reduce((s, f) => s + f.length, 0) / Math.max(1, index.size) || 1
    avgCache.set(index, avg)
  }
  return avg
}
