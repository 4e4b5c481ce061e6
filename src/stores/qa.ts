// Terminology QA for the UI: runs the checks over the imported reports against the current glossary in a
// worker (progress, cancel), keeps each report's findings and matrix column per report and glossary version
// and checks again only the reports whose text, languages or glossary changed (by itself when the page opens),
// follows ignored ids and ignore rules live, filters, and acts on a finding (ignore, add its spelling to the
// glossary as a variant, export as CSV).
import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef, watch } from 'vue'
import { liveQuery, type Subscription } from 'dexie'
import i18next from 'i18next'
import { nowIso } from '../core/model'
import {
  assembleQaRuns, corpusVersion, DEFAULT_CHECKS, glossaryVersion, planQaRuns, splitQaResult,
  type CheckId, type Finding, type QaReportRun, type ReportVersion, type Severity, type UsageMatrix,
} from '../core/qa'
import { useDb } from '../db'
import {
  ignoredIds, ignoreFinding, ignoreFindings, listReportRuns, loadQaCorpus, reportVersions, saveReportRuns, unignoreFinding, unignoreFindings,
  versionOf, type QaCorpusDocument,
} from '../db/qa'
import { getAllEntries } from '../db/termbase'
import { JOB_CANCELLED } from '../workers/jobProtocol'
import { findingsToCsv, type QaJobDocument, type QaJobProgress } from '../workers/qaJob'
import { runAnalysis, type AnalysisRun } from './analysisWorker'
import { downloadText } from './download'
import { useGlossaryStore } from './glossary'
import { useNotifyStore } from './notify'
import { useQaRulesStore } from './qaRules'
import { addFindingVariant, type VariantStatus } from './qaVariant'
import { useReportsStore } from './reports'

/** The run under way in the analysis worker, for cancel. */
let qaRun: AnalysisRun<unknown> | null = null

export { canAddVariant, VARIANT_STATUSES, type VariantStatus } from './qaVariant'

/** The run under way, as the UI shows it. */
export type QaProgress = { phase: 'load'; done: 0; total: 1 } | QaJobProgress

/** The filters of the finding list ('' = any). */
export interface QaFilters {
  check: CheckId | ''
  severity: Severity | ''
  conceptId: string
  docId: string
  /** Show ignored findings too (marked). */
  showIgnored: boolean
}

/** A stored report with its passages, as the QA job reads it. */
export function toJobDocument({ doc, passages }: QaCorpusDocument): QaJobDocument {
  return {
    id: doc.id, fileName: doc.fileName, lang: doc.lang, text: doc.text,
    passages: passages.map((p) => ({ index: p.index, kind: p.kind, lang: p.lang, text: p.text, start: p.start, end: p.end, sentences: p.sentences })),
  }
}

