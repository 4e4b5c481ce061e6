// One call for term candidates in a language: link, pair, mine co-occurrences and (for nb/da/sv) cognates.
import { buildMatcher, type Matcher } from '../matcher'
import type { Glossary, Lang } from '../model'
import { conceptsLackingLang, type Candidate } from './candidates'
import { mineCognates, RELATED_LANGS } from './cognates'
import { knownTermKeys, mineCooccurrence, type CooccurrenceOptions } from './cooccurrence'
import { prepareLanguageLinks, type SuggestDocument } from './corpus'
import { buildSentencePairs, type PairOptions } from './pairs'
import { phraseKey } from './ngrams'
import { prepareMining } from './units'
import { similarityEvidence } from './similarity'
import { refineCandidates } from './termShape'

/** Options of `mineCandidates`. */
export interface MineOptions extends PairOptions, Partial<Omit<CooccurrenceOptions, 'conceptIds'>> {
  /** Concepts to mine (default: every concept with terms in other languages and none in `lang`). */
  conceptIds?: readonly string[]
  /** A matcher already built for the glossary. */
  matcher?: Matcher
  /** Also propose respellings of related-language terms (default true where `RELATED_LANGS` lists some). */
  cognates?: boolean
  /** Most content words of a candidate (default 3). */
  maxWords?: number
  /**
   * Re-rank co-occurrence candidates by their string similarity to the concept's terms in the other
   * languages (default true; see cooccurrence.ts and similarity.ts).
   */
  crossLingual?: boolean
}

/** Figures of one run, for benchmarks and the UI. */
export interface MineStats {
  concepts: number
  units: number
  pairs: number
  ms: { link: number; prepare: number; mine: number }
}

/** Cognate score from which a respelling goes before co-occurrence candidates (an exact respelling found in the corpus). */
export const SURE_COGNATE = 0.6

/**
 * One list from co-occurrence and cognate candidates of a concept: sure cognates (score ≥ `SURE_COGNATE`)
 * first, then co-occurrence candidates in rank order, then the other cognates; a phrase proposed twice
 * appears once, where it ranks best, with the evidence of both.
 */
export function mergeSources(co: readonly Candidate[], cog: readonly Candidate[], lang: Lang): Candidate[] {
  const order = [...cog.filter((c) => c.score >= SURE_COGNATE), ...co, ...cog.filter((c) => c.score < SURE_COGNATE)]
  const out: Candidate[] = []
  const byKey = new Map<string, Candidate>()
  for (const c of order) {
    const k = phraseKey(c.text, lang)
    const prev = byKey.get(k)
    if (prev) prev.evidence = [...prev.evidence, ...c.evidence.filter((e) => !prev.evidence.some((x) => x.file === e.file && x.start === e.start))]
    else {
      const copy = { ...c, evidence: [...c.evidence] }
      byKey.set(k, copy)
      out.push(copy)
    }
  }
  return out
}

/**
 * Term candidates for the concepts that lack terms in `lang`, from the reports in `docs`: co-occurrence over
 * linked sentences (source 'cooccurrence', always; re-ranked by similarity to the concept's terms in other
 * languages unless `crossLingual` is false) and, for Norwegian, Danish and Swedish, respelled terms of
 * the related languages found in the corpus (source 'cognate'), merged by `mergeSources`.
 */
export function mineCandidates(
  docs: readonly SuggestDocument[],
  glossary: Glossary,
  lang: Lang,
  opts: MineOptions = {},
): { candidates: Map<string, Candidate[]>; stats: MineStats } {
  const matcher = opts.matcher ?? buildMatcher(glossary)
  const conceptIds = opts.conceptIds ?? conceptsLackingLang(glossary, lang).map((e) => e.concept.id)
  let t0 = performance.now()
  const linker = prepareLanguageLinks(docs, lang, { matcher, top: opts.linksPerSource ?? 5 })
  const edges = linker.edges()
  const link = performance.now() - t0
  t0 = performance.now()
  const idx = prepareMining(docs, lang, matcher, { maxWords: opts.maxWords, glossary })
  const pairs = buildSentencePairs(idx, edges, opts)
  const prepare = performance.now() - t0
  t0 = performance.now()
  const similarity = opts.crossLingual === false ? undefined : similarityEvidence(glossary, idx)
  const co = mineCooccurrence(docs, idx, pairs, { knownTerms: knownTermKeys(glossary, lang), similarity, ...opts, conceptIds })
  const cog = opts.cognates !== false && RELATED_LANGS[lang] ? mineCognates(docs, idx, glossary, { conceptIds }) : new Map<string, Candidate[]>()
  const candidates = new Map<string, Candidate[]>()
  for (const id of conceptIds) candidates.set(id, refineCandidates(mergeSources(co.get(id) ?? [], cog.get(id) ?? [], lang), lang))
  const mine = performance.now() - t0
  return { candidates, stats: { concepts: conceptIds.length, units: idx.units.length, pairs: pairs.pairs.length, ms: { link, prepare, mine } } }
}
