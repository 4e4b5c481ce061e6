// Reads an incoming Yjs update WITHOUT applying it: which map keys it sets or deletes, where in the
// document they are, and their values before and after. The server decides on this list whether the
// sender's role may make the change, before Hocuspocus applies, broadcasts or stores anything.
import * as Y from 'yjs'

/** One key an update sets or deletes. `path` is the map holding the key, from its root name down. */
export interface Write {
  path: string[]
  key: string
  kind: 'set' | 'delete'
  /** The value written (for a set of plain JSON); undefined for a new nested map. */
  value?: unknown
  /** True when the set puts a new nested Y.Map at the key. */
  isMap?: boolean
  /** The value the key held in the document before this update. */
  before: unknown
}

/** An update the server will not take, with the reason given to the log and the client. */
export class Refusal extends Error {
  /** Close code for the connection: 4403 forbidden, 4400 malformed, 4413 too large. */
  constructor(public readonly reason: string, public readonly code = 4403) {
    super(reason)
  }
}

type AnyStruct = Y.Item | Y.GC | Y.Skip
interface Loc { path: string[]; key: string | null }
const MAX_DEPTH = 6

/** Lists what `update` would write into `doc`; throws {@link Refusal} when it cannot be read safely. */
export function inspectUpdate(doc: Y.Doc, update: Uint8Array): { writes: Write[]; gcStructs: number } {
  let decoded: { structs: AnyStruct[]; ds: { clients: Map<number, Array<{ clock: number; len: number }>> } }
  try {
    decoded = Y.decodeUpdate(update) as unknown as typeof decoded
  } catch (e) {
    throw new Refusal(`malformed update: ${(e as Error).message}`, 4400)
  }
  const own = new Map<number, Y.Item[]>()
  let gcStructs = 0
  for (const s of decoded.structs) {
    if (s instanceof Y.Item) {
      const list = own.get(s.id.client) ?? []
      list.push(s)
      own.set(s.id.client, list)
    } else if (s instanceof Y.GC) gcStructs++
  }
  const known = (client: number) => Y.getState(doc.store, client)
  const find = (id: Y.ID): { item: Y.Item; live: boolean } | null => {
    for (const it of own.get(id.client) ?? []) if (id.clock >= it.id.clock && id.clock < it.id.clock + it.length) return { item: it, live: false }
    if (id.clock < known(id.client)) {
      const s = Y.getItem(doc.store, id) as AnyStruct
      if (s instanceof Y.Item) return { item: s, live: true }
    }
    return null
  }
  const locate = (f: { item: Y.Item; live: boolean }, depth: number): Loc => {
    if (depth > MAX_DEPTH) throw new Refusal('update nests deeper than the termbase layout')
    const it = f.item
    if (f.live) return { path: typePath(it.parent as Y.AbstractType<unknown>, depth), key: it.parentSub }
    if (it.parent === null) {
      const originId = it.origin ?? it.rightOrigin
      const o = originId ? find(originId) : null
      if (!o) throw new Refusal('update depends on content the server does not have')
      return locate(o, depth + 1)
    }
    if (typeof it.parent === 'string') return { path: [it.parent], key: it.parentSub }
    const p = find(it.parent as Y.ID)
    if (!p) throw new Refusal('update depends on content the server does not have')
    const pl = locate(p, depth + 1)
    return { path: [...pl.path, pl.key ?? '#'], key: it.parentSub }
  }
  const typePath = (t: Y.AbstractType<unknown>, depth: number): string[] => {
    if (depth > MAX_DEPTH) throw new Refusal('update nests deeper than the termbase layout')
    if (t._item === null) return [Y.findRootTypeKey(t)]
    return [...typePath(t._item.parent as Y.AbstractType<unknown>, depth + 1), t._item.parentSub ?? '#']
  }

  const writes: Write[] = []
  const push = (loc: Loc, kind: Write['kind'], extra: Partial<Write> = {}) => {
    if (loc.key === null) throw new Refusal(`update writes a list at ${loc.path.join('/')}, outside the termbase layout`)
    writes.push({ path: loc.path, key: loc.key, kind, before: valueAt(doc, loc.path, loc.key), ...extra })
  }
  for (const [client, items] of own) {
    for (const it of items) {
      if (it.id.clock + it.length <= known(client)) continue // already in the document
      const loc = locate({ item: it, live: false }, 0)
      const c = it.content
      if (c instanceof Y.ContentAny) {
        if (c.arr.length !== 1) throw new Refusal(`update writes a list at ${loc.path.join('/')}, outside the termbase layout`)
        push(loc, 'set', { value: c.arr[0] })
      } else if (c instanceof Y.ContentType) {
        if (!(c.type instanceof Y.Map)) throw new Refusal(`update creates a ${c.type.constructor.name} at ${loc.path.join('/')}, outside the termbase layout`)
        push(loc, 'set', { isMap: true })
      } else if (c instanceof Y.ContentDeleted) push(loc, 'delete')
      else throw new Refusal(`update carries ${c.constructor.name} content, outside the termbase layout`)
    }
  }
  for (const [client, ranges] of decoded.ds.clients) {
    for (const r of ranges) {
      const end = r.clock + r.len
      let clock = r.clock
      while (clock < end) {
        const f = find(Y.createID(client, clock))
        if (!f) {
          if (clock >= known(client)) throw new Refusal('update deletes content the server does not have')
          clock++ // a garbage-collected range: nothing left to delete
          continue
        }
        if (!(f.live && f.item.deleted)) push(locate(f, 0), 'delete', f.item.content instanceof Y.ContentType ? { isMap: true } : {})
        clock = f.item.id.clock + f.item.length
      }
    }
  }
  return { writes: withoutImplied(writes), gcStructs }
}

/**
 * Drops the deletes a change implies: the old value of a key the update sets again (Yjs deletes the
 * overwritten item), and the fields inside a map the update deletes (they go with it).
 */
function withoutImplied(writes: Write[]): Write[] {
  const at = (path: string[], key: string) => JSON.stringify([...path, key])
  const setKeys = new Set(writes.filter((w) => w.kind === 'set').map((w) => at(w.path, w.key)))
  const goneMaps = writes.filter((w) => w.kind === 'delete' && w.isMap).map((w) => [...w.path, w.key])
  const inside = (path: string[]) => goneMaps.some((m) => m.length <= path.length && m.every((k, i) => path[i] === k))
  return writes.filter((w) => w.kind === 'set' || (!setKeys.has(at(w.path, w.key)) && !inside(w.path)))
}

/** The plain value at `path`/`key` in `doc` (nested maps as JSON), or undefined. Never creates a root. */
export function valueAt(doc: Y.Doc, path: string[], key: string): unknown {
  let t = doc.share.get(path[0]) as Y.AbstractType<unknown> | undefined
  for (const k of path.slice(1)) {
    const v = t ? mapGet(t, k) : undefined
    t = v instanceof Y.AbstractType ? v : undefined
  }
  if (!t) return undefined
  const v = mapGet(t, key)
  return v instanceof Y.AbstractType ? v.toJSON() : v
}

/** The current value of a key of any map-like type, including a root not yet typed as Y.Map. */
function mapGet(t: Y.AbstractType<unknown>, key: string): unknown {
  const item = t._map.get(key)
  if (!item || item.deleted) return undefined
  const content = item.content.getContent()
  return content[content.length - 1]
}
