// Term candidates by co-occurrence: n-grams of language L that go with a concept's linked sentences more than chance (G², Dice).
//
// For a concept C with terms in other languages but none in L, every soft sentence pair (a sentence of
// another language, an L sentence; see pairs.ts) is one observation: does the source sentence mention C
// (the matcher finds it), does the L sentence contain n-gram g? The 2×2 table of summed pair weights over
// all pairs (the whole linked L corpus) gives G² and Dice. Pairing, not bare co-occurrence, corrects for hub
// sentences that many sources link to: their n-grams go with every concept, so with none in particular.
// N-grams a report puts in brackets next to the concept's foreign term (gloss.ts) rank before the rest.
//
// With `similarity` (what `mineCandidates` passes), the association is re-weighted by the candidate's
// cross-lingual string similarity to the concept's terms in the *other* languages (similarity.ts): score =
// (max(G², 0) + floor) · exp(κ · s), s = max(0, (sim − τ) / (1 − τ)). The concept's terms in L are never
// read. An n-gram of the concept's linked sentences that looks like its terms elsewhere ("mobilisering",
// "Vojenkomat", "régions annexées") is then proposed even where G² alone cannot single it out (a rare term
// in a sentence that many pairs share); with no similarity the ranking is by G² as before.
import { contingency, dice, signedLogLikelihood } from './association'
import type { Candidate, CandidateEvidence } from './candidates'
import { fileSpan, quoteAround, type SuggestDocument } from './corpus'
import type { SentencePairs } from './pairs'
import type { MiningIndex } from './units'
import { bestSimilarity, trigramProfile, type TrigramProfile, type TrigramWeights } from './similarity'
import { phraseKey } from './ngrams'
import { isStopwordIn } from '../text/stopwords'
import type { Glossary, Lang } from '../model'

/** Options of `mineCooccurrence`. */
export interface CooccurrenceOptions {
  /** Concepts to mine candidates for (ids). */
  conceptIds: readonly string[]
  /** Candidates kept per concept (default 10). */
  top?: number
  /** Ranking: 'llr' (G², default), 'dice', or 'combined' (G² × Dice). */
  measure?: 'llr' | 'dice' | 'combined'
  /** Evidence spans kept per candidate (default 5). */
  maxEvidence?: number
  /** Least summed pair weight an n-gram must have with the concept (default 0.5). */
  minJoint?: number
  /** Competitive discount exponent β (default 0: off), see `mineCooccurrence`. */
  competition?: number
  /** Phrase keys of the terms concepts already have in L, with those concepts (`knownTermKeys`): never proposed for another concept. */
  knownTerms?: ReadonlyMap<string, readonly string[]>
  /** Cross-lingual similarity evidence (see the module header); off when absent. */
  similarity?: SimilarityEvidence
}

/** What re-ranking by cross-lingual similarity needs (`similarityEvidence` builds it). */
export interface SimilarityEvidence {
  /** Trigram profiles of each concept's terms in languages other than L (`referenceProfiles`). */
  references: ReadonlyMap<string, readonly TrigramProfile[]>
  /** Trigram weights of the L vocabulary (`trigramWeights`). */
  weights?: TrigramWeights
  /** κ: how strongly similarity counts (default 12: a clear look-alike outranks any association). */
  boost?: number
  /** τ: similarity that counts as none (default 0.25: chance overlap of common trigrams). */
  threshold?: number
  /** Added to max(G², 0), so that an associated n-gram with G² ≤ 0 can still rank by its similarity (default 2). */
  floor?: number
}

/** Phrase keys of every `lang` term of `glossary`, with the concepts that have them. */
export function knownTermKeys(glossary: Glossary, lang: Lang): Map<string, string[]> {
  const m = new Map<string, string[]>()
  for (const e of glossary.entries)
    for (const t of e.terms)
      if (t.lang === lang) {
        const k = phraseKey(t.text, lang)
        const list = m.get(k)
        if (!list) m.set(k, [e.concept.id])
        else if (!list.includes(e.concept.id)) list.push(e.concept.id)
      }
  return m
}

const contentWords = (key: string, lang: Lang) => key.split(' ').filter((w) => !isStopwordIn(w, lang)).length

/**
 * True when [s, e) is a hit of a term another concept already has in L (an inflected form of it). Parts of
 * such hits stay: "conscription" may be a concept's own term inside another's "campagne de conscription".
 */
