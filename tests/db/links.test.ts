// Links repository against fake-indexeddb: decisions are upserted per ordered passage pair, listed per
// report pair, survive reopening the database, and every action is one transaction.
import { describe, expect, it } from 'vitest'
import { freshDb } from './helpers'
import { createDb } from '../../src/db/schema'
import {
  clearLinkStatus, deleteLinksOfDocument, linkId, linksOfPassage, listLinks, saveLinkStatus, saveLinkStatuses, type LinkDecision,
} from '../../src/db/links'

const evidence = {
  concepts: [{ key: 'c:voenkomat', kind: 'concept', a: { surface: 'commissariat militaire', start: 4, end: 26 }, b: { surface: 'Voenkomat', start: 0, end: 9 }, weight: 2.1 }],
  numbers: [{ key: 'y:2023', kind: 'year', a: { surface: '2023', start: 30, end: 34 }, b: { surface: '2023', start: 20, end: 24 }, weight: 0.4 }],
  names: [], cognates: [], lexical: 0.62,
}

function decision(src: number, dst: number, status: LinkDecision['status'], docs: [string, string] = ['dA', 'dB']): LinkDecision {
  return { srcDoc: docs[0], dstDoc: docs[1], srcPassage: `${docs[0]}:${src}`, dstPassage: `${docs[1]}:${dst}`, score: 0.62, method: 'lexical', evidence, status }
}

describe('links repository', () => {
  it('confirms a link: one row with the id of the ordered passage pair, evidence kept', async () => {
    const db = freshDb()
    const row = await saveLinkStatus(db, decision(3, 17, 'confirmed'))
    expect(row.id).toBe('dA:3|dB:17')
    expect(row.id).toBe(linkId('dA:3', 'dB:17'))
    const stored = await db.links.get('dA:3|dB:17')
    expect(stored?.status).toBe('confirmed')
    expect(stored?.evidence).toEqual(evidence)
    expect(Date.parse(stored!.modified)).not.toBeNaN()
  })

  it('upserts: rejecting a confirmed link replaces its status, never adds a second row', async () => {
    const db = freshDb()
    await saveLinkStatus(db, decision(3, 17, 'confirmed'))
    await saveLinkStatus(db, { ...decision(3, 17, 'rejected'), score: 0.7 })
    expect(await db.links.count()).toBe(1)
    const r = await db.links.get('dA:3|dB:17')
    expect([r?.status, r?.score]).toEqual(['rejected', 0.7])
  })

  it('keeps a manual link manual when the linker suggests the same pair', async () => {
    const db = freshDb()
    await saveLinkStatus(db, { ...decision(1, 2, 'confirmed'), method: 'manual' })
    await saveLinkStatus(db, { ...decision(1, 2, 'rejected'), method: 'hybrid' })
    expect((await db.links.get('dA:1|dB:2'))?.method).toBe('manual')
  })

  it('lists the links of one ordered report pair, optionally by status', async () => {
    const db = freshDb()
    await saveLinkStatus(db, decision(1, 1, 'confirmed'))
    await saveLinkStatus(db, decision(2, 5, 'rejected'))
    await saveLinkStatus(db, decision(1, 1, 'confirmed', ['dB', 'dA']))
    await saveLinkStatus(db, decision(1, 1, 'confirmed', ['dA', 'dC']))
    expect((await listLinks(db, 'dA', 'dB')).map((r) => r.id).sort()).toEqual(['dA:1|dB:1', 'dA:2|dB:5'])
    expect((await listLinks(db, 'dA', 'dB', 'confirmed')).map((r) => r.id)).toEqual(['dA:1|dB:1'])
    expect((await listLinks(db, 'dB', 'dA')).map((r) => r.id)).toEqual(['dB:1|dA:1'])
    expect(await listLinks(db, 'dX', 'dB')).toEqual([])
  })

  it('clears a decision, and lists the links of a passage in both directions', async () => {
    const db = freshDb()
    await saveLinkStatus(db, decision(1, 4, 'confirmed'))
    await saveLinkStatus(db, decision(4, 1, 'confirmed', ['dB', 'dA']))
    expect((await linksOfPassage(db, 'dA:1')).map((r) => r.id).sort()).toEqual(['dA:1|dB:4', 'dB:4|dA:1'])
    await clearLinkStatus(db, 'dA:1', 'dB:4')
    expect((await linksOfPassage(db, 'dA:1')).map((r) => r.id)).toEqual(['dB:4|dA:1'])
  })

  it('saves a batch all or nothing', async () => {
    const db = freshDb()
    expect(await saveLinkStatuses(db, [decision(1, 1, 'confirmed'), decision(2, 2, 'confirmed')])).toBe(2)
    const bad = { ...decision(3, 3, 'confirmed'), evidence: { self: null as unknown } }
    ;(bad.evidence as { self: unknown }).self = bad.evidence // circular: cannot be stored
    await expect(saveLinkStatuses(db, [decision(4, 4, 'confirmed'), bad])).rejects.toThrow()
    expect((await db.links.toArray()).map((r) => r.id).sort()).toEqual(['dA:1|dB:1', 'dA:2|dB:2'])
  })

  it('deletes every link touching a report', async () => {
    const db = freshDb()
    await saveLinkStatus(db, decision(1, 1, 'confirmed'))
    await saveLinkStatus(db, decision(1, 1, 'confirmed', ['dC', 'dA']))
    await saveLinkStatus(db, decision(1, 1, 'confirmed', ['dB', 'dC']))
    expect(await deleteLinksOfDocument(db, 'dA')).toBe(2)
    expect((await db.links.toArray()).map((r) => r.id)).toEqual(['dB:1|dC:1'])
  })

  it('stores a plain copy of reactive-looking evidence, and the status survives reopening the database', async () => {
    const db = freshDb()
    const proxied = new Proxy(evidence, {})
    await saveLinkStatus(db, { ...decision(9, 9, 'confirmed'), evidence: proxied })
    db.close()
    const again = createDb(db.name)
    expect((await listLinks(again, 'dA', 'dB')).map((r) => [r.id, r.status])).toEqual([['dA:9|dB:9', 'confirmed']])
    again.close()
  })
})
