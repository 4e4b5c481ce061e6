// Pure views over linking results for the compare screen: the rows after filtering, the concepts
// present, the section × section heatmap, and the rows as CSV. No Vue, no database: unit-testable as plain functions.
import type { LinkEvidence, LinkMethod, LinkStrength, PassageLinks } from '../core/link'
import type { LinkRow, PassageRow } from '../db/schema'
import { linkId, type LinkStatus } from '../db/links'
import { neutraliseFormula, serializeCsv } from '../core/csv'

/** The section a passage belongs to: its top-level heading (a heading opens its own section); "" before the first. */
export function sectionOf(p: PassageRow): string {
  return p.sectionPath[0] ?? (p.kind === 'heading' ? p.text : '')
}

/** Filters of the link list (and of the map and heatmap that draw the same links). */
export interface LinkFilters {
  /** Concept id the evidence must share, or "" for any. */
  concept: string
  /** Section of A (see `sectionOf`) the source passage must be in, or "" for any. */
  section: string
  /** Lowest score (calibrated probability) shown. */
  threshold: number
  /** Show only strong links (decided ones are always shown). */
  strongOnly: boolean
  /** Undecided candidates shown per source passage (decided ones are always shown). */
  perSource: number
  status: 'all' | LinkStatus
}

/** One row of the link list: a source passage of A, a candidate of B, why, and the user's decision. */
export interface LinkView {
  id: string
  source: PassageRow
  target: PassageRow
  /** Rank of the candidate for its source passage, from 0. */
  rank: number
  /** Calibrated probability that both passages state the same fact. */
  score: number
  strength: LinkStrength
  /** The source passage has no strong candidate: no counterpart was found, this is the closest weak one. */
  alone: boolean
  method: LinkMethod
  evidence: LinkEvidence
  status: LinkStatus
}

/**
 * The rows to show: per source passage of A, its candidates that pass the filters; the first `perSource`
 * undecided ones plus every confirmed or rejected one. `a` and `b` are the passages the results index.
 */
export function buildLinkViews(
  results: readonly PassageLinks[], a: readonly PassageRow[], b: readonly PassageRow[], statuses: ReadonlyMap<string, LinkRow>, f: LinkFilters,
): LinkView[] {
  const out: LinkView[] = []
  const conceptKey = f.concept ? 'c:' + f.concept : ''
  for (const r of results) {
    const source = a[r.source]
    if (!source || (f.section && sectionOf(source) !== f.section)) continue
    let undecided = 0
    const alone = !r.candidates.some((c) => c.strength === 'strong')
    r.candidates.forEach((c, rank) => {
      const target = b[c.index]
      if (!target || c.score < f.threshold) return
      if (f.strongOnly && c.strength !== 'strong' && !statuses.has(linkId(source.id, target.id))) return
      if (conceptKey && !c.evidence.concepts.some((x) => x.key === conceptKey)) return
      const id = linkId(source.id, target.id)
      const status = statuses.get(id)?.status ?? 'suggested'
      if (f.status !== 'all' && status !== f.status) return
      if (status === 'suggested' && undecided++ >= f.perSource) return
      out.push({ id, source, target, rank, score: c.score, strength: c.strength ?? 'weak', alone, method: c.method, evidence: c.evidence, status })
    })
  }
  return out
}

/** Source passages (footnotes aside) for which no strong counterpart was found. */
export function unmatchedCount(results: readonly PassageLinks[], a: readonly PassageRow[]): number {
  return results.filter((r) => a[r.source] && a[r.source].kind !== 'footnote' && !r.candidates.some((c) => c.strength === 'strong')).length
}

/** Concept ids found in the evidence of any candidate, most frequent first. */
export function conceptsIn(results: readonly PassageLinks[]): string[] {
  const n = new Map<string, number>()
  for (const r of results) for (const c of r.candidates) for (const x of c.evidence.concepts) n.set(x.key.slice(2), (n.get(x.key.slice(2)) ?? 0) + 1)
  return [...n].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([id]) => id)
}

/** Link density between the sections of A (rows) and of B (columns), in reading order. */
export interface Heatmap {
  rows: string[]
  cols: string[]
  /** counts[row][col]: links from a passage of section `rows[row]` to one of `cols[col]`. */
  counts: number[][]
  max: number
}

/** Counts the given links per section pair. */
export function heatmapOf(views: readonly LinkView[], a: readonly PassageRow[], b: readonly PassageRow[]): Heatmap {
  const rows = [...new Set(a.filter((p) => p.kind !== 'footnote').map(sectionOf))]
  const cols = [...new Set(b.filter((p) => p.kind !== 'footnote').map(sectionOf))]
  const ri = new Map(rows.map((s, i) => [s, i]))
  const ci = new Map(cols.map((s, i) => [s, i]))
  const counts = rows.map(() => cols.map(() => 0))
  let max = 0
  for (const v of views) {
    const r = ri.get(sectionOf(v.source))
    const c = ci.get(sectionOf(v.target))
    if (r !== undefined && c !== undefined) max = Math.max(max, ++counts[r][c])
  }
  return { rows, cols, counts, max }
}


/** The columns of the links CSV (stable, machine-readable names). */
export const LINKS_CSV_COLUMNS = [
  'status', 'strength', 'score', 'reportA', 'sectionA', 'passageA', 'textA', 'reportB', 'sectionB', 'passageB', 'textB', 'sharedConcepts', 'sharedNumbers', 'sharedNames',
] as const

/**
 * The shown links as RFC 4180 CSV with a BOM (for Excel): both passages with their reports and sections, the score
 * and strength, the user's decision and the evidence in words; every cell neutralised against formula injection.
 */
export function linksToCsv(views: readonly LinkView[], reportA: string, reportB: string): string {
  const list = (fs: readonly { a: { surface: string }; b: { surface: string } }[]) => fs.map((f) => (f.a.surface === f.b.surface ? f.a.surface : `${f.a.surface} = ${f.b.surface}`)).join('; ')
  const rows: string[][] = [[...LINKS_CSV_COLUMNS]]
  for (const v of views) {
    rows.push([
      v.status, v.strength, v.score.toFixed(3), reportA, v.source.section, String(v.source.index), v.source.text, reportB, v.target.section, String(v.target.index), v.target.text,
      list(v.evidence.concepts), list(v.evidence.numbers), list(v.evidence.names),
    ].map(neutraliseFormula))
  }
  return serializeCsv(rows, { bom: true })
}
