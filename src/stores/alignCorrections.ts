// The translator's corrections of an alignment (merge, split, move a sentence, confirm) applied to the align
// store's bead list, with an undo history, each change saved to the database in order.
import { ref, shallowRef, type ShallowRef } from 'vue'
import { canMerge, canMove, canSplit, mergeNext, moveSentence, splitBead, toggleConfirmed, type BeadSide, type EditableBead } from '../core/align'

/** How many earlier states undo can go back to. */
const MAX_UNDO = 100

/** A correction of one bead, as the buttons and keys name it. */
export type BeadAction = 'merge' | 'split' | 'confirm' | 'srcUp' | 'srcDown' | 'tgtUp' | 'tgtDown'
const MOVES: Record<'srcUp' | 'srcDown' | 'tgtUp' | 'tgtDown', [BeadSide, -1 | 1]> = { srcUp: ['src', -1], srcDown: ['src', 1], tgtUp: ['tgt', -1], tgtDown: ['tgt', 1] }

/** Whether `action` is possible on bead `i`. */
export function canAct(beads: readonly EditableBead[], i: number, action: BeadAction): boolean {
  if (action === 'merge') return canMerge(beads, i)
  if (action === 'split') return canSplit(beads, i)
  if (action === 'confirm') return i >= 0 && i < beads.length
  return canMove(beads, i, ...MOVES[action])
}

/** Where saving the corrections stands: nothing to save yet, saving, saved, or failed (with the reason). */
export type SaveState = { state: 'idle' | 'saving' | 'saved' } | { state: 'failed'; reason: string }

/**
 * The corrections of `beads`: every edit (and every whole replacement, such as a new alignment) pushes the
 * previous list on the undo history and calls `save`; saves run one after the other, so the last one wins.
 */
export function createCorrections(beads: ShallowRef<EditableBead[] | null>, save: () => Promise<void>) {
  const history = shallowRef<EditableBead[][]>([])
  const saving = ref<SaveState>({ state: 'idle' })
  let chain: Promise<void> = Promise.resolve()

  /** Saves the current list after any save already under way. */
  function persist(): Promise<void> {
    saving.value = { state: 'saving' }
    chain = chain
      .then(save)
      .then(
        () => void (saving.value = { state: 'saved' }),
        (e: unknown) => void (saving.value = { state: 'failed', reason: e instanceof Error ? e.message : String(e) }),
      )
    return chain
  }
  /** Puts `next` in place of the current list (undoably when there was one) and saves it; false when `next` is null. */
  function replace(next: EditableBead[] | null): boolean {
    if (!next) return false
    if (beads.value) history.value = [...history.value.slice(1 - MAX_UNDO), beads.value]
    beads.value = next
    void persist()
    return true
  }
  const edit = (f: (list: EditableBead[]) => EditableBead[] | null) => !!beads.value && replace(f(beads.value))

  return {
    history,
    saving,
    /** Applies `action` to bead `i`; false when it is not possible there. */
    act(i: number, action: BeadAction): boolean {
      if (action === 'merge') return edit((l) => mergeNext(l, i))
      if (action === 'split') return edit((l) => splitBead(l, i))
      if (action === 'confirm') return edit((l) => toggleConfirmed(l, i))
      return edit((l) => moveSentence(l, i, ...MOVES[action]))
    },
    replace,
    /** Goes back to the list before the last change, and saves that; false when there is nothing to undo. */
    undo(): boolean {
      const prev = history.value.at(-1)
      if (!prev) return false
      history.value = history.value.slice(0, -1)
      beads.value = prev
      void persist()
      return true
    },
    /** Forgets the history (another pair was chosen). */
    clear(): void {
      history.value = []
      saving.value = { state: 'idle' }
    },
    /** Resolves when every save asked for so far has finished. */
    settled: () => chain,
  }
}
