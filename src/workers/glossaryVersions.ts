// Both halves of the glossary handshake between the app and the analysis worker: the client names the glossary
// of a run by a version key and sends the entries (all of them, or what changed since the version the worker
// holds) only when the worker lacks that version; the worker keeps the versions its jobs use and one matcher per
// version, shared by every job kind, moved on to the next version concept by concept when no job still uses it.
import { buildMatcher, type Matcher } from '../core/matcher'
import type { ConceptEntry, Glossary } from '../core/model'
import type { MatcherSource } from './jobProtocol'

/** The error a worker replies when a run names a glossary version it does not hold: resend with the entries. */
export const NEED_GLOSSARY = 'need-glossary'

/**
 * How a run names its glossary: the version key alone when the worker holds it; otherwise with every entry, or
 * with the difference from a version (`base`) the worker holds: entries added or changed, ids removed, and the
 * concept ids of the new version in order.
 */
export type GlossaryRef =
  | { key: string; entries?: undefined; base?: undefined }
  | { key: string; entries: ConceptEntry[]; base?: undefined }
  | { key: string; base: string; changed: ConceptEntry[]; removed: string[]; order: string[]; entries?: undefined }

/** One glossary version held by the worker, with its matcher built when a job first asks for it. */
export class GlossaryVersion implements MatcherSource {
  /** Jobs running on this version. */
  users = 0
  private built: Matcher | undefined

  constructor(readonly key: string, readonly glossary: Glossary, private readonly build: (g: Glossary) => Matcher, matcher?: Matcher) {
    this.built = matcher
  }

  /** The shared matcher of this version. */
  get matcher(): Matcher {
    return (this.built ??= this.build(this.glossary))
  }

  /** The matcher, or null for an empty glossary (what linking and alignment expect). */
  matcherOrNull(): Matcher | null {
    return this.glossary.entries.length ? this.matcher : null
  }

  /** MatcherSource for the job modules: the shared matcher, for this version's own glossary only. */
  get(glossary: Glossary): Matcher {
    if (glossary !== this.glossary) throw new Error('a job asked for the matcher of another glossary version')
    return this.matcher
  }

  /** Hands the matcher over (to the next version, which updates it); this version builds a new one if asked again. */
  take(): Matcher | undefined {
    const m = this.built
    this.built = undefined
    return m
  }
}

/** The glossary versions of a worker: the latest one, and older ones while jobs still run on them. */
export class GlossaryVersions {
  private readonly held = new Map<string, GlossaryVersion>()
  private latest: GlossaryVersion | undefined
  /** Matchers built from scratch, and updated in place from a difference (for tests and benchmarks). */
  readonly counts = { built: 0, updated: 0 }
  private readonly build = (g: Glossary): Matcher => {
    this.counts.built++
    return buildMatcher(g)
  }

  /** Keys of the versions held now. */
  keys(): string[] {
    return [...this.held.keys()]
  }

  /** The version a ref names, made from its entries or difference when new; throws NEED_GLOSSARY when it cannot be. */
  resolve(ref: GlossaryRef): GlossaryVersion {
    const have = this.held.get(ref.key)
    if (have) return have
    let v: GlossaryVersion
    if (ref.entries) v = new GlossaryVersion(ref.key, { entries: ref.entries }, this.build)
    else if (ref.base !== undefined) {
      const base = this.held.get(ref.base)
      if (!base) throw new Error(NEED_GLOSSARY)
      const byId = new Map(base.glossary.entries.map((e) => [e.concept.id, e]))
      for (const id of ref.removed) byId.delete(id)
      for (const e of ref.changed) byId.set(e.concept.id, e)
      const entries = ref.order.map((id) => byId.get(id))
      if (entries.some((e) => !e)) throw new Error(NEED_GLOSSARY)
      // The base's matcher moves on to the new version, updated concept by concept, unless a job still uses it.
      const moved = base.users === 0 ? base.take() : undefined
      if (moved) {
        moved.updateConcepts(ref.changed, ref.removed)
        this.counts.updated++
      }
      v = new GlossaryVersion(ref.key, { entries: entries as ConceptEntry[] }, this.build, moved)
    } else throw new Error(NEED_GLOSSARY)
    this.held.set(v.key, v)
    this.latest = v
    this.prune()
    return v
  }

  /** Resolves a ref for a job: the version stays held until `release`. */
  acquire(ref: GlossaryRef): GlossaryVersion {
    const v = this.resolve(ref)
    v.users++
    return v
  }

  /** Ends a job's use of a version. */
  release(v: GlossaryVersion): void {
    v.users--
    this.prune()
  }

  /** Drops the versions no job uses, the latest aside. */
  private prune(): void {
    for (const [k, v] of this.held) if (v !== this.latest && v.users <= 0) this.held.delete(k)
  }
}

/** The client half: remembers what the worker holds and names each run's glossary with as little as it needs. */
export class GlossarySender {
  private sent: { key: string; stamps: Map<string, string>; order: string[] } | undefined
  private seq = 0
  private readonly memo = new WeakMap<readonly ConceptEntry[], Map<string, string>>()

  /** The content stamp of every entry, by concept id (kept per entries array: the glossary store's is reused). */
  private stampsOf(entries: readonly ConceptEntry[]): Map<string, string> {
    let s = this.memo.get(entries)
    if (!s) this.memo.set(entries, (s = new Map(entries.map((e) => [e.concept.id, JSON.stringify(e)]))))
    return s
  }

  /**
   * The ref naming `entries` in the next request: the key alone when the worker holds that content, else the
   * difference from the last version sent, else every entry (also when `full`: the worker said it lacks it).
   */
  refFor(entries: readonly ConceptEntry[], full = false): GlossaryRef {
    const stamps = this.stampsOf(entries)
    const order = entries.map((e) => e.concept.id)
    const prev = this.sent
    const same = !!prev && prev.order.length === order.length && order.every((id, i) => id === prev.order[i] && prev.stamps.get(id) === stamps.get(id))
    const key = same ? prev.key : `g${++this.seq}`
    this.sent = { key, stamps, order }
    if (same && !full) return { key }
    if (!prev || full) return { key, entries: [...entries] }
    const changed = entries.filter((e) => prev.stamps.get(e.concept.id) !== stamps.get(e.concept.id))
    const removed = prev.order.filter((id) => !stamps.has(id))
    if (changed.length > entries.length / 2) return { key, entries: [...entries] }
    return { key, base: prev.key, changed, removed, order }
  }

  /** Forgets what the worker holds (a new worker holds nothing). */
  reset(): void {
    this.sent = undefined
  }
}
