// Terminology QA for the UI: runs the checks over every imported report against the current glossary in
// a worker (progress, cancel), holds the findings and the usage matrix, follows the ignored ids live, filters,
// and acts on a finding (ignore, add its spelling to the glossary as a variant, export as CSV).
import { defineStore } from 'pinia'
import { computed, reactive, ref, shallowRef } from 'vue'
import { liveQuery, type Subscription } from 'dexie'
import i18next from 'i18next'
import type { ConceptEntry, Term, TermStatus } from '../core/model'
import { newId, nowIso } from '../core/model'
import { DEFAULT_CHECKS, type CheckId, type Finding, type Severity, type UsageMatrix } from '../core/qa'
import { useDb } from '../db'
import { ignoredIds, ignoreFinding, ignoreFindings, loadQaCorpus, loadQaRun, saveQaRun, unignoreFinding, unignoreFindings, type QaCorpusDocument } from '../db/qa'
import { getAllEntries, getEntry, saveEntry } from '../db/termbase'
import { classifyDbError } from '../db/errors'
import { JOB_CANCELLED } from '../workers/jobProtocol'
import { findingsToCsv, quoteAround, spellingLanguage, spellingOf, type QaJobDocument, type QaJobProgress } from '../workers/qaJob'
import { runAnalysis, type AnalysisRun } from './analysisWorker'
import { downloadText } from './download'
import { useGlossaryStore } from './glossary'
import { useNotifyStore } from './notify'
import { useReportsStore, type DocumentSummary } from './reports'

/** The run under way in the analysis worker, for cancel. */
let qaRun: AnalysisRun<unknown> | null = null

/** Statuses a spelling found in a report can be added with. */
export const VARIANT_STATUSES = ['admitted', 'deprecated', 'forbidden'] as const satisfies readonly TermStatus[]
export type VariantStatus = (typeof VARIANT_STATUSES)[number]

/** Checks whose finding's surface is a spelling worth recording in the glossary. */
const ADDABLE: ReadonlySet<CheckId> = new Set<CheckId>(['misspelling', 'translit-convention', 'variants'])

/** True when "add this spelling as a variant" applies to the finding (a concept and a spelling of it). */
export function canAddVariant(f: Finding): boolean {
  return !!f.conceptId && ADDABLE.has(f.check)
}

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

/** A stamp of the glossary and the report list: a run is out of date when it changes. */
function stampOf(entries: readonly ConceptEntry[], docs: readonly Pick<DocumentSummary, 'id' | 'hash'>[]): string {
  let latest = ''
  let terms = 0
  for (const e of entries) {
    if (e.concept.modified > latest) latest = e.concept.modified
    terms += e.terms.length
  }
  return `${entries.length}/${terms}/${latest}|${docs.map((d) => d.id + d.hash).sort().join(',')}`
}

