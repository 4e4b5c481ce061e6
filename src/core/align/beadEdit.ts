// Hand corrections of a sentence alignment, as in memoQ LiveAlign: merge, split, move a sentence across a bead
// boundary, confirm. Pure functions over a bead list; each returns a new list (unchanged beads shared) or null.
import { shapeCost } from './galeChurch'

/** A bead as the translator sees and corrects it. Positions index the sentence lists of the whole pair. */
export interface EditableBead {
  src: number[]
  tgt: number[]
  /** The block pair the bead belongs to (0 for two whole reports); edits never cross blocks. */
  segment: number
  /** The aligner's scores (see `AlignBead`); absent on a bead made or changed by hand. */
  cost?: number
  anchor?: number
  neural?: number
  /** Confirmed by the translator: kept as a fixed anchor when the pair is aligned again. */
  confirmed?: boolean
}

/** How far a bead can be trusted: confirmed by hand, changed by hand, or the aligner's high/medium/low. */
export type BeadConfidence = 'confirmed' | 'high' | 'medium' | 'low' | 'edited'
/** Every confidence level, in the order the legend shows them. */
export const CONFIDENCE_LEVELS: readonly BeadConfidence[] = ['confirmed', 'high', 'medium', 'low', 'edited']

/** A bead's shape, "sources-targets" (e.g. "2-1"). */
export const beadShape = (b: Pick<EditableBead, 'src' | 'tgt'>): string => `${b.src.length}-${b.tgt.length}`

/**
 * Confidence of a bead. An aligner's bead is judged by its cost without the prior of its shape (so that a good
 * 2-1 merge is not low only for being a merge): ≤ 1.2 high (lengths within one standard deviation, or anchors
 * shared), ≤ 3 medium, else low. A sentence left without a counterpart is always low: worth a look.
 */
export function beadConfidence(b: EditableBead): BeadConfidence {
  if (b.confirmed) return 'confirmed'
  if (b.cost === undefined) return 'edited'
  if (!b.src.length || !b.tgt.length) return 'low'
  const match = b.cost - shapeCost(b.src.length, b.tgt.length)
  return match <= 1.2 ? 'high' : match <= 3 ? 'medium' : 'low'
}

/** A bead made or changed by hand: the aligner's scores no longer apply, and it is no longer confirmed. */
const handMade = (src: number[], tgt: number[], segment: number): EditableBead => ({ src, tgt, segment })

const replace = (beads: readonly EditableBead[], at: number, remove: number, ...add: EditableBead[]) => {
  const out = beads.slice()
  out.splice(at, remove, ...add)
  return out
}

/** Whether bead `i` can merge with the next one (same block). */
export const canMerge = (beads: readonly EditableBead[], i: number): boolean =>
  i >= 0 && i + 1 < beads.length && beads[i].segment === beads[i + 1].segment

/** Bead `i` and the next one as one bead; null when they cannot merge. */
export function mergeNext(beads: readonly EditableBead[], i: number): EditableBead[] | null {
  if (!canMerge(beads, i)) return null
  const [a, b] = [beads[i], beads[i + 1]]
  return replace(beads, i, 2, handMade([...a.src, ...b.src], [...a.tgt, ...b.tgt], a.segment))
}

/** Whether bead `i` has two sentences or more to split. */
export const canSplit = (beads: readonly EditableBead[], i: number): boolean =>
  i >= 0 && i < beads.length && beads[i].src.length + beads[i].tgt.length >= 2

/**
 * Splits bead `i` in two: the first sentence of each side stays, the rest makes a new bead after it. A 1-1 bead
 * splits into a 1-0 and a 0-1 (the two sentences do not translate each other). Null when there is nothing to split.
 */
export function splitBead(beads: readonly EditableBead[], i: number): EditableBead[] | null {
  if (!canSplit(beads, i)) return null
  const { src, tgt, segment } = beads[i]
  if (src.length === 1 && tgt.length === 1) return replace(beads, i, 1, handMade(src, [], segment), handMade([], tgt, segment))
  if (!src.length || !tgt.length) {
    const side = src.length ? src : tgt
    const one = (x: number[]) => (src.length ? handMade(x, [], segment) : handMade([], x, segment))
    return replace(beads, i, 1, one(side.slice(0, 1)), one(side.slice(1)))
  }
  return replace(beads, i, 1, handMade(src.slice(0, 1), tgt.slice(0, 1), segment), handMade(src.slice(1), tgt.slice(1), segment))
}

