// Loads the corpus and the link/alignment gold sets and scores results against them (shared by eval, bench and tests).
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Glossary, Lang } from '../../src/core/model'
import { segmentDocument, type Passage } from '../../src/core/segment'
import type { PassageLinks } from '../../src/core/link'
import type { BeadLike } from '../../src/core/align'

/** Where the five reports are (override with COI_CORPUS). */
export const CORPUS_DIR = process.env.COI_CORPUS ?? '/work/shared/corpus'
const HERE = dirname(fileURLToPath(import.meta.url))
const FIXTURES = join(HERE, '..', 'fixtures')
const ROOT = join(HERE, '..', '..')

/** True when the corpus files are present (tests skip otherwise). */
export const corpusAvailable = existsSync(join(CORPUS_DIR, 'manifest.json'))

/** A segmented report. */
export interface CorpusDoc {
  file: string
  lang: Lang
  text: string
  passages: Passage[]
}

const cache = new Map<string, CorpusDoc>()

/** Reads and segments one report of the corpus (cached). */
export function loadDoc(file: string): CorpusDoc {
  const hit = cache.get(file)
  if (hit) return hit
  const manifest = JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')) as { documents: { file: string; lang: Lang }[] }
  const lang = manifest.documents.find((d) => d.file === file)?.lang ?? 'en'
  const text = readFileSync(join(CORPUS_DIR, file), 'utf8')
  const doc = { file, lang, text, passages: segmentDocument(text, { lang }).passages }
  cache.set(file, doc)
  return doc
}

/** Every report of the manifest, in order. */
export function loadCorpus(): CorpusDoc[] {
  const manifest = JSON.parse(readFileSync(join(CORPUS_DIR, 'manifest.json'), 'utf8')) as { documents: { file: string }[] }
  return manifest.documents.map((d) => loadDoc(d.file))
}

/** The starter glossary, when present. */
export function loadStarterGlossary(): Glossary | null {
  const p = join(ROOT, 'glossary', 'starter.json')
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as Glossary) : null
}

/** Folds text for snippet matching: case and diacritics folded, only letters and digits kept. */
export function snippetKey(s: string): string {
  return s.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]+/gu, '')
}

/** Position of the first text containing `snippet` (after folding), or -1. */
export function resolveSnippet(texts: readonly string[], snippet: string): number {
  const key = snippetKey(snippet)
  const keys = texts.map(snippetKey)
  const starts = keys.findIndex((k) => k.startsWith(key))
  return starts >= 0 ? starts : keys.findIndex((k) => k.includes(key))
}

/** One gold query: a source passage and the target passages that state the same fact. */
export interface LinkQuery {
  source: number
  relevant: Set<number>
}

/** A gold set of one language pair, resolved against the current segmentation. */
export interface ResolvedLinkSet {
  set: string
  a: CorpusDoc
  b: CorpusDoc
  queries: LinkQuery[]
  pairs: number
  unresolved: string[]
}

interface GoldPair {
  set: string
  a: { doc: string; snippet: string }
  b: { doc: string; snippet: string }
}

/** Loads tests/fixtures/link-gold.json and resolves its snippets; pairs of one source passage form one query. */
export function loadLinkGold(sets?: string[]): ResolvedLinkSet[] {
  const gold = JSON.parse(readFileSync(join(FIXTURES, 'link-gold.json'), 'utf8')) as { pairs: GoldPair[] }
  const bySet = new Map<string, GoldPair[]>()
  for (const p of gold.pairs) if (!sets || sets.includes(p.set)) bySet.set(p.set, [...(bySet.get(p.set) ?? []), p])
  const out: ResolvedLinkSet[] = []
  for (const [set, pairs] of bySet) {
    const a = loadDoc(pairs[0].a.doc)
    const b = loadDoc(pairs[0].b.doc)
    const ta = a.passages.map((p) => p.text)
    const tb = b.passages.map((p) => p.text)
    const queries = new Map<number, Set<number>>()
    const unresolved: string[] = []
    for (const p of pairs) {
      const i = resolveSnippet(ta, p.a.snippet)
      const j = resolveSnippet(tb, p.b.snippet)
      if (i < 0) unresolved.push(p.a.snippet)
      if (j < 0) unresolved.push(p.b.snippet)
      if (i < 0 || j < 0) continue
      queries.set(i, (queries.get(i) ?? new Set()).add(j))
    }
    out.push({ set, a, b, pairs: pairs.length, unresolved, queries: [...queries].map(([source, relevant]) => ({ source, relevant })) })
  }
  return out
}

/** Ranking quality of links over gold queries. */
export interface RankScore {
  queries: number
  p1: number
  p5: number
  mrr: number
}

/** P@1, P@5 (a relevant target in the top 5) and MRR of `links` (one entry per passage of A, by position). */
export function scoreLinks(links: readonly PassageLinks[], queries: readonly LinkQuery[]): RankScore {
  let p1 = 0
  let p5 = 0
  let mrr = 0
  for (const q of queries) {
    const ranked = links[q.source]?.candidates.map((c) => c.index) ?? []
    const rank = ranked.findIndex((i) => q.relevant.has(i))
    if (rank === 0) p1++
    if (rank >= 0 && rank < 5) p5++
    if (rank >= 0) mrr += 1 / (rank + 1)
  }
  const n = queries.length || 1
  return { queries: queries.length, p1: p1 / n, p5: p5 / n, mrr: mrr / n }
}

