// Picks the verification sentences of the model pack: 14 per report of the corpus (fi, nb, da, fr, en),
// cut by the app's own segmenter, alternately with e5's "query: " and "passage: " prefix. Deterministic.
//
//   npx tsx scripts/model-pack-sentences.ts OUT.json
import { writeFileSync } from 'node:fs'
import { corpusAvailable, CORPUS_DIR, loadCorpus } from '../tests/bench/linkGold'

/** Sentences taken from each report. */
const PER_REPORT = 14

const out = process.argv[2]
if (!out) throw new Error('usage: tsx scripts/model-pack-sentences.ts OUT.json')
if (!corpusAvailable) {
  console.error(`[model-pack] corpus not found at ${CORPUS_DIR} (set COI_CORPUS)`)
  process.exit(1)
}
const items = loadCorpus().flatMap((doc) => {
  // Sentences of body passages and footnotes in the report's own language, 40–400 characters.
  const pool = doc.passages
    .filter((p) => p.kind !== 'heading' && p.lang === doc.lang)
    .flatMap((p) => p.sentences.map((s) => s.text.trim()))
    .filter((t) => t.length >= 40 && t.length <= 400)
  const step = pool.length / PER_REPORT
  return Array.from({ length: Math.min(PER_REPORT, pool.length) }, (_, i) => ({
    file: doc.file,
    lang: doc.lang,
    prefix: i % 2 ? 'passage' : 'query',
    text: pool[Math.floor(i * step)],
  }))
})
writeFileSync(out, JSON.stringify(items, null, 1) + '\n')
console.log(`[model-pack] ${items.length} verification sentences from ${new Set(items.map((i) => i.file)).size} reports`)
