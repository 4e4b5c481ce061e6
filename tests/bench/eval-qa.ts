// Scores term matching and each terminology QA check against tests/fixtures/qa-gold.json (precision and recall).
// Run: npx tsx tests/bench/eval-qa.ts
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CHECK_IDS, checkLinkedAbsent, createQaContext, runChecks, type CheckId, type Finding, type QaContext, type QaHit } from '../../src/core/qa'
import { hydrateStarter } from '../../src/core/starterGlossary'
import { loadCorpus, resolveSnippet } from './linkGold'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = join(HERE, '..', '..')

/** One expected item: a term occurrence ('term') or a finding of a check. */
export interface GoldItem {
  check: 'term' | CheckId
  file: string
  conceptId?: string
  surface?: string
  at?: number
  /** linked-absent: the first words of the passage the concept is missing from. */
  passage?: string
}

/** The gold file. */
export interface QaGold {
  scopes: { term: Array<{ file: string; conceptId: string; ignore?: string }>; 'linked-absent': { linkSet: string } }
  items: GoldItem[]
}

/** Precision and recall of one check (or of term matching). */
export interface Score {
  gold: number
  found: number
  matched: number
  precision: number
  recall: number
}

/** Loads tests/fixtures/qa-gold.json. */
export function loadQaGold(): QaGold {
  return JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'qa-gold.json'), 'utf8')) as QaGold
}

const TOLERANCE = 40

/** A span found by the tool: term hit or finding. */
interface Found {
  file: string
  conceptId?: string
  start: number
  end: number
  passageIndex?: number
}

/** Matches found spans to gold items one to one (nearest first) and scores them. */
function score(found: readonly Found[], gold: readonly GoldItem[], same: (f: Found, g: GoldItem) => number | null): Score {
  const pairs: Array<[number, number, number]> = []
  found.forEach((f, i) =>
    gold.forEach((g, j) => {
      const d = same(f, g)
      if (d !== null) pairs.push([d, i, j])
    }),
  )
  pairs.sort((a, b) => a[0] - b[0])
  const usedF = new Set<number>()
  const usedG = new Set<number>()
  for (const [, i, j] of pairs) {
    if (usedF.has(i) || usedG.has(j)) continue
    usedF.add(i)
    usedG.add(j)
  }
  const matched = usedG.size
  return {
    gold: gold.length, found: found.length, matched,
    precision: found.length ? matched / found.length : gold.length ? 0 : 1,
    recall: gold.length ? matched / gold.length : 1,
  }
}

/** Distance between a found span and a gold item with an offset, or null when they do not correspond. */
function spanDistance(f: Found, g: GoldItem): number | null {
  if (f.file !== g.file || (g.conceptId && f.conceptId && g.conceptId !== f.conceptId) || g.at === undefined) return null
  const gEnd = g.at + (g.surface?.length ?? 1)
  if (f.start < gEnd && f.end > g.at) return Math.abs(f.start - g.at)
  const d = Math.abs(f.start - g.at)
  return d <= TOLERANCE ? TOLERANCE + d : null
}

/** Term matching: the QA scan's hits, in the (file, concept) scopes of the gold, against the 'term' items. */
export function scoreTerms(ctx: QaContext, gold: QaGold): Score {
  const found: Found[] = []
  for (const scope of gold.scopes.term) {
    const sd = ctx.docs.find((d) => d.doc.id === scope.file)
    if (!sd) continue
    const ignore = scope.ignore ? new RegExp(scope.ignore, 'iu') : null
    const seen = new Set<string>()
    for (const h of sd.hits as QaHit[]) {
      if (h.conceptId !== scope.conceptId || (ignore && ignore.test(h.surface))) continue
      const key = `${h.start}:${h.end}`
      if (seen.has(key)) continue
      seen.add(key)
      found.push({ file: sd.doc.id, conceptId: h.conceptId, start: h.start, end: h.end })
    }
  }
  const inScope = new Set(gold.scopes.term.map((s) => `${s.file}\u0000${s.conceptId}`))
  const items = gold.items.filter((g) => g.check === 'term' && inScope.has(`${g.file}\u0000${g.conceptId}`))
  return score(found, items, spanDistance)
}

