// The terminology QA run the worker performs, as a plain async function (testable in Node): every report
// scanned against the glossary one by one, then each check, with a progress report and a chance to
// cancel between steps. Also the small pure helpers the QA store needs (variant text, quote, CSV).
import { buildMatcher, type Matcher } from '../core/matcher'
import type { Glossary, Lang } from '../core/model'
import { isLang } from '../core/model'
import {
  checkDeprecatedTerms, checkLanguage, checkLinkedAbsent, checkMisspellings, checkMixedScript, checkTranslitConvention, checkVariants,
  buildUniversalMatcher, DEFAULT_CHECKS, findingContext, GlossaryInfo, scanDocument, sortFindings, usageMatrix, type CheckId, type Finding, type QaContext, type QaDocument, type ScannedDoc,
  type UsageMatrix,
} from '../core/qa'
import { neutraliseFormula, serializeCsv } from '../core/csv'
import { defaultPause, JobCancelledError, type JobHooks, type JobPassage } from './jobProtocol'

/** A report as the job receives it. */
export interface QaJobDocument {
  id: string
  fileName: string
  lang: Lang | 'und'
  text: string
  /** In reading order. */
  passages: JobPassage[]
}

/** What to check. */
export interface QaJobInput {
  glossary: Glossary
  documents: QaJobDocument[]
  /** Checks to run (default: the core's DEFAULT_CHECKS, i.e. all but the slow 'linked-absent', which must be asked for). */
  checks?: CheckId[]
}

/** The steps of a run, in order: build the matcher, scan each report, run each check (linked-absent once per
 * pair of reports, as `part` of `parts`), build the matrix. */
export type QaJobStep =
  | { phase: 'prepare' }
  | { phase: 'scan'; docId: string; file: string }
  | { phase: 'check'; check: QaStepCheck; part?: number; parts?: number }
  | { phase: 'matrix' }

/** Check steps: 'deprecated-term' also finds forbidden terms (one pass over the hits). */
export type QaStepCheck = Exclude<CheckId, 'forbidden-term'>

/** A progress report: the step about to run, and how many of all steps are done. */
export type QaJobProgress = QaJobStep & { done: number; total: number }

/** What a run returns. Findings carry PassageRow indexes in `passageIndex`. */
export interface QaJobResult {
  findings: Finding[]
  matrix: UsageMatrix
  /** Ids of reports skipped because no language is known for them. */
  skipped: string[]
  /** Milliseconds per step ('prepare', 'scan', each check, 'matrix'). */
  timings: Record<string, number>
}

const CHECK_STEPS: readonly QaStepCheck[] = ['deprecated-term', 'variants', 'translit-convention', 'mixed-script', 'misspelling', 'linked-absent']


/** A report's language: its own, else its passages' most frequent one; null when none is known. */
export function reportLanguage(doc: Pick<QaJobDocument, 'lang' | 'passages'>): Lang | null {
  if (doc.lang !== 'und' && isLang(doc.lang)) return doc.lang
  const counts = new Map<Lang, number>()
  for (const p of doc.passages) if (p.lang !== 'und' && p.lang !== 'ru') counts.set(p.lang, (counts.get(p.lang) ?? 0) + p.text.length)
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
}

function runCheck(ctx: QaContext, check: QaStepCheck, want: ReadonlySet<CheckId>, pair?: readonly [string, string]): Finding[] {
  switch (check) {
    case 'deprecated-term':
      return want.has('deprecated-term') || want.has('forbidden-term') ? checkDeprecatedTerms(ctx).filter((f) => want.has(f.check)) : []
    case 'variants':
      return checkVariants(ctx)
    case 'translit-convention':
      return checkTranslitConvention(ctx)
    case 'mixed-script':
      return checkMixedScript(ctx)
    case 'misspelling':
      return checkMisspellings(ctx)
    case 'linked-absent':
      return pair ? checkLinkedAbsent(ctx, { pairs: [pair] }) : []
  }
}

