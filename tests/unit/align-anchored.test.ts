// Re-alignment around confirmed beads: anchors stay exactly as confirmed, the aligner sees only the gaps between
// them (and block starts), and its beads come back at whole-list positions; bad anchors are refused by name.
import { describe, expect, it } from 'vitest'
import { alignAroundAnchors, alignSentences, checkBeads, confirmedAnchors, type AlignGap, type EditableBead, type GapAligner } from '../../src/core/align'

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
