// The bead cost without a model: Gale–Church length fit under a length ratio learned from the two texts, the
// bead shape's prior, and lexical anchors (numbers, names, cognates, glossary concepts) shared by both sides.
import type { DpLevel, Shape } from './dp'
import type { SentenceAnchors } from './anchors'
import { estimateLengthModel, lengthCost, shapeCost, type LengthModel } from './galeChurch'

/** One side's units: lengths and anchor keys (interned ids, weights, numeric flags), all by unit. */
export interface LexicalSide {
  len: Float64Array
  /** Share of each unit's characters that are in words (`wordShare`), when the texts were given. */
  words?: Float64Array
  keys: Int32Array[]
  weights: Float32Array[]
  numeric: Uint8Array[]
}

/** Weights of the lexical cost. */
export interface LexicalWeights {
  /** Cost weight of the anchor similarity (weighted Dice of the anchor keys, in [0, 1]). */
  anchor: number
  /** Cost of the share of numbers that one side has and the other lacks. */
  mismatch: number
  /** Extra cost of a 1-0 or 0-1 bead on top of its prior. */
  null: number
  /**
   * Scale a 1-0 or 0-1 bead's prior cost by its unit's `wordShare`: a line of debris (OCR noise, dot leaders, a
   * formula) is often left untranslated, and costs next to nothing to leave unaligned.
   */
  nullByWords?: boolean
  /** Cost of a two-sided bead's shape (default: −log of its Gale–Church prior, `shapeCost`). */
  shapeCost?: (di: number, dj: number) => number
}

/**
 * Share of a text's characters (spaces left out) that are in words of two or more letters: 1 for prose, about
 * 0.9 for a short heading ("Literatur :"), 0 for "....." or "- _-", low for a formula ("p(f | e) p(e)").
 */
export function wordShare(text: string): number {
  const chars = text.replace(/\s+/g, '').length
  if (!chars) return 0
  let inWords = 0
  for (const w of text.match(/\p{L}[\p{L}\p{M}]+/gu) ?? []) inWords += w.length
  return inWords / chars
}

/**
 * Both sides' units with interned anchor keys, from per-sentence lengths and anchors (and, when given, the texts,
 * for their `wordShare`).
 */
export function lexicalSides(
  srcLen: readonly number[], tgtLen: readonly number[], fa: readonly SentenceAnchors[], fb: readonly SentenceAnchors[],
  texts?: { src: readonly string[]; tgt: readonly string[] },
) {
  const ids = new Map<string, number>()
  const side = (len: readonly number[], f: readonly SentenceAnchors[], text?: readonly string[]): LexicalSide => {
    const out: LexicalSide = { len: Float64Array.from(len), keys: [], weights: [], numeric: [] }
    if (text) out.words = Float64Array.from(text, wordShare)
    for (const a of f) {
      const keys: number[] = []
      const weights: number[] = []
      const numeric: number[] = []
      for (const [k, w] of a.weights) {
        let id = ids.get(k)
        if (id === undefined) ids.set(k, (id = ids.size))
        keys.push(id)
        weights.push(w)
        numeric.push(a.numeric.has(k) ? 1 : 0)
      }
      out.keys.push(Int32Array.from(keys))
      out.weights.push(Float32Array.from(weights))
      out.numeric.push(Uint8Array.from(numeric))
    }
    return out
  }
  return { src: side(srcLen, fa, texts?.src), tgt: side(tgtLen, fb, texts?.tgt), keyCount: ids.size }
}

/**
 * Units 2k and 2k+1 merged: lengths summed, anchor keys united (a key's weight is its largest), word shares
 * averaged by length.
 */
function halve(s: LexicalSide): LexicalSide {
  const n = Math.ceil(s.len.length / 2)
  const out: LexicalSide = { len: new Float64Array(n), keys: [], weights: [], numeric: [] }
  if (s.words) out.words = new Float64Array(n)
  for (let k = 0; k < n; k++) {
    const parts = [2 * k, 2 * k + 1].filter((u) => u < s.len.length)
    const merged = new Map<number, [number, number]>()
    for (const u of parts) {
      out.len[k] += s.len[u]
      s.keys[u].forEach((id, x) => {
        const prev = merged.get(id)
        merged.set(id, [Math.max(prev?.[0] ?? 0, s.weights[u][x]), s.numeric[u][x]])
      })
    }
    if (s.words && out.words) {
      let inWords = 0
      for (const u of parts) inWords += s.words[u] * s.len[u]
      out.words[k] = out.len[k] > 0 ? inWords / out.len[k] : 0
    }
    out.keys.push(Int32Array.from(merged.keys()))
    out.weights.push(Float32Array.from([...merged.values()].map((v) => v[0])))
    out.numeric.push(Uint8Array.from([...merged.values()].map((v) => v[1])))
  }
  return out
}

