// Term candidates for the UI: mines candidates for the concepts the glossary lacks in one language, in a
// worker (progress, cancel), optionally adds machine translations of the known terms (the ML store), and
// acts on a candidate: accept it into the glossary (one transaction, with undo) or reject it for the session.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import i18next from 'i18next'
import type { ConceptEntry, Lang } from '../core/model'
import { conceptsLackingLang, mineByTranslation, MT_SOURCE_LANGS } from '../core/suggest'
import { pickTranslationModel, type TranslationModelInfo } from '../ml/adapters/translation'
import { useDb } from '../db'
import { loadQaCorpus, type QaCorpusDocument } from '../db/qa'
import { classifyDbError } from '../db/errors'
import { getAllEntries, getEntry, saveEntry } from '../db/termbase'
import { glossaryTables } from '../db/history'
import {
  acceptedTerm, describeCandidate, mergeTranslated, type CandidatesJobDocument, type CandidatesJobProgress,
  type CandidateView, type ConceptCandidates,
} from '../workers/candidatesJob'
import { useGlossaryStore } from './glossary'
import { useMlStore } from './ml'
import { useNotifyStore } from './notify'
import { useReportsStore } from './reports'
import { useTranslationStore } from './translation'
import { JOB_CANCELLED } from '../workers/jobProtocol'
import { runAnalysis, type AnalysisRun } from './analysisWorker'

/** The mining under way in the analysis worker, for cancel. */
let candidatesRun: AnalysisRun<unknown> | null = null

/** The languages candidates can be mined for (the reports' languages; Russian is the source side). */
export const CANDIDATE_LANGS = ['en', 'fi', 'nb', 'da', 'sv', 'fr'] as const satisfies readonly Lang[]

/** The mining under way, as the UI shows it. */
export type CandidatesProgress = { phase: 'load'; done: 0; total: 1 } | CandidatesJobProgress

/** State of the machine-translation source in the last run. */
export type TranslationState =
  | { state: 'off' }
  | { state: 'asking' }
  | { state: 'declined' }
  | { state: 'running' }
  | { state: 'done'; count: number }
  | { state: 'failed'; message: string }

/** The models machine translation into `lang` may download: one per source language of the known terms. */
export function mtModelsFor(lang: Lang): TranslationModelInfo[] {
  const byId = new Map<string, TranslationModelInfo>()
  for (const src of MT_SOURCE_LANGS) {
    const m = src === lang ? null : pickTranslationModel(src, lang)
    if (m) byId.set(m.id, m)
  }
  return [...byId.values()]
}

/** A concept row of the view: its candidates (rejected ones left out), or the term accepted from them. */
export interface CandidateRow extends ConceptCandidates {
  /** Set once a candidate of this concept was accepted in this session (and the term is still there). */
  accepted?: string
}

/** A stored report with its passages, as the candidates job reads it. */
export function toCandidatesDocument({ doc, passages }: QaCorpusDocument): CandidatesJobDocument {
  return { id: doc.id, text: doc.text, passages: passages.map((p) => ({ index: p.index, kind: p.kind, lang: p.lang, text: p.text, start: p.start, end: p.end, sentences: p.sentences })) }
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e))

