// Hand corrections of an alignment: merge, split, move a sentence across a boundary, confirm; each keeps every
// sentence exactly once and in order, never crosses a block, and marks what it changed as made by hand.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  beadConfidence, beadTexts, canMerge, canMove, checkBeads, mergeNext, moveSentence, splitBead, toggleConfirmed, type EditableBead,
} from '../../src/core/align'

const b = (src: number[], tgt: number[], extra: Partial<EditableBead> = {}): EditableBead => ({ src, tgt, segment: 0, cost: 0.2, anchor: 0, ...extra })
const shape = (beads: EditableBead[] | null) => beads?.map((x) => `${x.src.join('+')}|${x.tgt.join('+')}`)
const LIST = [b([0], [0]), b([1], [1, 2]), b([2, 3], [3]), b([4], [], { segment: 1 }), b([5], [4], { segment: 1 })]

describe('bead edits', () => {
  it('merges a bead with the next one, not across a block', () => {
    expect(shape(mergeNext(LIST, 0))).toEqual(['0+1|0+1+2', '2+3|3', '4|', '5|4'])
    expect(mergeNext(LIST, 0)![0].cost).toBeUndefined()
    expect(canMerge(LIST, 2)).toBe(false)
    expect(mergeNext(LIST, 2)).toBeNull()
    expect(mergeNext(LIST, 4)).toBeNull()
  })

  it('splits after the first sentence of each side; a 1-1 splits into 1-0 and 0-1', () => {
    expect(shape(splitBead(LIST, 1))).toEqual(['0|0', '1|1', '|2', '2+3|3', '4|', '5|4'])
    expect(shape(splitBead(LIST, 0))).toEqual(['0|', '|0', '1|1+2', '2+3|3', '4|', '5|4'])
    expect(shape(splitBead([b([0, 1], [])], 0))).toEqual(['0|', '1|'])
    expect(splitBead(LIST, 3)).toBeNull()
  })

  it('moves a sentence to the previous or next bead on either side, and drops a bead left empty', () => {
    expect(shape(moveSentence(LIST, 1, 'tgt', -1))).toEqual(['0|0+1', '1|2', '2+3|3', '4|', '5|4'])
    expect(shape(moveSentence(LIST, 1, 'tgt', 1))).toEqual(['0|0', '1|1', '2+3|2+3', '4|', '5|4'])
    expect(shape(moveSentence(LIST, 2, 'src', -1))).toEqual(['0|0', '1+2|1+2', '3|3', '4|', '5|4'])
    expect(shape(moveSentence(LIST, 0, 'src', 1))).toEqual(['|0', '0+1|1+2', '2+3|3', '4|', '5|4'])
    expect(shape(moveSentence([b([0], [0]), b([1], [])], 1, 'src', -1))).toEqual(['0+1|0'])
    expect(moveSentence(LIST, 0, 'src', -1)).toBeNull()
    expect(canMove(LIST, 2, 'src', 1)).toBe(false) // the next bead is in another block
    expect(moveSentence(LIST, 3, 'tgt', -1)).toBeNull() // no target sentence to give
  })

  it('marks changed beads as hand-made and unconfirmed, and leaves the others as they were', () => {
    const confirmed = toggleConfirmed(LIST, 1)!
    expect(confirmed[1].confirmed).toBe(true)
    expect(beadConfidence(confirmed[1])).toBe('confirmed')
    const moved = moveSentence(confirmed, 1, 'tgt', 1)!
    expect(moved[1].confirmed).toBeUndefined()
    expect(beadConfidence(moved[1])).toBe('edited')
    expect(moved[0]).toBe(confirmed[0])
    expect(toggleConfirmed(confirmed, 1)![1].confirmed).toBeUndefined()
  })

  it('keeps every sentence once and in order under any sequence of edits (property)', () => {
    const op = fc.record({ kind: fc.constantFrom('merge', 'split', 'move', 'confirm'), at: fc.nat(20), side: fc.constantFrom('src' as const, 'tgt' as const), dir: fc.constantFrom(-1 as const, 1 as const) })
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        let beads: EditableBead[] = LIST
        for (const o of ops) {
          const i = o.at % beads.length
          const next = o.kind === 'merge' ? mergeNext(beads, i) : o.kind === 'split' ? splitBead(beads, i) : o.kind === 'move' ? moveSentence(beads, i, o.side, o.dir) : toggleConfirmed(beads, i)
          beads = next ?? beads
          expect(checkBeads(beads, 6, 5)).toBeNull()
        }
        expect(beads.filter((x) => x.segment === 1).flatMap((x) => x.src)).toEqual([4, 5])
      }),
    )
  })
})

describe('confidence and checks', () => {
  it('grades the aligner\'s beads by cost without the shape prior; unaligned sentences are low', () => {
    expect(beadConfidence(b([0], [0], { cost: 0.3 }))).toBe('high')
    expect(beadConfidence(b([0], [0], { cost: 2.5 }))).toBe('medium')
    expect(beadConfidence(b([0], [0], { cost: 6 }))).toBe('low')
    expect(beadConfidence(b([0, 1], [0], { cost: 3.5 }))).toBe('high') // the 2-1 prior is about 3.1
    expect(beadConfidence(b([0], [], { cost: 0 }))).toBe('low')
  })
  it('names what is wrong with a stored bead list', () => {
    expect(checkBeads(LIST, 6, 5)).toBeNull()
    expect(checkBeads(LIST, 7, 5)).toBe('the beads cover 6 source sentences of 7')
    expect(checkBeads([b([1], [0])], 2, 1)).toBe('bead 1: source sentence 2 is out of order')
    expect(checkBeads([b([], [])], 0, 0)).toBe('bead 1 has no sentence')
    expect(checkBeads([b([0], [0], { segment: 1 }), b([1], [1])], 2, 2)).toBe('bead 2 is out of block order')
  })
  it('gives the text of all beads or of the confirmed ones only', () => {
    const beads = toggleConfirmed(LIST, 2)!
    const src = ['a', 'b', ' c ', 'd', 'e', 'f']
    const tgt = ['A', 'B', 'C', 'D', 'E']
    expect(beadTexts(beads, src, tgt)).toHaveLength(5)
    expect(beadTexts(beads, src, tgt, true)).toEqual([{ n: 3, src: 'c d', tgt: 'D', confirmed: true }])
  })
})
