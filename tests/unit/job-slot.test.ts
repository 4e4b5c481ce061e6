// The job slot of the link and align stores: one job at a time, stale jobs change nothing, progress always clears.
import { describe, expect, it } from 'vitest'
import { ref } from 'vue'
import { createJobSlot } from '../../src/stores/jobSlot'

describe('createJobSlot', () => {
  it('makes a new job current, so that the older one is no longer live', () => {
    const slot = createJobSlot(ref(null), ref(''))
    const a = slot.begin()
    expect(slot.current).toBe(a.id)
    const b = slot.begin()
    expect([a.live(), b.live(), slot.current]).toEqual([false, true, b.id])
  })

  it('clears progress when the current job ends, keeps its error, and ignores a cancellation', async () => {
    const progress = ref<unknown>({ phase: 'load' })
    const error = ref('')
    const slot = createJobSlot(progress, error)
    await slot.guard(slot.begin(), async () => {
      throw new Error('no such report')
    })
    expect([progress.value, error.value, slot.current]).toEqual([null, 'no such report', 0])
    error.value = ''
    progress.value = { phase: 'load' }
    await slot.guard(slot.begin(), async () => {
      throw new Error('cancelled')
    })
    expect([progress.value, error.value]).toEqual([null, ''])
  })

  it('lets a stopped or superseded job neither set the error nor clear the newer job’s progress', async () => {
    const progress = ref<unknown>(null)
    const error = ref('')
    const slot = createJobSlot(progress, error)
    const old = slot.begin()
    let fail!: (e: Error) => void
    const running = slot.guard(old, () => new Promise<void>((_, no) => (fail = no)))
    const current = slot.begin()
    progress.value = { phase: 'align' }
    fail(new Error('late failure'))
    await running
    expect([progress.value, error.value, slot.current]).toEqual([{ phase: 'align' }, '', current.id])
    expect(slot.stop()).toBe(current.id)
    expect([progress.value, slot.current, slot.stop()]).toEqual([null, 0, 0])
  })
})
