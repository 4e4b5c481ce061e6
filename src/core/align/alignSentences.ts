// Monotonic sentence alignment of a text and its translation: one linear-time search over beads of up to four
// sentences a side (and 1-0, 0-1), scored by length and anchors, or by embeddings of the joined sentences.
import type { Lang } from '../model'
import type { ConceptMatcherLike } from '../link/features'
import { cosine } from '../link/hybrid'
import { anchorsOf, groupSimilarity, sentenceFeatures, type SentenceAnchors } from './anchors'
import { MODEL_SHAPES, searchBeads, SHAPES, type DpLevel, type Shape } from './dp'
import { embeddingLevel, type OverlapVectors } from './embeddingLevel'
import { estimateLengthModel, learnedShapeCost, type BeadType, type LengthModel } from './galeChurch'
import { lexicalLevel, lexicalSides } from './lexicalLevel'

/** One aligned unit: source sentence positions × target sentence positions (either may be empty). */
export interface AlignBead {
  src: number[]
  tgt: number[]
  /** The shape, "sources-targets": '1-1', '2-1', '1-0', '1-3' … */
  type: BeadType
  /** The bead's cost in the search (lower is better). */
  cost: number
  /** Anchor similarity of the two sides in [0, 1] (shared numbers, names, cognates, concepts). */
  anchor: number
  /** Cosine of the two sides' embeddings, when embeddings were given. */
  neural?: number
}

/** Options of `alignSentences`. */
export interface AlignOptions {
  srcLang?: Lang | 'und'
  tgtLang?: Lang | 'und'
  /** Glossary matcher: shared concepts become anchors. */
  matcher?: ConceptMatcherLike | null
  /** Sentence embeddings (one unit vector per sentence); a group's vector is the normalised sum of its sentences'. */
  embeddings?: { src: readonly ArrayLike<number>[]; tgt: readonly ArrayLike<number>[] }
  /** Or embeddings of the joined sentences themselves (`overlapTexts`, `overlapVectors`), as Bertalign embeds them. */
  overlaps?: { src: OverlapVectors; tgt: OverlapVectors }
  /**
   * Cost weight of the anchor similarity (default 4; with a model 16, so that, scaled by `lexicalWeight`, shared
   * numbers and names weigh up to 0.08, about a good pair's margin: a sentence embedding barely moves with a number).
   */
  anchorWeight?: number
  /** Cost of numbers that one side has and the other lacks (default 2). */
  mismatchWeight?: number
  /** Extra cost of a 1-0 or 0-1 bead on top of its prior, without a model (default 0). */
  nullCost?: number
  /**
   * Cost of a 1-0 or 0-1 bead with a model (Bertalign's skip, negated). Default 0: a margin score is 0 for a pair
   * no likelier than its neighbours, so a sentence left out neither gains nor loses; Bertalign's 0.1 (tuned for
   * LaBSE) made a run of untranslated captions dearer than gluing them into many-sentence beads.
   */
  skipCost?: number
  /**
   * Nearest neighbours of a bead's side on the other side whose mean cosine the margin takes off (default 3; on
   * the dev sets it beat Bertalign's margin against the adjacent sentences: Text+Berg 0.889 against 0.878 strict F1,
   * and 3 beat 4 there, 0.900 against 0.895, with BAF the same and the coreutils sets within a bead).
   */
  neighbours?: number
  /**
   * Weight of the cost without a model (prior, length, anchors, in nats) added to the model's score (default
   * 0.005: a few nats of that cost weigh as much as the margin of a good pair, about 0.1).
   */
  lexicalWeight?: number
  /** Length model (default: c = the texts' length ratio, learned from them; s² = 6.8). */
  lengthModel?: LengthModel
  /** Half-width of the search band around the coarser level's path, in sentences (default 8). */
  band?: number
  /** Called for every row of the final search (rows = source sentences + 1), for progress and cancel. */
  onRow?: (row: number, rows: number) => void
}

/** Characters of a sentence, spaces collapsed. */
const charLength = (s: string) => s.replace(/\s+/g, ' ').trim().length

/** The sum of two levels' costs (the model's score plus the lexical anchors), halved together. */
function sumLevel(a: DpLevel, b: DpLevel, wb: number): DpLevel {
  return {
    n: a.n,
    m: a.m,
    cost: (i, j, di, dj) => a.cost(i, j, di, dj) + wb * b.cost(i, j, di, dj),
    coarser: () => sumLevel(a.coarser(), b.coarser(), wb),
    refine: (path) => sumLevel(a.refine?.(path) ?? a, b.refine?.(path) ?? b, wb),
  }
}

/**
 * Aligns the sentences of a source text with those of its translation, keeping order (no crossing), in time and
 * memory linear in the number of sentences (see `searchBeads`). Beads take 0 to 4 sentences a side (`SHAPES`);
 * with embeddings, up to six sentences in all (`MODEL_SHAPES`: 1-5, 3-3 …).
 *
 * Without embeddings a bead costs −log of its shape's prior, plus the Gale–Church length cost under the texts'
 * own length ratio (1-0 and 0-1 pay `nullCost` instead), minus `anchorWeight` × the anchor similarity, plus
 * `mismatchWeight` × the share of numbers found on one side only. With embeddings a bead scores as in Bertalign
 * (cosine of the joined sentences less the mean of their nearest neighbours', × length penalty; 1-0 and 0-1 cost `skipCost`), plus `lexicalWeight` ×
 * the cost without a model, where a 1-0 or 0-1 bead's prior is scaled by its sentence's share of words (`wordShare`),
 * searched twice: the second time with shape priors learned from the first path (`learnedShapeCost`).
 */
