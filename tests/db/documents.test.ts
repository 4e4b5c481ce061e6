// Reports repository: one transaction per document, duplicates by hash, delete with undo (links too).
import { describe, expect, it } from 'vitest'
import { freshDb } from './helpers'
import { deleteDocument, DuplicateDocumentError, getPassages, importDocument, restoreDocument, setLanguage } from '../../src/db/documents'
import type { SegmentedPassage } from '../../src/core/model'

const passage = (index: number, text: string): SegmentedPassage => ({ index, kind: 'paragraph', section: '', sectionPath: [], lang: 'en', text, start: index * 20, end: index * 20 + text.length, sentences: [] })
const doc = (id: string, hash: string) => ({ id, title: id, lang: 'en' as const, fileName: `${id}.txt`, hash, text: 'The Voenkomat. The summons.' })

describe('documents repository', () => {
  it('stores a document with its passages and refuses the same content twice', async () => {
    const db = freshDb()
    await importDocument(db, doc('d1', 'h1'), [passage(0, 'The Voenkomat.'), passage(1, 'The summons.')])
    expect((await getPassages(db, 'd1')).map((p) => p.text)).toEqual(['The Voenkomat.', 'The summons.'])
    await expect(importDocument(db, doc('d2', 'h1'), [passage(0, 'x')])).rejects.toBeInstanceOf(DuplicateDocumentError)
    expect(await db.documents.count()).toBe(1)
    await importDocument(db, doc('d2', 'h1'), [passage(0, 'replaced')], true)
    expect((await getPassages(db, 'd1')).map((p) => p.text)).toEqual(['replaced'])
  })

  it('overrides the language of one passage or of the whole document', async () => {
    const db = freshDb()
    await importDocument(db, doc('d1', 'h1'), [passage(0, 'a'), passage(1, 'b')])
    await setLanguage(db, 'd1', 'fi', 'd1:1')
    expect((await getPassages(db, 'd1')).map((p) => p.lang)).toEqual(['en', 'fi'])
    await setLanguage(db, 'd1', 'nb')
    expect((await db.documents.get('d1'))?.lang).toBe('nb')
    expect((await getPassages(db, 'd1')).map((p) => p.lang)).toEqual(['nb', 'fi'])
  })

  it('deletes a document with its passages and links, and undoes it all', async () => {
    const db = freshDb()
    await importDocument(db, doc('d1', 'h1'), [passage(0, 'a')])
    await importDocument(db, doc('d2', 'h2'), [passage(0, 'b')])
    await db.links.put({ id: 'd1:0|d2:0', srcDoc: 'd1', dstDoc: 'd2', srcPassage: 'd1:0', dstPassage: 'd2:0', score: 0.9, method: 'lexical', evidence: {}, status: 'confirmed', modified: '' })
    const removed = await deleteDocument(db, 'd2')
    expect(await db.documents.count()).toBe(1)
    expect(await db.passages.where('docId').equals('d2').count()).toBe(0)
    expect(await db.links.count()).toBe(0)
    await restoreDocument(db, removed!)
    expect((await db.links.get('d1:0|d2:0'))?.status).toBe('confirmed')
    expect(await db.passages.where('docId').equals('d2').count()).toBe(1)
  })
})
