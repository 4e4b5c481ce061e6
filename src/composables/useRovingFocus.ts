// One Tab stop for a list of items inside a container (the term highlights of the reader): only the
// active item has tabindex 0, the arrow keys move between items, Home and End go to the ends.
import { onBeforeUnmount, onUpdated, watch, type Ref } from 'vue'

/**
 * Makes the elements matching `selector` inside `container` one Tab stop with arrow-key movement.
 * Call from the component that renders the container; items may come and go (virtualised lists).
 */
export function useRovingFocus(container: Ref<HTMLElement | null>, selector: string): { refresh: () => void } {
  let active: HTMLElement | null = null
  const items = () => (container.value ? [...container.value.querySelectorAll<HTMLElement>(selector)] : [])
  /** Gives tabindex 0 to the active item (or the first one shown) and -1 to every other. */
  const refresh = () => {
    const list = items()
    if (!active || !active.isConnected) active = list[0] ?? null
    for (const el of list) el.tabIndex = el === active ? 0 : -1
  }
  const onKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement | null
    if (!target?.matches?.(selector)) return
    const list = items()
    const i = list.indexOf(target)
    const next =
      e.key === 'ArrowRight' || e.key === 'ArrowDown' ? list[i + 1] : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? list[i - 1] : e.key === 'Home' ? list[0] : e.key === 'End' ? list[list.length - 1] : undefined
    if (!next) return
    e.preventDefault()
    active = next
    refresh()
    next.focus()
    next.scrollIntoView({ block: 'nearest' })
  }
  const onFocus = (e: FocusEvent) => {
    const target = e.target as HTMLElement | null
    if (target?.matches?.(selector) && target !== active) {
      active = target
      refresh()
    }
  }
  let observer: MutationObserver | null = null
  const detach = (el: HTMLElement | null | undefined) => {
    observer?.disconnect()
    el?.removeEventListener('keydown', onKey)
    el?.removeEventListener('focusin', onFocus)
  }
  // The container may appear later (a view waiting for its data): listeners follow it.
  watch(
    container,
    (el, old) => {
      detach(old)
      if (!el) return
      el.addEventListener('keydown', onKey)
      el.addEventListener('focusin', onFocus)
      // Items appear as the list scrolls and as highlights are computed: keep exactly one Tab stop.
      observer = new MutationObserver(() => refresh())
      observer.observe(el, { childList: true, subtree: true })
      refresh()
    },
    { immediate: true, flush: 'post' },
  )
  onUpdated(refresh)
  onBeforeUnmount(() => detach(container.value))
  return { refresh }
}
