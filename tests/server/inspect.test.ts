// Reading updates without applying them (server/inspect.ts) and the role rules on what they write,
// without a network: the list of writes, overwrites through origins, deletes, and refusals.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ConceptEntry } from '../../src/core/model'
import { diffEntries, entryFromFields, putEntries, readEntry, roots, setField } from '../../src/team/doc'
import { checkFieldValue, checkProposal, termKey } from '../../src/core/team/layout'
import { inspectUpdate, Refusal } from '../../server/inspect'
import { refusalReason } from '../../server/rules'

const T0 = '2026-01-01T00:00:00.000Z'
const entry: ConceptEntry = {
  concept: { id: 'c1', subjectField: 'military', definitions: { en: 'office' }, related: ['c2'], created: T0, modified: T0 },
  terms: [{ id: 't1', conceptId: 'c1', lang: 'ru', text: 'военкомат', status: 'preferred', type: 'fullForm', partOfSpeech: 'noun', note: 'n', sources: [{ doc: 'a', quote: 'q' }], created: T0, modified: T0 }],
}

/** The update a change on a copy of `server` produces, and the server doc it applies to. */
function updateOf(server: Y.Doc, change: (d: Y.Doc) => void): Uint8Array {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const before = Y.encodeStateVector(client)
  change(client)
  return Y.encodeStateAsUpdate(client, before)
}

function seeded(): Y.Doc {
  const d = new Y.Doc()
  putEntries(d, [entry])
  return d
}

describe('team document layout', () => {
  it('round-trips an entry through the document', () => {
    expect(readEntry(seeded(), 'c1')).toEqual(entry)
    expect(entryFromFields('x', { 't:a:lang': 'en' })).toBeNull() // a term without text is not a term
  })

  it('lists field-level differences, ignoring modification times', () => {
    const after = { ...entry, terms: [{ ...entry.terms[0], status: 'deprecated' as const, modified: '2027-01-01T00:00:00.000Z' }] }
    expect(diffEntries(entry, after)).toEqual([{ field: termKey('t1', 'status'), before: 'preferred', after: 'deprecated' }])
  })

  it('checks field values and proposals', () => {
    expect(checkFieldValue(termKey('t1', 'lang'), 'xx')).toMatch(/unsupported language/)
    expect(checkFieldValue('colour', 'red')).toMatch(/unknown concept field/)
    expect(checkFieldValue('definitions', { en: 'x' })).toBeNull()
    expect(checkProposal('p', { id: 'p', conceptId: 'c1', author: 'm', created: T0, comment: '', changes: [], evidence: [] }, 'm')).toMatch(/1 to 200 changes/)
  })
})

describe('inspectUpdate and the role rules', () => {
  it('finds an overwrite of an existing key through its origin, with the value before', () => {
    const server = seeded()
    const u = updateOf(server, (d) => setField(roots(d).concepts.get('c1')!, termKey('t1', 'status'), 'forbidden'))
    const { writes } = inspectUpdate(server, u)
    expect(writes).toEqual([{ path: ['concepts', 'c1'], key: termKey('t1', 'status'), kind: 'set', value: 'forbidden', before: 'preferred' }])
    expect(refusalReason({ member: 'm', role: 'contributor' }, writes, server, 0)).toMatch(/contributor cannot change approved concepts/)
    expect(refusalReason({ member: 'm', role: 'reviewer' }, writes, server, 0)).toBeNull()
    expect(readEntry(server, 'c1')!.terms[0].status).toBe('preferred') // nothing was applied
  })

  it('sees deletes, and ignores deletes the document already has', () => {
    const server = seeded()
    const u = updateOf(server, (d) => roots(d).concepts.get('c1')!.delete('note'))
    expect(inspectUpdate(server, u).writes).toEqual([])
    const v = updateOf(server, (d) => roots(d).concepts.delete('c1'))
    expect(inspectUpdate(server, v).writes).toMatchObject([{ path: ['concepts'], key: 'c1', kind: 'delete' }])
    Y.applyUpdate(server, v)
    expect(inspectUpdate(server, v).writes).toEqual([])
  })

  it('refuses content outside the layout and unreadable bytes', () => {
    const server = seeded()
    const text = updateOf(server, (d) => d.getText('notes').insert(0, 'hi'))
    expect(() => inspectUpdate(server, text)).toThrow(Refusal)
    const nested = updateOf(server, (d) => roots(d).concepts.get('c1')!.set('sub', new Y.Map()))
    expect(refusalReason({ member: 'm', role: 'admin' }, inspectUpdate(server, nested).writes, server, 0)).toMatch(/nested map/)
    expect(() => inspectUpdate(server, new Uint8Array([1, 2, 3, 255]))).toThrow(/malformed update/)
  })
})
