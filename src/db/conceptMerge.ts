// The merge-concepts tool's write: one concept absorbs another in one transaction (terms, sources,
// notes, the other concepts' related ids and the passage links' evidence follow), as one history
// step that Ctrl+Z undoes. QA ignores need nothing: a finding's id names the text, not the concept.
import type { ConceptEntry } from '../core/model'
import { nowIso } from '../core/model'
import { absorbConcept, type ConceptMerge } from '../core/merge'
import { validateEntry } from '../core/validateEntry'
import { glossaryTables, readEntry, recordStep, writeState, type VersionChange } from './history'
import { putEntries, readAllEntries } from './glossaryFeed'
import type { LinkRow, WorkbenchDb } from './schema'
import { EntryValidationError } from './termbase'

/** Rewrites a link's evidence from one concept to another; null when it does not mention the first. */
function relinkEvidence(link: LinkRow, from: string, to: string): LinkRow | null {
  const ev = link.evidence as { concepts?: { key: string }[] } | null
  if (!ev || !Array.isArray(ev.concepts) || !ev.concepts.some((c) => c.key === `c:${from}`)) return null
  const concepts = ev.concepts.map((c) => (c.key === `c:${from}` ? { ...c, key: `c:${to}` } : c))
  return { ...link, evidence: { ...ev, concepts } }
}

/**
 * Merges concept `sourceId` into `targetId`. Throws when either is missing or the result breaks a
 * termbase rule; writes nothing then. Returns the merge (with the terms that became admitted).
 */
export async function mergeConcepts(db: WorkbenchDb, targetId: string, sourceId: string): Promise<ConceptMerge> {
  if (targetId === sourceId) throw new Error('a concept cannot be merged into itself')
  return db.transaction('rw', [...glossaryTables(db), db.links], async () => {
    const target = await readEntry(db, targetId)
    const source = await readEntry(db, sourceId)
    if (!target || !source) throw new Error(`concept ${target ? sourceId : targetId} no longer exists`)
    const result = absorbConcept(target, source)
    result.merged.concept.modified = nowIso()
    const problems = validateEntry(result.merged)
    if (problems.length) throw new EntryValidationError(problems, targetId)
    const steps: VersionChange[] = [{ before: target, after: result.merged }]
    await writeState(db, sourceId, null)
    await writeState(db, targetId, result.merged)
    const referring = (await readAllEntries(db)).filter((r) => r.concept.related.includes(sourceId))
    const rewritten: ConceptEntry[] = []
    for (const { concept: c, terms } of referring) {
      if (c.id === targetId) continue
      const related = [...new Set(c.related.map((r) => (r === sourceId ? targetId : r)))].filter((r) => r !== c.id)
      const after = { concept: { ...c, related }, terms }
      rewritten.push(after)
      steps.push({ before: { concept: c, terms }, after })
    }
    await putEntries(db, rewritten)
    const linksBefore: LinkRow[] = []
    const relinked: LinkRow[] = []
    await db.links.each((l) => {
      const moved = relinkEvidence(l, sourceId, targetId)
      if (moved) {
        linksBefore.push(l)
        relinked.push(moved)
      }
    })
    if (relinked.length) await db.links.bulkPut(relinked)
    // The absorbed concept's row carries the links as they were, so that undo puts them back.
    steps.push({ before: source, after: null, extra: linksBefore.length ? { linksBefore } : {} })
    await recordStep(db, 'merge', steps)
    return result
  })
}
