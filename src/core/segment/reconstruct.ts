// The one rule that turns an original span into passage text: drop excluded sub-spans, collapse
// whitespace. Segmentation builds every passage text with it, so `reconstruct` is exact by design.
import type { Exclusion } from './types'

/** True for the code units JavaScript's `\s` matches. */
export function isWs(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  )
}

/** Text of a span together with, for each of its code units, the original offset it comes from. */
export interface Projection {
  text: string
  /** `map[i]` is the offset in the original of `text[i]` (a collapsed space maps to its first blank). */
  map: Int32Array
}

/**
 * Projects `original[start, end)` minus `excluded` (sorted, disjoint) to clean text: runs of
 * whitespace become one space, leading and trailing whitespace go.
 */
export function project(original: string, start: number, end: number, excluded: readonly Exclusion[]): Projection {
  return run(original, start, end, excluded, true)
}

/** Like {@link project} but only the text, without building the offset map. */
export function projectText(original: string, start: number, end: number, excluded: readonly Exclusion[]): string {
  return run(original, start, end, excluded, false).text
}

const NO_MAP = new Int32Array(0)

function run(original: string, start: number, end: number, excluded: readonly Exclusion[], withMap: boolean): Projection {
  const parts: string[] = []
  const map = withMap ? new Int32Array(Math.max(0, end - start)) : NO_MAP
  let n = 0
  let pendingWs = -1
  let runStart = -1 // start of the current run of copied non-blank code units
  const flush = (upTo: number) => {
    if (runStart >= 0) {
      parts.push(original.slice(runStart, upTo))
      runStart = -1
    }
  }
  let ex = 0
  for (let i = start; i < end; i++) {
    while (ex < excluded.length && excluded[ex].end <= i) ex++
    if (ex < excluded.length && excluded[ex].start <= i) {
      flush(i)
      i = excluded[ex].end - 1
      continue
    }
    const c = original.charCodeAt(i)
    if (isWs(c)) {
      flush(i)
      if (n > 0 && pendingWs < 0) pendingWs = i
      continue
    }
    if (pendingWs >= 0) {
      parts.push(' ')
      if (withMap) map[n] = pendingWs
      n++
      pendingWs = -1
    }
    if (runStart < 0) runStart = i
    if (withMap) map[n] = i
    n++
  }
  flush(end)
  return { text: parts.join(''), map: withMap ? map.subarray(0, n) : NO_MAP }
}

/**
 * The offset map of {@link project} alone, checked against the text it should give: `map[i]` is the original
 * offset of `text[i]`, or null when projecting the span does not give `text`. Builds no string, so it costs one
 * pass over the span and one typed array of `text.length` (or none, when `map` is given to write into).
 */
export function projectMapOf(
  original: string, start: number, end: number, excluded: readonly Exclusion[], text: string,
  map: Int32Array = new Int32Array(text.length),
): Int32Array | null {
  const len = text.length
  let n = 0
  let pendingWs = -1
  let ex = 0
  // Segment by segment between exclusions, so that the loop over characters tests nothing else.
  for (let from = start; from < end; ) {
    while (ex < excluded.length && excluded[ex].end <= from) ex++
    if (ex < excluded.length && excluded[ex].start <= from) {
      from = excluded[ex].end
      continue
    }
    const to = ex < excluded.length ? Math.min(end, excluded[ex].start) : end
    for (let i = from; i < to; i++) {
      const c = original.charCodeAt(i)
      if (c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c >= 0x80 && isWs(c)) {
        if (n > 0 && pendingWs < 0) pendingWs = i
        continue
      }
      if (pendingWs >= 0) {
        if (n >= len || text.charCodeAt(n) !== 32) return null
        map[n++] = pendingWs
        pendingWs = -1
      }
      if (n >= len || text.charCodeAt(n) !== c) return null
      map[n++] = i
    }
    from = to
  }
  return n === len ? map : null
}

/** Anything with a span and its exclusions: a passage, or a sentence checked against its passage. */
export interface SpanWithExclusions {
  start: number
  end: number
  excluded: readonly Exclusion[]
}

/**
 * Rebuilds a passage's text from the original: the span [start, end) with the excluded
 * artefacts (markers, bookmarks, markup, undone hyphens, interleaved page noise and footnote
 * blocks) removed and whitespace collapsed. Equals `passage.text` for every segmented passage.
 */
export function reconstruct(original: string, passage: SpanWithExclusions): string {
  return project(original, passage.start, passage.end, passage.excluded).text
}

/** The exclusions of `excluded` clipped to [start, end), e.g. for checking a sentence span. */
export function clipExclusions(excluded: readonly Exclusion[], start: number, end: number): Exclusion[] {
  const out: Exclusion[] = []
  for (const e of excluded) {
    if (e.end <= start || e.start >= end) continue
    out.push({ start: Math.max(e.start, start), end: Math.min(e.end, end), why: e.why })
  }
  return out
}

/** Sorts exclusions and merges overlapping ones (the earlier reason wins). */
export function normalizeExclusions(list: Exclusion[]): Exclusion[] {
  const sorted = list.filter((e) => e.end > e.start).sort((a, b) => a.start - b.start || b.end - a.end)
  const out: Exclusion[] = []
  for (const e of sorted) {
    const last = out[out.length - 1]
    if (last && e.start < last.end) {
      if (e.end > last.end) out.push({ start: last.end, end: e.end, why: e.why })
      continue
    }
    out.push({ ...e })
  }
  return out
}
