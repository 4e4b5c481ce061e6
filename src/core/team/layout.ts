// The layout of the team termbase as a Yjs document, shared by the server (which enforces it) and
// the browser (which reads and writes it). Pure data rules: no Yjs import here, only keys and checks.
import { isLang, PARTS_OF_SPEECH, TERM_STATUSES, TERM_TYPES } from '../model'

/**
 * Root maps of the document:
 * - `concepts`: conceptId → Y.Map of fields (the approved termbase); concept fields by name, term
 *   fields as `t:<termId>:<field>` so that every field merges on its own;
 * - `proposals`: proposalId → a {@link Proposal} (plain JSON, written once by its author);
 * - `reviews`: proposalId → a {@link Review} (written by a reviewer).
 */
export const TEAM_ROOTS = { concepts: 'concepts', proposals: 'proposals', reviews: 'reviews' } as const

/** Roles in rising order of rights. */
export const TEAM_ROLES = ['viewer', 'contributor', 'reviewer', 'admin'] as const
export type TeamRole = (typeof TEAM_ROLES)[number]

/** True when `role` has at least the rights of `least`. */
export function roleAtLeast(role: TeamRole, least: TeamRole): boolean {
  return TEAM_ROLES.indexOf(role) >= TEAM_ROLES.indexOf(least)
}

/** True when `x` names a role. */
export function isTeamRole(x: unknown): x is TeamRole {
  return typeof x === 'string' && (TEAM_ROLES as readonly string[]).includes(x)
}

/** Concept-level fields of a concept map. */
export const CONCEPT_FIELDS = ['subjectField', 'note', 'definitions', 'related', 'created', 'modified'] as const
/** Term-level fields, stored under `t:<termId>:<field>`. */
export const TERM_FIELDS = ['lang', 'text', 'status', 'type', 'partOfSpeech', 'note', 'sources', 'created', 'modified'] as const
export type TermField = (typeof TERM_FIELDS)[number]

/** The key of one term field inside a concept map. */
export function termKey(termId: string, field: TermField): string {
  return `t:${termId}:${field}`
}

/** Splits a term key into term id and field, or null for a concept-level key. */
export function parseTermKey(key: string): { termId: string; field: TermField } | null {
  const m = /^t:([^:]{1,80}):([A-Za-z]+)$/.exec(key)
  if (!m || !(TERM_FIELDS as readonly string[]).includes(m[2])) return null
  return { termId: m[1], field: m[2] as TermField }
}

/** The evidence attached to a proposal: a source document and an attested quote. */
export interface Evidence {
  doc: string
  quote?: string
}

/** One field-level change of a proposal; `after: null` removes the field. */
export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

/** A contributor's proposal: immutable once written. */
export interface Proposal {
  id: string
  conceptId: string
  author: string
  authorName?: string
  created: string
  comment: string
  changes: FieldChange[]
  evidence: Evidence[]
}

/** A reviewer's decision on a proposal. */
export interface Review {
  status: 'approved' | 'rejected'
  reviewer: string
  reviewerName?: string
  at: string
  comment: string
}

/** The status a proposal shows: proposed until a review exists. */
export type ProposalStatus = 'proposed' | Review['status']

const MAX_TEXT = 4000
const isStr = (x: unknown, max = MAX_TEXT): x is string => typeof x === 'string' && x.length <= max
const isIso = (x: unknown): x is string => isStr(x, 40) && !Number.isNaN(Date.parse(x))
const isSources = (x: unknown): boolean =>
  Array.isArray(x) && x.length <= 50 && x.every((s) => s && typeof s === 'object' && isStr(s.doc, 500) && (s.quote === undefined || isStr(s.quote)))

/** Checks the value of one concept-map key; returns what is wrong, or null when it is valid. */
export function checkFieldValue(key: string, value: unknown): string | null {
  const term = parseTermKey(key)
  if (term) {
    const v = value
    switch (term.field) {
      case 'lang': return typeof v === 'string' && isLang(v) ? null : `unsupported language ${JSON.stringify(v)}`
      case 'text': return isStr(v, 500) && v.trim() !== '' ? null : 'term text must be a non-empty string of at most 500 characters'
      case 'status': return (TERM_STATUSES as readonly unknown[]).includes(v) ? null : `unknown term status ${JSON.stringify(v)}`
      case 'type': return (TERM_TYPES as readonly unknown[]).includes(v) ? null : `unknown term type ${JSON.stringify(v)}`
      case 'partOfSpeech': return (PARTS_OF_SPEECH as readonly unknown[]).includes(v) ? null : `unknown part of speech ${JSON.stringify(v)}`
      case 'note': return isStr(v) ? null : 'note must be a string'
      case 'sources': return isSources(v) ? null : 'sources must be a list of {doc, quote}'
      default: return isIso(v) ? null : `${term.field} must be an ISO time`
    }
  }
  switch (key) {
    case 'subjectField':
    case 'note': return isStr(value) ? null : `${key} must be a string`
    case 'definitions':
      return value && typeof value === 'object' && !Array.isArray(value) && Object.entries(value).every(([l, d]) => isLang(l) && isStr(d))
        ? null : 'definitions must map language codes to strings'
    case 'related': return Array.isArray(value) && value.length <= 200 && value.every((r) => isStr(r, 100)) ? null : 'related must be a list of concept ids'
    case 'created':
    case 'modified': return isIso(value) ? null : `${key} must be an ISO time`
    default: return `unknown concept field "${key}"`
  }
}

/** Checks a proposal written under `key` by `user`; returns what is wrong, or null. */
export function checkProposal(key: string, value: unknown, user: string): string | null {
  if (!value || typeof value !== 'object') return 'a proposal must be an object'
  const p = value as Partial<Proposal>
  if (p.id !== key) return 'proposal id differs from its key'
  if (p.author !== user) return `proposal author "${String(p.author)}" is not the connected member "${user}"`
  if (!isStr(p.conceptId, 100) || !p.conceptId) return 'proposal has no concept id'
  if (!isIso(p.created)) return 'proposal has no creation time'
  if (!isStr(p.comment)) return 'proposal comment must be a string'
  if (!Array.isArray(p.changes) || p.changes.length === 0 || p.changes.length > 200) return 'a proposal needs 1 to 200 changes'
  for (const c of p.changes) {
    if (!c || typeof c !== 'object' || typeof c.field !== 'string') return 'a change needs a field'
    if (c.after !== null) {
      const bad = checkFieldValue(c.field, c.after)
      if (bad) return `change of ${c.field}: ${bad}`
    }
  }
  if (!Array.isArray(p.evidence) || !isSources(p.evidence)) return 'evidence must be a list of {doc, quote}'
  return null
}

/** Checks a review written by `user`; returns what is wrong, or null. */
export function checkReview(value: unknown, user: string): string | null {
  if (!value || typeof value !== 'object') return 'a review must be an object'
  const r = value as Partial<Review>
  if (r.status !== 'approved' && r.status !== 'rejected') return `unknown review status ${JSON.stringify(r.status)}`
  if (r.reviewer !== user) return `reviewer "${String(r.reviewer)}" is not the connected member "${user}"`
  if (!isIso(r.at)) return 'review has no time'
  if (!isStr(r.comment)) return 'review comment must be a string'
  return null
}

/** One row of the team's audit log, as the server reads it back: who changed what, when, from which value to which. */
export interface AuditEntry {
  id: number
  at: string
  member: string
  /** The member's name, when read back. */
  memberName?: string
  role: TeamRole
  action: string
  conceptId: string | null
  field: string | null
  before: unknown
  after: unknown
  proposalId: string | null
}
