// Quality floor of sentence alignment on the true fi↔en translations inside report 000 (tests/fixtures/align-gold.json).
import { describe, expect, it } from 'vitest'
import { buildMatcher } from '../../src/core/matcher'
import { alignSentences, beadsToPairs, scoreAlignment, toTmx } from '../../src/core/align'
import { parseXml } from '../../src/core/xml'
import { corpusAvailable, loadAlignGold, loadStarterGlossary } from '../bench/linkGold'

describe.skipIf(!corpusAvailable)('alignment gold set (report 000, fi ↔ en)', () => {
  const task = corpusAvailable ? loadAlignGold() : null
  const glossary = loadStarterGlossary()
  const matcher = glossary ? buildMatcher(glossary) : null

  it('resolves every block and sentence of the gold', () => {
    expect(task!.unresolved).toEqual([])
    expect(task!.gold.length).toBeGreaterThanOrEqual(12)
  })
  it('reaches F1 ≥ 0.95, with and without the glossary', () => {
    for (const m of [matcher, null]) {
      const beads = alignSentences(task!.src, task!.tgt, { srcLang: task!.srcLang, tgtLang: task!.tgtLang, matcher: m })
      expect(scoreAlignment(beads, task!.gold).f1).toBeGreaterThanOrEqual(0.95)
    }
  })
  it('finds the 1-2 bead and exports a well-formed TMX', () => {
    const beads = alignSentences(task!.src, task!.tgt, { srcLang: 'fi', tgtLang: 'en', matcher })
    expect(beads.some((b) => b.type === '1-2')).toBe(true)
    const tmx = toTmx(beadsToPairs(beads, task!.src, task!.tgt), { srcLang: 'fi', tgtLang: 'en', creationTool: 'test' })
    expect(() => parseXml(tmx)).not.toThrow()
    expect(tmx.match(/<tu[ >]/g)!.length).toBe(beads.filter((b) => b.src.length && b.tgt.length).length)
  })
})
