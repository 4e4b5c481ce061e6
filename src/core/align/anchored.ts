// Re-alignment around the beads the translator confirmed: they stay as fixed anchors, and the aligner runs only
// on the gaps between them (and between block boundaries), whose results are stitched back in order.
import type { EditableBead } from './beadEdit'
import { sliceOverlaps, type OverlapVectors } from './embeddingLevel'

/** A stretch between anchors to align: its sentences, where it starts in the whole lists, and its block. */
export interface AlignGap {
  src: string[]
  tgt: string[]
  srcStart: number
  tgtStart: number
  segment: number
}

/** What an aligner gives for a gap: beads over gap-local positions, with their scores (e.g. `AlignBead`). */
export interface GapBead {
  src: number[]
  tgt: number[]
  cost: number
  anchor: number
  neural?: number
}

/** Aligns every gap (one call, so that a worker can take them all at once); one bead list per gap, in order. */
export type GapAligner = (gaps: AlignGap[]) => GapBead[][] | Promise<GapBead[][]>

/** A corner of the alignment: a source and a target position (where a block or a bead starts). */
export interface Corner {
  src: number
  tgt: number
}

/** A confirmed bead kept as an anchor, with the corner where it starts (needed when one of its sides is empty). */
export interface AnchorBead extends EditableBead {
  at?: Corner
}

/** The confirmed beads of a corrected list (its anchors, with their corners), and the corner where each block after the first starts. */
export function confirmedAnchors(beads: readonly EditableBead[]): { anchors: AnchorBead[]; blocks: Corner[] } {
  const anchors: AnchorBead[] = []
  const blocks: Corner[] = []
  let i = 0
  let j = 0
  beads.forEach((b, k) => {
    if (k > 0 && b.segment !== beads[k - 1].segment) blocks.push({ src: i, tgt: j })
    if (b.confirmed) anchors.push({ ...b, at: { src: i, tgt: j } })
    i += b.src.length
    j += b.tgt.length
  })
  return { anchors, blocks }
}

const consecutive = (xs: readonly number[]) => xs.every((x, k) => k === 0 || x === xs[k - 1] + 1)

/**
 * Aligns `src` with `tgt` keeping the `anchors` (confirmed beads, in order) exactly as they are: the aligner sees
 * only the gaps between anchors, block starts and the ends of the lists, and its beads are shifted back to whole-list
 * positions. An anchor starts at its first sentences, or on an empty side at its corner `at` (else right after the
 * previous anchor or block start). Anchors keep their block (`segment`); `blocks` are the corners where blocks
 * 1, 2, … start. Throws when the anchors overlap, run
 * backwards, cross a block start or lie outside the lists, or when the aligner does not cover a gap exactly.
 */
