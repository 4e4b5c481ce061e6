// The search with a model: beads of six sentences (a list translated item by item), and a line of debris (OCR
// noise, dot leaders) left unaligned rather than glued onto a neighbour; the word share that prices the latter.
import { describe, expect, it } from 'vitest'
import { alignSentences, learnedShapeCost, MODEL_SHAPES, shapeCost, SHAPES, shapesUpTo, wordShare } from '../../src/core/align'

const pairs = (beads: { src: number[]; tgt: number[] }[]) => beads.map((b) => `${b.src.join(',')}:${b.tgt.join(',')}`)

/**
 * Deterministic unit vectors in 24 dimensions, all different (sentence embeddings stand-ins); `common` adds a shared
 * direction, so that unrelated sentences have cosines of about 0.8 as a real model's do.
 */
function vectors(count: number, seed = 5, common = 0): number[][] {
  let s = seed
  const r = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5
  const shared = Array.from({ length: 24 }, r)
  return Array.from({ length: count }, () => {
    const v = Array.from({ length: 24 }, r).map((x, d) => x + common * shared[d])
    const norm = Math.hypot(...v)
    return v.map((x) => x / norm)
  })
}

const unit = (v: number[]) => {
  const norm = Math.hypot(...v)
  return v.map((x) => x / norm)
}
const sum = (vs: number[][]) => unit(vs[0].map((_, d) => vs.reduce((t, v) => t + v[d], 0)))

/** Sentences of a given length in characters, in words. */
const prose = (k: number, len: number) => `Satz ${k} ` + 'mit einigen Wörtern '.repeat(Math.ceil(len / 20)).slice(0, len).trim() + ' .'

describe('bead search with a model', () => {
  it('finds a 1-5 bead where one sentence is translated as a list of five', () => {
    const v = vectors(14)
    // Source 0–3 pair with targets 0–3; source 4 is targets 4–8 together; source 5–9 pair with targets 9–13.
    const tgtVec = v
    const srcVec = [...v.slice(0, 4), sum(v.slice(4, 9)), ...v.slice(9)]
    const src = srcVec.map((_, k) => prose(k, k === 4 ? 300 : 60 + 7 * k))
    const tgt = tgtVec.map((_, k) => prose(k, k >= 4 && k <= 8 ? 60 : 60 + 7 * (k < 4 ? k : k - 4)))
    const beads = alignSentences(src, tgt, { embeddings: { src: srcVec, tgt: tgtVec } })
    expect(pairs(beads)).toContain('4:4,5,6,7,8')
    expect(pairs(beads).filter((p) => /^\d+:\d+$/.test(p))).toHaveLength(9)
  })

  it('leaves a line of debris unaligned instead of gluing it to the sentence before it', () => {
    const v = vectors(6, 9, 2)
    // The debris line's vector says nothing of its own: it lies on the sentence before it, so that gluing it there
    // costs the model nothing, and the bead priors and lengths decide (source 2 is even a little longer than its
    // translation, as if the debris belonged to it). As a 0-1 bead, debris costs no prior.
    const debris = v[2]
    const src = v.map((_, k) => prose(k, 80 + 9 * k + (k === 2 ? 10 : 0)))
    const tgt = [...v.map((_, k) => prose(k, 80 + 9 * k)).slice(0, 3), '..... - _-', ...v.map((_, k) => prose(k, 80 + 9 * k)).slice(3)]
    const beads = alignSentences(src, tgt, { embeddings: { src: v, tgt: [...v.slice(0, 3), debris, ...v.slice(3)] } })
    expect(pairs(beads)).toEqual(['0:0', '1:1', '2:2', ':3', '3:4', '4:5', '5:6'])
  })
})

describe('shape priors learned from a first path', () => {
  it('makes the shapes a re-cut translation uses cheaper, and a catalogue that keeps its lines 1-1 dearer to merge', () => {
    const recut = learnedShapeCost([...Array(60).fill([1, 1]), ...Array(20).fill([2, 2]), ...Array(20).fill([2, 1]), [1, 0]], MODEL_SHAPES)
    const kept = learnedShapeCost(Array(100).fill([1, 1]), MODEL_SHAPES)
    expect(recut(2, 2)).toBeLessThan(shapeCost(2, 2) - 2)
    expect(recut(1, 1)).toBeGreaterThan(shapeCost(1, 1))
    expect(kept(2, 2)).toBeGreaterThan(shapeCost(2, 2))
    expect(kept(1, 1)).toBeLessThan(shapeCost(1, 1))
    // The two-sided shapes keep their total prior, so that 1-0 and 0-1 beads weigh as before.
    const mass = (cost: (a: number, b: number) => number) => MODEL_SHAPES.filter(([a, b]) => a && b).reduce((t, [a, b]) => t + Math.exp(-cost(a, b)), 0)
    expect(mass(recut)).toBeCloseTo(mass(shapeCost), 6)
    expect(mass(kept)).toBeCloseTo(mass(shapeCost), 6)
  })
})

describe('shapes and word share', () => {
  it('searches the peers\' shapes without a model and adds the six-sentence ones with it', () => {
    expect(SHAPES).toEqual(shapesUpTo(5))
    const extra = MODEL_SHAPES.filter(([a, b]) => !SHAPES.some(([c, d]) => a === c && b === d)).map(([a, b]) => `${a}-${b}`)
    expect(extra).toEqual(['1-5', '2-4', '3-3', '4-2', '5-1'])
  })

  it('gives prose 1, debris 0 and a formula little', () => {
    expect(wordShare('Die neue offizielle Kote wurde 1955 ausgegeben.')).toBeGreaterThan(0.8)
    expect(wordShare('.....')).toBe(0)
    expect(wordShare('- _-')).toBe(0)
    expect(wordShare('')).toBe(0)
    expect(wordShare('p(f l e) _p(e lf) p(f)')).toBeLessThan(0.2)
  })
})