function isKnown(idx: MiningIndex, u: number, span: { start: number; end: number }, conceptId: string, mined: ReadonlySet<string>): boolean {
  return (idx.knownSpans.get(u) ?? []).some((h) => h.conceptId !== conceptId && !mined.has(h.conceptId) && span.start === h.start && span.end === h.end)
}

/** The most frequent surface of a key (ties: the shorter, then alphabetical). */
function bestSurface(forms: Map<string, number> | undefined, fallback: string): string {
  let best = fallback
  let bestN = -1
  for (const [s, n] of forms ?? []) if (n > bestN || (n === bestN && (s.length < best.length || (s.length === best.length && s < best)))) (best = s), (bestN = n)
  return best
}

interface Scored {
  key: string
  joint: number
  score: number
  n: number
  similarity?: number
  /** Times the n-gram glosses the concept's foreign term (all glosses, and the longest reading only). */
  gloss?: number
  fullGloss?: number
}

/** True when the words of `inner` occur contiguously in `outer` (both space-joined keys). */
function containsKey(outer: string, inner: string): boolean {
  return outer !== inner && (' ' + outer + ' ').includes(' ' + inner + ' ')
}

/**
 * Keeps the best-ranked of nested n-grams: a shorter n-gram whose positive occurrences a kept longer one
 * explains (joint within 25 %) is dropped, and so is a longer one that adds words to a kept shorter one
 * without keeping most of its positive occurrences.
 */
function pruneNested(ranked: Scored[], top: number): Scored[] {
  const kept: Scored[] = []
  for (const s of ranked) {
    const clash = kept.some((k) =>
      containsKey(k.key, s.key) ? s.joint <= k.joint * 1.25 : containsKey(s.key, k.key) ? s.joint < k.joint * 0.75 : false,
    )
    if (!clash) kept.push(s)
    if (kept.length >= top) break
  }
  return kept
}

/** The association of one concept with every n-gram it co-occurs with: unit weights, mass and G² per key. */
interface ConceptTable {
  w: Map<number, number>
  joint: Map<string, number>
  g2: Map<string, number>
}

function conceptTable(idx: MiningIndex, pairs: SentencePairs, conceptId: string, minJoint: number, mined: ReadonlySet<string>, keepAll = false): ConceptTable {
  const w = new Map<number, number>()
  let mass = 0
  for (const i of pairs.byConcept.get(conceptId) ?? []) {
    const p = pairs.pairs[i]
    w.set(p.unit, (w.get(p.unit) ?? 0) + p.w)
    mass += p.w
  }
  const joint = new Map<string, number>()
  for (const [u, wu] of w)
    for (const [k, span] of idx.grams[u]) if (!isKnown(idx, u, span, conceptId, mined)) joint.set(k, (joint.get(k) ?? 0) + wu)
  const g2 = new Map<string, number>()
  for (const [key, j] of joint) {
    if (j < minJoint - 1e-9) continue
    const g = signedLogLikelihood(contingency(j, mass, pairs.gramMass.get(key) ?? j, pairs.total))
    if (g > 0 || keepAll) g2.set(key, g)
  }
  return { w, joint, g2 }
}

/** Trigram profiles of the n-gram keys of an index (its best surfaces), computed once per index. */
const profileCache = new WeakMap<MiningIndex, Map<string, TrigramProfile>>()

/**
 * Ranks the n-grams of the L corpus for each concept by their association with the concept over the
 * sentence pairs (see the module header), with up to `maxEvidence` evidence spans from the paired sentences.
 * With `competition` β > 0, an n-gram that goes better with another concept is discounted by
 * (G²(C, g) / max_D G²(D, g))^β — the soft form of competitive linking (Melamed 2000): one n-gram
 * rarely names two concepts. Hits of terms other concepts already have in L are left out.
 */
