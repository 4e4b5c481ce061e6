// The one edit distance of the workbench: Damerau-Levenshtein (optimal string alignment), bounded, for the
// misspelling check's near words, the respelled cognates of term mining and the cognate test of linking.

/**
 * Damerau-Levenshtein distance between `a` and `b` in the optimal-string-alignment variant: insertions,
 * deletions, substitutions and transpositions of two adjacent UTF-16 units each cost 1, and no substring is
 * edited twice ("ca" → "abc" is 3, not 2). Gives up as soon as the distance is known to exceed `max` and
 * returns `max + 1` then, so a caller that only wants "within k" pays for a band of rows, not the whole table.
 */
export function damerauLevenshtein(a: string, b: string, max = Infinity): number {
  if (a === b) return 0
  if (Math.abs(a.length - b.length) > max) return max + 1
  const n = a.length
  const m = b.length
  let prev2 = new Array<number>(m + 1).fill(0)
  let prev = Array.from({ length: m + 1 }, (_, j) => j)
  let cur = new Array<number>(m + 1).fill(0)
  for (let i = 1; i <= n; i++) {
    cur[0] = i
    let rowMin = i
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, prev2[j - 2] + 1)
      cur[j] = v
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return max + 1
    ;[prev2, prev, cur] = [prev, cur, prev2]
  }
  return Math.min(prev[m], max + 1)
}
