// Holds term matching and the QA checks to the precision and recall they reach on the corpus gold (tests/fixtures/qa-gold.json).
import { describe, expect, it } from 'vitest'
import { corpusAvailable } from '../bench/linkGold'
import { evaluateQa, loadQaGold } from '../bench/eval-qa'

describe('QA gold set', () => {
  it('has at least 50 expected findings, each keyed by file and offset, concept or passage', () => {
    const gold = loadQaGold()
    const findings = gold.items.filter((i) => i.check !== 'term')
    expect(findings.length).toBeGreaterThanOrEqual(50)
    for (const i of gold.items) expect(i.at !== undefined || i.conceptId !== undefined).toBe(true)
  })
})

describe.skipIf(!corpusAvailable)('QA against the corpus gold (floors reached)', () => {
  it('keeps term matching and every check at its floor', { timeout: 180_000 }, () => {
    const r = evaluateQa()
    expect(r.terms.precision).toBeGreaterThanOrEqual(0.99)
    expect(r.terms.recall).toBeGreaterThanOrEqual(0.99)
    for (const c of ['deprecated-term', 'variants', 'mixed-script', 'misspelling'] as const) {
      expect(r.checks[c]!.precision, c).toBeGreaterThanOrEqual(0.98)
      expect(r.checks[c]!.recall, c).toBeGreaterThanOrEqual(0.98)
    }
    expect(r.checks['translit-convention']!.found).toBe(0)
    expect(r.checks['linked-absent']!.precision).toBeGreaterThanOrEqual(0.9)
    expect(r.checks['linked-absent']!.recall).toBeGreaterThanOrEqual(0.95)
  })
})
