// Stored alignments against fake-indexeddb: a pair's corrected beads survive reopening the database, each pair
// has its own row in the meta table, and a row this version cannot read is ignored rather than trusted.
import { describe, expect, it } from 'vitest'
import { freshDb } from './helpers'
import { createDb } from '../../src/db/schema'
import { alignmentKey, deleteAlignment, loadAlignment, saveAlignment } from '../../src/db/alignments'

const pair = { a: 'd1', b: 'd1', langA: 'fi', langB: 'en' }
const rec = {
  srcCount: 3, tgtCount: 2, fingerprint: 'abc', segments: 1,
  beads: [{ src: [0, 1], tgt: [0], segment: 0, confirmed: true }, { src: [2], tgt: [1], segment: 0, cost: 0.4, anchor: 0.5 }],
}

describe('alignments repository', () => {
  it('keeps a pair\'s beads across reopening the database', async () => {
    const db = freshDb()
    await saveAlignment(db, pair, rec)
    db.close()
    const again = createDb(db.name)
    const got = await loadAlignment(again, pair)
    expect(got).toMatchObject({ format: 1, ...rec })
    expect(Date.parse(got!.saved)).not.toBeNaN()
    expect(await loadAlignment(again, { ...pair, langB: 'sv' })).toBeUndefined()
  })
  it('replaces on save and forgets on delete', async () => {
    const db = freshDb()
    await saveAlignment(db, pair, rec)
    await saveAlignment(db, pair, { ...rec, beads: rec.beads.slice(1) })
    expect((await loadAlignment(db, pair))!.beads).toHaveLength(1)
    await deleteAlignment(db, pair)
    expect(await loadAlignment(db, pair)).toBeUndefined()
  })
  it('ignores a row it cannot read', async () => {
    const db = freshDb()
    await db.meta.put({ key: alignmentKey(pair), value: { format: 2, beads: 'x' } })
    expect(await loadAlignment(db, pair)).toBeUndefined()
  })
})