export function mineCooccurrence(
  docs: readonly SuggestDocument[],
  idx: MiningIndex,
  pairs: SentencePairs,
  opts: CooccurrenceOptions,
): Map<string, Candidate[]> {
  const out = new Map<string, Candidate[]>()
  const sim = opts.similarity
  const minJoint = opts.minJoint ?? (sim ? 0.2 : 0.5)
  const beta = opts.competition ?? 0
  const kappa = sim?.boost ?? 12
  const tau = sim?.threshold ?? 0.25
  const floor = sim?.floor ?? 2
  let profiles = profileCache.get(idx)
  if (!profiles) profileCache.set(idx, (profiles = new Map()))
  const profileOf = (key: string) => {
    let p = profiles!.get(key)
    if (!p) profiles!.set(key, (p = trigramProfile(bestSurface(idx.surfaces.get(key), key), idx.lang)))
    return p
  }
  const best = new Map<string, number>()
  const tables = new Map<string, ConceptTable>()
  // Spans of the mined concepts' own L terms (if the matcher knows any) are never "known": for them, they are what is sought.
  const mined = new Set(opts.conceptIds)
  const competitors = beta > 0 ? new Set([...pairs.byConcept.keys(), ...opts.conceptIds]) : new Set(opts.conceptIds)
  for (const c of competitors) {
    const mining = opts.conceptIds.includes(c)
    const t = conceptTable(idx, pairs, c, minJoint, mined, mining && !!sim)
    if (mining) tables.set(c, t)
    if (beta > 0) for (const [k, g] of t.g2) if (g > (best.get(k) ?? 0)) best.set(k, g)
  }
  for (const conceptId of opts.conceptIds) {
    const { w, joint, g2 } = tables.get(conceptId)!
    const mass = [...w.values()].reduce((a, x) => a + x, 0)
    const scored: Scored[] = []
    const refs = sim?.references.get(conceptId) ?? []
    for (const [key, g] of g2) {
      const owners = opts.knownTerms?.get(key)
      if (owners && !owners.includes(conceptId)) continue
      const j = joint.get(key)!
      let score = opts.measure === 'dice' || opts.measure === 'combined' ? dice(contingency(j, mass, pairs.gramMass.get(key) ?? j, pairs.total)) : g
      if (opts.measure === 'combined') score *= g
      if (beta > 0 && g > 0) score *= Math.pow(g / Math.max(g, best.get(key) ?? g), beta)
      let similarity: number | undefined
      if (sim) {
        similarity = refs.length ? bestSimilarity(profileOf(key), refs, sim.weights) : 0
        score = (Math.max(score, 0) + floor) * Math.exp(kappa * Math.max(0, (similarity - tau) / (1 - tau)))
      }
      scored.push({ key, joint: j, score, n: contentWords(key, idx.lang), similarity })
    }
    const glossed = new Map<string, { any: number; full: number }>()
    for (const g of idx.glosses.get(conceptId) ?? []) {
      const e = glossed.get(g.key) ?? { any: 0, full: 0 }
      e.any++
      if (g.full) e.full++
      glossed.set(g.key, e)
    }
    for (const s of scored) {
      const e = glossed.get(s.key)
      if (e) (s.gloss = e.any), (s.fullGloss = e.full)
    }
    // Glosses first (a report saying "X (Y)" is the best evidence there is), then by association.
    scored.sort((a, b) => (b.fullGloss ?? 0) - (a.fullGloss ?? 0) || (b.gloss ?? 0) - (a.gloss ?? 0) || b.score - a.score || a.n - b.n || (a.key < b.key ? -1 : 1))
    const kept = pruneNested(scored, opts.top ?? 10)
    out.set(
      conceptId,
      kept.map((s) => ({
        conceptId,
        lang: idx.lang,
        text: bestSurface(idx.surfaces.get(s.key), s.key),
        score: s.score,
        ...(s.similarity !== undefined ? { similarity: s.similarity } : {}),
        support: { joint: s.joint, mass, gloss: s.fullGloss ?? s.gloss ?? 0 },
        source: 'cooccurrence' as const,
        evidence: evidenceOf(docs, idx, w, s.key, opts.maxEvidence ?? 5),
      })),
    )
  }
  return out
}

/** Spans of `key` in the positive units, heaviest units first, mapped to file offsets, with the sentence around. */
function evidenceOf(docs: readonly SuggestDocument[], idx: MiningIndex, w: Map<number, number>, key: string, max: number): CandidateEvidence[] {
  const units = [...w.entries()].filter(([u]) => idx.grams[u].has(key)).sort((a, b) => b[1] - a[1] || a[0] - b[0])
  return units.slice(0, max).map(([u]) => {
    const ref = idx.units[u].ref
    const doc = docs[ref.doc]
    const p = doc.passages[ref.passage]
    const g = idx.grams[u].get(key)!
    const span = fileSpan(doc, p, g.start, g.end)
    return { file: doc.file, start: span.start, end: span.end, text: quoteAround(doc, p, span.start, span.end) }
  })
}