export const useQaStore = defineStore('qa', () => {
  const notify = useNotifyStore()
  const glossary = useGlossaryStore()
  const reports = useReportsStore()
  const rules = useQaRulesStore()
  /** Findings of the reports' shown runs, sorted by report and position (a plain array: it can be long). */
  const findings = shallowRef<Finding[]>([])
  /** The concept × report usage matrix of the reports' shown runs. */
  const matrix = shallowRef<UsageMatrix | null>(null)
  /** Ids of the findings the user ignored (live: follows other tabs). */
  const ignored = shallowRef<ReadonlySet<string>>(new Set())
  /** The running check, or null. */
  const progress = ref<QaProgress | null>(null)
  /** When the newest shown run finished (ISO), or null before the first run. */
  const ranAt = ref<string | null>(null)
  /** Reports the shown runs skipped (no known language). */
  const skipped = ref<string[]>([])
  /** The last run's failure, if any. */
  const failure = ref<string | null>(null)
  /** Also run 'linked-absent' (links every pair of reports in different languages: much slower). */
  const withLinked = ref(false)
  /** The finding list's filters. */
  const filters = reactive<QaFilters>({ check: '', severity: '', conceptId: '', docId: '', showIgnored: false })
  /** Every stored per-report run (live), or null until read. */
  const stored = shallowRef<QaReportRun[] | null>(null)
  /** Every report's current version (live), or null until read. */
  const versions = shallowRef<ReportVersion[] | null>(null)
  let job = 0
  let subs: Subscription[] | undefined

  const checks = computed<CheckId[]>(() => (withLinked.value ? [...DEFAULT_CHECKS, 'linked-absent'] : [...DEFAULT_CHECKS]))
  /** True while the QA page is shown: only then is the glossary's version followed (it hashes every term). */
  const viewing = ref(false)
  /** The glossary's version as QA sees it (null until the glossary is read, or while the page is not shown). */
  const glossaryVer = computed(() => (viewing.value && glossary.loaded ? glossaryVersion(glossary.entries) : null))
  /** Which reports need checking, and which stored run each report shows meanwhile (null until all is read). */
  const plan = computed(() =>
    stored.value && versions.value && glossaryVer.value
      ? planQaRuns({ glossary: glossaryVer.value, checks: checks.value, reports: versions.value }, stored.value)
      : null,
  )

  /** Starts following the ignores, the rules, the stored runs, the reports and the glossary (idempotent). */
  function start(): void {
    viewing.value = true
    glossary.start()
    reports.start()
    rules.start()
    const db = useDb()
    const fail = (e: unknown) => notify.push('error', String(e))
    subs ??= [
      liveQuery(() => ignoredIds(db)).subscribe({ next: (v) => (ignored.value = v), error: fail }),
      liveQuery(() => listReportRuns(db)).subscribe({ next: (v) => (stored.value = v), error: fail }),
      liveQuery(() => reportVersions(db)).subscribe({ next: (v) => (versions.value = v), error: fail }),
    ]
  }

  // What the reports' shown runs say, put together (the previous result stays while a new one is read).
  watch(
    () => plan.value?.shown,
    (shown) => {
      if (!shown) return
      const all = assembleQaRuns(shown)
      findings.value = all.findings
      matrix.value = all.ranAt ? all.matrix : null
      skipped.value = all.skipped
      ranAt.value = all.ranAt
    },
  )
  /**
   * Opens the page: the reports whose stored run is out of date (the glossary or the report changed) are checked
   * again at once. The plan is made from the database itself, not from the live copies, which may lag behind a
   * write made just before. Nothing runs before the first run the user asks for.
   */
  async function openPage(): Promise<void> {
    start()
    const db = useDb()
    const read = await Promise.all([getAllEntries(db), reportVersions(db), listReportRuns(db)]).catch((e: unknown) => void notify.push('error', String(e)))
    if (!read) return
    const [entries, now, runs] = read
    if (progress.value || !runs.length) return
    // The checks follow the newest run's ('compare linked passages' or not), so that opening never drops them.
    withLinked.value = runs.reduce((a, r) => (r.ranAt > a.ranAt ? r : a)).checks.includes('linked-absent')
    const p = planQaRuns({ glossary: glossaryVersion(entries), checks: checks.value, reports: now }, runs)
    if (p.rerun.length) await run(p.rerun)
  }

  /** The page is left: the results stay as they are, and the glossary's version is no longer followed. */
  function leavePage(): void {
    viewing.value = false
  }

  const running = computed(() => progress.value !== null)
  /** Ids of the reports to check again (changed, new, or checked against another glossary). */
  const pending = computed(() => (ranAt.value ? (plan.value?.rerun ?? []) : []))
  /** Ids of the reports whose shown findings are out of date. */
  const outdated = computed(() => plan.value?.outdated ?? [])
  /** Ids of the reports never checked yet (imported after the last run). */
  const unchecked = computed(() => (ranAt.value ? (plan.value?.unchecked ?? []) : []))
  /** True when some report is not up to date with the glossary and its text. */
  const stale = computed(() => pending.value.length > 0)
  /** Reports by id (title, file name, language) for labels. */
  const reportById = computed(() => new Map(reports.documents.map((d) => [d.id, d])))

  /** A concept's label: the glossary's, else the matrix's, else its id. */
  function conceptLabel(id: string): string {
    return glossary.labels.get(id) ?? matrix.value?.concepts.find((c) => c.id === id)?.label ?? id
  }
  /** A report's title, else its id. */
  function reportTitle(docId: string): string {
    return reportById.value.get(docId)?.title ?? docId
  }
  /** A report's title with its file name (titles guessed from the text can be vague: "1. Introduction"). */
  function reportLabel(docId: string): string {
    const d = reportById.value.get(docId)
    return d ? (d.title === d.fileName ? d.title : `${d.title} (${d.fileName})`) : docId
  }

  /** Why a finding is ignored: 'finding' (by itself), the rule that ignores it, or undefined. */
  function ignoredBy(f: Finding): 'finding' | ReturnType<typeof rules.ruleFor> {
    return ignored.value.has(f.id) ? 'finding' : rules.ruleFor(f)
  }
  /** True when a finding is ignored, by itself or by a rule. */
  const isIgnored = (f: Finding): boolean => !!ignoredBy(f)

  /** The findings the filters let through (ignored ones only when asked for). */
  const visible = computed(() => {
    const f = filters
    return findings.value.filter(
      (x) =>
        (!f.check || x.check === f.check) && (!f.severity || x.severity === f.severity) &&
        (!f.conceptId || x.conceptId === f.conceptId) && (!f.docId || x.docId === f.docId) && (f.showIgnored || !isIgnored(x)),
    )
  })
  /** How many of the shown findings are ignored (by themselves or by a rule). */
  const ignoredCount = computed(() => findings.value.reduce((n, f) => n + (isIgnored(f) ? 1 : 0), 0))

  /** Clears every filter (ignored findings stay hidden). */
  function resetFilters(): void {
    Object.assign(filters, { check: '', severity: '', conceptId: '', docId: '' })
  }

  /**
   * Checks reports against the current glossary: the ones named, else all of them (with 'linked-absent', which
   * compares pairs, always all). Each report's part is stored under its version and the glossary's, and the
   * others keep theirs. A cancelled run keeps the previous results.
   */
  async function run(docIds?: readonly string[]): Promise<void> {
    if (progress.value) return
    const me = ++job
    failure.value = null
    progress.value = { phase: 'load', done: 0, total: 1 }
    try {
      const db = useDb()
      const want = checks.value
      const subset = want.includes('linked-absent') ? undefined : docIds
      const [entries, corpus, all] = await Promise.all([getAllEntries(db), loadQaCorpus(db, subset), reportVersions(db)])
      if (me !== job) return
      const documents = corpus.map(toJobDocument)
      const onProgress = (p: QaJobProgress) => {
        if (job === me) progress.value = p
      }
      const started = runAnalysis('qa', { documents, checks: want }, { glossary: entries, onProgress })
      qaRun = started
      const result = await started.result
      if (me !== job) return
      const parts = splitQaResult(result, corpus.map(versionOf), { glossary: glossaryVersion(entries), checks: want, ranAt: nowIso(), peers: corpusVersion(all) })
      await saveReportRuns(db, parts, new Set(all.map((r) => r.id)))
    } catch (e) {
      if (me !== job) return
      const msg = e instanceof Error ? e.message : String(e)
      if (msg === JOB_CANCELLED) notify.push('info', i18next.t('qa.cancelled'))
      else failure.value = msg
    } finally {
      if (me === job) {
        progress.value = null
        qaRun = null
      }
    }
  }

  /** Checks again the reports that are out of date (see `pending`). */
  function update(): Promise<void> {
    return run(pending.value)
  }

  /** Cancels the running check: the UI is free at once; the worker stops at its next step. */
  function cancel(): void {
    if (!progress.value) return
    qaRun?.cancel()
    qaRun = null
    job++
    progress.value = null
    notify.push('info', i18next.t('qa.cancelled'))
  }

  /** Hides a finding from now on (stored; an undo is offered). */
  async function ignore(f: Finding): Promise<void> {
    await ignoreFinding(useDb(), f.id)
    notify.push('undo', i18next.t('qa.ignoredToast', { surface: f.surface }), () => unignoreFinding(useDb(), f.id))
  }

  /**
   * Hides every finding the filters now show (by check, concept, report, severity: a bulk ignore), with
   * one undo for all of them.
   */
  async function ignoreShown(): Promise<void> {
    const ids = visible.value.filter((f) => !isIgnored(f)).map((f) => f.id)
    if (!ids.length) return
    await ignoreFindings(useDb(), ids)
    notify.push('undo', i18next.t('docfit.ignoredMany', { count: ids.length }), () => unignoreFindings(useDb(), ids))
  }

  /** Ignores, in this run and every later one, what the filters pick (check, concept, report) as a stored rule. */
  function ignoreFiltersAsRule(): Promise<void> {
    return rules.add({ check: filters.check || undefined, conceptId: filters.conceptId || undefined, docId: filters.docId || undefined })
  }

  /** Shows an ignored finding again (ignored by itself; a rule is removed from the rule list). */
  async function unignore(f: Finding): Promise<void> {
    await unignoreFinding(useDb(), f.id)
  }

  /** Records the finding's spelling as a new term of its concept (see `addFindingVariant`). */
  function addVariant(f: Finding, status: VariantStatus): Promise<boolean> {
    return addFindingVariant(f, status, conceptLabel)
  }

  /** Downloads the visible findings as CSV (formula-neutralised cells). */
  function exportCsv(): void {
    const text = findingsToCsv(visible.value, {
      conceptLabel,
      report: (id) => reportById.value.get(id),
      ignored: new Set(visible.value.filter(isIgnored).map((f) => f.id)),
    })
    downloadText(`qa-findings-${new Date().toISOString().slice(0, 10)}.csv`, text, 'text/csv')
  }

  return {
    findings, matrix, ignored, progress, ranAt, skipped, failure, withLinked, filters, running, stale, pending, outdated, unchecked, visible, ignoredCount, reportById,
    start, openPage, leavePage, conceptLabel, reportTitle, reportLabel, ignoredBy, isIgnored, resetFilters, run, update, cancel, ignore, ignoreShown,
    ignoreFiltersAsRule, unignore, addVariant, exportCsv,
  }
})
