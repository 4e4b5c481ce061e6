// Benchmarks tier-1 passage linking in Node: 003→004, all ten report pairs, and scaling on the concatenated corpus.
// Run: npx tsx tests/bench/link.bench.ts   (prints figures; asserts nothing)
import { buildMatcher } from '../../src/core/matcher'
import { linkDocuments, linkPrepared, prepareLinkTarget, queryFeaturesOf, type LinkOptions, type LinkPassage } from '../../src/core/link'
import { loadCorpus, loadDoc, loadStarterGlossary, type CorpusDoc } from './linkGold'

const glossary = loadStarterGlossary()
const matcher = glossary ? buildMatcher(glossary) : null
const ms = (x: number) => `${x.toFixed(0)} ms`.padStart(9)
const cpuMs = () => {
  const c = process.cpuUsage()
  return (c.user + c.system) / 1000
}

/** Wall and CPU time of one call; wall time suffers when the machine is busy, CPU time much less. */
interface Timing {
  wall: number
  cpu: number
}
const show = (t: Timing) => `${ms(t.wall)} wall, ${ms(t.cpu)} CPU`

/** Median timing (by wall time) of `runs` calls, after one warm-up call unless `warm` is false. */
function time(fn: () => void, runs = 3, warm = true): Timing {
  if (warm) fn()
  const t: Timing[] = []
  for (let i = 0; i < runs; i++) {
    const w0 = performance.now()
    const c0 = cpuMs()
    fn()
    t.push({ wall: performance.now() - w0, cpu: cpuMs() - c0 })
  }
  return t.sort((a, b) => a.wall - b.wall)[Math.floor(t.length / 2)]
}

function link(a: CorpusDoc, b: CorpusDoc, extra: LinkOptions = {}) {
  return linkDocuments(a.passages, b.passages, { matcher, top: 10, langA: a.lang, langB: b.lang, ...extra })
}

const docs = loadCorpus()
const byPrefix = (p: string) => docs.find((d) => d.file.startsWith(p))!
console.log(`Corpus: ${docs.map((d) => `${d.file.slice(0, 3)} ${d.lang} ${d.passages.length}p`).join(', ')}`)
console.log(`Glossary: ${glossary ? glossary.entries.length + ' concepts' : 'none'}\n`)

// 1. 003 (fr) against 004 (en), every passage, top 10.
const fr = loadDoc(byPrefix('003').file)
const en = loadDoc(byPrefix('004').file)
const t1 = time(() => link(fr, en))
console.log(`003 fr (${fr.passages.length} passages) → 004 en (${en.passages.length} passages), top 10: ${show(t1)} (median of 3, warm; features + index + search)`)
const q = queryFeaturesOf(fr.passages, fr.lang, { matcher })
const target = prepareLinkTarget(en.passages, { matcher, langB: en.lang }, q)
const tSearch = time(() => linkPrepared(q, target, { top: 10 }))
console.log(`  of which search + evidence only (features and index prepared): ${show(tSearch)}\n`)

// 2. All ten unordered report pairs.
const total: Timing = { wall: 0, cpu: 0 }
console.log('All ten report pairs (A → B, every passage of A, top 10):')
for (let i = 0; i < docs.length; i++)
  for (let j = i + 1; j < docs.length; j++) {
    const t = time(() => link(docs[i], docs[j]), 1)
    total.wall += t.wall
    total.cpu += t.cpu
    console.log(`  ${docs[i].file.slice(0, 3)} ${docs[i].lang} → ${docs[j].file.slice(0, 3)} ${docs[j].lang}  ${show(t)}`)
  }
console.log(`  total          ${show(total)}\n`)

// 3. Scaling: the corpus concatenated k times.
const all: LinkPassage[] = docs.flatMap((d) => d.passages.map((p) => ({ ...p, lang: p.lang === 'und' ? d.lang : p.lang })))
console.log('Scaling on the concatenated corpus (all five reports, k copies):')
let base1: Timing | null = null
let base2: Timing | null = null
const ratio = (t: Timing, b: Timing) => `×${(t.wall / b.wall).toFixed(1)} wall, ×${(t.cpu / b.cpu).toFixed(1)} CPU`
for (const k of [1, 4, 16]) {
  const big = Array.from({ length: k }, () => all).flat()
  const ta = time(() => linkDocuments(fr.passages, big, { matcher, top: 10, langA: 'fr' }), 1, k === 1)
  base1 ??= ta
  console.log(`  ${String(k).padStart(2)}× (${String(big.length).padStart(5)} passages)  003 → corpus:    ${show(ta)}  (${ratio(ta, base1)} of 1×)`)
  const tb = time(() => linkDocuments(big, big, { matcher, top: 10 }), 1, k === 1)
  base2 ??= tb
  const pairs = ((big.length * big.length) / 1e6).toFixed(0)
  console.log(`  ${' '.repeat(21)}corpus → corpus: ${show(tb)}  (${ratio(tb, base2)} of 1×; ${pairs} M passage pairs, not scored densely)`)
}