/** A search level over lexical units: each bead's cost is its shape's prior, length fit, anchors and number mismatch. */
export function lexicalLevel(src: LexicalSide, tgt: LexicalSide, keyCount: number, model: LengthModel, w: LexicalWeights): DpLevel {
  const n = src.len.length
  const m = tgt.len.length
  const srcSum = new Float64Array(n + 1)
  const tgtSum = new Float64Array(m + 1)
  for (let i = 0; i < n; i++) srcSum[i + 1] = srcSum[i] + src.len[i]
  for (let j = 0; j < m; j++) tgtSum[j + 1] = tgtSum[j] + tgt.len[j]
  // Stamps instead of sets: a key is in the source group when stampA[key] === stamp (no allocation per bead).
  const stampA = new Int32Array(keyCount)
  const stampB = new Int32Array(keyCount)
  let stamp = 0
  // Keys per unit, summed: a group without keys has no anchor terms, known without looking at it.
  const srcKeys = new Int32Array(n + 1)
  const tgtKeys = new Int32Array(m + 1)
  for (let i = 0; i < n; i++) srcKeys[i + 1] = srcKeys[i] + src.keys[i].length
  for (let j = 0; j < m; j++) tgtKeys[j + 1] = tgtKeys[j] + tgt.keys[j].length
  const anchorTerms = (i: number, j: number, di: number, dj: number): number => {
    if (srcKeys[i] === srcKeys[i - di] || tgtKeys[j] === tgtKeys[j - dj]) return 0
    stamp++
    let totalA = 0
    let numA = 0
    for (let u = i - di; u < i; u++) {
      const keys = src.keys[u]
      for (let x = 0; x < keys.length; x++) {
        if (stampA[keys[x]] === stamp) continue
        stampA[keys[x]] = stamp
        totalA += src.weights[u][x]
        numA += src.numeric[u][x]
      }
    }
    if (totalA === 0) return 0
    let totalB = 0
    let shared = 0
    let numB = 0
    let numShared = 0
    for (let v = j - dj; v < j; v++) {
      const keys = tgt.keys[v]
      for (let x = 0; x < keys.length; x++) {
        if (stampB[keys[x]] === stamp) continue
        stampB[keys[x]] = stamp
        const wt = tgt.weights[v][x]
        totalB += wt
        numB += tgt.numeric[v][x]
        if (stampA[keys[x]] === stamp) {
          shared += 2 * wt
          numShared += tgt.numeric[v][x]
        }
      }
    }
    if (totalB === 0) return 0
    const dice = shared / (totalA + totalB)
    const mismatch = numA > 0 && numB > 0 ? (numA + numB - 2 * numShared) / (numA + numB) : 0
    return w.mismatch * mismatch - w.anchor * dice
  }
  const learned = w.shapeCost
  const byWords = !!w.nullByWords
  return {
    n,
    m,
    cost(i, j, di, dj, budget = Infinity) {
      if (di === 0 || dj === 0) {
        const words = byWords ? (di ? src.words?.[i - 1] : tgt.words?.[j - 1]) : undefined
        return shapeCost(di, dj) * (words ?? 1) + w.null
      }
      const l1 = srcSum[i] - srcSum[i - di]
      const l2 = tgtSum[j] - tgtSum[j - dj]
      const base = (learned ? learned(di, dj) : shapeCost(di, dj)) + lengthCost(l1, l2, model)
      // The anchors take off at most w.anchor: a bead that cannot win even so is not scored further.
      if (base - w.anchor >= budget) return base - w.anchor
      return base + anchorTerms(i, j, di, dj)
    },
    coarser: () => lexicalLevel(halve(src), halve(tgt), keyCount, model, w),
    refine: (coarse) => lexicalLevel(src, tgt, keyCount, { ...pathLengthModel(coarse, srcSum, tgtSum, model.s2) }, w),
  }
}

/**
 * The length ratio over the beads of a coarser path that have both sides (each coarse unit k is units 2k and
 * 2k+1 here): the texts' own ratio without the runs left unaligned, which would skew it.
 */
export function pathLengthModel(coarse: readonly Shape[], srcSum: Float64Array, tgtSum: Float64Array, s2: number): LengthModel {
  const n = srcSum.length - 1
  const m = tgtSum.length - 1
  const a: number[] = []
  const b: number[] = []
  let I = 0
  let J = 0
  for (const [di, dj] of coarse) {
    if (di && dj) {
      a.push(srcSum[Math.min(n, 2 * (I + di))] - srcSum[Math.min(n, 2 * I)])
      b.push(tgtSum[Math.min(m, 2 * (J + dj))] - tgtSum[Math.min(m, 2 * J)])
    }
    I += di
    J += dj
  }
  return estimateLengthModel(a, b, s2)
}
