// Turns the writes of an accepted update into audit rows (who, concept, field, before, after), and
// writes the audit log as CSV with every cell neutralised against spreadsheet formula injection.
import { neutraliseFormula, serializeCsv } from '../src/core/csv'
import { TEAM_ROOTS, type Proposal, type Review } from '../src/core/team/layout'
import type { AuditRow } from './db'
import type { Write } from './inspect'
import type { Actor } from './rules'

/** The audit rows for `writes` made by `actor`; `proposalOf` finds a stored proposal by id. */
export function auditRows(actor: Actor, writes: Write[], proposalOf: (id: string) => Proposal | undefined): AuditRow[] {
  const base = { member: actor.member, role: actor.role }
  const rows: AuditRow[] = []
  const newProposals = new Map<string, Proposal>()
  for (const w of writes) if (w.path.length === 1 && w.path[0] === TEAM_ROOTS.proposals && w.kind === 'set') newProposals.set(w.key, w.value as Proposal)
  const reviewed = writes.filter((w) => w.path[0] === TEAM_ROOTS.reviews && w.kind === 'set')
  // Field writes made together with exactly one approval are that proposal's application.
  const appliedFor = reviewed.length === 1 && (reviewed[0].value as Review).status === 'approved' ? reviewed[0].key : null
  for (const w of writes) {
    const [root, ...rest] = w.path
    if (root === TEAM_ROOTS.proposals) {
      const p = w.value as Proposal
      for (const c of p.changes) rows.push({ ...base, action: 'propose', conceptId: p.conceptId, field: c.field, before: c.before, after: c.after, proposalId: p.id })
    } else if (root === TEAM_ROOTS.reviews) {
      const r = w.value as Review
      const p = newProposals.get(w.key) ?? proposalOf(w.key)
      rows.push({ ...base, action: r.status === 'approved' ? 'approve' : 'reject', conceptId: p?.conceptId ?? null, field: null, before: undefined, after: { comment: r.comment }, proposalId: w.key })
    } else if (root === TEAM_ROOTS.concepts && rest.length === 0) {
      rows.push({ ...base, action: w.kind === 'set' ? 'create concept' : 'delete concept', conceptId: w.key, field: null, before: w.before, after: undefined, proposalId: appliedFor })
    } else if (root === TEAM_ROOTS.concepts) {
      rows.push({ ...base, action: w.kind, conceptId: rest[0], field: w.key, before: w.before, after: w.kind === 'set' ? w.value : undefined, proposalId: appliedFor })
    }
  }
  return rows
}

const HEADER = ['id', 'time', 'member', 'role', 'action', 'concept', 'field', 'before', 'after', 'proposal']

/** The audit log as RFC 4180 CSV with a BOM; values are JSON, every cell formula-neutralised. */
export function auditCsv(rows: AuditRow[], memberNames: Map<string, string>): string {
  const cell = (v: unknown) => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v))
  const body = rows.map((r) => [
    String(r.id ?? ''), r.at ?? '', memberNames.get(r.member) ?? r.member, r.role, r.action,
    cell(r.conceptId), cell(r.field), cell(r.before), cell(r.after), cell(r.proposalId),
  ].map(neutraliseFormula))
  return serializeCsv([HEADER, ...body], { bom: true })
}
