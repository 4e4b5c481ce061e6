// The QA finding model: what a terminology check reports, with a stable id so that "ignore this finding" can be stored.
import { FNV_OFFSET, fnv1aHex } from '../text/hash'

/** Every terminology check, in the order the UI lists them. */
export const CHECK_IDS = [
  'deprecated-term', 'forbidden-term', 'variants', 'translit-convention', 'mixed-script', 'misspelling', 'linked-absent',
] as const
/** A terminology check. */
export type CheckId = (typeof CHECK_IDS)[number]

/** The checks run when none are named: all but 'linked-absent', which links every pair of reports (seconds, not milliseconds). */
export const DEFAULT_CHECKS: readonly CheckId[] = CHECK_IDS.filter((c) => c !== 'linked-absent')

/** How much a finding matters: errors are to fix, warnings to look at, info to know. */
export type Severity = 'error' | 'warning' | 'info'

/** One QA result. Offsets are UTF-16 code units into the document's ORIGINAL text (as read). */
export interface Finding {
  /** Stable id: hash of check, document id, start and surface (see `findingId`). */
  id: string
  check: CheckId
  severity: Severity
  conceptId?: string
  termId?: string
  /** The glossary term's text, when a term is involved. */
  term?: string
  /** Id (for the CLI: the file name) of the document the finding is in. */
  docId: string
  /** Index of the passage (in the document's passage list) the finding is in, when known. */
  passageIndex?: number
  start: number
  end: number
  /** text.slice(start, end), or for findings about a passage as a whole the term that is missing. */
  surface: string
  /** What to write instead, in the passage's language. */
  suggestion?: string
  /** A human-readable explanation (counts, conventions, the linked passage). */
  detail?: string
  /** The sentence the finding stands in, split around its span (see context.ts). */
  context?: { before: string; span: string; after: string }
}

/** A finding before its id is computed. */
export type FindingDraft = Omit<Finding, 'id'>

/** The seeds of the two FNV-1a passes of `stableHash` (the second is arbitrary, fixed forever). */
export const HASH_SEEDS = [FNV_OFFSET >>> 0, 0x2f1b7c3d] as const

/**
 * The stable id of a finding: a 64-bit hash (two FNV-1a passes) of check, document id, start and surface.
 * It survives re-running the checks and edits of the glossary, so an ignored finding stays ignored until the
 * text itself changes there.
 */
export function findingId(check: CheckId, docId: string, start: number, surface: string): string {
  return stableHash(`${check}\u0000${docId}\u0000${start}\u0000${surface}`)
}

/** A 64-bit hash of a string (two FNV-1a passes), as 16 hex digits: stable across runs and machines. */
export function stableHash(s: string): string {
  return fnv1aHex(s, HASH_SEEDS[0]) + fnv1aHex(s, HASH_SEEDS[1])
}

/** Gives a draft its stable id. */
export function makeFinding(draft: FindingDraft): Finding {
  return { id: findingId(draft.check, draft.docId, draft.start, draft.surface), ...draft }
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

/** Sorts findings by document, position, then severity and check; drops exact duplicates (same id). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>()
  const out = findings.filter((f) => !seen.has(f.id) && seen.add(f.id))
  const checkRank = (c: CheckId) => CHECK_IDS.indexOf(c)
  return out.sort(
    (a, b) =>
      (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0) || a.start - b.start || a.end - b.end ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || checkRank(a.check) - checkRank(b.check),
  )
}

/** Drops the findings whose id is in `ignored` (ids the user chose to ignore). */
export function withoutIgnored(findings: readonly Finding[], ignored: ReadonlySet<string> | readonly string[]): Finding[] {
  const set = ignored instanceof Set ? ignored : new Set(ignored as readonly string[])
  return findings.filter((f) => !set.has(f.id))
}

/** Counts findings by check. */
export function countByCheck(findings: readonly Finding[]): Partial<Record<CheckId, number>> {
  const out: Partial<Record<CheckId, number>> = {}
  for (const f of findings) out[f.check] = (out[f.check] ?? 0) + 1
  return out
}