export const useCandidatesStore = defineStore('candidates', () => {
  const notify = useNotifyStore()
  const glossary = useGlossaryStore()
  const reports = useReportsStore()
  const ml = useMlStore()
  /** The language whose missing terms are looked for. */
  const lang = ref<Lang>('da')
  /** Also translate the known terms with a model (source b). */
  const withTranslation = ref(false)
  /** The mining under way, or null. */
  const progress = ref<CandidatesProgress | null>(null)
  /** The machine-translation source of the last run. */
  const translation = ref<TranslationState>({ state: 'off' })
  /** The last run's mined candidates per concept (plain arrays: the list can be long). */
  const mined = shallowRef<ConceptCandidates[]>([])
  /** Machine-translation candidates of the last run, by concept. */
  const translated = shallowRef<ReadonlyMap<string, CandidateView[]>>(new Map())
  /** The language of the last run, and when it finished (ISO); null before the first run. */
  const ranLang = ref<Lang | null>(null)
  const ranAt = ref<string | null>(null)
  /** The last run's failure, if any. */
  const failure = ref<string | null>(null)
  /** Candidates rejected in this session: `${lang}|${conceptId}|${key}`. */
  const rejected = shallowRef<ReadonlySet<string>>(new Set())
  /** Terms accepted in this session, by `${lang}|${conceptId}`: the new term's id and text. */
  const accepted = shallowRef<ReadonlyMap<string, { id: string; text: string }>>(new Map())
  let job = 0
  let abort: AbortController | null = null

  /** Whether the user picked the language; until then it follows the reports (see below). */
  const langPicked = ref(false)
  /** Starts following the glossary and the report list (idempotent). */
  function start(): void {
    glossary.start()
    reports.start()
  }
  // Until the user picks one, the language is one that some imported report is written in (mining needs text in
  // it): the one the most concepts lack. Danish stays the default when no report is imported.
  watch([() => reports.documents, () => glossary.entries], () => {
    if (langPicked.value || ranLang.value || !reports.documents.length || !glossary.loaded) return
    const have = CANDIDATE_LANGS.filter((l) => reports.documents.some((d) => d.lang === l))
    if (!have.length || (have as readonly Lang[]).includes(lang.value)) return
    const lacking = new Map(have.map((l) => [l, conceptsLackingLang({ entries: glossary.entries }, l).length]))
    lang.value = have.reduce((best, l) => (lacking.get(l)! > lacking.get(best)! ? l : best))
  }, { immediate: true })

  const running = computed(() => progress.value !== null || translation.value.state === 'running' || translation.value.state === 'asking')
  /** Report titles by id (for evidence). */
  const reportById = computed(() => new Map(reports.documents.map((d) => [d.id, d])))

  /**
   * The concepts to show: the last run's concepts that still lack the language in the live glossary, each
   * with its mined and translated candidates minus the rejected ones; a concept whose term was accepted
   * here stays, showing that term, until the term goes.
   */
  const rows = computed<CandidateRow[]>(() => {
    const l = ranLang.value
    if (!l) return []
    const byId = glossary.byId
    const out: CandidateRow[] = []
    for (const c of mined.value) {
      const terms = byId.get(c.conceptId)?.terms
      if (!terms) continue
      const acc = accepted.value.get(`${l}|${c.conceptId}`)
      if (acc && terms.some((t) => t.id === acc.id)) {
        out.push({ conceptId: c.conceptId, candidates: [], accepted: acc.text })
        continue
      }
      if (terms.some((t) => t.lang === l)) continue
      const all = mergeTranslated(c.candidates, translated.value.get(c.conceptId) ?? [])
      out.push({ conceptId: c.conceptId, candidates: all.filter((x) => !rejected.value.has(`${l}|${c.conceptId}|${x.key}`)) })
    }
    return out
  })

  /** Machine-translation candidates: source (b), on the main thread (the ML store has its own worker). */
  async function runTranslation(me: number, l: Lang, entries: ConceptEntry[], ids: string[], docs: CandidatesJobDocument[], signal: AbortSignal): Promise<void> {
    // Nothing downloads before the user agrees (the answer is remembered per model and model source, as in the reader).
    translation.value = { state: 'asking' }
    const agreed = await useTranslationStore().confirmDownload(mtModelsFor(l))
    if (me !== job) return
    if (!agreed) {
      translation.value = { state: 'declined' }
      return
    }
    translation.value = { state: 'running' }
    try {
      const byDoc = new Map(docs.map((d) => [d.id, d]))
      const corpus = docs.filter((d) => d.passages.some((p) => p.lang === l)).map((d) => ({ file: d.id, text: d.text }))
      const found = await mineByTranslation({ glossary: { entries }, lang: l, conceptIds: ids, corpus, translate: (texts, src, tgt) => ml.translate(texts, src, tgt, { signal }) })
      if (me !== job) return
      const views = new Map([...found].map(([id, list]) => [id, list.map((c) => describeCandidate(c, byDoc, l))]))
      translated.value = views
      translation.value = { state: 'done', count: [...views.values()].reduce((n, v) => n + v.length, 0) }
    } catch (e) {
      if (me !== job || (e as { code?: string }).code === 'cancelled') return
      translation.value = { state: 'failed', message: errorText(e) }
    }
  }

  /** Mines candidates for every concept lacking the chosen language, over every imported report. */
  async function run(): Promise<void> {
    if (running.value) return
    const me = ++job
    const l = lang.value
    failure.value = null
    progress.value = { phase: 'load', done: 0, total: 1 }
    translation.value = { state: 'off' }
    abort = new AbortController()
    try {
      const db = useDb()
      const [entries, corpus] = await Promise.all([getAllEntries(db), loadQaCorpus(db)])
      if (me !== job) return
      const documents = corpus.map(toCandidatesDocument)
      const onProgress = (p: CandidatesJobProgress) => {
        if (job === me) progress.value = p
      }
      const ids = conceptsLackingLang({ entries }, l).map((e) => e.concept.id)
      translated.value = new Map()
      const mt = withTranslation.value && ids.length ? runTranslation(me, l, entries, ids, documents, abort.signal) : Promise.resolve()
      const started = runAnalysis('candidates', { documents, lang: l }, { glossary: entries, onProgress })
      candidatesRun = started
      const result = await started.result
      if (me !== job) return
      mined.value = result.concepts
      ranLang.value = l
      ranAt.value = new Date().toISOString()
      progress.value = null
      await mt
    } catch (e) {
      if (me !== job) return
      const msg = errorText(e)
      if (msg === JOB_CANCELLED) notify.push('info', i18next.t('candidates.cancelled'))
      else failure.value = msg
      abort?.abort()
    } finally {
      if (me === job) {
        progress.value = null
        candidatesRun = null
      }
    }
  }

  /** Cancels the run: the UI is free at once; the worker stops at its next step, a translation at once. */
  function cancel(): void {
    if (!running.value) return
    candidatesRun?.cancel()
    candidatesRun = null
    abort?.abort()
    job++
    progress.value = null
    if (translation.value.state === 'asking') useTranslationStore().question?.answer(false)
    if (translation.value.state === 'running' || translation.value.state === 'asking') translation.value = { state: 'off' }
    notify.push('info', i18next.t('candidates.cancelled'))
  }

  /** Hides a candidate for the rest of the session. */
  function reject(conceptId: string, c: CandidateView): void {
    rejected.value = new Set([...rejected.value, `${ranLang.value}|${conceptId}|${c.key}`])
  }

  /** A report's label for evidence: its title with its file name (titles guessed from the text can be vague), else the id. */
  function reportLabel(docId: string): string {
    const d = reportById.value.get(docId)
    return d ? (d.title === d.fileName ? d.title : `${d.title} (${d.fileName})`) : docId
  }

  /**
   * Adds the candidate to its concept as a term of the run's language (status admitted, its evidence as
   * sources: report file name and quote), reading and writing the concept in one transaction; offers an undo.
   */
  async function accept(conceptId: string, c: CandidateView): Promise<boolean> {
    const l = ranLang.value
    if (!l) return false
    const db = useDb()
    const term = acceptedTerm(c.candidate, conceptId, (id) => reportById.value.get(id)?.fileName ?? id)
    try {
      const added = await db.transaction('rw', glossaryTables(db), async () => {
        const entry = await getEntry(db, conceptId)
        if (!entry) return false
        if (entry.terms.some((t) => t.lang === l && t.text.trim().toLowerCase() === term.text.toLowerCase())) return false
        await saveEntry(db, { concept: entry.concept, terms: [...entry.terms, term] })
        return true
      })
      if (!added) {
        notify.push('info', i18next.t('candidates.notAdded', { text: term.text }))
        return false
      }
      accepted.value = new Map([...accepted.value, [`${l}|${conceptId}`, { id: term.id, text: term.text }]])
      const concept = glossary.labels.get(conceptId) ?? conceptId
      notify.push('undo', i18next.t('candidates.accepted', { text: term.text, concept, lang: l }), async () => {
        await db.transaction('rw', glossaryTables(db), async () => {
          const entry = await getEntry(db, conceptId)
          if (entry?.terms.some((t) => t.id === term.id)) await saveEntry(db, { concept: entry.concept, terms: entry.terms.filter((t) => t.id !== term.id) })
        })
      })
      return true
    } catch (e) {
      const reason = classifyDbError(e) === 'quota' ? i18next.t('errors.quota') : errorText(e)
      notify.push('error', i18next.t('candidates.acceptFailed', { reason }))
      return false
    }
  }

  return {
    lang, langPicked, withTranslation, progress, translation, mined, translated, ranLang, ranAt, failure, running, rows,
    start, run, cancel, reject, accept, reportLabel,
  }
})