/**
 * Runs the QA checks: one step per report (matching it), one per check, one for the usage matrix; progress
 * is reported before each step and cancellation honoured between steps. Findings' `passageIndex` is turned
 * from a position in the passage list into the passage's own index.
 */
export async function runQaJob(input: QaJobInput, hooks: JobHooks<QaJobProgress> = {}): Promise<QaJobResult> {
  const pause = hooks.pause ?? defaultPause
  const want = new Set<CheckId>(input.checks ?? DEFAULT_CHECKS)
  const checks = CHECK_STEPS.filter((c) => (c === 'deprecated-term' ? want.has(c) || want.has('forbidden-term') : want.has(c)))
  const usable: QaJobDocument[] = []
  const skipped: string[] = []
  const qaDocs: QaDocument[] = []
  for (const d of input.documents) {
    const lang = reportLanguage(d)
    if (!lang) {
      skipped.push(d.id)
      continue
    }
    usable.push(d)
    qaDocs.push({ id: d.id, lang, text: d.text, passages: d.passages })
  }
  // linked-absent runs once per pair of reports in different languages (the core's default pairs), so that
  // its progress shows and a cancel is honoured between pairs.
  const pairs = qaDocs.flatMap((a, i) => qaDocs.slice(i + 1).filter((b) => b.lang !== a.lang).map((b) => [a.id, b.id] as const))
  const checkSteps = checks.flatMap((check): Array<{ phase: 'check'; check: QaStepCheck; part?: number; parts?: number; pair?: readonly [string, string] }> =>
    check === 'linked-absent' ? pairs.map((pair, i) => ({ phase: 'check', check, part: i + 1, parts: pairs.length, pair })) : [{ phase: 'check', check }],
  )
  const steps: QaJobStep[] = [
    { phase: 'prepare' },
    ...usable.map((d): QaJobStep => ({ phase: 'scan', docId: d.id, file: d.fileName })),
    ...checkSteps.map(({ pair: _p, ...s }) => s),
    { phase: 'matrix' },
  ]
  const timings: Record<string, number> = {}
  let done = 0
  const step = async (s: QaJobStep, name: string, fn: () => void) => {
    if (hooks.isCancelled?.()) throw new JobCancelledError()
    hooks.onProgress?.({ ...s, done, total: steps.length })
    await pause()
    if (hooks.isCancelled?.()) throw new JobCancelledError()
    const t0 = performance.now()
    fn()
    timings[name] = (timings[name] ?? 0) + performance.now() - t0
    done++
  }

  let info!: GlossaryInfo
  let matcher!: Matcher
  let universal!: ReturnType<typeof buildUniversalMatcher>
  await step(steps[0], 'prepare', () => {
    info = new GlossaryInfo(input.glossary)
    matcher = hooks.matchers ? hooks.matchers.get(input.glossary) : buildMatcher(input.glossary)
    universal = buildUniversalMatcher(input.glossary)
  })
  const scanned: ScannedDoc[] = []
  for (let i = 0; i < qaDocs.length; i++) await step(steps[1 + i], 'scan', () => void scanned.push(scanDocument(matcher, info, qaDocs[i], universal)))
  const ctx: QaContext = { glossary: info, matcher, docs: scanned }
  const found: Finding[] = []
  for (const { pair, ...s } of checkSteps) await step(s, s.check, () => void found.push(...runCheck(ctx, s.check, want, pair)))
  let matrix!: UsageMatrix
  await step({ phase: 'matrix' }, 'matrix', () => (matrix = usageMatrix(ctx)))
  hooks.onProgress?.({ phase: 'matrix', done, total: steps.length })

  const indexes = new Map(usable.map((d) => [d.id, d.passages.map((p) => p.index)]))
  const scannedById = new Map(scanned.map((sd) => [sd.doc.id, sd]))
  const findings = sortFindings(found).map((f0) => {
    const mp = f0.passageIndex !== undefined && f0.passageIndex >= 0 ? scannedById.get(f0.docId)?.passages[f0.passageIndex] : undefined
    const context = mp ? findingContext(mp, f0.start, f0.end) : undefined
    const f = context ? { ...f0, context } : f0
    const pos = f.passageIndex
    if (pos === undefined) return f
    const real = pos >= 0 ? indexes.get(f.docId)?.[pos] : undefined
    const { passageIndex: _p, ...rest } = f
    return real === undefined ? rest : { ...rest, passageIndex: real }
  })
  return { findings, matrix, skipped, timings }
}