export async function alignAroundAnchors(
  src: readonly string[],
  tgt: readonly string[],
  anchors: readonly AnchorBead[],
  align: GapAligner,
  blocks: readonly Corner[] = [],
): Promise<EditableBead[]> {
  type Item = { kind: 'gap'; gap: AlignGap } | { kind: 'anchor'; bead: EditableBead }
  const items: Item[] = []
  let i = 0
  let j = 0
  let segment = 0
  const gapTo = (si: number, tj: number) => {
    if (si > i || tj > j) items.push({ kind: 'gap', gap: { src: src.slice(i, si), tgt: tgt.slice(j, tj), srcStart: i, tgtStart: j, segment } })
    ;[i, j] = [si, tj]
  }
  /** Moves on to block `to`: the rest of the current block is a gap. */
  const enterBlock = (to: number) => {
    while (segment < to) {
      const b = blocks[segment]
      if (!b) throw new Error(`block ${segment + 2} is not known`)
      if (b.src < i || b.tgt < j || b.src > src.length || b.tgt > tgt.length) throw new Error(`block ${segment + 2} starts before the bead before it ends`)
      gapTo(b.src, b.tgt)
      segment++
    }
  }
  anchors.forEach((a, k) => {
    const name = `confirmed bead ${k + 1}`
    if (!a.src.length && !a.tgt.length) throw new Error(`${name} has no sentence`)
    if (!consecutive(a.src) || !consecutive(a.tgt)) throw new Error(`${name} has sentences out of order`)
    if (a.segment < segment) throw new Error(`${name} is in block ${a.segment + 1}, after a bead of block ${segment + 1}`)
    enterBlock(a.segment)
    const si = a.src[0] ?? a.at?.src ?? i
    const tj = a.tgt[0] ?? a.at?.tgt ?? j
    if (si < i || tj < j) throw new Error(`${name} overlaps or precedes the bead before it`)
    const [endI, endJ] = [si + a.src.length, tj + a.tgt.length]
    const limit = blocks[segment] ?? { src: src.length, tgt: tgt.length }
    if (endI > Math.min(limit.src, src.length) || endJ > Math.min(limit.tgt, tgt.length)) throw new Error(`${name} runs past the end of its block`)
    gapTo(si, tj)
    const { at: _at, ...bead } = a
    items.push({ kind: 'anchor', bead })
    ;[i, j] = [endI, endJ]
  })
  enterBlock(blocks.length)
  gapTo(src.length, tgt.length)

  const gaps = items.flatMap((it) => (it.kind === 'gap' ? [it.gap] : []))
  const aligned = gaps.length ? await align(gaps) : []
  if (aligned.length !== gaps.length) throw new Error(`the aligner returned ${aligned.length} results for ${gaps.length} gaps`)
  const out: EditableBead[] = []
  let g = 0
  for (const it of items) {
    if (it.kind === 'anchor') {
      out.push(it.bead)
      continue
    }
    const gap = it.gap
    const beads = aligned[g++]
    const covered = beads.flatMap((b) => b.src).join() === gap.src.map((_, x) => x).join() && beads.flatMap((b) => b.tgt).join() === gap.tgt.map((_, y) => y).join()
    if (!covered) throw new Error(`the aligner's beads do not cover gap ${g} (sentences ${gap.srcStart + 1}–${gap.srcStart + gap.src.length})`)
    for (const b of beads) {
      const bead: EditableBead = { src: b.src.map((x) => x + gap.srcStart), tgt: b.tgt.map((y) => y + gap.tgtStart), segment: gap.segment, cost: b.cost, anchor: b.anchor }
      if (b.neural !== undefined) bead.neural = b.neural
      out.push(bead)
    }
  }
  return out
}

/**
 * The gaps as the aligner's input, with each gap's share of the whole lists' sentence vectors, or of their overlap
 * vectors (runs of sentences embedded together, `overlapTexts`), when there are any.
 */
export function gapInputs<V>(
  gaps: readonly AlignGap[],
  vectors?: { src: readonly V[]; tgt: readonly V[] } | null,
  overlaps?: { src: OverlapVectors; tgt: OverlapVectors } | null,
): { src: string[]; tgt: string[]; embeddings?: { src: V[]; tgt: V[] }; overlaps?: { src: OverlapVectors; tgt: OverlapVectors } }[] {
  return gaps.map((g) => {
    const input: ReturnType<typeof gapInputs<V>>[number] = { src: g.src, tgt: g.tgt }
    if (vectors) input.embeddings = { src: vectors.src.slice(g.srcStart, g.srcStart + g.src.length), tgt: vectors.tgt.slice(g.tgtStart, g.tgtStart + g.tgt.length) }
    if (overlaps) input.overlaps = { src: sliceOverlaps(overlaps.src, g.srcStart, g.src.length), tgt: sliceOverlaps(overlaps.tgt, g.tgtStart, g.tgt.length) }
    return input
  })
}

/**
 * Beads of one run over all the gaps, one after the other (as the align job returns them: `segment` is the gap,
 * positions count across the concatenated gaps), as one list per gap with gap-local positions.
 */
export function splitByGap(beads: readonly (GapBead & { segment: number })[], gaps: readonly AlignGap[]): GapBead[][] {
  const out: GapBead[][] = gaps.map(() => [])
  const start: [number, number][] = []
  let i = 0
  let j = 0
  for (const g of gaps) {
    start.push([i, j])
    i += g.src.length
    j += g.tgt.length
  }
  for (const { segment: k, src, tgt, cost, anchor, neural } of beads) {
    if (!out[k]) throw new Error(`a bead names gap ${k + 1} of ${gaps.length}`)
    const bead: GapBead = { src: src.map((x) => x - start[k][0]), tgt: tgt.map((y) => y - start[k][1]), cost, anchor }
    if (neural !== undefined) bead.neural = neural
    out[k].push(bead)
  }
  return out
}
