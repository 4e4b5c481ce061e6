// The alignment job of the analysis worker as a plain function: segment by segment it gives the beads alignSentences gives (with
// positions across segments), reports progress in order up to the end, honours a cancel, uses embeddings only when
// given; and the two-language blocks of one report are paired as in the gold of report 000.
import { describe, expect, it } from 'vitest'
import { alignSentences, scoreAlignment } from '../../src/core/align'
import type { Lang, PassageKind } from '../../src/core/model'
import { bilingualBlocks, documentLanguages, runAlignJob, type AlignJobProgress } from '../../src/workers/alignJob'
import { JobCancelledError } from '../../src/workers/jobProtocol'
import { corpusAvailable, loadAlignGold, loadDoc } from '../bench/linkGold'

const fr = [
  'Le 24 février 2022, la Russie a lancé une invasion à grande échelle.',
  'Selon Mediazona, 1 200 conscrits ont été envoyés à Koursk en août 2024. Ils avaient moins de 20 ans.',
  'Le service civil alternatif dure 21 mois.',
  'Une note sans traduction, assez longue pour ne pas être collée à sa voisine par erreur.',
  'Amnesty International a publié son rapport le 3 mars 2023.',
]
const en = [
  'On 24 February 2022 Russia launched a full-scale invasion.',
  'According to Mediazona, 1,200 conscripts were sent to Kursk in August 2024.',
  'They were under 20 years old.',
  'Alternative civil service lasts 21 months.',
  'Amnesty International published its report on 3 March 2023.',
]
const req = { segments: [{ src: fr, tgt: en }, { src: fr.slice(0, 3), tgt: en.slice(0, 4) }], srcLang: 'fr' as const, tgtLang: 'en' as const }

describe('runAlignJob', () => {
  it('gives the beads of alignSentences per segment, positions counted across segments', async () => {
    const beads = await runAlignJob(req, null)
    const first = alignSentences(fr, en, { srcLang: 'fr', tgtLang: 'en' })
    const second = alignSentences(fr.slice(0, 3), en.slice(0, 4), { srcLang: 'fr', tgtLang: 'en' })
    expect(beads.filter((b) => b.segment === 0).map(({ segment: _s, ...b }) => b)).toEqual(first)
    expect(beads.filter((b) => b.segment === 1).map((b) => ({ src: b.src, tgt: b.tgt, type: b.type }))).toEqual(
      second.map((b) => ({ src: b.src.map((i) => i + 5), tgt: b.tgt.map((j) => j + 5), type: b.type })),
    )
    // The constructed pair: 1-1, 1-2 (the split sentence), 1-1, 1-0 (the untranslated note), 1-1.
    expect(first.map((b) => b.type)).toEqual(['1-1', '1-2', '1-1', '1-0', '1-1'])
    expect(beads.every((b) => b.neural === undefined)).toBe(true)
    // Every sentence of both sides is in exactly one bead.
    expect(beads.flatMap((b) => b.src)).toEqual([...Array(8).keys()])
    expect(beads.flatMap((b) => b.tgt)).toEqual([...Array(9).keys()])
  })

  it('reports progress in order, ending at the total', async () => {
    const seen: AlignJobProgress[] = []
    await runAlignJob(req, null, { onProgress: (p) => seen.push(p) })
    // One search pass: progress counts each segment's source sentences once (5 + 3).
    expect(seen[0]).toEqual({ done: 0, total: 8, segment: 0, segments: 2 })
    expect(seen.at(-1)).toEqual({ done: 8, total: 8, segment: 2, segments: 2 })
    for (let k = 1; k < seen.length; k++) expect(seen[k].done).toBeGreaterThanOrEqual(seen[k - 1].done)
    // Progress from inside the search, not only between segments.
    expect(seen.filter((p) => p.segment === 0).length).toBeGreaterThan(3)
    expect(seen.some((p) => p.segment === 1 && p.done > 5 && p.done < 8)).toBe(true)
  })

  it('stops when cancelled between segments, and inside a segment', async () => {
    let cancel = false
    const pauses: number[] = []
    const between = runAlignJob(req, null, {
      isCancelled: () => cancel,
      pause: async () => {
        pauses.push(pauses.length)
        if (pauses.length === 2) cancel = true
      },
    })
    await expect(between).rejects.toBeInstanceOf(JobCancelledError)
    expect(pauses).toEqual([0, 1])
    let calls = 0
    const inside = runAlignJob(req, null, { isCancelled: () => ++calls > 3 })
    await expect(inside).rejects.toThrow('cancelled')
  })

  it('uses embeddings when given: neural similarity on each bead, and it can outweigh length', async () => {
    const src = ['Aaaa bbbb cccc.', 'Dddd eeee ffff gggg.']
    const tgt = ['Xxxx yyyy.', 'Zzzz wwww vvvv uuuu tttt.']
    const e = (k: number) => Float32Array.from({ length: 4 }, (_, d) => (d === k ? 1 : 0))
    const beads = await runAlignJob({ segments: [{ src, tgt, embeddings: { src: [e(0), e(1)], tgt: [e(0), e(1)] } }], srcLang: 'und', tgtLang: 'und' }, null)
    expect(beads.map((b) => [b.type, b.neural])).toEqual([['1-1', 1], ['1-1', 1]])
    const crossed = await runAlignJob({ segments: [{ src, tgt, embeddings: { src: [e(0), e(1)], tgt: [e(2), e(3)] } }], srcLang: 'und', tgtLang: 'und' }, null)
    expect(crossed.filter((b) => b.src.length && b.tgt.length).every((b) => b.neural === 0)).toBe(true)
  })

  it('uses overlap vectors when given: a run of sentences embedded together can make a 1-2 bead', async () => {
    const src = ['Aaaa bbbb cccc dddd eeee.', 'Ffff gggg.']
    const tgt = ['Xxxx yyyy.', 'Zzzz wwww.', 'Vvvv uuuu.']
    const e = (k: number) => Float32Array.from({ length: 4 }, (_, d) => (d === k ? 1 : 0))
    // Target sentences 0 and 1 are unlike source 0 alone, but their run says what source 0 says.
    const mixed = Float32Array.from([Math.SQRT1_2, 0, 0, Math.SQRT1_2])
    const overlaps = {
      src: { byCount: [[e(0), e(1)], [mixed]] },
      tgt: { byCount: [[e(2), e(3), e(1)], [e(0), mixed]] },
    }
    const beads = await runAlignJob({ segments: [{ src, tgt, overlaps }], srcLang: 'und', tgtLang: 'und' }, null)
    expect(beads.map((b) => [b.src, b.tgt])).toEqual([[[0], [0, 1]], [[1], [2]]])
    expect(beads[0].neural).toBeCloseTo(1)
  })

  it('aligns nothing against something as null beads', async () => {
    const beads = await runAlignJob({ segments: [{ src: [], tgt: ['One.', 'Two.'] }], srcLang: 'fi', tgtLang: 'en' }, null)
    expect(beads.map((b) => b.type)).toEqual(['0-1', '0-1'])
  })
})

