// Fits the confidence of co-occurrence term candidates (src/core/suggest/confidence.ts) on the DEVELOPMENT half of the
// concepts of tests/bench/eval-candidates.ts (leave-one-out, the concepts no report of the language names included:
// none of their candidates can be right), and writes src/core/suggest/confidenceModel.json.
// Run: npx tsx scripts/fit-candidate-confidence.ts   (then `npx tsx tests/bench/eval-candidates.ts` shows both halves)
import { writeFileSync } from 'node:fs'
import { CANDIDATE_FEATURES, candidateFeatures, termCandidates } from '../src/core/suggest'
import { confidenceSplit, evaluateCandidates } from '../tests/bench/eval-candidates'
import { fitLogistic } from './logistic'

const OUT = new URL('../src/core/suggest/confidenceModel.json', import.meta.url)
/** Candidates per concept the model learns from: as many as the page shows before "show more". */
const SHOWN = 5

const X: number[][] = []
const y: number[] = []
let concepts = 0
for (const s of evaluateCandidates({ absent: true }))
  for (const x of s.shown) {
    if (confidenceSplit(x.conceptId) !== 'dev') continue
    concepts++
    const { kept, best } = termCandidates(x.raw, s.lang)
    for (const candidate of kept.filter((c) => c.source === 'cooccurrence').slice(0, SHOWN)) {
      X.push(candidateFeatures(candidate, best))
      y.push(x.rawRight[x.raw.indexOf(candidate)] ? 1 : 0)
    }
  }
const model = fitLogistic(X, y, 1)
const round = (v: number[]) => v.map((n) => +n.toFixed(5))
const trainedOn = `dev half of tests/bench/eval-candidates.ts (concepts by a hash of their id): ${concepts} concept lists, ${X.length} co-occurrence candidates, ${y.filter(Boolean).length} right; scripts/fit-candidate-confidence.ts, ${new Date().toISOString().slice(0, 10)}`
const out = { features: CANDIDATE_FEATURES, mean: round(model.mean), std: round(model.std), weights: round(model.weights), bias: +model.bias.toFixed(5), trainedOn }
writeFileSync(OUT, JSON.stringify(out, null, 2) + '\n')
console.log(out)