export const useQaStore = defineStore('qa', () => {
  const notify = useNotifyStore()
  const glossary = useGlossaryStore()
  const reports = useReportsStore()
  /** Findings of the last run, sorted by report and position (a plain array: it can be long). */
  const findings = shallowRef<Finding[]>([])
  /** The concept × report usage matrix of the last run. */
  const matrix = shallowRef<UsageMatrix | null>(null)
  /** Ids of the findings the user ignored (live: follows other tabs). */
  const ignored = shallowRef<ReadonlySet<string>>(new Set())
  /** The running check, or null. */
  const progress = ref<QaProgress | null>(null)
  /** When the last run finished (ISO), or null before the first run. */
  const ranAt = ref<string | null>(null)
  /** Reports the last run skipped (no known language). */
  const skipped = ref<string[]>([])
  /** The last run's failure, if any. */
  const failure = ref<string | null>(null)
  /** The finding list's filters. */
  /** Also run 'linked-absent' (links every pair of reports in different languages: much slower). */
  const withLinked = ref(false)
  const filters = reactive<QaFilters>({ check: '', severity: '', conceptId: '', docId: '', showIgnored: false })
  const runStamp = ref('')
  let job = 0
  let sub: Subscription | undefined

  let restored = false
  /** Starts following the ignored ids, the glossary and the report list, and restores the last run kept (idempotent). */
  function start(): void {
    glossary.start()
    reports.start()
    sub ??= liveQuery(() => ignoredIds(useDb())).subscribe({ next: (v) => (ignored.value = v), error: (e) => notify.push('error', String(e)) })
    if (restored) return
    restored = true
    // The last run stays after a reload; it shows as out of date when the glossary or the reports changed.
    void loadQaRun(useDb())
      .then((r) => {
        if (!r || ranAt.value) return
        findings.value = r.findings
        matrix.value = r.matrix
        skipped.value = r.skipped
        runStamp.value = r.stamp
        ranAt.value = r.ranAt
      })
      .catch((e) => notify.push('error', String(e)))
  }

  const running = computed(() => progress.value !== null)
  /** Reports by id (title, file name, language) for labels. */
  const reportById = computed(() => new Map(reports.documents.map((d) => [d.id, d])))
  /** True when the glossary or the reports changed since the last run. */
  const stale = computed(() => !!ranAt.value && glossary.loaded && stampOf(glossary.entries, reports.documents) !== runStamp.value)

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

  /** The findings the filters let through (ignored ones only when asked for). */
  const visible = computed(() => {
    const f = filters
    const ign = ignored.value
    return findings.value.filter(
      (x) =>
        (f.showIgnored || !ign.has(x.id)) && (!f.check || x.check === f.check) && (!f.severity || x.severity === f.severity) &&
        (!f.conceptId || x.conceptId === f.conceptId) && (!f.docId || x.docId === f.docId),
    )
  })
  /** How many of the last run's findings are ignored. */
  const ignoredCount = computed(() => findings.value.reduce((n, f) => n + (ignored.value.has(f.id) ? 1 : 0), 0))

  /** Clears every filter (ignored findings stay hidden). */
  function resetFilters(): void {
    Object.assign(filters, { check: '', severity: '', conceptId: '', docId: '' })
  }

  /** Runs every check over every imported report against the current glossary. Cancelled runs keep the previous results. */
  async function run(): Promise<void> {
    if (progress.value) return
    const me = ++job
    failure.value = null
    progress.value = { phase: 'load', done: 0, total: 1 }
    try {
      const db = useDb()
      const [entries, corpus] = await Promise.all([getAllEntries(db), loadQaCorpus(db)])
      if (me !== job) return
      const documents = corpus.map(toJobDocument)
      const onProgress = (p: QaJobProgress) => {
        if (job === me) progress.value = p
      }
      const started = runAnalysis('qa', { documents, checks: withLinked.value ? [...DEFAULT_CHECKS, 'linked-absent'] : [...DEFAULT_CHECKS] }, { glossary: entries, onProgress })
      qaRun = started
      const result = await started.result
      if (me !== job) return
      findings.value = result.findings
      matrix.value = result.matrix
      skipped.value = result.skipped
      runStamp.value = stampOf(entries, corpus.map(({ doc }) => doc))
      ranAt.value = nowIso()
      await saveQaRun(db, { stamp: runStamp.value, ranAt: ranAt.value, checks: withLinked.value ? [...DEFAULT_CHECKS, 'linked-absent'] : [...DEFAULT_CHECKS], findings: result.findings, matrix: result.matrix, skipped: result.skipped })
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
    const ids = visible.value.filter((f) => !ignored.value.has(f.id)).map((f) => f.id)
    if (!ids.length) return
    await ignoreFindings(useDb(), ids)
    notify.push('undo', i18next.t('docfit.ignoredMany', { count: ids.length }), () => unignoreFindings(useDb(), ids))
  }

  /** Shows an ignored finding again. */
  async function unignore(f: Finding): Promise<void> {
    await unignoreFinding(useDb(), f.id)
  }

  /**
   * Records the finding's spelling as a new term of its concept: type 'variant', the chosen status, the
   * language the check judged it in (the report's; a quoted passage's own), the report file and the sentence
   * around it as source. Returns false when nothing was added (already there, or an error, which is shown).
   */
  async function addVariant(f: Finding, status: VariantStatus): Promise<boolean> {
    if (!canAddVariant(f)) return false
    const db = useDb()
    try {
      const [entry, doc, passage] = await Promise.all([
        getEntry(db, f.conceptId!),
        db.documents.get(f.docId),
        f.passageIndex === undefined ? undefined : db.passages.get(`${f.docId}:${f.passageIndex}`),
      ])
      const lang = doc ? spellingLanguage({ lang: doc.lang, passages: passage ? [passage] : [] }, passage) : null
      if (!entry || !doc || !lang) {
        notify.push('error', i18next.t('qa.variant.missing'))
        return false
      }
      const text = spellingOf(f.surface)
      const same = entry.terms.find((t) => t.lang === lang && t.text.trim().toLowerCase() === text.toLowerCase())
      if (same) {
        notify.push('info', i18next.t('qa.variant.exists', { text, status: i18next.t(`status.${same.status}`) }))
        return false
      }
      const now = nowIso()
      const term: Term = {
        id: newId('t-'), conceptId: entry.concept.id, lang, text, status, type: 'variant',
        sources: [{ doc: doc.fileName, quote: quoteAround(doc.text, passage, f.start, f.end) }], created: now, modified: now,
      }
      await saveEntry(db, { concept: entry.concept, terms: [...entry.terms, term] })
      notify.push('info', i18next.t('qa.variant.added', { text, concept: conceptLabel(entry.concept.id), status: i18next.t(`status.${status}`), lang }))
      return true
    } catch (e) {
      const msg = classifyDbError(e) === 'quota' ? i18next.t('errors.quota') : e instanceof Error ? e.message : String(e)
      notify.push('error', i18next.t('qa.variant.failed', { reason: msg }))
      return false
    }
  }

  /** Downloads the visible findings as CSV (formula-neutralised cells). */
  function exportCsv(): void {
    const text = findingsToCsv(visible.value, {
      conceptLabel,
      report: (id) => reportById.value.get(id),
      ignored: ignored.value,
    })
    downloadText(`qa-findings-${new Date().toISOString().slice(0, 10)}.csv`, text, 'text/csv')
  }

  return {
    findings, matrix, ignored, progress, ranAt, skipped, failure, withLinked, filters, running, stale, visible, ignoredCount, reportById,
    start, conceptLabel, reportTitle, reportLabel, resetFilters, run, cancel, ignore, ignoreShown, unignore, addVariant, exportCsv,
  }
})
