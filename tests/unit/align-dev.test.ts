// Quality floor of the aligner without a model on the peers' development sets (../shared/align-dev): strict F1
// at least hunalign's on the same input, on every set. Quality only: times are in tests/bench/eval-align.ts.
import { describe, expect, it } from 'vitest'
import { alignSentences, scoreBeads } from '../../src/core/align'
import { isLang } from '../../src/core/model'
import { alignDevAvailable, loadDevSets, runHunalign } from '../bench/alignDev'

describe.skipIf(!alignDevAvailable)('alignment on the peers\' development sets, no model', () => {
  const sets = alignDevAvailable ? loadDevSets() : []
  it.each(sets.map((s) => [s.set, s] as const))('%s: strict F1 ≥ hunalign\'s, lax F1 ≥ 0.93', async (_name, set) => {
    for (const d of set.docs) {
      const lang = (l: string) => (isLang(l) ? l : 'und')
      const ours = scoreBeads(d.gold, alignSentences(d.src, d.tgt, { srcLang: lang(set.srcLang), tgtLang: lang(set.tgtLang) }))
      const theirs = scoreBeads(d.gold, (await runHunalign(d.src, d.tgt)).beads)
      expect(ours.strict.f1).toBeGreaterThanOrEqual(theirs.strict.f1)
      expect(ours.lax.f1).toBeGreaterThanOrEqual(0.93)
    }
  })
})
