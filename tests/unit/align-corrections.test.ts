// The corrections of the align store: each edit can be undone in turn, an impossible one changes nothing, and
// every change is saved, one save after the other (the last holding the current list), with a failed save reported rather than lost silently.
import { describe, expect, it } from 'vitest'
import { shallowRef } from 'vue'
import type { EditableBead } from '../../src/core/align'
import { canAct, createCorrections } from '../../src/stores/alignCorrections'

const start = (): EditableBead[] => [
  { src: [0], tgt: [0], segment: 0, cost: 0.2, anchor: 0 },
  { src: [1], tgt: [1, 2], segment: 0, cost: 3.5, anchor: 0 },
  { src: [2], tgt: [3], segment: 0, cost: 0.1, anchor: 0 },
]
const shape = (b: EditableBead[] | null) => b?.map((x) => `${x.src.length}-${x.tgt.length}${x.confirmed ? '✓' : ''}`).join(' ')

describe('createCorrections', () => {
  it('applies actions, refuses impossible ones, and undoes them one by one', async () => {
    const beads = shallowRef<EditableBead[] | null>(start())
    const saves: string[] = []
    const c = createCorrections(beads, async () => void saves.push(shape(beads.value)!))
    expect(c.act(1, 'tgtDown')).toBe(true)
    expect(c.act(2, 'confirm')).toBe(true)
    expect(c.act(0, 'srcUp')).toBe(false)
    expect(canAct(beads.value!, 0, 'srcUp')).toBe(false)
    expect(shape(beads.value)).toBe('1-1 1-1 1-2✓')
    await c.settled()
    // One save per change, run one after the other, each writing the list as it is then: the last one is current.
    expect(saves).toHaveLength(2)
    expect(saves.at(-1)).toBe('1-1 1-1 1-2✓')
    expect(c.saving.value).toEqual({ state: 'saved' })
    expect(c.undo()).toBe(true)
    expect(shape(beads.value)).toBe('1-1 1-1 1-2')
    expect(c.undo()).toBe(true)
    expect(shape(beads.value)).toBe('1-1 1-2 1-1')
    expect(c.undo()).toBe(false)
    await c.settled()
    expect(saves.at(-1)).toBe('1-1 1-2 1-1')
  })
  it('makes a whole new alignment undoable too, and reports a failed save', async () => {
    const beads = shallowRef<EditableBead[] | null>(start())
    const c = createCorrections(beads, async () => {
      throw new Error('quota exceeded')
    })
    c.replace([{ src: [0, 1, 2], tgt: [0, 1, 2, 3], segment: 0 }])
    await c.settled()
    expect(c.saving.value).toEqual({ state: 'failed', reason: 'quota exceeded' })
    expect(c.history.value).toHaveLength(1)
    c.undo()
    expect(shape(beads.value)).toBe('1-1 1-2 1-1')
  })
})
