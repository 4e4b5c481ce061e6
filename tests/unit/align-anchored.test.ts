// Re-alignment around confirmed beads: anchors stay exactly as confirmed, the aligner sees only the gaps between
// them (and block starts), and its beads come back at whole-list positions; bad anchors are refused by name.
import { describe, expect, it } from 'vitest'
import {
  alignAroundAnchors, alignSentences, checkBeads, confirmedAnchors, gapInputs, overlapTexts, splitByGap, type AlignGap, type EditableBead, type GapAligner,
} from '../../src/core/align'
import { runAlignJob } from '../../src/workers/alignJob'

const FI = [
  'Venäjän armeija värvää vankeja.', 'Värväys alkoi vuonna 2022.', 'Lähteitä on vähän.', 'Tilanne on epäselvä.',
  'Maahanmuuttovirasto kokosi vastauksen 12 päivässä.', 'Kaikki lähteet on merkitty.',
]
const EN = [
  'The Russian army recruits prisoners.', 'The recruitment began in 2022.', 'There are few sources.', 'The situation is unclear.',
  'The Immigration Service compiled the answer in 12 days.', 'All sources are referenced.',
]
/** The real aligner over each gap, recording what it was given. */
function recording(): { align: GapAligner; seen: AlignGap[] } {
  const seen: AlignGap[] = []
  return { seen, align: (gaps) => (seen.push(...gaps), gaps.map((g) => alignSentences(g.src, g.tgt))) }
}
const bead = (src: number[], tgt: number[], extra: Partial<EditableBead> = {}): EditableBead => ({ src, tgt, segment: 0, ...extra })

describe('alignAroundAnchors', () => {
  it('without anchors aligns the whole lists once, like the aligner alone', async () => {
    const { align, seen } = recording()
    const out = await alignAroundAnchors(FI, EN, [], align)
    expect(seen).toHaveLength(1)
    expect(out.map((b) => [b.src, b.tgt])).toEqual(alignSentences(FI, EN).map((b) => [b.src, b.tgt]))
    expect(checkBeads(out, FI.length, EN.length)).toBeNull()
  })

  it('keeps a confirmed bead that the aligner would never make, and aligns only the gaps around it', async () => {
    // The translator confirms that FI 2–3 translate EN 2 (a 2-1 bead).
    const anchor = bead([2, 3], [2], { confirmed: true })
    const { align, seen } = recording()
    const out = await alignAroundAnchors(FI, EN, [anchor], align)
    expect(seen.map((g) => [g.srcStart, g.src.length, g.tgtStart, g.tgt.length])).toEqual([[0, 2, 0, 2], [4, 2, 3, 3]])
    expect(seen[1].tgt[0]).toBe(EN[3])
    const kept = out.find((b) => b.confirmed)!
    expect(kept).toEqual(anchor)
    expect(checkBeads(out, FI.length, EN.length)).toBeNull()
    // Gap beads are at whole-list positions and carry the aligner's scores.
    expect(out[0]).toMatchObject({ src: [0], tgt: [0] })
    expect(typeof out[0].cost).toBe('number')
    expect(out.at(-1)).toMatchObject({ src: [5], tgt: [5] })
  })

  it('places an anchor with an empty side at its corner, not after the previous anchor', async () => {
    const list = [bead([0], [0], { confirmed: true }), bead([1], [1]), bead([2], [], { confirmed: true }), bead([3], [2]), bead([4], [3]), bead([5], [4, 5])]
    const { anchors } = confirmedAnchors(list)
    expect(anchors[1].at).toEqual({ src: 2, tgt: 2 })
    const { align, seen } = recording()
    const out = await alignAroundAnchors(FI, EN, anchors, align)
    expect(seen.map((g) => [g.srcStart, g.src.length, g.tgtStart, g.tgt.length])).toEqual([[1, 1, 1, 1], [3, 3, 2, 4]])
    expect(out.slice(0, 3).map((b) => [b.src, b.tgt])).toEqual([[[0], [0]], [[1], [1]], [[2], []]])
    expect(out.every((b) => !('at' in b))).toBe(true)
  })

  it('never aligns across a block start, and numbers the blocks of the gaps', async () => {
    const list = [bead([0], [0]), bead([1], [1]), bead([2], [2], { segment: 1 }), bead([3], [3], { segment: 1, confirmed: true }), bead([4, 5], [4, 5], { segment: 1 })]
    const { anchors, blocks } = confirmedAnchors(list)
    expect(blocks).toEqual([{ src: 2, tgt: 2 }])
    const { align, seen } = recording()
    const out = await alignAroundAnchors(FI, EN, anchors, align, blocks)
    expect(seen.map((g) => [g.srcStart, g.tgtStart, g.segment])).toEqual([[0, 0, 0], [2, 2, 1], [4, 4, 1]])
    expect(out.map((b) => b.segment)).toEqual([0, 0, 1, 1, 1, 1])
  })

  it('gives a gap with one side only to the aligner as well: its sentences come back unaligned', async () => {
    const { align, seen } = recording()
    const out = await alignAroundAnchors(FI, EN.slice(0, 5), [bead([0, 1, 2, 3, 4], [0, 1, 2, 3, 4], { confirmed: true })], align)
    expect(seen).toHaveLength(1)
    expect(out.at(-1)).toMatchObject({ src: [5], tgt: [] })
  })

  it('refuses anchors that overlap, cross a block or lie outside the lists, and an aligner that drops a sentence', async () => {
    const { align } = recording()
    await expect(alignAroundAnchors(FI, EN, [bead([1], [1], { confirmed: true }), bead([1], [2], { confirmed: true })], align)).rejects.toThrow(/confirmed bead 2 overlaps/)
    await expect(alignAroundAnchors(FI, EN, [bead([1, 2], [1, 2], { confirmed: true })], align, [{ src: 2, tgt: 2 }])).rejects.toThrow(/confirmed bead 1 runs past the end of its block/)
    await expect(alignAroundAnchors(FI, EN, [bead([6], [6], { confirmed: true })], align)).rejects.toThrow(/outside|past the end/)
    await expect(alignAroundAnchors(FI, EN, [bead([0, 2], [0], { confirmed: true })], align)).rejects.toThrow(/out of order/)
    const dropping: GapAligner = (gaps) => gaps.map((g) => alignSentences(g.src, g.tgt).slice(1))
    await expect(alignAroundAnchors(FI, EN, [], dropping)).rejects.toThrow(/do not cover gap 1/)
  })

  it('accepts an asynchronous aligner (a worker) called once for all gaps', async () => {
    let calls = 0
    const out = await alignAroundAnchors(FI, EN, [bead([2], [2], { confirmed: true })], async (gaps) => {
      calls++
      return gaps.map((g) => alignSentences(g.src, g.tgt))
    })
    expect(calls).toBe(1)
    expect(checkBeads(out, FI.length, EN.length)).toBeNull()
  })
})

