// Public surface of terminology QA: run the checks over reports against a glossary, and build the usage matrix.
import type { Glossary } from '../model'
import type { Matcher } from '../matcher'
import { checkDeprecatedTerms } from './checks/deprecated'
import { checkLinkedAbsent, type LinkedAbsentOptions } from './checks/linkedAbsent'
import { checkMixedScript } from './checks/mixedScript'
import { checkTranslitConvention } from './checks/translit'
import { checkVariants } from './checks/variants'
import type { QaDocument } from './document'
import { DEFAULT_CHECKS, sortFindings, type CheckId, type Finding } from './findings'
import { usageMatrix, type UsageMatrix } from './matrix'
import { checkMisspellings, type MisspellingOptions } from './misspellings/misspelling'
import { createQaContext, type QaContext } from './scan'

export * from './findings'
export { checkLanguage, findUrls, mapPassages, passageOffsetMap, type MappedPassage, type QaDocument, type QaPassage } from './document'
export { GlossaryInfo, isAdmittedStatus, isShortForm, matchCase } from './glossaryInfo'
export { buildUniversalMatcher, createQaContext, isUniversalTerm, scanDocument, type QaContext, type QaContextOptions, type QaHit, type ScannedDoc } from './scan'
export { normalizeSurface } from './surface'
export { checkDeprecatedTerms } from './checks/deprecated'
export { checkVariants, formsWithCounts } from './checks/variants'
export { checkTranslitConvention, HOME_CONVENTIONS } from './checks/translit'
export { checkMixedScript, mixedScriptSuggestion } from './checks/mixedScript'
export { checkLinkedAbsent, linkedPairs, type LinkedAbsentOptions, type LinkedPair } from './checks/linkedAbsent'
export { checkMisspellings, type MisspellingOptions } from './misspellings/misspelling'
export { MisspellingTargets, commonEnds, differsByInflection, type TargetWord } from './misspellings/targets'
export { DeletionIndex, deletions, type NearWord } from './misspellings/symspell'
export { usageMatrix, usageCounts, type MatrixCell, type MatrixForm, type UsageMatrix, type UsageMatrixOptions } from './matrix'

/** Options of `runChecks` and `runQa`. */
export interface QaOptions {
  /** Checks to run (default `DEFAULT_CHECKS`: all but 'linked-absent', which must be asked for; it needs passages). */
  checks?: readonly CheckId[]
  misspelling?: MisspellingOptions
  linked?: LinkedAbsentOptions
  /** Ids of findings the user ignored: left out of the result. */
  ignored?: ReadonlySet<string> | readonly string[]
}

/** What `runQa` returns: the findings (sorted, ignored ones left out), the usage matrix and the time per step. */
export interface QaResult {
  findings: Finding[]
  matrix: UsageMatrix
  /** Milliseconds: 'scan' (matching every passage) and each check run. */
  timings: Record<string, number>
}

/** Runs the selected checks over an already scanned context; returns sorted findings. */
export function runChecks(ctx: QaContext, opts: QaOptions = {}, timings: Record<string, number> = {}): Finding[] {
  const want = new Set<CheckId>(opts.checks ?? DEFAULT_CHECKS)
  const out: Finding[] = []
  const timed = (name: string, fn: () => Finding[]) => {
    const t0 = performance.now()
    out.push(...fn())
    timings[name] = performance.now() - t0
  }
  if (want.has('deprecated-term') || want.has('forbidden-term'))
    timed('deprecated-term', () => checkDeprecatedTerms(ctx).filter((f) => want.has(f.check)))
  if (want.has('variants')) timed('variants', () => checkVariants(ctx))
  if (want.has('translit-convention')) timed('translit-convention', () => checkTranslitConvention(ctx))
  if (want.has('mixed-script')) timed('mixed-script', () => checkMixedScript(ctx))
  if (want.has('misspelling')) timed('misspelling', () => checkMisspellings(ctx, opts.misspelling))
  if (want.has('linked-absent') && ctx.docs.length > 1) timed('linked-absent', () => checkLinkedAbsent(ctx, opts.linked))
  const ignored = opts.ignored ? new Set(opts.ignored) : null
  return sortFindings(ignored ? out.filter((f) => !ignored.has(f.id)) : out)
}

/**
 * Checks reports against a glossary: matches every passage once (in each passage's language), runs the
 * selected checks and builds the concept × report usage matrix. Pass the worker's matcher to skip building one.
 */
export function runQa(glossary: Glossary, documents: readonly QaDocument[], opts: QaOptions & { matcher?: Matcher } = {}): QaResult {
  const t0 = performance.now()
  const ctx = createQaContext(glossary, documents, { matcher: opts.matcher })
  const timings: Record<string, number> = { scan: performance.now() - t0 }
  const findings = runChecks(ctx, opts, timings)
  const t1 = performance.now()
  const matrix = usageMatrix(ctx)
  timings.matrix = performance.now() - t1
  return { findings, matrix, timings }
}
export { findingContext, type FindingContext } from './context'
export {
  assembleQaRuns, checksKey, corpusVersion, glossaryVersion, planQaRuns, prunableRuns, reportVersion, splitQaResult,
  type AssembledQa, type QaCurrent, type QaReportRun, type QaRunPlan, type QaRunResult, type ReportVersion,
} from './runs'
export {
  compileIgnoreRules, ruleConditions, ruleForFinding, ruleMatches, sameConditions,
  type IgnoreScope, type QaIgnoreConditions, type QaIgnoreRule,
} from './ignoreRules'
