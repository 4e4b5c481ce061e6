// Reports repository: a document with its passages is written in one transaction; re-imports are
// recognised by content hash; passage languages can be overridden by the user.
import type { Lang, SegmentedPassage } from '../core/model'
import type { DocumentRow, LinkRow, PassageRow, WorkbenchDb } from './schema'

/** Thrown when a document with the same content hash is already stored. */
export class DuplicateDocumentError extends Error {
  constructor(readonly existing: DocumentRow) {
    super(`"${existing.fileName}" is already imported (as "${existing.title}")`)
    this.name = 'DuplicateDocumentError'
  }
}

/** The document fields an import supplies. */
export type NewDocument = Omit<DocumentRow, 'created'>

/** Passage rows for a document, from segmented passages. */
export function toPassageRows(docId: string, passages: SegmentedPassage[]): PassageRow[] {
  return passages.map((p) => ({
    id: `${docId}:${p.index}`, docId, index: p.index, kind: p.kind, section: p.section, sectionPath: p.sectionPath,
    lang: p.lang, detectedLang: p.lang, text: p.text, start: p.start, end: p.end, sentences: p.sentences, footnotes: p.footnotes ?? [],
  }))
}

/**
 * Stores a document and its passages in one transaction. A document whose hash is already stored
 * is refused with DuplicateDocumentError unless `replace` is set, in which case the old one (and its
 * passages) is replaced under the same id.
 */
export async function importDocument(db: WorkbenchDb, doc: NewDocument, passages: SegmentedPassage[], replace = false): Promise<DocumentRow> {
  return db.transaction('rw', db.documents, db.passages, async () => {
    const existing = await db.documents.where('hash').equals(doc.hash).first()
    if (existing && !replace) throw new DuplicateDocumentError(existing)
    const row: DocumentRow = { ...doc, id: existing?.id ?? doc.id, created: new Date().toISOString() }
    if (existing) await db.passages.where('docId').equals(existing.id).delete()
    await db.documents.put(row)
    await db.passages.bulkPut(toPassageRows(row.id, passages))
    return row
  })
}

/** The stored document with this content hash, if any. */
export function findByHash(db: WorkbenchDb, hash: string): Promise<DocumentRow | undefined> {
  return db.documents.where('hash').equals(hash).first()
}

/** All documents without their text (for lists), newest first. */
export async function listDocuments(db: WorkbenchDb): Promise<Omit<DocumentRow, 'text'>[]> {
  const rows = await db.documents.orderBy('created').reverse().toArray()
  return rows.map(({ text: _t, ...rest }) => rest)
}

/** A document's passages in reading order. */
export function getPassages(db: WorkbenchDb, docId: string): Promise<PassageRow[]> {
  return db.passages.where('[docId+index]').between([docId, -Infinity], [docId, Infinity]).toArray()
}

/** Overrides the language of a passage (or of the whole document when `passageId` is undefined). */
export async function setLanguage(db: WorkbenchDb, docId: string, lang: Lang, passageId?: string): Promise<void> {
  await db.transaction('rw', db.documents, db.passages, async () => {
    if (passageId) await db.passages.update(passageId, { lang })
    else {
      const old = await db.documents.get(docId)
      await db.documents.update(docId, { lang })
      // Passages that followed the document language follow the override.
      await db.passages.where('docId').equals(docId).modify((p) => {
        if (p.lang === old?.lang) p.lang = lang
      })
    }
  })
}

/** What deleting a document removed: enough to undo it. */
export interface RemovedDocument {
  doc: DocumentRow
  passages: PassageRow[]
  /** Links from or to the document's passages. */
  links: LinkRow[]
}

/** Removes a document with its passages and links, in one transaction; returns them so that the caller can undo. */
export async function deleteDocument(db: WorkbenchDb, docId: string): Promise<RemovedDocument | undefined> {
  return db.transaction('rw', db.documents, db.passages, db.links, async () => {
    const doc = await db.documents.get(docId)
    if (!doc) return undefined
    const passages = await getPassages(db, docId)
    const links = await db.links.filter((l) => l.srcDoc === docId || l.dstDoc === docId).toArray()
    await db.links.bulkDelete(links.map((l) => l.id))
    await db.passages.where('docId').equals(docId).delete()
    await db.documents.delete(docId)
    return { doc, passages, links }
  })
}

/** Puts back a deleted document with its passages and links (undo). */
export async function restoreDocument(db: WorkbenchDb, removed: RemovedDocument): Promise<void> {
  await db.transaction('rw', db.documents, db.passages, db.links, async () => {
    await db.documents.put(removed.doc)
    await db.passages.bulkPut(removed.passages)
    await db.links.bulkPut(removed.links)
  })
}
