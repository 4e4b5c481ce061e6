// Evaluates co-occurrence term candidates (source a, no model) by removing one language's terms and trying to find them again.
// Run: npx tsx tests/bench/eval-candidates.ts [--verbose]
//
// For each language L of fr, en, da, nb, fi: the concepts whose L terms the full-glossary matcher finds in
// the L report lose all their L terms at once (the reduced glossary); passages are re-linked with the
// reduced glossary (link features include glossary concepts, so the removed terms must not help linking);
// then candidates are mined for those concepts. A hit: a candidate that is a removed term up to inflection.
//
// Ranking evidence, all of it what a user has: the association over linked sentence pairs (G²) and, unless
// --no-similarity, the candidate's string similarity to the concept's terms in the *other* languages of
// the glossary (cross-lingual look-alikes: "mobilisation" / "mobilisering", "Voenkomat" / "Vojenkomat").
// The removed L terms are never read by the miner: references are built from terms with lang ≠ L.
// Run: npx tsx tests/bench/eval-candidates.ts [--verbose] [--strict] [--no-similarity]
import { buildMatcher } from '../../src/core/matcher'
import type { Glossary, Lang } from '../../src/core/model'
import { hydrateStarter } from '../../src/core/starterGlossary'
import {
  buildSentencePairs, knownTermKeys, mergeSources, mineCognates, mineCooccurrence, RELATED_LANGS, prepareLanguageLinks, prepareMining, refineCandidates, refKey,
  replaceSourcePairs, sameTerm, similarityEvidence, type Candidate, type CooccurrenceOptions, type PairOptions,
} from '../../src/core/suggest'
import { loadCorpus, loadStarterGlossary } from './linkGold'
import { fnv1a } from '../../src/core/text/hash'

/** The languages evaluated, in order. */
export const EVAL_LANGS: Lang[] = ['fr', 'en', 'da', 'nb', 'fi']

/** Figures of one language. */
export interface LangScore {
  lang: Lang
  concepts: number
  r1: number
  r3: number
  /** Precision at 3: of the (up to) three candidates shown first, the share that is the removed term (a lower bound of what a terminologist accepts). */
  p3: number
  ms: { link: number; mine: number }
  /** Source c (cognates) alone, and a and c merged as `mergeSources` does, where the language has related languages. */
  cognate?: { r1: number; r3: number }
  merged?: { r1: number; r3: number }
  /** Per concept: the removed terms and the top candidates. */
  details: { conceptId: string; removed: string[]; top: string[]; rank: number }[]
  /**
   * Every mined concept (the absent ones too, with `absent` set): the first five candidates as shown, which of them are
   * right, and the miner's whole list before `refineCandidates` with which are right (what
   * scripts/fit-candidate-confidence.ts reads).
   */
  shown: { conceptId: string; absent: boolean; candidates: Candidate[]; right: boolean[]; raw: Candidate[]; rawRight: boolean[] }[]
}

/** Removes the `lang` terms of the given concepts. */
export function withoutTerms(g: Glossary, lang: Lang, conceptIds: ReadonlySet<string>): Glossary {
  return { entries: g.entries.map((e) => (conceptIds.has(e.concept.id) ? { ...e, terms: e.terms.filter((t) => t.lang !== lang) } : e)) }
}

/** How the glossary is reduced. */
export type EvalMode = 'leave-one-out' | 'strict'

/** Options of the evaluation: miner and pairing options, plus the mode. */
export type EvalOptions = Partial<CooccurrenceOptions> & PairOptions & {
  mode?: EvalMode
  maxWords?: number
  /** Re-rank by similarity to the concept's terms in other languages, as `mineCandidates` does (default true). */
  crossLingual?: boolean
  /**
   * Also mine the concepts that have L terms which the L report never uses (none of their candidates can be right):
   * they are scored in `absent`, never in the recall figures, and tell whether confidence drops where it should.
   */
  absent?: boolean
}

/**
 * Runs the evaluation.
 *
 * 'leave-one-out' (default): each concept is mined as the only one without L terms, the situation of a
 * translator whose termbase lacks one concept in L. The corpus is indexed and linked once per report pair
 * with the full glossary; for concept C, the links of the passages that mention C are recomputed with C's
 * feature left out of their queries (`LanguageLinker.edges({ ignoreConcept })`), their sentence pairs
 * replaced, and C's own L terms never count (not as link evidence, not as known spans, not as phrases).
 * The only trace of C's L terms left is in BM25 length normalisation of the target passages: one feature
 * occurrence more per mention, which lowers rather than raises those passages' scores.
 *
 * 'strict': every evaluated concept loses its L terms at once; the corpus is linked once with that reduced
 * glossary and all concepts are mined together (the situation of a language with a sparse termbase).
 */
