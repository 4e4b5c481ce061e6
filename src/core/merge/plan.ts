// The import merge plan: each imported concept is classified against the termbase (new, unchanged,
// changed with field-level differences, conflicting), the user chooses what to do with each, and
// resolvePlan turns the choices into the exact entries to write, validated as every save is.
import type { ConceptEntry } from '../model'
import { newId as makeId, nowIso } from '../model'
import { validateEntry, type EntryProblem } from '../validateEntry'
import { asNewEntry, mergeInto, replaceWith, type IdSource } from './combine'
import { diffEntries, type FieldChange } from './diff'
import { buildMatchIndex, findCandidates, type MatchCandidate } from './match'

/** How an imported concept meets the termbase. */
export type MergeStatus = 'new' | 'unchanged' | 'changed' | 'conflicting'
/** What the user chose to do with it. */
export type MergeAction = 'merge' | 'new' | 'skip' | 'replace'
export const MERGE_ACTIONS: readonly MergeAction[] = ['merge', 'new', 'skip', 'replace']

/** One imported concept in the plan. */
export interface PlanItem {
  /** Position in the imported list. */
  index: number
  incoming: ConceptEntry
  status: MergeStatus
  /** Existing concepts it may be, best first (empty for new). */
  candidates: MatchCandidate[]
  /** What merging into the best candidate would change there (empty unless changed or conflicting). */
  changes: FieldChange[]
  /** The default choice: new → new, unchanged/changed → merge, conflicting → skip. */
  action: MergeAction
}

/** The plan and its counts by status. */
export interface MergePlan {
  items: PlanItem[]
  counts: Record<MergeStatus, number>
}

/** A choice for one item; `target` picks among the candidates (default: the first). */
export interface MergeChoice {
  action: MergeAction
  target?: string
}

/** Ids and clock for resolving a plan (tests pass fixed ones). */
export interface ResolveOptions {
  now?: string
  newId?: (kind: 'concept' | 'term') => string
}

/** What resolving a plan gives: entries to write (full concepts), and any that break a termbase rule. */
export interface ResolvedImport {
  writes: ConceptEntry[]
  /** Entries that would break a rule as chosen: nothing may be written until they are skipped or fixed. */
  problems: { index: number; conceptId: string; problems: EntryProblem[] }[]
  counts: { added: number; merged: number; replaced: number; skipped: number; unchanged: number }
}

const DEFAULT_ACTION: Record<MergeStatus, MergeAction> = { new: 'new', unchanged: 'merge', changed: 'merge', conflicting: 'skip' }

function idSource(existing: readonly ConceptEntry[], newId: ResolveOptions['newId']): IdSource {
  return {
    conceptIds: new Set(existing.map((e) => e.concept.id)),
    termIds: new Set(existing.flatMap((e) => e.terms.map((t) => t.id))),
    newId: newId ?? ((k) => makeId(k === 'concept' ? 'c-' : 't-')),
  }
}

/** Classifies every imported concept against the termbase. Writes nothing. */
export function planImport(existing: readonly ConceptEntry[], incoming: readonly ConceptEntry[]): MergePlan {
  const index = buildMatchIndex(existing)
  const byId = new Map(existing.map((e) => [e.concept.id, e]))
  let n = 0
  const ids = idSource(existing, (k) => `~${k}${n++}`)
  const counts: Record<MergeStatus, number> = { new: 0, unchanged: 0, changed: 0, conflicting: 0 }
  const items = incoming.map((entry, i): PlanItem => {
    const candidates = findCandidates(index, entry)
    let status: MergeStatus = 'new'
    let changes: FieldChange[] = []
    if (candidates.length) {
      const base = byId.get(candidates[0].conceptId) as ConceptEntry
      changes = diffEntries(base, mergeInto(base, entry, ids))
      status = candidates.length > 1 ? 'conflicting' : changes.length ? 'changed' : 'unchanged'
    }
    counts[status]++
    return { index: i, incoming: entry, status, candidates, changes, action: DEFAULT_ACTION[status] }
  })
  return { items, counts }
}

/**
 * Applies the choices (per item; missing ones use the item's default) in file order, so that two
 * imported concepts merged into one existing concept both land in it. Entries that end up exactly as
 * they are in the termbase are not written. Every written entry is checked with validateEntry.
 */
export function resolvePlan(
  existing: readonly ConceptEntry[], plan: MergePlan, choices: ReadonlyMap<number, MergeChoice> = new Map(), options: ResolveOptions = {},
): ResolvedImport {
  const now = options.now ?? nowIso()
  const ids = idSource(existing, options.newId)
  const original = new Map(existing.map((e) => [e.concept.id, e]))
  const working = new Map<string, ConceptEntry>()
  const order: string[] = []
  const counts = { added: 0, merged: 0, replaced: 0, skipped: 0, unchanged: 0 }
  const indexOf = new Map<string, number>()
  for (const item of plan.items) {
    const choice = choices.get(item.index) ?? { action: item.action }
    const target = choice.target ?? item.candidates[0]?.conceptId
    let action = choice.action
    if ((action === 'merge' || action === 'replace') && !target) action = 'new'
    if (action === 'skip') {
      counts.skipped++
      continue
    }
    let result: ConceptEntry
    if (action === 'new') {
      result = asNewEntry(item.incoming, ids)
      counts.added++
    } else {
      const base = working.get(target as string) ?? (original.get(target as string) as ConceptEntry)
      result = action === 'merge' ? mergeInto(base, item.incoming, ids) : replaceWith(base, item.incoming, ids)
      if (action === 'merge') counts.merged++
      else counts.replaced++
    }
    if (!working.has(result.concept.id)) order.push(result.concept.id)
    working.set(result.concept.id, result)
    indexOf.set(result.concept.id, item.index)
  }
  const writes: ConceptEntry[] = []
  const problems: ResolvedImport['problems'] = []
  for (const id of order) {
    const entry = working.get(id) as ConceptEntry
    const before = original.get(id)
    if (before && diffEntries(before, entry).length === 0) {
      counts.unchanged++
      continue
    }
    const found = validateEntry(entry)
    if (found.length) problems.push({ index: indexOf.get(id) as number, conceptId: id, problems: found })
    writes.push(before ? stampChanged(before, entry, now) : entry)
  }
  return { writes, problems, counts }
}

/** Sets `modified` on the concept and on the terms whose content changed. */
function stampChanged(before: ConceptEntry, after: ConceptEntry, now: string): ConceptEntry {
  const old = new Map(before.terms.map((t) => [t.id, t]))
  const content = (t: object) => JSON.stringify({ ...t, created: '', modified: '' })
  return {
    concept: { ...after.concept, modified: now },
    terms: after.terms.map((t) => {
      const o = old.get(t.id)
      return o && content(o) === content(t) ? t : { ...t, modified: o ? now : t.modified }
    }),
  }
}
