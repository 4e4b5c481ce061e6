// Evaluates sentence alignment on the peers' development sets (../shared/align-dev: Text+Berg de→fr, BAF fr→en):
// strict and lax P/R/F1 as Vecalign's score.py, for ours without a model, ours with the embedding model (when its
// pack is present), and hunalign on the same input, with times; then the same on the coreutils gettext units (en →
// fi, fr, sv, da, nb; tests/bench/poGold.ts). Run: npm run eval -- align
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import {
  addBeadCounts, alignSentences, beadCounts, beadScoreOf, overlapTexts, overlapVectors, type AlignOptions, type BeadCounts, type BeadLike,
  type OverlapVectors,
} from '../../src/core/align'
import { isLang } from '../../src/core/model'
import { ALIGN_PREFIX, loadNodeEmbedder } from '../../src/cliCommands/nodeEmbedder'
import { applyPrefix, embedTexts } from '../../src/ml/adapters/embeddings'
import { ALIGN_DEV_DIR, alignDevAvailable, loadDevSets, runHunalign, type DevSet } from './alignDev'
import { loadPoSets } from './poGold'

const MODEL = 'Xenova/multilingual-e5-small'
/** The model folder: $MODEL_SOURCE, the repo's models/, or the pack's cache. */
const MODEL_DIR = [process.env.MODEL_SOURCE, resolve('models'), join(homedir(), '.cache/coi-termbench/models')].find(
  (d) => d && existsSync(join(d, MODEL, 'config.json')),
)
const RUNS = 5
const CACHE = resolve('tests/.tmp/align-embeddings')

/**
 * Overlap embeddings of one side. Every text's vector is cached on disk by model, prefix and text (embedding a set
 * takes many minutes on a shared CPU), so that each text is embedded once, whatever the document or setting.
 */
async function cachedOverlaps(embedder: Awaited<ReturnType<typeof loadNodeEmbedder>>, sentences: string[]): Promise<{ vectors: OverlapVectors; ms: number }> {
  const file = join(CACHE, `${MODEL.replace(/\W+/g, '_')}.${ALIGN_PREFIX}.json`)
  const cache: Record<string, number[]> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}
  const entries = overlapTexts(sentences)
  const missing = [...new Set(entries.map((e) => e.text))].filter((t) => !cache[t]).sort((a, b) => a.length - b.length)
  const t0 = performance.now()
  if (missing.length) {
    const vectors = await embedTexts(embedder, applyPrefix(missing, MODEL, ALIGN_PREFIX), { batchSize: 16 })
    missing.forEach((t, k) => (cache[t] = Array.from(vectors[k], (x) => Math.round(x * 1e6) / 1e6)))
    mkdirSync(CACHE, { recursive: true })
    writeFileSync(file, JSON.stringify(cache))
  }
  const ms = performance.now() - t0
  return { vectors: overlapVectors(entries, entries.map((e) => Float32Array.from(cache[e.text]))), ms }
}

const f = (x: number) => x.toFixed(3)
const lang = (l: string) => (isLang(l) ? l : 'und')

/** Minimum wall time of `RUNS` runs after one warm-up (the machine is shared: the minimum is the least disturbed). */
async function timed<T>(fn: () => T | Promise<T>): Promise<{ result: T; ms: number }> {
  let result = await fn()
  let ms = Infinity
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now()
    result = await fn()
    ms = Math.min(ms, performance.now() - t0)
  }
  return { result, ms }
}

function row(name: string, counts: BeadCounts, ms: number, extra = '') {
  const s = beadScoreOf(counts)
  const prf = (x: { precision: number; recall: number; f1: number }) => `${f(x.precision)} ${f(x.recall)} ${f(x.f1)}`
  console.log(`| ${name.padEnd(34)} | ${prf(s.strict)} | ${prf(s.lax)} | ${ms.toFixed(0).padStart(6)} ms${extra} |`)
}

