// One matcher kept across glossary edits: only the concepts whose terms changed are recompiled.
import type { ConceptEntry, Glossary } from '../model'
import { buildMatcher, type Matcher, type MatcherOptions } from './matcher'

/** A stamp of a concept's content: the cache rebuilds a concept's patterns only when it changes. */
function entryStamp(e: ConceptEntry): string {
  return e.concept.modified + '|' + e.terms.map((t) => `${t.id}\u0001${t.lang}\u0001${t.text}\u0001${t.status}\u0001${t.type}`).join('\u0002')
}

/** Keeps one matcher across runs and updates only the concepts that changed. */
export class MatcherCache {
  private matcher: Matcher | null = null
  private stamps = new Map<string, string>()
  /** Concepts recompiled by the last `get` (all of them on the first). */
  lastChanged = 0

  constructor(private readonly opts: MatcherOptions = {}) {}

  /** The matcher for this glossary: built on first use, then updated concept by concept. */
  get(glossary: Glossary): Matcher {
    const next = new Map(glossary.entries.map((e) => [e.concept.id, entryStamp(e)]))
    if (!this.matcher) {
      this.matcher = buildMatcher(glossary, this.opts)
      this.lastChanged = glossary.entries.length
    } else {
      const changed = glossary.entries.filter((e) => this.stamps.get(e.concept.id) !== next.get(e.concept.id))
      const removed = [...this.stamps.keys()].filter((id) => !next.has(id))
      if (changed.length || removed.length) this.matcher.updateConcepts(changed, removed)
      this.lastChanged = changed.length + removed.length
    }
    this.stamps = next
    return this.matcher
  }
}
