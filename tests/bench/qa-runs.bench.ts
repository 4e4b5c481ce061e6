// Times what keeping QA per report and glossary version costs and saves: the glossary version (hashing every term,
// and again with the entries unchanged), and a run over one changed report against a run over all of them.
// Prints figures; asserts nothing. Run: npm run bench -- qa-runs
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildMatcher } from '../../src/core/matcher'
import type { Glossary, Lang } from '../../src/core/model'
import { assembleQaRuns, glossaryVersion, runQa, splitQaResult } from '../../src/core/qa'
import { hydrateStarter } from '../../src/core/starterGlossary'
import { loadCorpus } from './linkGold'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Median wall time of `runs` calls after one warm-up call. */
function time(runs: number, fn: () => unknown): number {
  fn()
  const ms = Array.from({ length: runs }, () => { const t0 = performance.now(); fn(); return performance.now() - t0 }).sort((x, y) => x - y)
  return ms[Math.floor(runs / 2)]
}

/** A glossary of `n` generated concepts of ten terms each (the glossary version reads only terms' fields). */
function generated(n: number): Glossary {
  const langs: Lang[] = ['ru', 'en', 'fi', 'nb', 'da', 'sv', 'fr']
  return {
    entries: Array.from({ length: n }, (_, i) => ({
      concept: { id: `g-${i}`, definitions: {}, related: [], created: '', modified: '' },
      terms: Array.from({ length: 10 }, (_, j) => ({
        id: `g-${i}-${j}`, conceptId: `g-${i}`, lang: langs[j % langs.length], text: `term ${i} form ${j}`, status: j % 4 ? 'admitted' : 'preferred',
        type: 'fullForm', sources: [], created: '', modified: '',
      }) as const),
    })),
  }
}

/** The same glossary as new objects (what a full re-read of the termbase gives). */
const copy = (g: Glossary): Glossary => ({ entries: g.entries.map((e) => ({ concept: { ...e.concept }, terms: e.terms.map((t) => ({ ...t })) })) })

function main(): void {
  const starter = hydrateStarter(JSON.parse(readFileSync(join(ROOT, 'glossary', 'starter.json'), 'utf8')))
  for (const [name, g] of [['starter', starter], ['generated', generated(25_000)]] as const) {
    const terms = g.entries.reduce((s, e) => s + e.terms.length, 0)
    const fresh = time(5, () => glossaryVersion(copy(g).entries))
    const copyOnly = time(5, () => copy(g))
    const cached = time(5, () => glossaryVersion(g.entries))
    console.log(`glossaryVersion, ${name} glossary (${g.entries.length} concepts, ${terms} terms): new entry objects ${(fresh - copyOnly).toFixed(1)} ms median; same objects again ${cached.toFixed(2)} ms`)
  }

  const corpus = loadCorpus().map((d) => ({ id: d.file, lang: d.lang, text: d.text, passages: d.passages }))
  const matcher = buildMatcher(starter)
  const all = time(5, () => runQa(starter, corpus, { matcher }))
  console.log(`\nQA over all ${corpus.length} reports (starter glossary): ${all.toFixed(0)} ms median`)
  for (const d of corpus) {
    const one = time(5, () => runQa(starter, [d], { matcher }))
    console.log(`  only ${d.id} (changed): ${one.toFixed(0)} ms median (${((100 * one) / all).toFixed(0)} % of all)`)
  }
  const result = runQa(starter, corpus, { matcher })
  const parts = splitQaResult({ ...result, skipped: [] }, corpus.map((d) => ({ id: d.id, version: 'v' })), { glossary: 'g', checks: [], ranAt: '' })
  const assemble = time(9, () => assembleQaRuns(parts))
  console.log(`  putting the ${parts.length} stored parts together (${result.findings.length} findings): ${assemble.toFixed(1)} ms median`)
}

if (import.meta.url === `file://${process.argv[1]}`) main()
