// Transient messages for the user (errors, confirmations) and the undo toast's pending action.
import { defineStore } from 'pinia'
import { ref } from 'vue'

/** One message shown in the toast area. */
export interface Toast {
  id: number
  kind: 'info' | 'error' | 'undo'
  /** Already-translated text. */
  text: string
  /** For kind 'undo': what to run when the user clicks Undo (or presses Ctrl+Z). */
  undo?: () => Promise<void>
}

export const useNotifyStore = defineStore('notify', () => {
  /** Messages currently shown, oldest first. */
  const toasts = ref<Toast[]>([])
  let next = 1

  /** Shows a message; errors stay until dismissed, others fade after `ms`. */
  function push(kind: Toast['kind'], text: string, undo?: Toast['undo'], ms = kind === 'error' ? 0 : 10000): number {
    const id = next++
    toasts.value = [...toasts.value, { id, kind, text, undo }]
    if (ms > 0) setTimeout(() => dismiss(id), ms)
    return id
  }

  /** Removes a message. */
  function dismiss(id: number): void {
    toasts.value = toasts.value.filter((t) => t.id !== id)
  }

  /** Runs the newest pending undo, if any (the Ctrl+Z shortcut). */
  async function undoLast(): Promise<boolean> {
    const last = [...toasts.value].reverse().find((t) => t.kind === 'undo' && t.undo)
    if (!last?.undo) return false
    dismiss(last.id)
    await last.undo()
    return true
  }

  return { toasts, push, dismiss, undoLast }
})
