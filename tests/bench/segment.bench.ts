// Segmenter benchmark and language-detector comparison on the five corpus reports; prints figures,
// asserts nothing. Run: npx tsx tests/bench/segment.bench.ts  (add --quick to skip the 16× run).
import { readFileSync } from 'node:fs'
import { francAll } from 'franc'
import { eldScores, type LangScores, type RawDetector } from '../../src/core/langdetect'
import type { Lang } from '../../src/core/model'
import { assignLanguages, segmentDocument, type Passage } from '../../src/core/segment'

const CORPUS = '/work/shared/corpus'
const FILES = ['000_acf8e1b7719e168f.txt', '001_e8e03fc529c28da8.txt', '002_f92c2e12db2273f8.txt', '003_69196824feca6e36.txt', '004_2311294a2fc5f756.txt']
const texts = FILES.map((f) => readFileSync(`${CORPUS}/${f}`, 'utf8'))
const quick = process.argv.includes('--quick')

/** Wall and CPU milliseconds of `fn`. */
function timed<T>(fn: () => T): { value: T; wall: number; cpu: number } {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  const value = fn()
  const c = process.cpuUsage(c0)
  return { value, wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 }
}

const ms = (n: number) => `${n.toFixed(0)} ms`

// ---- Timing ---------------------------------------------------------------------------------
console.log('== segmentDocument on the five reports (%s KB)', (texts.reduce((n, t) => n + t.length, 0) / 1024).toFixed(0))
const runAll = () => texts.reduce((n, t) => n + segmentDocument(t).passages.length, 0)
const cold = timed(runAll)
console.log(`first run (includes lazy init):   wall ${ms(cold.wall)}, cpu ${ms(cold.cpu)}, ${cold.value} passages`)
const warm = Array.from({ length: 7 }, () => timed(runAll)).sort((a, b) => a.wall - b.wall)
const median = warm[3]
console.log(`warm median of 7:                 wall ${ms(median.wall)}, cpu ${ms(median.cpu)} (best ${ms(warm[0].wall)})`)
console.log(`throughput:                       ${((median.value / median.wall) * 1000).toFixed(0)} passages/s, ${((texts.join('').length / 1024 / median.wall) * 1000).toFixed(0)} KB/s`)
for (const [i, t] of texts.entries()) {
  const r = timed(() => segmentDocument(t))
  console.log(`  ${FILES[i].slice(0, 3)}  ${(t.length / 1024).toFixed(0).padStart(4)} KB  ${String(r.value.passages.length).padStart(5)} passages  ${ms(r.wall).padStart(7)}`)
}

console.log('\n== scaling: the corpus concatenated k times, one document')
const joined = texts.join('\n\n')
let base = 0
for (const k of quick ? [1, 4] : [1, 4, 16]) {
  const big = Array.from({ length: k }, () => joined).join('\n\n')
  const r = timed(() => segmentDocument(big))
  if (k === 1) base = r.wall
  console.log(`  ${String(k).padStart(2)}×  ${(big.length / 1024).toFixed(0).padStart(6)} KB  ${String(r.value.passages.length).padStart(6)} passages  wall ${ms(r.wall).padStart(8)}  (${(r.wall / base / k).toFixed(2)} × linear)`)
}

// ---- Language detection: eld against franc ------------------------------------------------
const FRANC: Record<string, Lang> = { eng: 'en', fin: 'fi', nob: 'nb', dan: 'da', swe: 'sv', fra: 'fr', rus: 'ru' }
const francScores: RawDetector = (t) =>
  francAll(t, { only: Object.keys(FRANC), minLength: 1 })
    .filter(([code]) => FRANC[code])
    .map(([code, score]) => [FRANC[code], score] as [Lang, number]) as LangScores

interface Gold {
  reports: Record<string, { default: Lang; exceptions: Record<string, Lang | Lang[]> }>
}
const gold = JSON.parse(readFileSync(new URL('../fixtures/lang-gold.json', import.meta.url), 'utf8')) as Gold
const goldKey = (t: string) => t.slice(0, 40) + (t.length > 60 ? '…' + t.slice(-20) : t.slice(40))
const docs = FILES.map((f, i) => ({ file: f, passages: segmentDocument(texts[i]).passages }))
const expected = (file: string, p: Passage): Lang[] => {
  const v = gold.reports[file].exceptions[goldKey(p.text)] ?? gold.reports[file].default
  return Array.isArray(v) ? v : [v]
}

console.log('\n== language detection on %d corpus passages (7 languages, hand-checked gold)', docs.reduce((n, d) => n + d.passages.length, 0))
for (const [name, raw] of [
  ['eld (small)', eldScores],
  ['franc', francScores],
] as const) {
  let rawOk = 0
  let pipeOk = 0
  let total = 0
  const t = timed(() => {
    for (const d of docs) {
      const copy = d.passages.map((p) => ({ ...p }))
      assignLanguages(copy, undefined, raw)
      copy.forEach((p) => {
        const want = expected(d.file, p)
        total++
        if (want.includes(raw(p.text)[0]?.[0] as Lang)) rawOk++
        if (want.includes(p.lang as Lang)) pipeOk++
      })
    }
  })
  const pct = (n: number) => `${((100 * n) / total).toFixed(2)}%`
  console.log(`  ${name.padEnd(12)} library alone ${pct(rawOk).padStart(7)}   with segmenter heuristics ${pct(pipeOk).padStart(7)}   (${ms(t.wall)})`)
}