const P = (kind: PassageKind, lang: Lang | 'und') => ({ kind, lang })

describe('bilingualBlocks', () => {
  it('pairs each run of the translation language with the nearest passages of the run before it', () => {
    const ps = [P('heading', 'fi'), P('paragraph', 'fi'), P('heading', 'en'), P('footnote', 'en'), P('heading', 'fi'), P('list', 'fi'), P('list', 'und'), P('list', 'fi'), P('heading', 'en'), P('list', 'en'), P('list', 'en'), P('paragraph', 'fi')]
    expect(bilingualBlocks(ps, 'fi', 'en')).toEqual([{ src: [1], tgt: [2] }, { src: [4, 5, 7], tgt: [8, 9, 10] }])
    // Asking for the languages the other way round pairs the same blocks, sides swapped.
    expect(bilingualBlocks(ps, 'en', 'fi')).toEqual([{ src: [2], tgt: [1] }, { src: [8, 9, 10], tgt: [4, 5, 7] }])
    expect(bilingualBlocks(ps, 'fi', 'fi')).toEqual([])
    expect(documentLanguages(ps)).toEqual([{ lang: 'fi', passages: 6 }, { lang: 'en', passages: 4 }])
  })
  it('pairs a translation placed before its original with the run after it', () => {
    const ps = [P('heading', 'en'), P('paragraph', 'en'), P('heading', 'fi'), P('paragraph', 'fi'), P('paragraph', 'fi')]
    expect(bilingualBlocks(ps, 'fi', 'en')).toEqual([{ src: [2, 3], tgt: [0, 1] }])
  })

  it.skipIf(!corpusAvailable)('finds the fi↔en blocks of report 000, and aligning them meets the gold (F1 ≥ 0.95)', async () => {
    const doc = loadDoc('000_acf8e1b7719e168f.txt')
    const blocks = bilingualBlocks(doc.passages, 'fi', 'en')
    expect(blocks).toHaveLength(3)
    const gold = loadAlignGold()
    const side = (k: 'src' | 'tgt') => blocks.flatMap((b) => b[k].flatMap((i) => doc.passages[i].sentences.map((s) => s.text)))
    expect(side('src')).toEqual(gold.src)
    expect(side('tgt')).toEqual(gold.tgt)
    const segments = blocks.map((b) => ({
      src: b.src.flatMap((i) => doc.passages[i].sentences.map((s) => s.text)),
      tgt: b.tgt.flatMap((i) => doc.passages[i].sentences.map((s) => s.text)),
    }))
    const beads = await runAlignJob({ segments, srcLang: 'fi', tgtLang: 'en' }, null)
    expect(scoreAlignment(beads, gold.gold).f1).toBeGreaterThanOrEqual(0.95)
  })
})
