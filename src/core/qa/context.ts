// The sentence a finding stands in, from the clean passage text (no markup, line breaks or footnote
// text), split around the finding's span so that a view can highlight it without markup.
import type { MappedPassage } from './document'

/** A finding's sentence: the text before the span, the span, and the text after it. */
export interface FindingContext {
  before: string
  span: string
  after: string
}

/** Most characters kept on either side of the span. */
const SIDE = 140

/** The first index of the sorted `list` whose value is not below `x` (its length when none). */
export function lowerBound<T extends number | string>(list: ArrayLike<T>, x: T): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (list[mid] < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Index in the passage text of the first character at or after original offset `pos`. */
const localOffset = (map: Int32Array, pos: number): number => lowerBound(map as ArrayLike<number>, pos)

/**
 * The sentence around [start, end) (offsets into the report's original text) in passage `p`, cut to
 * {@link SIDE} characters on each side; undefined when the span is not inside the passage.
 */
export function findingContext(p: MappedPassage, start: number, end: number): FindingContext | undefined {
  if (start < p.start || start >= p.end) return undefined
  const text = p.text
  const a = localOffset(p.map, start)
  const b = Math.max(a, localOffset(p.map, end))
  if (a >= text.length) return undefined
  let s = a
  while (s > 0 && !(/[.!?…]/.test(text[s - 1]) && /\s/.test(text[s] ?? ' ') && s < a)) s--
  let e = b
  while (e < text.length && !/[.!?…]/.test(text[e - 1] ?? '')) e++
  const squash = (x: string) => x.replace(/\s+/g, ' ')
  let before = squash(text.slice(s, a)).trimStart()
  let after = squash(text.slice(b, e)).trimEnd()
  if (before.length > SIDE) before = '…' + before.slice(before.length - SIDE)
  if (after.length > SIDE) after = after.slice(0, SIDE) + '…'
  return { before, span: squash(text.slice(a, b)), after }
}
