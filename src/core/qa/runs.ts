// QA results kept per report and glossary version: the version stamps, which reports a run must check again
// (only those whose text, languages or glossary changed since their stored run), the stored parts of a whole
// result, and the whole result put together again from its parts.
import type { Lang, Term } from '../model'
import { fnv1a } from '../text/hash'
import { HASH_SEEDS, sortFindings, stableHash, type CheckId, type Finding } from './findings'
import type { MatrixCell, UsageMatrix } from './matrix'

/** One report's part of a QA run, as it is stored (keyed by report and glossary version). */
export interface QaReportRun {
  docId: string
  /** `glossaryVersion` of the glossary the report was checked against. */
  glossary: string
  /** `reportVersion` of the report as it was checked. */
  report: string
  /** The checks run, sorted. */
  checks: string[]
  /** With 'linked-absent' (which reads pairs of reports): the `corpusVersion` of all reports then; '' otherwise. */
  peers: string
  ranAt: string
  /** True when the report was skipped (no known language): no findings, no matrix column. */
  skipped: boolean
  /** The report's language as its matrix column shows it. */
  lang?: Lang
  findings: Finding[]
  /** The report's cells of the concept × report matrix. */
  cells: MatrixCell[]
  /** Labels of the concepts in `cells`, as the run saw them. */
  labels: Record<string, string>
}

/** A report as the planner sees it: its id and its current `reportVersion`, in display order. */
export interface ReportVersion {
  id: string
  version: string
}

/** Per entry object, its [term count, hash sum 1, hash sum 2] (entries kept across updates are not hashed again). */
const entrySums = new WeakMap<object, readonly [number, number, number]>()

/** An entry's share of the glossary version: its terms' two FNV-1a hashes summed (order does not matter). */
function entrySum(e: { concept: { id: string }; terms: readonly Term[] }): readonly [number, number, number] {
  let sum = entrySums.get(e)
  if (sum) return sum
  const head = `${e.concept.id}\u0001`
  let a = fnv1a(head)
  let b = fnv1a(head, HASH_SEEDS[1])
  for (const t of e.terms) {
    const key = `${head}${t.id}\u0001${t.lang}\u0001${t.text}\u0001${t.status}\u0001${t.type}\u0001${t.partOfSpeech ?? ''}`
    a = (a + fnv1a(key)) >>> 0
    b = (b + fnv1a(key, HASH_SEEDS[1])) >>> 0
  }
  sum = [e.terms.length, a, b]
  entrySums.set(e, sum)
  return sum
}

/**
 * The version of a glossary as far as QA is concerned: a hash of every concept's terms (text, language,
 * status, type, part of speech). Notes, sources and dates do not change it; any term that is added,
 * removed or edited does. Independent of the order of concepts and terms (the per-term hashes are summed),
 * and linear in the glossary's size.
 */
export function glossaryVersion(entries: readonly { concept: { id: string }; terms: readonly Term[] }[]): string {
  let terms = 0
  let a = 0
  let b = 0
  for (const e of entries) {
    const [n, x, y] = entrySum(e)
    terms += n
    a = (a + x) >>> 0
    b = (b + y) >>> 0
  }
  const hex = (n: number) => n.toString(16).padStart(8, '0')
  return `g${entries.length}.${terms}-${hex(a)}${hex(b)}`
}

/**
 * The version of a report as QA reads it: its content hash, its language and every passage's language (a
 * language override changes what the checks find). `passages` are [passage id, language] in any order.
 */
export function reportVersion(hash: string, lang: string, passages: readonly (readonly [string, string])[]): string {
  const langs = passages.map(([id, l]) => `${id}=${l}`).sort()
  return `r-${stableHash(`${hash}\u0001${lang}\u0001${langs.join('\u0002')}`)}`
}

/** The version of the whole report set (what 'linked-absent' depends on besides the report itself). */
export function corpusVersion(reports: readonly ReportVersion[]): string {
  return `c-${stableHash(reports.map((r) => `${r.id}=${r.version}`).sort().join('\u0001'))}`
}

/** The checks as a run key stores them (sorted, no repeats). */
export function checksKey(checks: readonly CheckId[]): string[] {
  return [...new Set(checks)].sort()
}

/** What is current: the glossary version, the checks asked for and the reports with their versions. */
export interface QaCurrent {
  glossary: string
  checks: readonly CheckId[]
  reports: readonly ReportVersion[]
}

/** What to do now: the reports to check again, and per report the stored run to show meanwhile. */
export interface QaRunPlan {
  /** Ids of the reports whose stored run is missing or out of date, in display order. */
  rerun: string[]
  /** Per current report (display order), its up-to-date run, else its newest stored one (out of date), if any. */
  shown: QaReportRun[]
  /** Ids of the reports whose shown run is out of date (a subset of `rerun`). */
  outdated: string[]
  /** Ids of the reports with no stored run at all (a subset of `rerun`). */
  unchecked: string[]
}

/** True when a stored run is what a run now would compute. */
function isCurrent(run: QaReportRun, now: QaCurrent, report: ReportVersion, checks: string, peers: string): boolean {
  return run.glossary === now.glossary && run.report === report.version && run.checks.join(',') === checks && run.peers === peers
}

