// The alignment job of the analysis worker as plain async functions (no DOM, no worker globals), so that Node tests run
// exactly what the browser runs: the sentence alignment of a text and its translation, segment by segment,
// with progress from inside the dynamic programme and a cancel flag; and the pairing of the two-language
// blocks inside one report (like the Finnish and English blocks of report 000).
import { alignSentences, type AlignBead, type OverlapVectors } from '../core/align'
import type { ConceptMatcherLike } from '../core/link'
import type { Lang, PassageKind } from '../core/model'
import { JobCancelledError, type JobHooks } from './jobProtocol'

/** One independent stretch to align: source sentences and their translation (a block pair, or two whole texts). */
export interface AlignSegment {
  src: string[]
  tgt: string[]
  /** Sentence embeddings of both sides, by position, when a model was available. */
  embeddings?: { src: ArrayLike<number>[]; tgt: ArrayLike<number>[] } | null
  /** Or embeddings of runs of 1–4 sentences of both sides (`overlapTexts`), scored as Bertalign scores them. */
  overlaps?: { src: OverlapVectors; tgt: OverlapVectors } | null
}

/** An alignment request: segments aligned one after the other, in order. */
export interface AlignJobRequest {
  segments: AlignSegment[]
  srcLang: Lang | 'und'
  tgtLang: Lang | 'und'
}

/** A bead of the whole job: sentence positions count across all segments (segment 1 starts after segment 0). */
export interface AlignJobBead extends AlignBead {
  /** The segment the bead belongs to. */
  segment: number
}

/** Progress in search rows: each segment counts its source sentences (one pass, see `alignSentences`). */
export interface AlignJobProgress {
  done: number
  total: number
  /** Segment being aligned (from 0) and how many there are. */
  segment: number
  segments: number
}

/** What the caller can hook into: progress, a cancel flag checked between segments and between DP rows (a raised
 * one stops the job with a JobCancelledError), and a pause awaited between segments (in the worker: a macrotask, so
 * that a cancel message can arrive; a running DP row cannot receive one). */
export type AlignJobHooks = Omit<JobHooks<AlignJobProgress>, 'matchers'>

/**
 * Aligns every segment's sentences in order (`alignSentences`: beads of 0–4 sentences a side over length and
 * anchors, or over embeddings when given), reporting progress about every 1% of the search rows and honouring a
 * cancel between rows and segments. Bead positions are offset so that they index the concatenated sentence lists.
 */
export async function runAlignJob(req: AlignJobRequest, matcher: ConceptMatcherLike | null, hooks: AlignJobHooks = {}): Promise<AlignJobBead[]> {
  const segments = req.segments
  const total = segments.reduce((s, g) => s + g.src.length, 0)
  const check = () => {
    if (hooks.isCancelled?.()) throw new JobCancelledError()
  }
  const out: AlignJobBead[] = []
  let before = 0
  let srcOffset = 0
  let tgtOffset = 0
  for (let k = 0; k < segments.length; k++) {
    const seg = segments[k]
    check()
    hooks.onProgress?.({ done: before, total, segment: k, segments: segments.length })
    await hooks.pause?.()
    check()
    const n = seg.src.length
    const step = Math.max(1, Math.ceil(total / 100))
    let reported = before
    const emb = seg.embeddings ?? undefined
    const onRow = (row: number) => {
      check()
      const done = before + Math.min(row, n)
      if (done - reported >= step) {
        reported = done
        hooks.onProgress?.({ done, total, segment: k, segments: segments.length })
      }
    }
    const beads = alignSentences(seg.src, seg.tgt, { srcLang: req.srcLang, tgtLang: req.tgtLang, matcher, embeddings: emb, overlaps: seg.overlaps ?? undefined, onRow })
    for (const b of beads) {
      const bead: AlignJobBead = { ...b, src: b.src.map((i) => i + srcOffset), tgt: b.tgt.map((j) => j + tgtOffset), segment: k }
      out.push(bead)
    }
    before += n
    srcOffset += n
    tgtOffset += seg.tgt.length
  }
  hooks.onProgress?.({ done: total, total, segment: segments.length, segments: segments.length })
  return out
}

/** What block pairing needs of a passage. */
export interface BlockPassage {
  kind: PassageKind
  lang: Lang | 'und'
}

/** A block of `srcLang` passages and the block of `tgtLang` passages that translates it (positions in the list). */
export interface BlockPair {
  src: number[]
  tgt: number[]
}

/** Languages of a report's body passages (footnotes and undetermined passages left out), most passages first. */
export function documentLanguages(passages: readonly BlockPassage[]): { lang: Lang; passages: number }[] {
  const n = new Map<Lang, number>()
  for (const p of passages) if (p.kind !== 'footnote' && p.lang !== 'und') n.set(p.lang, (n.get(p.lang) ?? 0) + 1)
  return [...n].sort((x, y) => y[1] - x[1]).map(([lang, count]) => ({ lang, passages: count }))
}

/**
 * The translated blocks inside one two-language report. Body passages of the two languages form runs (footnotes
 * and undetermined passages neither join nor break a run). The language with fewer passages is the translation
 * side: each of its runs pairs with the run of the other language just before it (or, when that one is taken or
 * missing, just after it), and a translation of k passages takes the k passages of that run nearest to it.
 * Report 000 gives three pairs: its title, its questions, and its note on the response.
 */
export function bilingualBlocks(passages: readonly BlockPassage[], srcLang: Lang, tgtLang: Lang): BlockPair[] {
  if (srcLang === tgtLang) return []
  const runs: { lang: Lang; idx: number[] }[] = []
  passages.forEach((p, i) => {
    if (p.kind === 'footnote' || (p.lang !== srcLang && p.lang !== tgtLang)) return
    const lastRun = runs[runs.length - 1]
    if (lastRun?.lang === p.lang) lastRun.idx.push(i)
    else runs.push({ lang: p.lang as Lang, idx: [i] })
  })
  const count = (l: Lang) => runs.filter((r) => r.lang === l).reduce((s, r) => s + r.idx.length, 0)
  const minority = count(tgtLang) <= count(srcLang) ? tgtLang : srcLang
  const used = new Set<number>()
  const pairs: BlockPair[] = []
  runs.forEach((r, i) => {
    if (r.lang !== minority) return
    const j = [i - 1, i + 1].find((x) => x >= 0 && x < runs.length && !used.has(x))
    if (j === undefined) return
    used.add(j)
    const k = Math.min(r.idx.length, runs[j].idx.length)
    const other = j < i ? runs[j].idx.slice(-k) : runs[j].idx.slice(0, k)
    const own = j < i ? r.idx.slice(0, k) : r.idx.slice(-k)
    pairs.push(minority === tgtLang ? { src: other, tgt: own } : { src: own, tgt: other })
  })
  return pairs.sort((x, y) => Math.min(...x.src, ...x.tgt) - Math.min(...y.src, ...y.tgt))
}
