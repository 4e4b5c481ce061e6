// What the align store reads and computes outside its state: a pair's sentences by segment, their fingerprint,
// and where blocks start.
import type { Corner } from '../core/align'
import type { Lang } from '../core/model'
import { useDb } from '../db'
import type { PassageRow } from '../db/schema'
import { getPassages } from '../db/documents'
import { bilingualBlocks } from '../workers/alignJob'
import { sha256Hex } from '../core/text/hash'

/** Two texts that translate each other: report `a` in `langA` and report `b` in `langB`; `a === b` pairs the two languages' blocks of one report. */
export interface AlignPair {
  a: string
  b: string
  langA: Lang | 'und'
  langB: Lang | 'und'
}
/** A sentence of one side, with the passage it comes from. */
export interface AlignSentence {
  text: string
  passage: PassageRow
}
const sentencesOf = (ps: readonly PassageRow[]): AlignSentence[] => ps.flatMap((p) => p.sentences.map((s) => ({ text: s.text, passage: p })))

/** The segments of a pair: each block pair of a two-language report, or the body sentences of two reports. */
export async function gather(pair: AlignPair): Promise<{ src: AlignSentence[][]; tgt: AlignSentence[][] }> {
  const db = useDb()
  const pa = await getPassages(db, pair.a)
  if (pair.a === pair.b) {
    if (pair.langA === 'und' || pair.langB === 'und') return { src: [], tgt: [] }
    const blocks = bilingualBlocks(pa, pair.langA, pair.langB)
    return { src: blocks.map((b) => sentencesOf(b.src.map((i) => pa[i]))), tgt: blocks.map((b) => sentencesOf(b.tgt.map((i) => pa[i]))) }
  }
  const pb = await getPassages(db, pair.b)
  const body = (ps: PassageRow[]) => sentencesOf(ps.filter((p) => p.kind !== 'footnote'))
  return { src: [body(pa)], tgt: [body(pb)] }
}

/** A hash of both sides' sentences: a stored alignment applies only to the sentences it was made on. */
export async function fingerprintOf(src: readonly AlignSentence[], tgt: readonly AlignSentence[]): Promise<string> {
  const text = `${src.map((s) => s.text).join('\u0000')}\u0001${tgt.map((s) => s.text).join('\u0000')}`
  return sha256Hex(text)
}

/** Where each segment after the first starts in the concatenated sentence lists. */
export function blockStarts(src: readonly unknown[][], tgt: readonly unknown[][]): Corner[] {
  const out: Corner[] = []
  let i = 0
  let j = 0
  src.forEach((s, k) => {
    if (k > 0) out.push({ src: i, tgt: j })
    i += s.length
    j += tgt[k].length
  })
  return out
}

/** A file name stem from a report's file name. */
export const stemOf = (name: string) => name.replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'alignment'
