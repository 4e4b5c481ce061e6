// Times terminology QA over the corpus: starter glossary, a generated 10,000-concept glossary against the naive
// one-regex-per-term baseline, and scaling with corpus size. Prints figures; asserts nothing.
// Run: npx tsx tests/bench/qa.bench.ts
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildMatcher, type Matcher } from '../../src/core/matcher'
import type { ConceptEntry, Glossary, Lang, Term, TermStatus } from '../../src/core/model'
import { createQaContext, DEFAULT_CHECKS, MisspellingTargets, runChecks, type QaDocument } from '../../src/core/qa'
import { hydrateStarter } from '../../src/core/starterGlossary'
import { loadCorpus } from './linkGold'
import { naiveRegexMatch } from './naive'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Median wall time of `runs` calls (after three warm-up calls, so that the JIT has settled). */
function time(runs: number, fn: () => unknown): number {
  for (let i = 0; i < 3; i++) fn()
  const ms: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    ms.push(performance.now() - t0)
  }
  return ms.sort((a, b) => a - b)[Math.floor(ms.length / 2)]
}

/** A deterministic pseudo-random generator (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SYLLABLES: Partial<Record<Lang, string[]>> = {
  en: ['con', 'ser', 'vi', 'tion', 'mil', 'ar', 'de', 'port', 'ment', 'ing', 're', 'ter', 'gis', 'ex'],
  fi: ['so', 'ti', 'las', 'kut', 'su', 'jä', 'rek', 'is', 'te', 'ri', 'ää', 'lii', 'ke', 'pal'],
  nb: ['ver', 'ne', 'plikt', 'inn', 'kal', 'ling', 'tje', 'nes', 'te', 'sol', 'dat', 'mi', 'lær', 'for'],
  da: ['vær', 'ne', 'pligt', 'ind', 'kal', 'del', 'se', 'tje', 'nes', 'te', 'sol', 'dat', 'hver', 've'],
  sv: ['värn', 'plikt', 'in', 'skriv', 'ning', 'kal', 'lel', 'se', 'tjänst', 'sol', 'dat', 'för', 'svar'],
  fr: ['con', 'scrip', 'tion', 'ser', 'vi', 'ce', 'mi', 'li', 'tai', 're', 'bu', 'reau', 'ap', 'pel'],
  ru: ['во', 'ен', 'ком', 'ат', 'при', 'зыв', 'ник', 'слу', 'жба', 'от', 'ка', 'за', 'ре', 'зерв'],
}

/** A glossary of `n` generated concepts (plus the starter glossary), every language, some transliterations and phrases. */
export function generatedGlossary(n: number, starter: Glossary): Glossary {
  const r = rng(42)
  const word = (lang: Lang) => {
    const syl = SYLLABLES[lang]!
    let w = ''
    const k = 2 + Math.floor(r() * 3)
    for (let i = 0; i < k; i++) w += syl[Math.floor(r() * syl.length)]
    return w
  }
  const statuses: TermStatus[] = ['preferred', 'admitted', 'admitted', 'deprecated']
  const entries: ConceptEntry[] = [...starter.entries]
  for (let i = 0; i < n; i++) {
    const id = `g-${i}`
    const terms: Term[] = []
    const add = (lang: Lang, text: string, status: TermStatus, type: Term['type'] = 'fullForm') =>
      terms.push({ id: `${id}-${terms.length}`, conceptId: id, lang, text, status, type, sources: [], created: '', modified: '' })
    for (const lang of ['ru', 'en', 'fi', 'nb', 'da', 'sv', 'fr'] as Lang[]) {
      const phrase = r() < 0.3 ? `${word(lang)} ${word(lang)}` : word(lang)
      add(lang, phrase, 'preferred')
      if (r() < 0.4) add(lang, word(lang), statuses[Math.floor(r() * statuses.length)])
    }
    if (r() < 0.1) add('en', word('en'), 'admitted', 'transliteration')
    entries.push({ concept: { id, definitions: {}, related: [], created: '', modified: '' }, terms })
  }
  return { entries }
}

/** Scan plus the default checks with a built matcher; returns the number of findings. */
function check(glossary: Glossary, matcher: Matcher, docs: readonly QaDocument[], targets: MisspellingTargets): number {
  const ctx = createQaContext(glossary, docs, { matcher })
  return runChecks(ctx, { checks: DEFAULT_CHECKS, misspelling: { targets } }).length
}

