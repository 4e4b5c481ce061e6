// Monotonic bead search in linear time and memory: a banded dynamic programme guided by the path found on
// halved copies of both texts (Vecalign's recursive downsampling), so no band grows with the count difference.

/** A bead shape: sentences taken from the source and from the target. */
export type Shape = readonly [di: number, dj: number]

/** 1-0, 0-1, and every m-n bead with m, n ≥ 1 and m + n ≤ `maxSum`. */
export function shapesUpTo(maxSum: number): Shape[] {
  const out: Shape[] = [[1, 0], [0, 1]]
  for (let sum = 2; sum <= maxSum; sum++) for (let di = 1; di < sum; di++) out.push([di, sum - di])
  return out
}

/**
 * The bead shapes of the peers' search (Bertalign's max_align = 5): 1-0, 0-1, and every m-n with 1 ≤ m, n ≤ 4
 * and m + n ≤ 5 (1-1, 1-2, 2-1, 1-3, 3-1, 2-2, 1-4, 4-1, 2-3, 3-2). 99 % of the Text+Berg gold beads and all
 * of BAF's fit; larger ones (3-3, 2-5) are rare and their parts are still found as smaller beads.
 */
export const SHAPES: readonly Shape[] = shapesUpTo(5)

/**
 * The shapes searched with a model: `SHAPES` and the beads of six sentences (1-5, 2-4, 3-3, 4-2, 5-1). The
 * embeddings tell a list translated item by item (one sentence, five) or a passage re-cut across three sentences
 * a side from a split, which lengths alone cannot; on Text+Berg dev 6 of 422 gold beads have such a shape.
 */
export const MODEL_SHAPES: readonly Shape[] = shapesUpTo(6)

/**
 * One resolution of the problem: `n` source and `m` target units, the cost of the bead that ends at (i, j) and
 * takes `di` source and `dj` target units (lower is better), and a copy at half the resolution (unit k of it is
 * units 2k and 2k+1 of this one).
 */
export interface DpLevel {
  n: number
  m: number
  /**
   * The cost; with a `budget`, any value ≥ budget may be returned once the cost is known to reach it (the search
   * then skips the bead), so that dear beads need not be scored in full.
   */
  cost(i: number, j: number, di: number, dj: number, budget?: number): number
  coarser(): DpLevel
  /**
   * This level re-estimated from the path found on the coarser one (as [di, dj] steps over its units), before it is
   * searched: a parameter learned from the texts (the length ratio) can leave out what that path left unaligned.
   */
  refine?(coarsePath: readonly Shape[]): DpLevel
}

/** Options of `searchBeads`. */
export interface SearchOptions {
  shapes?: readonly Shape[]
  /** Cells up to which a level is searched in full rather than halved again (default 4096). */
  fullCells?: number
  /** Half-width of the band around the coarser path, in units of this level (default 8). */
  buffer?: number
  /** Called once per searched row of the finest level (for progress and cancel). */
  onRow?: (row: number, rows: number) => void
  /** Called with the finest level as searched (after `refine`), to score the beads of the path. */
  onLevel?: (level: DpLevel) => void
}

/** The beads of the best path as [di, dj] steps from (0, 0) to (n, m). */
export function searchBeads(level: DpLevel, opts: SearchOptions = {}): Shape[] {
  return search(level, opts.shapes ?? SHAPES, opts.fullCells ?? 4_096, opts.buffer ?? 8, opts.onRow, opts.onLevel)
}

function search(
  given: DpLevel, shapes: readonly Shape[], fullCells: number, buffer: number, onRow?: SearchOptions['onRow'], onLevel?: SearchOptions['onLevel'],
): Shape[] {
  let level = given
  const { n, m } = level
  const lo = new Int32Array(n + 1)
  const hi = new Int32Array(n + 1).fill(m)
  if ((n + 1) * (m + 1) > fullCells && n > 1 && m > 1) {
    const coarse = search(level.coarser(), shapes, fullCells, buffer)
    level = level.refine?.(coarse) ?? level
    bandAround(coarse, n, m, buffer, lo, hi)
  }
  onLevel?.(level)
  return bandedPath(level, shapes, lo, hi, onRow)
}

/** Rows' target ranges covering the coarse path scaled by 2, widened by `buffer` rows and columns each way. */
function bandAround(coarse: readonly Shape[], n: number, m: number, buffer: number, lo: Int32Array, hi: Int32Array): void {
  const minJ = new Int32Array(n + 1).fill(m)
  const maxJ = new Int32Array(n + 1).fill(0)
  let I = 0
  let J = 0
  const mark = (i0: number, i1: number, j0: number, j1: number) => {
    for (let i = Math.min(i0, n); i <= Math.min(i1, n); i++) {
      minJ[i] = Math.min(minJ[i], Math.min(j0, m))
      maxJ[i] = Math.max(maxJ[i], Math.min(j1, m))
    }
  }
  mark(0, 0, 0, 0)
  for (const [di, dj] of coarse) {
    mark(2 * I, 2 * (I + di), 2 * J, 2 * (J + dj))
    I += di
    J += dj
  }
  mark(n, n, m, m)
  for (let i = 0; i <= n; i++) {
    let a = m
    let b = 0
    for (let k = Math.max(0, i - buffer); k <= Math.min(n, i + buffer); k++) {
      if (minJ[k] < a) a = minJ[k]
      if (maxJ[k] > b) b = maxJ[k]
    }
    lo[i] = Math.max(0, a - buffer)
    hi[i] = Math.min(m, b + buffer)
  }
  lo[0] = 0
  hi[n] = m
}

/** The cheapest path through the band (row i covers targets lo[i]..hi[i]); throws when the band is broken. */
function bandedPath(level: DpLevel, shapes: readonly Shape[], lo: Int32Array, hi: Int32Array, onRow?: SearchOptions['onRow']): Shape[] {
  const { n, m } = level
  const rowStart = new Int32Array(n + 2)
  for (let i = 0; i <= n; i++) rowStart[i + 1] = rowStart[i] + Math.max(0, hi[i] - lo[i] + 1)
  const D = new Float64Array(rowStart[n + 1]).fill(Infinity)
  const back = new Uint8Array(rowStart[n + 1])
  const at = (i: number, j: number) => (j < lo[i] || j > hi[i] ? -1 : rowStart[i] + (j - lo[i]))
  D[at(0, 0)] = 0
  for (let i = 0; i <= n; i++) {
    onRow?.(i, n)
    for (let j = lo[i]; j <= hi[i]; j++) {
      const here = rowStart[i] + (j - lo[i])
      let best = D[here]
      let arg = 0
      for (let k = 0; k < shapes.length; k++) {
        const di = shapes[k][0]
        const dj = shapes[k][1]
        if (i < di || j < dj) continue
        const prev = at(i - di, j - dj)
        if (prev < 0 || D[prev] === Infinity) continue
        const c = D[prev] + level.cost(i, j, di, dj, best - D[prev])
        if (c < best) {
          best = c
          arg = k
        }
      }
      D[here] = best
      back[here] = arg
    }
  }
  const end = at(n, m)
  if (end < 0 || D[end] === Infinity) throw new Error(`alignment search: no path through the band (${n} × ${m})`)
  const path: Shape[] = []
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const s = shapes[back[at(i, j)]]
    path.push(s)
    i -= s[0]
    j -= s[1]
  }
  return path.reverse()
}
