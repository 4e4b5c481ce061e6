// The corpus prepared once per language and matcher for mining: sentence units with their n-grams, link features and concepts.
import { SUPPORTED_LANGS, type Glossary, type Lang } from '../model'
import { extractFeatures } from '../link'
import type { TermHit } from '../matcher'
import { splitSentences } from '../segment/sentences'
import { isMinable, type SuggestDocument, type SuggestPassage, type UnitRef } from './corpus'
import { glossesOf } from './gloss'
import { extractNgrams } from './ngrams'
import { isForeignSentence } from '../text/stopwords'

/** A sentence of a passage: its span in the passage text. */
export interface SentenceUnit {
  ref: UnitRef
  /** Offsets into the passage text. */
  start: number
  end: number
}

/** A first occurrence of an n-gram in a unit (offsets into the passage text). */
export interface GramSpan {
  start: number
  end: number
}

/** Where a concept occurs in a passage of another language: the passage and the sentence. */
export interface ConceptSource {
  ref: UnitRef
  /** Index of the sentence in the passage's sentence list. */
  sentence: number
}

/** The corpus prepared for mining candidates in one language. */
export interface MiningIndex {
  lang: Lang
  /** The sentences of the L passages: the units counted. */
  units: SentenceUnit[]
  /** Per unit: each n-gram key with its first occurrence. */
  grams: Map<string, GramSpan>[]
  /** Per unit: its link feature keys (concepts, numbers, names, cognates). */
  features: Set<string>[]
  /** In how many units each n-gram key occurs. */
  df: Map<string, number>
  /** In how many units each feature key occurs. */
  featureDf: Map<string, number>
  /** Per n-gram key: its surface forms and their counts. */
  surfaces: Map<string, Map<string, number>>
  /** Units of each L passage ("doc:passage" → unit positions). */
  unitsOf: Map<string, number[]>
  /** Sentences of other languages in which each concept occurs. */
  conceptSources: Map<string, ConceptSource[]>
  /** Feature keys of every sentence of every passage of another language ("doc:passage" → per sentence). */
  sourceFeatures: Map<string, Set<string>[]>
  /** Concepts of every sentence of every passage of another language ("doc:passage" → per sentence). */
  sourceConcepts: Map<string, Set<string>[]>
  /** L units in which each concept occurs directly (through its Russian or remaining terms). */
  conceptDirect: Map<string, number[]>
  /** N-grams that gloss a concept's foreign term in brackets (see gloss.ts), by concept. */
  glosses: Map<string, { unit: number; key: string; full: boolean }[]>
  /** L units covered by a hit of a remaining L term: n-grams inside such a hit are known terms of other concepts. */
  knownSpans: Map<number, { start: number; end: number; conceptId: string }[]>
}

/** What mining needs of a glossary matcher (`buildMatcher(glossary)` fits). */
export interface MiningMatcher {
  match(text: string, lang: Lang, opts?: { termLangs?: Lang[] }): readonly TermHit[]
}

/** "doc:passage". */
export const refKey = (r: UnitRef) => `${r.doc}:${r.passage}`

/** Sentence spans of a passage, as offsets into its text (from `sentences`, else split afresh). */
export function sentenceSpans(p: SuggestPassage): Array<[number, number]> {
  if (p.sentences?.length) {
    const out: Array<[number, number]> = []
    let from = 0
    for (const s of p.sentences) {
      const at = p.text.indexOf(s.text, from)
      if (at < 0) return splitSentences(p.text, p.lang)
      out.push([at, at + s.text.length])
      from = at + s.text.length
    }
    return out
  }
  const split = splitSentences(p.text, p.lang)
  return split.length ? split : [[0, p.text.length]]
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k)
  if (list) list.push(v)
  else m.set(k, [v])
}

const featureKeys = (text: string, lang: Lang, matcher: MiningMatcher) => new Set(extractFeatures(text, lang, matcher).features.map((f) => f.key))

/** Index of the sentence containing offset `at`. */
function sentenceAt(spans: Array<[number, number]>, at: number): number {
  for (let i = 0; i < spans.length; i++) if (at < spans[i][1]) return i
  return spans.length - 1
}

/** Options of `prepareMining`. */
export interface PrepareOptions {
  /** Most content words of an n-gram (default 3; function words inside do not count). */
  maxWords?: number
  /**
   * The matcher whose L-term hits mark known terms (default: the mining matcher). Evaluations pass the full
   * glossary's matcher here while linking and concepts use a reduced one; hits of the mined concept itself
   * are ignored when it is mined.
   */
  known?: MiningMatcher
  /**
   * The glossary behind the matcher: with it, L passages are also searched for the transliterations and
   * acronyms of other languages (a concept shows in an L text through "Voenkomat" or "SVO" as well as through
   * its Russian term), and those sentences count as direct occurrences.
   */
  glossary?: Glossary
  /** Also take n-grams from sentences whose function words say they are in another language (default false). */
  keepForeign?: boolean
}