function main() {
  const starter = hydrateStarter(JSON.parse(readFileSync(join(ROOT, 'glossary', 'starter.json'), 'utf8')))
  const corpus = loadCorpus().map((d) => ({ id: d.file, lang: d.lang, text: d.text, passages: d.passages }))
  const chars = corpus.reduce((s, d) => s + d.text.length, 0)
  console.log(`Corpus: ${corpus.length} reports, ${(chars / 1000).toFixed(0)} k characters, ${corpus.reduce((s, d) => s + d.passages.length, 0)} passages (segmented beforehand)`)

  let t0 = performance.now()
  const matcher = buildMatcher(starter)
  let ctx = createQaContext(starter, corpus, { matcher })
  const targets = new MisspellingTargets(ctx.glossary)
  console.log(`\nStarter glossary (${starter.entries.length} concepts): build matcher + indexes + misspelling targets ${(performance.now() - t0).toFixed(0)} ms`)
  const scanMs = time(15, () => createQaContext(starter, corpus, { matcher }))
  const timings: Record<string, number> = {}
  time(15, () => runChecks(ctx, { checks: DEFAULT_CHECKS, misspelling: { targets } }, timings))
  const totalMs = time(15, () => check(starter, matcher, corpus, targets))
  console.log(`  whole corpus checked (scan + ${DEFAULT_CHECKS.length} checks): ${totalMs.toFixed(1)} ms median  (scan ${scanMs.toFixed(1)} ms; ` +
    Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ') + ')')
  ctx = createQaContext(starter, corpus, { matcher })
  const linkMs0 = performance.now()
  const pairs: Array<[string, string]> = [[corpus[1].id, corpus[4].id]]
  const linked = runChecks(ctx, { checks: ['linked-absent'], linked: { pairs } }).length
  console.log(`  linked-absent for one pair (001 nb ↔ 004 en, linking included): ${(performance.now() - linkMs0).toFixed(0)} ms, ${linked} findings`)

  const N = 10_000
  t0 = performance.now()
  const big = generatedGlossary(N, starter)
  const bigMatcher = buildMatcher(big)
  const bigCtx = createQaContext(big, corpus, { matcher: bigMatcher })
  const bigTargets = new MisspellingTargets(bigCtx.glossary)
  const terms = big.entries.reduce((s, e) => s + e.terms.length, 0)
  console.log(`\nGenerated glossary (${big.entries.length} concepts, ${terms} terms): build ${(performance.now() - t0).toFixed(0)} ms`)
  const bigMs = time(3, () => check(big, bigMatcher, corpus, bigTargets))
  const bigScanMs = time(3, () => createQaContext(big, corpus, { matcher: bigMatcher }))
  console.log(`  whole corpus checked: ${bigMs.toFixed(1)} ms median (scan ${bigScanMs.toFixed(1)} ms)`)
  // The naive baseline: one regex per term over every report. Its cost is one pass over the text per term, so it
  // is timed on a sample of concepts and scaled to the whole glossary (the full run takes many minutes).
  const SAMPLE = 200
  const sample = { entries: big.entries.slice(starter.entries.length, starter.entries.length + SAMPLE) }
  const sampleTerms = sample.entries.reduce((s, e) => s + e.terms.length, 0)
  t0 = performance.now()
  let naiveHits = 0
  for (const d of corpus) naiveHits += naiveRegexMatch(sample, d.text).length
  const naiveSampleMs = performance.now() - t0
  const naiveMs = (naiveSampleMs * terms) / sampleTerms
  console.log(`  naive baseline (naiveRegexMatch, one regex per term): ${naiveSampleMs.toFixed(0)} ms for ${SAMPLE} concepts (${sampleTerms} terms, ${naiveHits} hits) → ≈ ${(naiveMs / 1000).toFixed(1)} s for ${terms} terms`)
  console.log(`  ratio naive / ours: ≈ ${(naiveMs / bigScanMs).toFixed(0)}× for matching alone, ≈ ${(naiveMs / bigMs).toFixed(0)}× with all checks (naive finds exact spellings only)`)

  console.log('\nScaling with corpus size (starter glossary; the reports repeated under new ids):')
  for (const k of [1, 4, 16]) {
    const docs = Array.from({ length: k }, (_, i) => corpus.map((d) => ({ ...d, id: `${i}/${d.id}` }))).flat()
    const ms = time(k === 16 ? 1 : 3, () => check(starter, matcher, docs, targets))
    console.log(`  ${String(k).padStart(2)}×  ${(k * chars / 1e6).toFixed(2)} M characters  ${ms.toFixed(0)} ms  (${((k * chars) / 1000 / ms).toFixed(0)} k characters/ms)`)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main()