export function evaluateCandidates(opts: EvalOptions = {}, langs: Lang[] = EVAL_LANGS): LangScore[] {
  const mode = opts.mode ?? 'leave-one-out'
  const glossary = hydrateStarter(loadStarterGlossary())
  const full = buildMatcher(glossary)
  const docs = loadCorpus()
  const out: LangScore[] = []
  for (const lang of langs) {
    const report = docs.find((d) => d.lang === lang)!
    const occurring = new Set<string>()
    for (const p of report.passages) if (p.lang === lang) for (const h of full.match(p.text, lang, { termLangs: [lang] })) occurring.add(h.conceptId)
    const ids = [...occurring].sort()
    const absent = opts.absent ? glossary.entries.filter((e) => !occurring.has(e.concept.id) && e.terms.some((t) => t.lang === lang) && e.terms.some((t) => t.lang !== lang)).map((e) => e.concept.id) : []
    const mined = [...ids, ...absent]
    const loo = mode === 'leave-one-out'
    const reduced = withoutTerms(glossary, lang, occurring)
    const matcher = loo ? full : buildMatcher(reduced)
    let t0 = performance.now()
    const linker = prepareLanguageLinks(docs, lang, { matcher, top: opts.linksPerSource ?? 5 })
    const edges = linker.edges()
    const linkMs = performance.now() - t0
    t0 = performance.now()
    const idx = prepareMining(docs, lang, matcher, { maxWords: opts.maxWords, glossary: loo ? glossary : reduced })
    const knownTerms = knownTermKeys(loo ? glossary : reduced, lang)
    const base = buildSentencePairs(idx, edges, opts)
    // References from terms in languages other than L only (similarity.ts): the removed terms are not among them.
    const similarity = opts.crossLingual === false ? undefined : similarityEvidence(loo ? glossary : reduced, idx)
    const mineOpts = { top: 10, knownTerms, similarity, ...opts }
    let cands = new Map<string, Candidate[]>()
    if (!loo) cands = mineCooccurrence(docs, idx, base, { ...mineOpts, conceptIds: mined })
    else
      for (const id of mined) {
        const refs = (idx.conceptSources.get(id) ?? []).map((s) => s.ref)
        const keys = new Set(refs.map(refKey))
        const pairs = replaceSourcePairs(base, idx, keys, linker.edges({ sources: refs, ignoreConcept: id }), { ...opts, ignoreConcept: id })
        const known = new Map([...knownTerms].map(([k, cs]) => [k, cs.filter((c) => c !== id)] as [string, string[]]).filter(([, cs]) => cs.length))
        for (const [k, v] of mineCooccurrence(docs, idx, pairs, { ...mineOpts, knownTerms: known, conceptIds: [id] })) cands.set(k, v)
      }
    const mineMs = performance.now() - t0
    // As mineCandidates does: term shapes only, no word of an unrelated language, a confidence for each.
    const raw = new Map(cands)
    for (const [id, list] of cands) cands.set(id, refineCandidates(list, lang))
    const removedOf = (id: string) => glossary.entries.find((e) => e.concept.id === id)!.terms.filter((t) => t.lang === lang).map((t) => t.text)
    const rankOf = (id: string, list: readonly Candidate[]) => list.findIndex((c) => removedOf(id).some((r) => sameTerm(c.text, r, lang)))
    const details: LangScore['details'] = ids.map((id) => {
      const list = cands.get(id) ?? []
      return { conceptId: id, removed: removedOf(id), top: list.slice(0, 5).map((c) => c.text), rank: rankOf(id, list) }
    })
    const recall = (ranks: number[]) => ({ r1: ranks.filter((r) => r === 0).length / (ranks.length || 1), r3: ranks.filter((r) => r >= 0 && r < 3).length / (ranks.length || 1) })
    const isGold = (id: string, c: Candidate) => removedOf(id).some((r) => sameTerm(c.text, r, lang))
    let shown = 0
    let right = 0
    for (const id of ids) {
      const list = cands.get(id) ?? []
      for (const c of list.slice(0, 3)) {
        shown++
        right += isGold(id, c) ? 1 : 0
      }
    }
    const listed = mined.map((id) => {
      const list = (cands.get(id) ?? []).slice(0, 5)
      return { conceptId: id, absent: !occurring.has(id), candidates: list, right: list.map((c) => isGold(id, c)), raw: raw.get(id) ?? [], rawRight: (raw.get(id) ?? []).map((c) => isGold(id, c)) }
    })
    const score: LangScore = { lang, concepts: details.length, ...recall(details.map((d) => d.rank)), p3: shown ? right / shown : 0, ms: { link: linkMs, mine: mineMs }, details, shown: listed }
    if (RELATED_LANGS[lang]) {
      // Source c alone, and a then c (as mineCandidates merges them): for information, not the target.
      const cog = mineCognates(docs, idx, reduced, { conceptIds: ids })
      score.cognate = recall(ids.map((id) => rankOf(id, cog.get(id) ?? [])))
      score.merged = recall(ids.map((id) => rankOf(id, mergeSources(cands.get(id) ?? [], cog.get(id) ?? [], lang))))
    }
    out.push(score)
  }
  return out
}

