// Fits the link calibration models (tier 1 alone, and hybrid with the model pack) on the DEVELOPMENT half of the
// independent-report gold only, and writes them to src/core/link/calibrationModels.json; with the dictionary pack
// (`npm run dict-pack`), also the two models of linking with the bilingual dictionary.
// Run: npx tsx scripts/fit-link-calibration.ts   (then `npm run eval` reports both halves)
import { writeFileSync } from 'node:fs'
import { buildMatcher } from '../src/core/matcher'
import { linkDocuments, PAIR_FEATURES, CALIBRATION, probability, type CalibrationModel, type PairFeatureName } from '../src/core/link'
import { loadCorpus, loadStarterGlossary } from '../tests/bench/linkGold'
import { loadIndepSets, type IndepSet } from '../tests/bench/indepGold'
import { corpusEmbeddings, packAvailable, PACK_MODEL } from '../tests/bench/corpusEmbeddings'
import { loadDictionaryPack } from '../src/cliCommands/dictionaryPack'
import type { LinkDictionary } from '../src/core/link/dictionary'
import { fitLogistic } from './logistic'

const OUT = new URL('../src/core/link/calibrationModels.json', import.meta.url)
const LEXICAL: PairFeatureName[] = ['lexical', 'substantive', 'specificNumbers', 'cognates', 'weakOnly', 'lexicalRank', 'lengthGap']
const HYBRID: PairFeatureName[] = [...LEXICAL, 'cosine', 'margin', 'denseRank']
/** With the bilingual dictionary, each model also reads how many words the dictionary matched. */
const DICT = (names: PairFeatureName[]): PairFeatureName[] => [...names, 'translations']
/** Strong links must be right this often on dev, and at most this share of no-counterpart passages may get one. */
const STRONG_PRECISION = 0.92
const EMPTY_STRONG = 0.08
const WEAK_FLOOR = 0.02

interface Example { x: number[]; y: number; query: string; empty: boolean }

function examples(sets: IndepSet[], embeddings?: Map<string, Float32Array[]>, dictionary?: LinkDictionary | null): Example[] {
  const glossary = loadStarterGlossary()
  const matcher = glossary ? buildMatcher(glossary) : null
  const out: Example[] = []
  for (const s of sets) {
    const emb = embeddings && { a: embeddings.get(s.a.file)!, b: embeddings.get(s.b.file)! }
    const links = linkDocuments(s.a.passages, s.b.passages, { matcher, top: 10, langA: s.a.lang, langB: s.b.lang, embeddings: emb, dictionary, keepAll: true })
    for (const q of s.queries) {
      if (q.split !== 'dev') continue
      for (const c of links[q.source].candidates)
        out.push({ x: c.features!, y: q.relevant.has(c.index) ? 1 : 0, query: `${s.a.file}#${q.source}`, empty: !q.relevant.size })
    }
  }
  return out
}

/** The link model's logistic regression over the chosen features of the examples (see scripts/logistic.ts). */
function fit(data: Example[], names: PairFeatureName[], l2 = 1): Omit<CalibrationModel, 'strong' | 'weak' | 'trainedOn'> {
  const cols = names.map((n) => PAIR_FEATURES.indexOf(n))
  return { features: names, ...fitLogistic(data.map((e) => cols.map((c) => e.x[c])), data.map((e) => e.y), l2) }
}

/** The lowest strong threshold that keeps dev's strong top-1 links right and no-counterpart passages clear. */
function strongThreshold(data: Example[], model: Omit<CalibrationModel, 'strong' | 'weak' | 'trainedOn'>): number {
  const full: CalibrationModel = { ...model, strong: 1, weak: 0, trainedOn: '' }
  const p = (x: number[]) => probability(full, x)
  const top = new Map<string, { p: number; y: number; empty: boolean }>()
  for (const e of data) {
    const v = p(e.x)
    const cur = top.get(e.query)
    if (!cur || v > cur.p) top.set(e.query, { p: v, y: e.y, empty: e.empty })
  }
  const tops = [...top.values()]
  const empties = tops.filter((t) => t.empty).length || 1
  for (let t = 0.3; t < 0.99; t += 0.01) {
    const strong = tops.filter((x) => x.p >= t)
    const right = strong.filter((x) => x.y === 1).length
    const emptyStrong = strong.filter((x) => x.empty).length
    if (strong.length && right / strong.length >= STRONG_PRECISION && emptyStrong / empties <= EMPTY_STRONG) return Math.round(t * 100) / 100
  }
  return 0.99
}

const sets = loadIndepSets()
const date = new Date().toISOString().slice(0, 10)
/** --dictionary-only: refit only the dictionary models, leaving the others as they are. */
const dictionaryOnly = process.argv.includes('--dictionary-only')
const models: Record<string, CalibrationModel> = { ...CALIBRATION }
const describe = (data: Example[]) =>
  `dev half of tests/fixtures/link-indep-gold.json: ${new Set(data.map((e) => e.query)).size} source passages, ${data.length} candidates, ${data.filter((e) => e.y).length} right; scripts/fit-link-calibration.ts, ${date}`
const embeddings = packAvailable() ? await corpusEmbeddings(loadCorpus()) : null
const dictionary = loadDictionaryPack()
/** Fits the model `name` on dev examples of tier 1 (with embeddings: hybrid), with or without the dictionary. */
function refit(name: string, names: PairFeatureName[], hybrid: boolean, dict: LinkDictionary | null) {
  const data = examples(sets, hybrid ? embeddings! : undefined, dict)
  const model = fit(data, names)
  models[name] = { ...model, strong: strongThreshold(data, model), weak: WEAK_FLOOR, trainedOn: describe(data) + (hybrid ? `; model ${PACK_MODEL}` : '') + (dict ? '; dictionary public/dict' : '') }
  console.log(name, models[name])
}
if (!dictionaryOnly) refit('lexical', LEXICAL, false, null)
if (!embeddings) console.log(`no model pack: the hybrid models are left as they were (${models.hybrid.trainedOn})`)
else if (!dictionaryOnly) refit('hybrid', HYBRID, true, null)
if (!dictionary) console.log('no dictionary pack (npm run dict-pack): the dictionary models are left as they were')
else {
  refit('lexicalDictionary', DICT(LEXICAL), false, dictionary)
  if (embeddings) refit('hybridDictionary', DICT(HYBRID), true, dictionary)
}
const round = (m: CalibrationModel) => ({ ...m, mean: m.mean.map((v) => +v.toFixed(5)), std: m.std.map((v) => +v.toFixed(5)), weights: m.weights.map((v) => +v.toFixed(5)), bias: +m.bias.toFixed(5) })
writeFileSync(OUT, JSON.stringify(Object.fromEntries(Object.entries(models).map(([k, m]) => [k, round(m)])), null, 2) + '\n')
