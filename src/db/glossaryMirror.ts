// The whole glossary in memory, kept in step with the database by its change feed: this tab's own
// commits are applied as they are (nothing read back), others' (another tab, a restore) by re-reading
// only the concepts the log names. No Vue here: the glossary store wraps it in a liveQuery.
import type { ConceptEntry } from '../core/model'
import { onGlossaryCommitted, pullChanges, type GlossaryChange, type GlossaryPull } from './glossaryFeed'
import type { WorkbenchDb } from './schema'

/** An in-memory copy of the termbase that catches up change by change. */
export class GlossaryMirror {
  private map = new Map<string, ConceptEntry>()
  /** The newest log row applied from a pull (-1: nothing read yet). */
  private seq = -1
  /** Log rows of this tab's commits, applied already, with the concepts they touched (null: all). */
  private local = new Map<number, string[] | null>()
  private readonly unsubscribe: () => void

  /** `onLocal` is called after this tab's own commit was applied. */
  constructor(private readonly db: WorkbenchDb, onLocal: (changedIds: string[] | null) => void = () => {}) {
    this.unsubscribe = onGlossaryCommitted((d, change) => {
      if (d !== this.db) return
      onLocal(this.applyLocal(change))
    })
  }

  /** True once a first full read has been applied. */
  get loaded(): boolean {
    return this.seq >= 0
  }

  /** The concepts in id order, as the database lists them (a new array on each call): exports stay stable. */
  list(): ConceptEntry[] {
    return [...this.map.values()].sort((a, b) => (a.concept.id < b.concept.id ? -1 : a.concept.id > b.concept.id ? 1 : 0))
  }

  /** One concept, or undefined. */
  get(id: string): ConceptEntry | undefined {
    return this.map.get(id)
  }

  /** Reads what changed since the last pull (everything the first time). Run it in a liveQuery. */
  read(): Promise<GlossaryPull> {
    return pullChanges(this.db, this.seq, new Set(this.local.keys()))
  }

  /**
   * Applies a pull. Commits of this tab newer than the pull's snapshot win over it: their concepts
   * are kept as they are (or, under a full read, marked to be read again on the next pull). Returns
   * the changed ids (null: possibly all), or [] when nothing changed.
   */
  applyPull(p: GlossaryPull): string[] | null {
    const newer = [...this.local].filter(([s]) => s > p.seq)
    let out: string[] | null = []
    if (p.full) {
      this.map = new Map(p.all.map((e) => [e.concept.id, e]))
      for (const [s] of newer) this.local.delete(s)
      out = null
    } else if (!newer.some(([, ids]) => ids === null)) {
      const keep = new Set(newer.flatMap(([, ids]) => ids ?? []))
      for (const [id, e] of p.changed) {
        if (keep.has(id)) continue
        if (e) this.map.set(id, e)
        else this.map.delete(id)
        out.push(id)
      }
    }
    for (const s of [...this.local.keys()]) if (s <= p.seq) this.local.delete(s)
    this.seq = Math.max(this.seq, p.seq)
    return out
  }

  /** Applies a commit of this tab as it was written. Returns the changed ids (null: all). */
  applyLocal(change: GlossaryChange): string[] | null {
    const ids = [...change.entries.keys()]
    for (const s of change.seqs) this.local.set(s, change.reset ? null : ids)
    if (change.reset) this.map = new Map()
    for (const [id, e] of change.entries) {
      if (e) this.map.set(id, e)
      else this.map.delete(id)
    }
    return change.reset ? null : ids
  }

  /** Stops listening to this tab's commits. */
  dispose(): void {
    this.unsubscribe()
  }
}
