// Glossary benchmark in Node: CSV import, search-as-you-type latency, export, and batch edit planning at 10k and
// 100k terms (to show near-linear growth). Prints figures; asserts nothing.
import { performance } from 'node:perf_hooks'
import { exportCsv, importCsv } from '../../src/core/csv'
import { exportTbx, importTbx } from '../../src/core/tbx'
import { buildSearchIndex, searchGlossary, termsOfEntries } from '../../src/core/glossarySearch'
import { generateGlossary, percentile, rng, word } from './generate'
import { planBatch } from '../../src/core/batchEdit'

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now()
  const v = fn()
  return [v, performance.now() - t0]
}

console.log('## Glossary (Node)')
console.log('| terms | CSV export ms | CSV import ms | TBX export ms | TBX import ms | index build ms | search p50 ms | search p95 ms |')
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const n of [10_000, 100_000]) {
  const g = generateGlossary(n)
  const [csv, tExp] = time(() => exportCsv(g, { layout: 'wide' }))
  const [imp, tImp] = time(() => importCsv(csv))
  if (imp.errors.length) throw new Error(`import failed: ${imp.errors[0].message}`)
  const [tbx, tTbxExp] = time(() => exportTbx(g))
  const [, tTbxImp] = time(() => importTbx(tbx))
  const [index, tIdx] = time(() => buildSearchIndex(termsOfEntries(g.entries)))
  // Simulate typing: every prefix of 200 random queries (existing words and misses).
  const r = rng(7)
  const lat: number[] = []
  for (let q = 0; q < 200; q++) {
    const target = q % 2 ? g.entries[Math.floor(r() * g.entries.length)].terms[0].text : word(r)
    for (let k = 1; k <= target.length; k++) lat.push(time(() => searchGlossary(index, target.slice(0, k)))[1])
  }
  lat.sort((a, b) => a - b)
  console.log(`| ${n} | ${tExp.toFixed(0)} | ${tImp.toFixed(0)} | ${tTbxExp.toFixed(0)} | ${tTbxImp.toFixed(0)} | ${tIdx.toFixed(0)} | ${percentile(lat, 50).toFixed(2)} | ${percentile(lat, 95).toFixed(2)} |`)
}

// Batch edit planning (core/batchEdit.ts; the dialog plans once typing pauses): the whole glossary as the shown concepts.
console.log('\n## Batch edit plan (Node)')
console.log('| terms | concepts | set subject ms | status change ms | find and replace ms | replace, nothing found ms |')
console.log('| ---: | ---: | ---: | ---: | ---: | ---: |')
for (const n of [10_000, 100_000]) {
  const g = generateGlossary(n)
  const at = new Date().toISOString()
  const word0 = g.entries[0].terms[0].text.split(' ')[0]
  const [, tSubject] = time(() => planBatch(g.entries, { kind: 'subject', value: 'military' }, at))
  const [, tStatus] = time(() => planBatch(g.entries, { kind: 'status', lang: null, from: 'admitted', to: 'deprecated' }, at))
  const replace = { kind: 'replace', find: word0, replace: 'x', fields: ['term', 'definition', 'note'], lang: null, matchCase: false, wholeWord: true } as const
  const [, tReplace] = time(() => planBatch(g.entries, replace, at))
  const [, tMiss] = time(() => planBatch(g.entries, { ...replace, find: 'zzzqqq' }, at))
  console.log(`| ${n} | ${g.entries.length} | ${tSubject.toFixed(0)} | ${tStatus.toFixed(0)} | ${tReplace.toFixed(0)} | ${tMiss.toFixed(0)} |`)
}
