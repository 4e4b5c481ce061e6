// Binary search over ascending numbers: which line an offset is on, which packed slot a position is in.

/** Index of the last value of ascending `sorted` that is ≤ `x` (0 when none is: callers start at 0). */
export function lastAtOrBelow(sorted: ArrayLike<number>, x: number): number {
  let lo = 0
  let hi = sorted.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (sorted[mid] <= x) lo = mid
    else hi = mid - 1
  }
  return lo
}