/** A side of the alignment. */
export type BeadSide = 'src' | 'tgt'

/** Whether bead `i` has a sentence of `side` to give to its neighbour in direction `dir` (−1 previous, +1 next) in the same block. */
export function canMove(beads: readonly EditableBead[], i: number, side: BeadSide, dir: -1 | 1): boolean {
  const j = i + dir
  return i >= 0 && i < beads.length && j >= 0 && j < beads.length && beads[i][side].length > 0 && beads[i].segment === beads[j].segment
}

/**
 * Moves one sentence of `side` across a bead boundary: with dir −1 the first sentence of bead `i` joins the end
 * of the previous bead, with dir +1 its last sentence joins the start of the next bead. Order is kept. A bead
 * left with no sentence disappears. Null when the move is not possible.
 */
export function moveSentence(beads: readonly EditableBead[], i: number, side: BeadSide, dir: -1 | 1): EditableBead[] | null {
  if (!canMove(beads, i, side, dir)) return null
  const from = beads[i]
  const to = beads[i + dir]
  const moved = dir < 0 ? from[side][0] : from[side][from[side].length - 1]
  const rest = dir < 0 ? from[side].slice(1) : from[side].slice(0, -1)
  const gained = dir < 0 ? [...to[side], moved] : [moved, ...to[side]]
  const with_ = (b: EditableBead, list: number[]) => handMade(side === 'src' ? list : b.src, side === 'tgt' ? list : b.tgt, b.segment)
  const newFrom = with_(from, rest)
  const newTo = with_(to, gained)
  const keepFrom = newFrom.src.length + newFrom.tgt.length > 0
  const pair = dir < 0 ? [newTo, newFrom] : [newFrom, newTo]
  const start = Math.min(i, i + dir)
  return replace(beads, start, 2, ...pair.filter((b) => b !== newFrom || keepFrom))
}

/** Confirms bead `i`, or takes its confirmation back. */
export function toggleConfirmed(beads: readonly EditableBead[], i: number): EditableBead[] | null {
  if (i < 0 || i >= beads.length) return null
  const { confirmed, ...rest } = beads[i]
  return replace(beads, i, 1, confirmed ? rest : { ...rest, confirmed: true })
}

/**
 * Checks that beads cover `srcCount` source and `tgtCount` target sentences in order, each exactly once, with no
 * empty bead and blocks in order. Returns what is wrong, or null when the list is sound.
 */
export function checkBeads(beads: readonly EditableBead[], srcCount: number, tgtCount: number): string | null {
  let i = 0
  let j = 0
  let segment = 0
  for (let k = 0; k < beads.length; k++) {
    const b = beads[k]
    if (!b || !Array.isArray(b.src) || !Array.isArray(b.tgt) || !Number.isInteger(b.segment)) return `bead ${k + 1} is malformed`
    if (!b.src.length && !b.tgt.length) return `bead ${k + 1} has no sentence`
    if (b.segment < segment) return `bead ${k + 1} is out of block order`
    segment = b.segment
    for (const x of b.src) if (x !== i++) return `bead ${k + 1}: source sentence ${x + 1} is out of order`
    for (const y of b.tgt) if (y !== j++) return `bead ${k + 1}: target sentence ${y + 1} is out of order`
  }
  if (i !== srcCount) return `the beads cover ${i} source sentences of ${srcCount}`
  if (j !== tgtCount) return `the beads cover ${j} target sentences of ${tgtCount}`
  return null
}

/** A bead's text on each side (sentences trimmed and joined by a space), with its position (from 1) and confirmation. */
export interface BeadText {
  n: number
  src: string
  tgt: string
  confirmed: boolean
}

/** The text of every bead, or only of the confirmed ones. */
export function beadTexts(beads: readonly EditableBead[], src: readonly string[], tgt: readonly string[], confirmedOnly = false): BeadText[] {
  const join = (idx: number[], list: readonly string[]) => idx.map((x) => list[x].trim()).join(' ')
  return beads.flatMap((b, k) =>
    confirmedOnly && !b.confirmed ? [] : [{ n: k + 1, src: join(b.src, src), tgt: join(b.tgt, tgt), confirmed: !!b.confirmed }],
  )
}