/** The half of a concept for the confidence model: dev (fitted on) or test, by a hash of its id. */
export const confidenceSplit = (conceptId: string): 'dev' | 'test' => (fnv1a(conceptId) % 2 === 0 ? 'dev' : 'test')

/** Mean of recall@3 over languages. */
export const meanR3 = (s: LangScore[]) => s.reduce((a, x) => a + x.r3, 0) / Math.max(1, s.length)
/** Mean of recall@1 over languages. */
export const meanR1 = (s: LangScore[]) => s.reduce((a, x) => a + x.r1, 0) / Math.max(1, s.length)

function main() {
  const verbose = process.argv.includes('--verbose')
  const mode: EvalMode = process.argv.includes('--strict') ? 'strict' : 'leave-one-out'
  const crossLingual = !process.argv.includes('--no-similarity')
  const scores = evaluateCandidates({ mode, crossLingual, absent: true })
  const how = crossLingual ? 'G² re-ranked by similarity to the concept\'s terms in other languages' : 'G² alone'
  console.log(`Term candidates by co-occurrence over linked passages (source a: ${how}; no model; ${mode}); removed terms found again`)
  for (const s of scores) {
    console.log(
      `  ${s.lang}  concepts ${String(s.concepts).padStart(3)}  recall@1 ${s.r1.toFixed(3)}  recall@3 ${s.r3.toFixed(3)}  P@3 ${s.p3.toFixed(3)}` +
        `  (link ${s.ms.link.toFixed(0)} ms, mine ${s.ms.mine.toFixed(0)} ms)`,
    )
    if (s.cognate && s.merged)
      console.log(`      cognates alone: recall@1 ${s.cognate.r1.toFixed(3)}  recall@3 ${s.cognate.r3.toFixed(3)};  co-occurrence + cognates: recall@1 ${s.merged.r1.toFixed(3)}  recall@3 ${s.merged.r3.toFixed(3)}`)
    if (verbose)
      for (const d of s.details)
        console.log(`      ${d.rank >= 0 && d.rank < 3 ? '+' : '-'} ${d.conceptId.padEnd(28)} [${d.removed.join(' | ')}] → ${d.top.join(' | ')}`)
  }
  console.log(`  mean      recall@1 ${meanR1(scores).toFixed(3)}  recall@3 ${meanR3(scores).toFixed(3)}  P@3 ${(scores.reduce((a, x) => a + x.p3, 0) / scores.length).toFixed(3)}`)
  // Reliability: does a confidence of x mean "right x of the time"? Halves as the confidence model was fitted
  // (scripts/fit-candidate-confidence.ts: dev only), with the concepts the L report never names.
  console.log('  confidence reliability (first five candidates per concept, concepts the report never names included):')
  for (const split of ['dev', 'test'] as const) {
    const shown = scores.flatMap((s) => s.shown.filter((x) => confidenceSplit(x.conceptId) === split))
    const rows = shown.flatMap((x) => x.candidates.map((c, i) => [c.confidence ?? 0, x.right[i]] as [number, boolean]))
    const absent = shown.filter((x) => x.absent)
    const named = (x: (typeof shown)[number]) => (x.candidates[0]?.confidence ?? 0) >= 0.4
    console.log(`   ${split}: ${shown.length} concept lists, ${absent.length} of them for a concept no report of the language names; a first candidate of 40 % or more for ${absent.filter(named).length} of those and ${shown.filter((x) => !x.absent && named(x)).length} of the ${shown.length - absent.length} others`)
    for (const [lo, hi] of [[0, 0.05], [0.05, 0.15], [0.15, 0.4], [0.4, 0.7], [0.7, 1.01]]) {
      const bin = rows.filter(([c]) => c >= lo && c < hi)
      if (!bin.length) continue
      const mean = bin.reduce((a, [c]) => a + c, 0) / bin.length
      console.log(`    [${lo.toFixed(2)}, ${Math.min(1, hi).toFixed(2)})  n ${String(bin.length).padStart(4)}  predicted ${mean.toFixed(3)}  observed ${(bin.filter(([, ok]) => ok).length / bin.length).toFixed(3)}`)
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main()
