// Extraction on documents nobody tuned for: passage boundary F1, heading recall, header-leak rate,
// glued footnote markers and table cells on the generated DOCX/PDF/HTML set (tests/fixtures/makeDocs.ts),
// and title/publisher/date accuracy against tests/fixtures/meta-gold.json.
// Run: npm run eval -- extract
import { existsSync, readFileSync } from 'node:fs'
import { readReport } from '../../src/core/extract/report'
import { scoreDoc } from '../fixtures/docScore'
import { CORPUS, makeDocs } from '../fixtures/makeDocs'
import { META_GOLD, metaAgrees } from '../fixtures/metaScore'

const pct = (x: number) => (x * 100).toFixed(1).padStart(5) + '%'

if (!existsSync(CORPUS)) {
  console.log(`corpus not found at ${CORPUS} (set COI_CORPUS); nothing to evaluate`)
  process.exit(0)
}
const agree = { title: 0, publisher: 0, date: 0, n: 0 }
const tally = (gold: (typeof META_GOLD)[number], meta: Parameters<typeof metaAgrees>[1]) => {
  const a = metaAgrees(gold, meta)
  agree.n++
  for (const k of ['title', 'publisher', 'date'] as const) if (a[k]) agree[k]++
  return `${a.title ? 'T' : '-'}${a.publisher ? 'P' : '-'}${a.date ? 'D' : '-'}  ${meta.title.slice(0, 50)} | ${meta.publisher?.slice(0, 30) ?? '—'} | ${meta.date ?? '—'}`
}
console.log('document                      P      R      F1   headings  leaks  glued  cells  meta')
let f1 = 0
let leaks = 0
let passages = 0
const docs = await makeDocs()
for (const d of docs) {
  const r = await readReport(d.name, d.bytes)
  const s = scoreDoc(d, r.passages, r.text)
  f1 += s.f1
  leaks += s.leaks.length
  passages += r.passages.length
  const gold = META_GOLD.find((g) => g.file === d.name)!
  console.log(`${d.name.padEnd(28)} ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)} ${pct(s.headingRecall)} (${s.headings}) ${String(s.leaks.length).padStart(4)} ${String(s.glued.length).padStart(6)} ${String(s.gluedCells.length).padStart(6)}  ${tally(gold, r.meta)}`)
}
console.log(`\nmean passage boundary F1 ${pct(f1 / docs.length)}; header-leak rate ${pct(passages ? leaks / passages : 0)} of ${passages} passages`)
for (const g of META_GOLD.filter((x) => x.file.endsWith('.txt'))) {
  const r = await readReport(g.file, readFileSync(`${CORPUS}/${g.file}`))
  console.log(`${g.file.slice(0, 28).padEnd(28)} ${tally(g, r.meta)}`)
}
console.log(`\nmetadata over ${agree.n} documents: title ${pct(agree.title / agree.n)}, publisher ${pct(agree.publisher / agree.n)}, date ${pct(agree.date / agree.n)}`)
