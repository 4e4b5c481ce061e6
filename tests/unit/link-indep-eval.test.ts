// Floors of tier-1 linking on the frozen independent-report gold (the test half, never tuned on): strong links are
// right at least 9 times in 10 and at most 1 in 10 no-counterpart passages gets one; ranking does not fall back.
import { describe, expect, it } from 'vitest'
import { buildMatcher } from '../../src/core/matcher'
import { linkDocuments } from '../../src/core/link'
import { corpusAvailable, loadStarterGlossary } from '../bench/linkGold'
import { countIndep, loadIndepSets, ratios, zeroCounts } from '../bench/indepGold'

describe.skipIf(!corpusAvailable)('tier-1 links on the independent-report gold (test half)', () => {
  const glossary = loadStarterGlossary()!
  const matcher = buildMatcher(glossary)
  const counts = zeroCounts()
  for (const s of loadIndepSets()) {
    const links = linkDocuments(s.a.passages, s.b.passages, { matcher, top: 10, langA: s.a.lang, langB: s.b.lang })
    countIndep(counts, links, s.queries.filter((q) => q.split === 'test'))
  }
  const r = ratios(counts)

  it('keeps the strong band trustworthy', () => {
    expect(r.strong).toBeGreaterThan(0)
    expect(r.strongPrecision).toBeGreaterThanOrEqual(0.9)
    expect(r.emptyStrong).toBeLessThanOrEqual(0.1)
  })
  it('ranks at the measured level (P@1 ≥ 0.35, R@5 ≥ 0.6 over all sets)', () => {
    expect(r.p1).toBeGreaterThanOrEqual(0.35)
    expect(r.r5).toBeGreaterThanOrEqual(0.6)
  })
})
