// Resizable grid columns: widths by column key, remembered in this browser, changed by dragging a
// column's edge or, from the keyboard, by the arrow keys on it.
import { ref, watch } from 'vue'

/** WARNING: stored in users' browsers; do not rename. */
const WIDTHS_KEY = 'coi-termbench.glossaryColumnWidths'
/** The narrowest and widest a column can be set (px). */
export const COLUMN_MIN = 80
export const COLUMN_MAX = 1200
const MIN = COLUMN_MIN
const MAX = COLUMN_MAX

function load(): Record<string, number> {
  try {
    const v = JSON.parse(localStorage.getItem(WIDTHS_KEY) ?? '{}') as Record<string, unknown>
    return Object.fromEntries(Object.entries(v).filter((e): e is [string, number] => typeof e[1] === 'number'))
  } catch {
    return {}
  }
}

/** Column widths (px; absent = flexible) and the handlers of a column's resize handle. */
export function useColumnWidths() {
  const widths = ref<Record<string, number>>(load())
  watch(widths, (w) => localStorage.setItem(WIDTHS_KEY, JSON.stringify(w)), { deep: true })
  const set = (key: string, px: number) => (widths.value = { ...widths.value, [key]: Math.round(Math.min(MAX, Math.max(MIN, px))) })

  /** Starts a drag on a column's edge; the header cell's current width is the start. */
  function startDrag(key: string, ev: PointerEvent): void {
    const cell = (ev.target as HTMLElement).parentElement
    const start = ev.clientX
    const from = cell?.getBoundingClientRect().width ?? MIN
    const move = (e: PointerEvent) => set(key, from + e.clientX - start)
    const up = () => {
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', up)
    }
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
    ev.preventDefault()
  }

  /** ArrowLeft/ArrowRight narrow or widen by 20 px (Home resets to flexible). */
  function onKey(key: string, ev: KeyboardEvent): void {
    const cell = (ev.target as HTMLElement).parentElement
    const now = widths.value[key] ?? cell?.getBoundingClientRect().width ?? 160
    if (ev.key === 'ArrowLeft' || ev.key === 'ArrowRight') set(key, now + (ev.key === 'ArrowRight' ? 20 : -20))
    else if (ev.key === 'Home') {
      const { [key]: _gone, ...rest } = widths.value
      widths.value = rest
    } else return
    ev.preventDefault()
  }

  /** The CSS grid template for the given column keys. */
  const template = (keys: string[]) => keys.map((k) => (widths.value[k] ? `${widths.value[k]}px` : 'minmax(9rem, 1fr)')).join(' ')
  /**
   * The narrowest a row may be: the set widths plus 9rem per flexible column. Every row (and the header) is
   * the scroller's width or this, whichever is larger, so that flexible columns come out the same in every
   * row (a row sized to its own content would put its cells under the wrong header).
   */
  const minWidth = (keys: string[]) => {
    const px = keys.reduce((a, k) => a + (widths.value[k] ?? 0), 0)
    const flexible = keys.filter((k) => !widths.value[k]).length
    return `calc(${px}px + ${flexible * 9}rem)`
  }
  return { widths, startDrag, onKey, template, minWidth }
}