describe('the align job over gaps (as the app runs it in the worker)', () => {
  it('gives the same beads as aligning each gap alone, mapped back to the gaps', async () => {
    const anchors = [bead([2], [2], { confirmed: true })]
    const viaJob: GapAligner = async (gaps) => splitByGap(await runAlignJob({ segments: gapInputs(gaps), srcLang: 'fi', tgtLang: 'en' }, null), gaps)
    const direct: GapAligner = (gaps) => gaps.map((g) => alignSentences(g.src, g.tgt, { srcLang: 'fi', tgtLang: 'en' }))
    const a = await alignAroundAnchors(FI, EN, anchors, viaJob)
    const b = await alignAroundAnchors(FI, EN, anchors, direct)
    expect(a.map((x) => [x.src, x.tgt, x.confirmed])).toEqual(b.map((x) => [x.src, x.tgt, x.confirmed]))
    expect(a[2]).toEqual(anchors[0])
  })
  it('cuts the sentence vectors of the whole lists to each gap', () => {
    const gaps: AlignGap[] = [
      { src: ['a', 'b'], tgt: ['A'], srcStart: 0, tgtStart: 0, segment: 0 },
      { src: ['d'], tgt: ['C', 'D'], srcStart: 3, tgtStart: 2, segment: 0 },
    ]
    const v = (n: number) => Array.from({ length: n }, (_, k) => [k])
    expect(gapInputs(gaps, { src: v(4), tgt: v(4) }).map((g) => g.embeddings)).toEqual([{ src: [[0], [1]], tgt: [[0]] }, { src: [[3]], tgt: [[2], [3]] }])
    expect(gapInputs(gaps, null)[1]).toEqual({ src: ['d'], tgt: ['C', 'D'] })
  })
  it('embeds no run of sentences across a block start', () => {
    expect(overlapTexts(['a', 'b', 'c', 'd'], 3, [2]).map((e) => `${e.start}+${e.count} ${e.text}`)).toEqual(['0+1 a', '1+1 b', '2+1 c', '3+1 d', '0+2 a b', '2+2 c d'])
  })
  it('cuts the overlap vectors (runs of sentences) of the whole lists to the runs inside each gap', () => {
    const gaps: AlignGap[] = [
      { src: ['a', 'b'], tgt: ['A'], srcStart: 0, tgtStart: 0, segment: 0 },
      { src: ['d'], tgt: ['C', 'D'], srcStart: 3, tgtStart: 2, segment: 0 },
    ]
    // A run of k sentences from i has the vector [i, k]; rows hold every start of four sentences.
    const side = { byCount: [1, 2, 3].map((k) => Array.from({ length: 5 - k }, (_, i) => [i, k])) }
    const [first, second] = gapInputs(gaps, null, { src: side, tgt: side }).map((g) => g.overlaps)
    expect(first).toEqual({ src: { byCount: [[[0, 1], [1, 1]], [[0, 2]], []] }, tgt: { byCount: [[[0, 1]], [], []] } })
    expect(second).toEqual({ src: { byCount: [[[3, 1]], [], []] }, tgt: { byCount: [[[2, 1], [3, 1]], [[2, 2]], []] } })
  })
  it('splits beads over concatenated gaps back to gap-local positions, and refuses an unknown gap', () => {
    const gaps: AlignGap[] = [
      { src: ['a', 'b'], tgt: ['A'], srcStart: 0, tgtStart: 0, segment: 0 },
      { src: ['d'], tgt: ['C', 'D'], srcStart: 3, tgtStart: 2, segment: 1 },
    ]
    const beads = [
      { src: [0, 1], tgt: [0], cost: 1, anchor: 0, segment: 0 },
      { src: [2], tgt: [1, 2], cost: 2, anchor: 0.5, neural: 0.8, segment: 1 },
    ]
    expect(splitByGap(beads, gaps)).toEqual([[{ src: [0, 1], tgt: [0], cost: 1, anchor: 0 }], [{ src: [0], tgt: [0, 1], cost: 2, anchor: 0.5, neural: 0.8 }]])
    expect(() => splitByGap([{ ...beads[0], segment: 2 }], gaps)).toThrow(/gap 3 of 2/)
  })
})