/**
 * Prepares the corpus for mining language `lang`: L passages are cut into sentence units with their
 * n-grams and link features; passages of other languages are searched for concepts.
 */
export function prepareMining(docs: readonly SuggestDocument[], lang: Lang, matcher: MiningMatcher, opts: PrepareOptions = {}): MiningIndex {
  const maxN = opts.maxWords ?? 3
  const foreignIds = new Set<string>()
  for (const e of opts.glossary?.entries ?? [])
    for (const t of e.terms) if (t.lang !== lang && (t.type === 'transliteration' || t.type === 'acronym')) foreignIds.add(t.id)
  const otherLangs = SUPPORTED_LANGS.filter((l) => l !== lang)
  const idx: MiningIndex = {
    lang, units: [], grams: [], features: [], df: new Map(), featureDf: new Map(), surfaces: new Map(), unitsOf: new Map(),
    conceptSources: new Map(), sourceFeatures: new Map(), sourceConcepts: new Map(), conceptDirect: new Map(), knownSpans: new Map(), glosses: new Map(),
  }
  docs.forEach((d, di) =>
    d.passages.forEach((p, pi) => {
      if (!isMinable(p)) return
      const ref = { doc: di, passage: pi }
      const plang = p.lang as Lang
      const spans = sentenceSpans(p)
      const hits = matcher.match(p.text, plang)
      const knownHits = plang === lang && opts.known ? opts.known.match(p.text, plang) : hits
      const directHits =
        plang === lang && foreignIds.size
          ? matcher.match(p.text, plang, { termLangs: otherLangs }).filter((h) => h.lang === 'ru' || foreignIds.has(h.termId))
          : hits.filter((h) => h.lang !== lang)
      if (plang !== lang) {
        const concepts = spans.map(() => new Set<string>())
        for (const h of hits) {
          const s = sentenceAt(spans, h.start)
          if (concepts[s].has(h.conceptId)) continue
          concepts[s].add(h.conceptId)
          push(idx.conceptSources, h.conceptId, { ref, sentence: s })
        }
        idx.sourceConcepts.set(refKey(ref), concepts)
        idx.sourceFeatures.set(refKey(ref), spans.map(([a, b]) => featureKeys(p.text.slice(a, b), plang, matcher)))
        return
      }
      const list: number[] = []
      for (const [a, b] of spans) {
        const u = idx.units.length
        list.push(u)
        idx.units.push({ ref, start: a, end: b })
        const text = p.text.slice(a, b)
        const grams = new Map<string, GramSpan>()
        // A quotation in another language (English in a Norwegian report) offers no L candidates.
        const foreign = opts.keepForeign !== true && isForeignSentence(text, lang)
        if (!foreign) for (const g of extractNgrams(text, lang, maxN)) {
          if (!grams.has(g.key)) grams.set(g.key, { start: a + g.start, end: a + g.end })
          let sf = idx.surfaces.get(g.key)
          if (!sf) idx.surfaces.set(g.key, (sf = new Map()))
          const surface = text.slice(g.start, g.end)
          sf.set(surface, (sf.get(surface) ?? 0) + 1)
        }
        idx.grams.push(grams)
        for (const k of grams.keys()) idx.df.set(k, (idx.df.get(k) ?? 0) + 1)
        const feats = featureKeys(text, lang, matcher)
        idx.features.push(feats)
        for (const k of feats) idx.featureDf.set(k, (idx.featureDf.get(k) ?? 0) + 1)
        const direct = new Set<string>()
        for (const h of directHits) {
          if (h.start < a || h.end > b) continue
          direct.add(h.conceptId)
          const gl = glossesOf(text, h.start - a, h.end - a, lang, maxN)
          const longest = gl.reduce((m, g) => Math.max(m, g.end - g.start), 0)
          for (const g of gl) push(idx.glosses, h.conceptId, { unit: u, key: g.key, full: g.end - g.start === longest })
        }
        for (const c of direct) push(idx.conceptDirect, c, u)
        for (const h of knownHits) if (h.start >= a && h.end <= b && h.lang === lang) push(idx.knownSpans, u, { start: h.start, end: h.end, conceptId: h.conceptId })
      }
      idx.unitsOf.set(refKey(ref), list)
    }),
  )
  return idx
}
