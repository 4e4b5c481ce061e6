// Keeps keyboard focus inside a modal dialog while it is open (Tab and Shift+Tab cycle within it)
// and gives focus back to the element that had it before the dialog opened, when the dialog closes.
import { onBeforeUnmount, onMounted, type Ref } from 'vue'

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** The elements of `root` that Tab reaches, in order (hidden ones left out). */
export function focusablesIn(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0)
}

/**
 * Traps focus in the element `root` refers to for the lifetime of the calling component, and
 * returns focus to the previously focused element (when it is still on the page) on unmount.
 */
export function useFocusTrap(root: Ref<HTMLElement | null>): void {
  let opener: HTMLElement | null = null
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Tab' || !root.value) return
    const items = focusablesIn(root.value)
    if (!items.length) return
    const first = items[0]
    const last = items[items.length - 1]
    const active = document.activeElement
    if (e.shiftKey && (active === first || !root.value.contains(active))) {
      e.preventDefault()
      last.focus()
    } else if (!e.shiftKey && (active === last || !root.value.contains(active))) {
      e.preventDefault()
      first.focus()
    }
  }
  onMounted(() => {
    opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null
    document.addEventListener('keydown', onKey, true)
  })
  onBeforeUnmount(() => {
    document.removeEventListener('keydown', onKey, true)
    const back = opener
    if (!back) return
    // After the dialog is gone; an opener re-rendered meanwhile (a virtualised row) is found again by id or test id.
    const id = back.id
    const testId = back.dataset.testid
    setTimeout(() => {
      // Focus someone placed meanwhile (a dialog opened right after this one closed) stays where it is: only focus
      // lost with the dialog goes back.
      if (document.activeElement && document.activeElement !== document.body) return
      const el = back.isConnected ? back : id ? document.getElementById(id) : testId ? document.querySelector<HTMLElement>(`[data-testid="${CSS.escape(testId)}"]`) : null
      el?.focus()
    }, 0)
  })
}
