// Links repository: the user's decisions on suggested passage links (confirm, reject, undo) are stored one
// row per ordered passage pair, each action in one transaction, and listed per report pair.
import Dexie from 'dexie'
import type { LinkRow, WorkbenchDb } from './schema'

/** A link's status as the user set it. */
export type LinkStatus = LinkRow['status']

/** What a caller gives to record a decision on a link; `id` and `modified` are derived. */
export type LinkDecision = Omit<LinkRow, 'id' | 'modified'>

/** The stable id of the link from passage `srcPassage` to passage `dstPassage` (both passage ids). */
export function linkId(srcPassage: string, dstPassage: string): string {
  return `${srcPassage}|${dstPassage}`
}

/** A JSON-safe deep copy (evidence may come from reactive state; IndexedDB cannot clone proxies). */
function plain<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T)
}

/**
 * Records the status of a link (insert or update): score, method and evidence are taken from `decision`,
 * the status replaces the stored one. Returns the stored row.
 */
export async function saveLinkStatus(db: WorkbenchDb, decision: LinkDecision): Promise<LinkRow> {
  const row: LinkRow = {
    id: linkId(decision.srcPassage, decision.dstPassage),
    srcDoc: decision.srcDoc,
    dstDoc: decision.dstDoc,
    srcPassage: decision.srcPassage,
    dstPassage: decision.dstPassage,
    score: decision.score,
    method: decision.method,
    evidence: plain(decision.evidence),
    status: decision.status,
    modified: new Date().toISOString(),
  }
  return db.transaction('rw', db.links, async () => {
    const old = await db.links.get(row.id)
    // A manual link keeps its method when the linker later suggests the same pair.
    if (old?.method === 'manual') row.method = 'manual'
    await db.links.put(row)
    return row
  })
}

/** Records several decisions at once (e.g. "confirm all shown"), all or nothing. */
export async function saveLinkStatuses(db: WorkbenchDb, decisions: readonly LinkDecision[]): Promise<number> {
  return db.transaction('rw', db.links, async () => {
    for (const d of decisions) await saveLinkStatus(db, d)
    return decisions.length
  })
}

/** Forgets the decision on a link (it becomes a plain suggestion again). */
export async function clearLinkStatus(db: WorkbenchDb, srcPassage: string, dstPassage: string): Promise<void> {
  await db.transaction('rw', db.links, () => db.links.delete(linkId(srcPassage, dstPassage)))
}

/** Every stored link from report `srcDoc` to report `dstDoc`, optionally only those with `status`. */
export async function listLinks(db: WorkbenchDb, srcDoc: string, dstDoc: string, status?: LinkStatus): Promise<LinkRow[]> {
  const rows = await db.links.where('[srcDoc+dstDoc]').equals([srcDoc, dstDoc]).toArray()
  return status ? rows.filter((r) => r.status === status) : rows
}

/** Every stored link that starts or ends at a passage (for the reader). */
export async function linksOfPassage(db: WorkbenchDb, passageId: string): Promise<LinkRow[]> {
  return db.transaction('r', db.links, async () => {
    const [out, inc] = await Promise.all([db.links.where('srcPassage').equals(passageId).toArray(), db.links.where('dstPassage').equals(passageId).toArray()])
    return [...out, ...inc]
  })
}

/** Removes every link touching a report (when it is deleted); returns how many rows went. */
export async function deleteLinksOfDocument(db: WorkbenchDb, docId: string): Promise<number> {
  return db.transaction('rw', db.links, async () => {
    const a = await db.links.where('[srcDoc+dstDoc]').between([docId, ''], [docId, Dexie.maxKey]).delete()
    const b = await db.links.filter((r) => r.dstDoc === docId).delete()
    return a + b
  })
}
