// What each role may write into the team termbase document. Given the writes an update would make
// (see inspect.ts), returns the first one the member may not make, with the reason, or null.
import type * as Y from 'yjs'
import { checkFieldValue, checkProposal, checkReview, roleAtLeast, TEAM_ROOTS, type TeamRole } from '../src/core/team/layout'
import { valueAt, type Write } from './inspect'

/** Who sends the update: the member id and the role the server knows for them. */
export interface Actor {
  member: string
  role: TeamRole
}

/** Returns why `actor` may not make `writes` on `doc`, or null when every write is allowed. */
export function refusalReason(actor: Actor, writes: Write[], doc: Y.Doc, gcStructs: number): string | null {
  if (writes.length === 0 && gcStructs === 0) return null
  if (actor.role === 'viewer') return `a viewer cannot change the termbase (${describe(writes[0])})`
  if (gcStructs > 0 && !roleAtLeast(actor.role, 'reviewer')) return 'only a reviewer may send removed content'
  const proposalsHere = new Set<string>()
  for (const w of writes) if (w.path.length === 1 && w.path[0] === TEAM_ROOTS.proposals && w.kind === 'set') proposalsHere.add(w.key)
  for (const w of writes) {
    const why = refuseOne(actor, w, doc, proposalsHere)
    if (why) return `${why} (${describe(w)})`
  }
  return null
}

function refuseOne(actor: Actor, w: Write, doc: Y.Doc, proposalsHere: Set<string>): string | null {
  const [root, ...rest] = w.path
  const reviewer = roleAtLeast(actor.role, 'reviewer')
  if (root === TEAM_ROOTS.proposals && rest.length === 0) {
    if (w.kind !== 'set' || w.isMap) return 'proposals are written once and never removed or nested'
    if (w.before !== undefined) return 'a proposal cannot be overwritten'
    return checkProposal(w.key, w.value, actor.member)
  }
  if (root === TEAM_ROOTS.reviews && rest.length === 0) {
    if (!reviewer) return `a ${actor.role} cannot approve or reject proposals`
    if (w.kind !== 'set' || w.isMap) return 'a review is a plain value and is never removed'
    if (valueAt(doc, [TEAM_ROOTS.proposals], w.key) === undefined && !proposalsHere.has(w.key)) return 'review of an unknown proposal'
    return checkReview(w.value, actor.member)
  }
  if (root === TEAM_ROOTS.concepts && rest.length === 0) {
    if (!reviewer) return `a ${actor.role} cannot change approved concepts; send a proposal`
    if (w.kind === 'set' && !w.isMap) return 'a concept must be a map of fields'
    return null
  }
  if (root === TEAM_ROOTS.concepts && rest.length === 1) {
    if (!reviewer) return `a ${actor.role} cannot change approved concepts; send a proposal`
    if (w.kind === 'set') return w.isMap ? 'a concept field cannot be a nested map' : checkFieldValue(w.key, w.value)
    return null
  }
  return 'write outside the termbase layout'
}

function describe(w: Write | undefined): string {
  if (!w) return 'removed content'
  return `${w.kind} ${[...w.path, w.key].join('/')}`
}