/** The language a finding's spelling belongs to: the report's, or a quoted passage's own (see `checkLanguage`). */
export function spellingLanguage(doc: Pick<QaJobDocument, 'lang' | 'passages'>, passage?: Pick<JobPassage, 'lang'>): Lang | null {
  const lang = reportLanguage(doc)
  return lang ? checkLanguage(lang, passage?.lang) : null
}

/** A surface as a glossary spelling: soft hyphens and line-end hyphenation undone, white space collapsed. */
export function spellingOf(surface: string): string {
  return surface
    .normalize('NFC')
    .replace(/\u00ad/g, '')
    .replace(/(\p{L})-\s*\n\s*(\p{Ll})/gu, '$1$2')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The sentence of the report around [start, end) (the passage's sentence containing it), white space collapsed, at most ~300 characters. */
export function quoteAround(text: string, passage: Pick<JobPassage, 'start' | 'end' | 'sentences'> | undefined, start: number, end: number): string {
  const s = passage?.sentences?.find((x) => x.start <= start && x.end >= end)
  const lo = passage ? passage.start : 0
  const hi = passage ? passage.end : text.length
  let q = (s ? text.slice(s.start, s.end) : text.slice(Math.max(lo, start - 120), Math.min(hi, end + 120))).replace(/\s+/g, ' ').trim()
  if (q.length > 300) {
    const at = Math.max(0, q.indexOf(text.slice(start, end).replace(/\s+/g, ' ')))
    const from = Math.max(0, at - 140)
    q = (from > 0 ? '… ' : '') + q.slice(from, from + 300) + (from + 300 < q.length ? ' …' : '')
  }
  return q
}

/** The columns of the findings CSV (stable, machine-readable names). */
export const FINDINGS_CSV_COLUMNS = [
  'id', 'check', 'severity', 'report', 'file', 'passage', 'start', 'end', 'conceptId', 'concept', 'term', 'surface', 'suggestion', 'detail', 'ignored',
] as const

/** Lookups for the CSV: concept labels, report titles and file names, ignored ids. */
export interface FindingsCsvContext {
  conceptLabel: (id: string) => string
  report: (docId: string) => { title: string; fileName: string } | undefined
  ignored: ReadonlySet<string>
}

/** Findings as RFC 4180 CSV with a BOM (for Excel); every data cell neutralised against formula injection. */
export function findingsToCsv(findings: readonly Finding[], ctx: FindingsCsvContext): string {
  const rows: string[][] = [[...FINDINGS_CSV_COLUMNS]]
  for (const f of findings) {
    const r = ctx.report(f.docId)
    const cells = [
      f.id, f.check, f.severity, r?.title ?? f.docId, r?.fileName ?? '', f.passageIndex === undefined ? '' : String(f.passageIndex),
      String(f.start), String(f.end), f.conceptId ?? '', f.conceptId ? ctx.conceptLabel(f.conceptId) : '', f.term ?? '',
      f.surface, f.suggestion ?? '', f.detail ?? '', ctx.ignored.has(f.id) ? 'yes' : '',
    ]
    rows.push(cells.map(neutraliseFormula))
  }
  return serializeCsv(rows, { bom: true })
}
