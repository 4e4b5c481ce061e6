// Benchmarks translation suggestions in Node (prints, asserts nothing): candidate mining over the corpus and
// as the corpus grows (1×, 4×, 16× concatenations), and the per-passage cost of protection + output check.
// Run: npx tsx tests/bench/suggest.bench.ts [--max 16] [--lang nb]
import { buildMatcher } from '../../src/core/matcher'
import type { Lang } from '../../src/core/model'
import { segmentDocument } from '../../src/core/segment'
import { hydrateStarter } from '../../src/core/starterGlossary'
import { checkTranslation, mineCandidates, protectTerms, restoreTerms, type SuggestDocument } from '../../src/core/suggest'
import { loadCorpus, loadStarterGlossary } from './linkGold'

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : def
}
const lang = arg('--lang', 'nb') as Lang
const maxFactor = Number(arg('--max', '16'))
const glossary = hydrateStarter(loadStarterGlossary())
const matcher = buildMatcher(glossary)
const corpus = loadCorpus()
// Every concept with terms in another language counts as lacking terms in `lang` (the mining cost does not
// depend on whether it really lacks them).
const conceptIds = glossary.entries.filter((e) => e.terms.some((t) => t.lang !== lang && t.lang !== 'ru')).map((e) => e.concept.id)

/** The corpus with every report's text repeated `k` times (blank lines between), re-segmented. */
function scaled(k: number): SuggestDocument[] {
  return corpus.map((d) => {
    const text = Array.from({ length: k }, () => d.text).join('\n\n')
    return { file: d.file, text, passages: k === 1 ? d.passages : segmentDocument(text, { lang: d.lang }).passages }
  })
}

const ms = (x: number) => `${x.toFixed(0)} ms`
console.log(`Candidate mining, language ${lang}, ${conceptIds.length} concepts, co-occurrence + cognates`)
for (const k of [1, 4, 16].filter((x) => x <= maxFactor)) {
  let t0 = performance.now()
  const docs = scaled(k)
  const segMs = performance.now() - t0
  const chars = docs.reduce((s, d) => s + d.text.length, 0)
  t0 = performance.now()
  const { stats } = mineCandidates(docs, glossary, lang, { conceptIds, matcher })
  const total = performance.now() - t0
  console.log(
    `  ${String(k).padStart(2)}×  ${(chars / 1e6).toFixed(2)} M chars, ${stats.units} ${lang} sentences, ${stats.pairs} pairs: ` +
      `${ms(total)} (link ${ms(stats.ms.link)}, prepare ${ms(stats.ms.prepare)}, mine ${ms(stats.ms.mine)}; segmenting ${ms(segMs)} apart)`,
  )
  if (k === 1) {
    // The cost of the cross-lingual similarity re-ranking: the same run with G² alone.
    const plain = mineCandidates(docs, glossary, lang, { conceptIds, matcher, crossLingual: false }).stats
    console.log(`      G² alone (no similarity re-ranking): mine ${ms(plain.ms.mine)} (link ${ms(plain.ms.link)}, prepare ${ms(plain.ms.prepare)})`)
  }
}

// Protection + output check per passage: English passages as sources, the Danish report's passages as
// stand-in translations (the check's cost depends on length and term density, not on translation quality).
const en = corpus.find((d) => d.lang === 'en')!.passages.filter((p) => p.kind !== 'footnote' && p.lang === 'en').slice(0, 400)
const da = corpus.find((d) => d.lang === 'da')!.passages.filter((p) => p.kind !== 'footnote' && p.lang === 'da')
for (const style of ['xml', 'bracket'] as const) {
  let t0 = performance.now()
  let slots = 0
  for (const p of en) {
    const r = protectTerms(p.text, 'en', matcher, glossary, { style, tgt: 'da' })
    slots += r.slots.length
    restoreTerms(r.text, r.slots, 'da')
  }
  const protectUs = ((performance.now() - t0) * 1000) / en.length
  t0 = performance.now()
  let findings = 0
  en.forEach((p, i) => (findings += checkTranslation({ source: p.text, target: da[i % da.length].text, srcLang: 'en', tgtLang: 'da', matcher, glossary }).length))
  const checkUs = ((performance.now() - t0) * 1000) / en.length
  const avg = en.reduce((s, p) => s + p.text.length, 0) / en.length
  console.log(
    `Per passage (${en.length} passages, ${avg.toFixed(0)} chars on average, style ${style}): protect + restore ${protectUs.toFixed(0)} µs ` +
      `(${slots} slots), output check ${checkUs.toFixed(0)} µs (${findings} findings)`,
  )
}