/**
 * Plans a run: a report is checked again when no stored run has its current version, the current glossary
 * version and the checks asked for. 'linked-absent' compares pairs of reports, so with it any change to any
 * report (added, removed, changed) means all of them are checked again.
 */
export function planQaRuns(now: QaCurrent, stored: readonly QaReportRun[]): QaRunPlan {
  const checks = checksKey(now.checks)
  const linked = checks.includes('linked-absent')
  const peers = linked ? corpusVersion(now.reports) : ''
  const byDoc = new Map<string, QaReportRun[]>()
  for (const r of stored) byDoc.set(r.docId, [...(byDoc.get(r.docId) ?? []), r])
  const rerun: string[] = []
  const shown: QaReportRun[] = []
  const outdated: string[] = []
  const unchecked: string[] = []
  for (const report of now.reports) {
    const runs = byDoc.get(report.id) ?? []
    const current = runs.find((r) => isCurrent(r, now, report, checks.join(','), peers))
    if (current) shown.push(current)
    else {
      rerun.push(report.id)
      const newest = [...runs].sort((a, b) => b.ranAt.localeCompare(a.ranAt))[0]
      if (newest) {
        shown.push(newest)
        outdated.push(report.id)
      } else unchecked.push(report.id)
    }
  }
  return { rerun: linked && rerun.length ? now.reports.map((r) => r.id) : rerun, shown, outdated, unchecked }
}

/** The result of a run over some reports, as the QA job returns it. */
export interface QaRunResult {
  findings: readonly Finding[]
  matrix: UsageMatrix
  skipped: readonly string[]
}

/** Splits a run's result into one stored part per report checked. */
export function splitQaResult(
  result: QaRunResult,
  reports: readonly ReportVersion[],
  meta: { glossary: string; checks: readonly CheckId[]; ranAt: string; peers?: string },
): QaReportRun[] {
  const checks = checksKey(meta.checks)
  const peers = checks.includes('linked-absent') ? (meta.peers ?? '') : ''
  const labels = new Map(result.matrix.concepts.map((c) => [c.id, c.label]))
  const langs = new Map(result.matrix.reports.map((r) => [r.id, r.lang]))
  return reports.map((r) => {
    const cells = result.matrix.cells.filter((c) => c.docId === r.id)
    const lang = langs.get(r.id)
    return {
      docId: r.id, glossary: meta.glossary, report: r.version, checks, peers, ranAt: meta.ranAt, skipped: result.skipped.includes(r.id),
      ...(lang ? { lang } : {}),
      findings: result.findings.filter((f) => f.docId === r.id),
      cells,
      labels: Object.fromEntries(cells.map((c) => [c.conceptId, labels.get(c.conceptId) ?? c.conceptId])),
    }
  })
}

/** A whole result put together from per-report parts (in display order), with the newest run time. */
export interface AssembledQa extends QaRunResult {
  findings: Finding[]
  skipped: string[]
  /** The newest part's run time, or null when there is none. */
  ranAt: string | null
}

/**
 * Puts per-report parts together into one result, as one run over those reports would have returned it:
 * findings sorted, the matrix with one column per report not skipped (in the parts' order), concept totals
 * summed over the cells, concepts most used first.
 */
export function assembleQaRuns(parts: readonly QaReportRun[]): AssembledQa {
  const totals = new Map<string, number>()
  const labels = new Map<string, string>()
  const cells: MatrixCell[] = []
  const reports: UsageMatrix['reports'] = []
  let ranAt: string | null = null
  for (const p of parts) {
    if (!ranAt || p.ranAt > ranAt) ranAt = p.ranAt
    if (p.skipped || !p.lang) continue
    reports.push({ id: p.docId, lang: p.lang })
    for (const c of p.cells) {
      cells.push(c)
      totals.set(c.conceptId, (totals.get(c.conceptId) ?? 0) + c.total)
      if (!labels.has(c.conceptId)) labels.set(c.conceptId, p.labels[c.conceptId] ?? c.conceptId)
    }
  }
  const concepts = [...totals]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([id, total]) => ({ id, label: labels.get(id) ?? id, total }))
  const order = new Map(concepts.map((c, i) => [c.id, i]))
  const docOrder = new Map(reports.map((r, i) => [r.id, i]))
  cells.sort((a, b) => order.get(a.conceptId)! - order.get(b.conceptId)! || docOrder.get(a.docId)! - docOrder.get(b.docId)!)
  return {
    findings: sortFindings(parts.flatMap((p) => p.findings)),
    matrix: { concepts, reports, cells },
    skipped: parts.filter((p) => p.skipped).map((p) => p.docId),
    ranAt,
  }
}

/**
 * The stored parts to delete: those of reports that no longer exist, and beyond the `keep` newest per report
 * (older glossary versions), so that an undone glossary edit can still reuse a recent run.
 */
export function prunableRuns(stored: readonly QaReportRun[], reportIds: ReadonlySet<string>, keep = 3): QaReportRun[] {
  const byDoc = new Map<string, QaReportRun[]>()
  for (const r of stored) byDoc.set(r.docId, [...(byDoc.get(r.docId) ?? []), r])
  const out: QaReportRun[] = []
  for (const [docId, runs] of byDoc) {
    if (!reportIds.has(docId)) out.push(...runs)
    else out.push(...[...runs].sort((a, b) => b.ranAt.localeCompare(a.ranAt)).slice(keep))
  }
  return out
}
