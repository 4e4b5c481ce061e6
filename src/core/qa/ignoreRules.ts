// Stored ignore rules for QA findings: "this term in this report", "this term everywhere", or a bulk rule by
// check, concept and report. A rule is a set of conditions that must all hold; it applies to every run, the
// findings of runs not made yet included, and removing it brings its findings back without a run.
import type { CheckId, Finding } from './findings'
import { normalizeSurface } from './surface'

/** The conditions of an ignore rule; an absent field matches anything, and at least one is present. */
export interface QaIgnoreConditions {
  /** The finding's surface as `normalizeSurface` writes it (case folded except acronyms). */
  surface?: string
  docId?: string
  check?: CheckId
  conceptId?: string
}

/** An ignore rule as stored. */
export interface QaIgnoreRule extends QaIgnoreConditions {
  id: string
  created: string
}

/** The scopes a finding's row offers: its term in its report, or its term in every report. */
export type IgnoreScope = 'term-report' | 'term'

const FIELDS = ['surface', 'docId', 'check', 'conceptId'] as const

/** The rule that ignores a finding's term (its surface, normalised) in its report, or everywhere. */
export function ruleForFinding(scope: IgnoreScope, f: Pick<Finding, 'surface' | 'docId'>): QaIgnoreConditions {
  const surface = normalizeSurface(f.surface)
  return scope === 'term-report' ? { surface, docId: f.docId } : { surface }
}

/** The conditions a rule keeps: the non-empty ones, in a fixed order; null when none is left (a rule that ignored everything). */
export function ruleConditions(c: QaIgnoreConditions): QaIgnoreConditions | null {
  const out: QaIgnoreConditions = {}
  for (const k of FIELDS) {
    const v = c[k]?.trim()
    if (v) (out as Record<string, string>)[k] = k === 'surface' ? normalizeSurface(v) : v
  }
  return Object.keys(out).length ? out : null
}

/** True when two rules have the same conditions. */
export function sameConditions(a: QaIgnoreConditions, b: QaIgnoreConditions): boolean {
  return FIELDS.every((k) => (a[k] ?? '') === (b[k] ?? ''))
}

/** True when a finding meets every condition of the rule (`surface` is the finding's normalised surface, if known). */
export function ruleMatches(rule: QaIgnoreConditions, f: Finding, surface = rule.surface ? normalizeSurface(f.surface) : ''): boolean {
  if (!ruleConditions(rule)) return false
  return (!rule.surface || rule.surface === surface) && (!rule.docId || rule.docId === f.docId) &&
    (!rule.check || rule.check === f.check) && (!rule.conceptId || rule.conceptId === f.conceptId)
}

/**
 * Compiles rules into one test: the first rule (oldest first) that ignores a finding, or undefined. Rules
 * with a surface are looked up by it, so that many rules cost little per finding.
 */
export function compileIgnoreRules<R extends QaIgnoreRule>(rules: readonly R[]): (f: Finding) => R | undefined {
  const bySurface = new Map<string, R[]>()
  const other: R[] = []
  const sorted = [...rules].filter((r) => ruleConditions(r)).sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id))
  for (const r of sorted) {
    if (r.surface) bySurface.set(r.surface, [...(bySurface.get(r.surface) ?? []), r])
    else other.push(r)
  }
  if (!sorted.length) return () => undefined
  return (f) => {
    const surface = bySurface.size ? normalizeSurface(f.surface) : ''
    const found = [...(bySurface.get(surface) ?? []), ...other].filter((r) => ruleMatches(r, f, surface))
    return found.sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id))[0]
  }
}