async function evaluateSet(set: DevSet, embedder: Awaited<ReturnType<typeof loadNodeEmbedder>> | null) {
  const zero = (): BeadCounts => beadCounts([], [])
  const totals = { ours: zero(), hun: zero(), model: zero() }
  const ms = { ours: 0, hun: 0, hunStart: 0, model: 0, embed: 0 }
  for (const d of set.docs) {
    const opts: AlignOptions = { srcLang: lang(set.srcLang), tgtLang: lang(set.tgtLang) }
    const ours = await timed(() => alignSentences(d.src, d.tgt, opts))
    totals.ours = addBeadCounts(totals.ours, beadCounts(d.gold, ours.result))
    ms.ours += ours.ms
    let hunBeads: BeadLike[] = []
    let hunMs = Infinity
    for (let r = 0; r <= RUNS; r++) {
      const h = await runHunalign(d.src, d.tgt)
      hunBeads = h.beads
      if (r > 0) hunMs = Math.min(hunMs, h.ms)
      ms.hunStart = h.startMs
    }
    totals.hun = addBeadCounts(totals.hun, beadCounts(d.gold, hunBeads))
    ms.hun += hunMs
    if (embedder) {
      const a = await cachedOverlaps(embedder, d.src)
      const b = await cachedOverlaps(embedder, d.tgt)
      const overlaps = { src: a.vectors, tgt: b.vectors }
      ms.embed += a.ms + b.ms
      const withModel = await timed(() => alignSentences(d.src, d.tgt, { ...opts, overlaps }))
      totals.model = addBeadCounts(totals.model, beadCounts(d.gold, withModel.result))
      ms.model += withModel.ms
    }
  }
  const sentences = set.docs.reduce((s, d) => s + d.src.length + d.tgt.length, 0)
  console.log(`\n### ${set.set} (${set.srcLang}→${set.tgtLang}): ${set.docs.length} document(s), ${sentences} sentences, ${set.docs.reduce((s, d) => s + d.gold.length, 0)} gold beads`)
  console.log('| aligner | strict P R F1 | lax P R F1 | time |')
  console.log('| --- | --- | --- | ---: |')
  row('ours, length + anchors (no model)', totals.ours, ms.ours, ` (${(ms.ours / ms.hun).toFixed(2)}× hunalign)`)
  if (embedder) row(`ours, ${MODEL}`, totals.model, ms.model, ms.embed ? ` (+ ${(ms.embed / 1000).toFixed(0)} s embedding)` : ' (+ embeddings from the cache)')
  row('hunalign (wasm, no dictionary)', totals.hun, ms.hun, ` (+ ${ms.hunStart.toFixed(0)} ms start-up)`)
}

async function main() {
  if (!alignDevAvailable) {
    console.log(`align-dev sets not found (looked in $ALIGN_DEV and ${ALIGN_DEV_DIR || '/work/shared/align-dev, ../shared/align-dev'}); skipped`)
    return
  }
  const embedder = MODEL_DIR ? await loadNodeEmbedder(MODEL, { kind: 'local', path: MODEL_DIR }) : null
  console.log(`## Sentence alignment on ${ALIGN_DEV_DIR} — strict/lax as Vecalign's score.py; time: best of ${RUNS} warm runs`)
  console.log(embedder ? `model: ${MODEL} from ${MODEL_DIR} ("query: " prefix on both sides, overlaps of 1–4 sentences embedded, of 5 summed from their sentences, vectors cached in tests/.tmp/align-embeddings)` : `model: none (no ${MODEL} under $MODEL_SOURCE, models/ or ~/.cache/coi-termbench/models)`)
  for (const set of loadDevSets()) await evaluateSet(set, embedder)
  // The coreutils catalogues (en → fi, fr, sv, da, nb): with the model only on request, since embedding them once
  // takes several minutes on a shared CPU (the vectors are cached like the others').
  const po = loadPoSets()
  if (po.length) console.log(`\n## coreutils gettext units (beads derived from human translation units; see tests/bench/poGold.ts)${process.env.ALIGN_PO_MODEL ? '' : ' — with the model: ALIGN_PO_MODEL=1'}`)
  for (const set of po) await evaluateSet(set, process.env.ALIGN_PO_MODEL ? embedder : null)
}

await main()