export function alignSentences(src: readonly string[], tgt: readonly string[], opts: AlignOptions = {}): AlignBead[] {
  if (!src.length || !tgt.length) {
    return [...src.map((_, i) => nullBead([i], [])), ...tgt.map((_, j) => nullBead([], [j]))]
  }
  const srcLen = src.map(charLength)
  const tgtLen = tgt.map(charLength)
  const fa = sentenceFeatures(src, opts.srcLang ?? 'und', opts.matcher).map(anchorsOf)
  const fb = sentenceFeatures(tgt, opts.tgtLang ?? 'und', opts.matcher).map(anchorsOf)
  const model = opts.lengthModel ?? estimateLengthModel(srcLen, tgtLen)
  const vectors = opts.overlaps ?? (opts.embeddings && { src: { byCount: [[...opts.embeddings.src]] }, tgt: { byCount: [[...opts.embeddings.tgt]] } })
  // With a model, a line of debris (few words) costs little to leave unaligned: the embeddings, not lengths alone,
  // then decide what pairs. Without one, that made runs of formulas that are translated drop out (BAF 0.96 → 0.89).
  const sides = lexicalSides(srcLen, tgtLen, fa, fb, vectors ? { src, tgt } : undefined)
  const weights = { anchor: opts.anchorWeight ?? (vectors ? 16 : 4), mismatch: opts.mismatchWeight ?? 2, null: opts.nullCost ?? 0, nullByWords: !!vectors }
  const wl = opts.lexicalWeight ?? 0.005
  const max = Math.max(...MODEL_SHAPES.flat())
  const neural = vectors
    ? embeddingLevel({ len: srcLen, vectors: vectors.src }, { len: tgtLen, vectors: vectors.tgt }, model.c, { skip: opts.skipCost ?? 0, k: opts.neighbours }, max)
    : null
  const levelWith = (shapeCost?: (di: number, dj: number) => number): DpLevel => {
    // The weights as they are when nothing is learned: a copy with an undefined key slowed the search by 10 %.
    const lexical = lexicalLevel(sides.src, sides.tgt, sides.keyCount, model, shapeCost ? { ...weights, shapeCost } : weights)
    return neural ? (wl > 0 ? sumLevel(neural, lexical, wl) : neural) : lexical
  }
  const shapes = vectors ? MODEL_SHAPES : SHAPES
  let searched = levelWith()
  let path: Shape[]
  if (neural) {
    // Two passes, each half of the progress: the second with the shape priors the first path shows.
    const first = searchBeads(searched, { shapes, buffer: opts.band, onRow: opts.onRow && ((r, rows) => opts.onRow!(r >> 1, rows)) })
    path = searchBeads(levelWith(learnedShapeCost(first, shapes)), {
      shapes, buffer: opts.band, onRow: opts.onRow && ((r, rows) => opts.onRow!((rows + r) >> 1, rows)), onLevel: (l) => (searched = l),
    })
  } else path = searchBeads(searched, { shapes, buffer: opts.band, onRow: opts.onRow, onLevel: (l) => (searched = l) })
  const beads: AlignBead[] = []
  let i = 0
  let j = 0
  for (const [di, dj] of path) {
    const s = range(i, di)
    const t = range(j, dj)
    i += di
    j += dj
    const bead: AlignBead = { src: s, tgt: t, type: `${di}-${dj}`, cost: searched.cost(i, j, di, dj), anchor: di && dj ? groupSimilarity(pick(fa, s), pick(fb, t)) : 0 }
    if (neural && di && dj) bead.neural = groupCosine(vectors!, s, t)
    beads.push(bead)
  }
  return beads
}

function nullBead(src: number[], tgt: number[]): AlignBead {
  return { src, tgt, type: `${src.length}-${tgt.length}`, cost: 0, anchor: 0 }
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, k) => from + k)
const pick = (list: readonly SentenceAnchors[], idx: readonly number[]) => idx.map((k) => list[k])

/** Cosine of two beads' sides: their overlap vectors when given, else the normalised sums of their sentences'. */
function groupCosine(v: { src: OverlapVectors; tgt: OverlapVectors }, s: number[], t: number[]): number {
  const vec = (o: OverlapVectors, idx: number[]) => {
    const direct = o.byCount[idx.length - 1]?.[idx[0]]
    if (direct) return direct
    const first = o.byCount[0][idx[0]]!
    const out = new Float64Array(first.length)
    for (const k of idx) for (let d = 0; d < out.length; d++) out[d] += o.byCount[0][k]![d]
    return out
  }
  return cosine(vec(v.src, s), vec(v.tgt, t))
}

/** The sentence pairs of the beads that have both sides, sentences of a side joined by a space (for TMX). */
export function beadsToPairs(beads: readonly AlignBead[], src: readonly string[], tgt: readonly string[]): { src: string; tgt: string }[] {
  return beads
    .filter((b) => b.src.length > 0 && b.tgt.length > 0)
    .map((b) => ({ src: b.src.map((i) => src[i].trim()).join(' '), tgt: b.tgt.map((j) => tgt[j].trim()).join(' ') }))
}
