// New terms in the reports (core/suggest/newTerms.ts, run in the analysis worker): the candidates the glossary lacks,
// each added to the glossary (a new concept, or the concept that has its other term) or ignored; ignoring is kept in
// the database (meta key below, so backups carry it) and undoable.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import i18next from 'i18next'
import { nowIso } from '../core/model'
import type { NewTermCandidate } from '../core/suggest/newTerms'
import { candidateEntry } from '../core/suggest/newTermEntry'
import { useDb } from '../db'
import { loadQaCorpus } from '../db/qa'
import { getAllEntries, getEntry, getMeta, setMeta } from '../db/termbase'
import { JOB_CANCELLED } from '../workers/jobProtocol'
import { runAnalysis, type AnalysisRun } from './analysisWorker'
import { toCandidatesDocument } from './candidates'
import { useGlossaryStore } from './glossary'
import { useNotifyStore } from './notify'
import { useReportsStore } from './reports'

/** WARNING: a meta key stored in users' databases; do not rename. The keys of ignored new-term candidates. */
export const NEW_TERMS_IGNORED_KEY = 'newTermsIgnored'

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e))

export const useNewTermsStore = defineStore('newTerms', () => {
  const glossary = useGlossaryStore()
  const reports = useReportsStore()
  const notify = useNotifyStore()
  /** The candidates of the last run (null before one), best first. */
  const list = shallowRef<NewTermCandidate[] | null>(null)
  const running = ref(false)
  const failure = ref<string | null>(null)
  let current: AnalysisRun<NewTermCandidate[]> | null = null

  async function ignoredKeys(): Promise<string[]> {
    return (await getMeta<string[]>(useDb(), NEW_TERMS_IGNORED_KEY)) ?? []
  }

  /** Reads every imported report for terms the glossary lacks. */
  async function run(): Promise<void> {
    if (running.value) return
    running.value = true
    failure.value = null
    try {
      const db = useDb()
      const [entries, corpus, ignored] = await Promise.all([getAllEntries(db), loadQaCorpus(db), ignoredKeys()])
      current = runAnalysis('newTerms', { documents: corpus.map(toCandidatesDocument), ignored }, { glossary: entries })
      list.value = await current.result
    } catch (e) {
      const msg = errorText(e)
      if (msg === JOB_CANCELLED) notify.push('info', i18next.t('newTerms.cancelled'))
      else failure.value = msg
    } finally {
      running.value = false
      current = null
    }
  }

  function cancel(): void {
    current?.cancel()
  }

  const drop = (c: NewTermCandidate) => (list.value = list.value?.filter((x) => x.key !== c.key) ?? null)

  /** Adds the candidate's terms to the glossary (its concept's, or a new one's) with its sentence as the source. */
  async function add(c: NewTermCandidate): Promise<string> {
    const existing = c.conceptId ? await getEntry(useDb(), c.conceptId) : undefined
    const doc = reports.documents.find((d) => d.id === c.example.doc)
    const entry = candidateEntry(c, existing, { doc: doc?.fileName ?? c.example.doc, quote: c.example.text }, nowIso())
    await glossary.save(entry)
    drop(c)
    return entry.concept.id
  }

  /** Leaves the candidate out of this and later runs; the toast's Undo brings it back. */
  async function ignore(c: NewTermCandidate): Promise<void> {
    const db = useDb()
    const before = await ignoredKeys()
    await setMeta(db, NEW_TERMS_IGNORED_KEY, [...new Set([...before, c.key])])
    const had = list.value
    drop(c)
    notify.push('undo', i18next.t('newTerms.ignoredOne', { term: c.terms[0].text }), async () => {
      await setMeta(db, NEW_TERMS_IGNORED_KEY, before)
      if (list.value && had) list.value = had.filter((x) => x.key === c.key || list.value!.some((y) => y.key === x.key))
    })
  }

  return { list, running, failure, run, cancel, add, ignore }
})