/** One check's findings against its gold items. */
export function scoreCheck(ctx: QaContext, check: CheckId, findings: readonly Finding[], gold: QaGold): Score {
  const items = gold.items.filter((g) => g.check === check)
  const found: Found[] = findings
    .filter((f) => f.check === check)
    .map((f) => ({ file: f.docId, conceptId: f.conceptId, start: f.start, end: f.end, passageIndex: f.passageIndex }))
  if (check === 'variants') return score(found, items, (f, g) => (f.file === g.file && f.conceptId === g.conceptId ? 0 : null))
  if (check === 'linked-absent') {
    const texts = (file: string) => ctx.docs.find((d) => d.doc.id === file)?.passages.map((p) => p.text) ?? []
    const resolved = items.map((g) => ({ ...g, index: resolveSnippet(texts(g.file), g.passage ?? '') }))
    return score(found, resolved, (f, g) => {
      const r = g as GoldItem & { index: number }
      return f.file === r.file && f.conceptId === r.conceptId && f.passageIndex === r.index ? 0 : null
    })
  }
  return score(found, items, spanDistance)
}

/** Runs the whole evaluation: the corpus segmented, scanned against the starter glossary, every check scored. */
export function evaluateQa(): { terms: Score; checks: Partial<Record<CheckId, Score>>; ms: number } {
  const gold = loadQaGold()
  const glossary = hydrateStarter(JSON.parse(readFileSync(join(ROOT, 'glossary', 'starter.json'), 'utf8')))
  const docs = loadCorpus().map((d) => ({ id: d.file, lang: d.lang, text: d.text, passages: d.passages }))
  const t0 = performance.now()
  const ctx = createQaContext(glossary, docs)
  const findings = runChecks(ctx, { checks: CHECK_IDS.filter((c) => c !== 'linked-absent') })
  const ms = performance.now() - t0
  const texts = (file: string) => ctx.docs.find((d) => d.doc.id === file)?.passages.map((p) => p.text) ?? []
  const linkGold = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'link-gold.json'), 'utf8')) as {
    pairs: Array<{ set: string; a: { doc: string; snippet: string }; b: { doc: string; snippet: string } }>
  }
  const passagePairs = linkGold.pairs
    .filter((p) => p.set === gold.scopes['linked-absent'].linkSet)
    .map((p) => ({ a: p.a.doc, passageA: resolveSnippet(texts(p.a.doc), p.a.snippet), b: p.b.doc, passageB: resolveSnippet(texts(p.b.doc), p.b.snippet) }))
    .filter((p) => p.passageA >= 0 && p.passageB >= 0)
  const linked = checkLinkedAbsent(ctx, { passagePairs })
  const checks: Partial<Record<CheckId, Score>> = {}
  for (const c of CHECK_IDS) if (c !== 'forbidden-term') checks[c] = scoreCheck(ctx, c, c === 'linked-absent' ? dedupe(linked) : findings, gold)
  return { terms: scoreTerms(ctx, gold), checks, ms }
}

function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>()
  return findings.filter((f) => !seen.has(f.id) && seen.add(f.id))
}

const fmt = (s: Score) =>
  `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  (gold ${s.gold}, found ${s.found}, matched ${s.matched})`

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = evaluateQa()
  console.log(`Terminology QA against tests/fixtures/qa-gold.json (corpus scanned and checked in ${r.ms.toFixed(0)} ms)`)
  console.log(`  ${'term matching'.padEnd(20)} ${fmt(r.terms)}`)
  for (const [c, s] of Object.entries(r.checks)) console.log(`  ${c.padEnd(20)} ${fmt(s!)}`)
}