/** The fi↔en alignment task of report 000, resolved: both sides' sentences and the gold beads. */
export interface AlignTask {
  srcLang: Lang
  tgtLang: Lang
  src: string[]
  tgt: string[]
  gold: BeadLike[]
  unresolved: string[]
}

/** Loads tests/fixtures/align-gold.json: the sentences of the named blocks (in document order) and the gold beads. */
export function loadAlignGold(): AlignTask {
  const g = JSON.parse(readFileSync(join(FIXTURES, 'align-gold.json'), 'utf8')) as {
    doc: string
    srcLang: Lang
    tgtLang: Lang
    blocks: Record<string, string[]>
    beads: Record<string, string[]>[]
  }
  const doc = loadDoc(g.doc)
  const texts = doc.passages.map((p) => p.text)
  const unresolved: string[] = []
  const side = (lang: string) => {
    const idx = g.blocks[lang].map((s) => {
      const i = resolveSnippet(texts, s)
      if (i < 0) unresolved.push(s)
      return i
    })
    return [...new Set(idx.filter((i) => i >= 0))].sort((x, y) => x - y).flatMap((i) => doc.passages[i].sentences.map((s) => s.text))
  }
  const src = side(g.srcLang)
  const tgt = side(g.tgtLang)
  const gold = g.beads.map((b) => ({
    src: b[g.srcLang].map((s) => resolveSnippet(src, s)),
    tgt: b[g.tgtLang].map((s) => resolveSnippet(tgt, s)),
  }))
  for (const b of gold) if ([...b.src, ...b.tgt].some((i) => i < 0)) unresolved.push(JSON.stringify(b))
  return { srcLang: g.srcLang, tgtLang: g.tgtLang, src, tgt, gold, unresolved }
}

/** Every passage `snippet` resolves to: those whose folded text starts with it, else those containing it (a sound gold item names exactly one). */
export function snippetMatches(texts: readonly string[], snippet: string): number[] {
  const key = snippetKey(snippet)
  const keys = texts.map(snippetKey)
  const starts = keys.flatMap((k, i) => (k.startsWith(key) ? [i] : []))
  return starts.length ? starts : keys.flatMap((k, i) => (k.includes(key) ? [i] : []))
}

/** Which half of tests/fixtures/link-indep-gold.json an item belongs to: tune on dev, report both. */
export type GoldSplit = 'dev' | 'test'

/** One same-fact pair of link-indep-gold.json, as stored. */
export interface IndepGoldPair extends GoldPair {
  id: string
  split: GoldSplit
  fact: string
}

/** A source passage of link-indep-gold.json that states nothing the target report states, as stored. */
export interface IndepNoCounterpart {
  id: string
  set: string
  split: GoldSplit
  why: string
  a: { doc: string; snippet: string }
  b: { doc: string }
}

/** tests/fixtures/link-indep-gold.json as stored (links between independent reports, frozen before tuning). */
export interface IndepGold {
  about: string
  builtWith: string
  frozen: string
  pairs: IndepGoldPair[]
  noCounterpart: IndepNoCounterpart[]
}

/** Reads tests/fixtures/link-indep-gold.json without resolving it. */
export function readIndepGold(): IndepGold {
  return JSON.parse(readFileSync(join(FIXTURES, 'link-indep-gold.json'), 'utf8')) as IndepGold
}

/** A set of the independent-report gold, resolved: its queries as in loadLinkGold, plus the source passages with no counterpart in b. */
export interface ResolvedIndepSet extends ResolvedLinkSet {
  noCounterpart: number[]
}

/** Loads the independent-report gold of one split (or both) and resolves its snippets against the current segmentation. */
export function loadIndepGold(split?: GoldSplit, sets?: string[]): ResolvedIndepSet[] {
  const gold = readIndepGold()
  const keep = (x: { set: string; split: GoldSplit }) => (!split || x.split === split) && (!sets || sets.includes(x.set))
  const names = [...new Set([...gold.pairs, ...gold.noCounterpart].filter(keep).map((x) => x.set))]
  return names.map((set) => {
    const pairs = gold.pairs.filter((p) => keep(p) && p.set === set)
    const none = gold.noCounterpart.filter((n) => keep(n) && n.set === set)
    const first = pairs[0] ?? none[0]
    const a = loadDoc(first.a.doc)
    const b = loadDoc(first.b.doc)
    const unresolved: string[] = []
    const at = (doc: CorpusDoc, snippet: string) => {
      const i = resolveSnippet(doc.passages.map((p) => p.text), snippet)
      if (i < 0) unresolved.push(snippet)
      return i
    }
    const queries = new Map<number, Set<number>>()
    for (const p of pairs) {
      const [i, j] = [at(a, p.a.snippet), at(b, p.b.snippet)]
      if (i >= 0 && j >= 0) queries.set(i, (queries.get(i) ?? new Set()).add(j))
    }
    const noCounterpart = none.map((n) => at(a, n.a.snippet)).filter((i) => i >= 0)
    return { set, a, b, pairs: pairs.length, unresolved, noCounterpart, queries: [...queries].map(([source, relevant]) => ({ source, relevant })) }
  })
}
