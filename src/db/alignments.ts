// The corrected alignment of a translation pair, kept in the meta table next to the remembered pairs (no index
// needed: it is read and written whole, by its pair), so that merges, splits, moves and confirmations survive a reload.
import type { EditableBead } from '../core/align'
import type { WorkbenchDb } from './schema'
import { plain } from './termbase'

/** WARNING: stored in users' databases; do not rename. Prefix of the meta key of a pair's alignment. */
const KEY_PREFIX = 'alignment:'

/** What identifies a pair: its two reports and languages (as `AlignPair`). */
export interface AlignmentPairKey {
  a: string
  b: string
  langA: string
  langB: string
}

/** A stored alignment: the beads over the pair's sentences, and what those sentences were when it was saved. */
export interface StoredAlignment {
  format: 1
  saved: string
  /** Sentence counts and a hash of the sentence texts: an alignment of reports that changed since is not shown. */
  srcCount: number
  tgtCount: number
  fingerprint: string
  /** Number of block pairs. */
  segments: number
  beads: EditableBead[]
}

/** The meta key of a pair's alignment. */
export const alignmentKey = (p: AlignmentPairKey): string => `${KEY_PREFIX}${p.a}|${p.b}|${p.langA}|${p.langB}`

/** The stored alignment of a pair, or undefined (also when the row is not one this version can read). */
export async function loadAlignment(db: WorkbenchDb, pair: AlignmentPairKey): Promise<StoredAlignment | undefined> {
  const v = (await db.meta.get(alignmentKey(pair)))?.value as Partial<StoredAlignment> | undefined
  const ok = v && v.format === 1 && Array.isArray(v.beads) && typeof v.fingerprint === 'string' && Number.isInteger(v.srcCount) && Number.isInteger(v.tgtCount)
  return ok ? (v as StoredAlignment) : undefined
}

/** Stores a pair's alignment (replacing the previous one); beads are copied as plain objects. */
export async function saveAlignment(db: WorkbenchDb, pair: AlignmentPairKey, rec: Omit<StoredAlignment, 'format' | 'saved'>): Promise<void> {
  await db.meta.put({ key: alignmentKey(pair), value: plain({ format: 1, saved: new Date().toISOString(), ...rec }) })
}

/** Forgets a pair's alignment. */
export async function deleteAlignment(db: WorkbenchDb, pair: AlignmentPairKey): Promise<void> {
  await db.meta.delete(alignmentKey(pair))
}
