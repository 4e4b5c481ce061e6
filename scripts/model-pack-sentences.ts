// Picks the verification texts of the model pack, cut by the app's own segmenter: 14 sentences per report
// of the corpus (fi, nb, da, fr, en), alternately with e5's "query: " and "passage: " prefix, for vectors;
// and every passage and sentence of the corpus, for token ids. Deterministic.
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
const docs = loadCorpus()
const items = docs.flatMap((doc) => {
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
const seen = new Set<string>()
const texts = docs.flatMap((doc) =>
  doc.passages
    .flatMap((p) => [p.text, ...p.sentences.map((s) => s.text)])
    .filter((text) => !seen.has(text) && !!seen.add(text))
    .map((text) => ({ lang: doc.lang, text })),
)
writeFileSync(out, JSON.stringify({ sentences: items, texts }, null, 1) + '\n')
console.log(`[model-pack] ${items.length} verification sentences from ${new Set(items.map((i) => i.file)).size} reports; ${texts.length} texts for token ids`)
