// The glossary as the UI sees it: an in-memory mirror of the termbase that catches up change by change
// (this tab's writes as they are, other tabs' through the change log and Dexie's liveQuery), the search
// index, the visible rows, and the actions that edit, delete and undo.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, toRaw, watch } from 'vue'
import { liveQuery, type Subscription } from 'dexie'
import i18next from 'i18next'
import type { ConceptEntry, Lang } from '../core/model'
import { SUPPORTED_LANGS } from '../core/model'
import { buildSearchIndex, searchGlossary, termsOfEntries, type SearchFieldCache } from '../core/glossarySearch'
import { useDb } from '../db'
import {
  EntryValidationError, deleteConcepts, entryLabel, getMeta, importEntries, restoreFromTrash, saveEntry, setMeta, type ImportMode,
} from '../db/termbase'
import { planImport, resolvePlan, termKey, type MergeChoice, type MergePlan, type ResolvedImport } from '../core/merge'
import { conceptHistory, restoreVersion, undoLastStep, USER_NAME_KEY } from '../db/history'
import { mergeConcepts } from '../db/conceptMerge'
import { applyBatch, StaleBatchError } from '../db/batchEdit'
import type { BatchPlan } from '../core/batchEdit'
import { GlossaryMirror } from '../db/glossaryMirror'
import type { HistoryRow } from '../db/schema'
import { classifyDbError } from '../db/errors'
import { writeErrorText } from '../i18n/problemText'
import { useNotifyStore } from './notify'
import { filterEntries, sortEntries, type GridFilters, type GridSort } from '../core/glossaryView'
import { useReportConcepts } from '../composables/useReportConcepts'

/** WARNING: stored in users' browsers; do not rename. */
const COLUMNS_KEY = 'coi-termbench.glossaryColumns'

function loadColumns(): Lang[] {
  try {
    const saved = JSON.parse(localStorage.getItem(COLUMNS_KEY) ?? 'null') as string[] | null
    const valid = saved?.filter((l): l is Lang => (SUPPORTED_LANGS as readonly string[]).includes(l))
    if (valid && valid.length) return valid
  } catch {
    /* a corrupt preference falls back to the default */
  }
  return ['en', 'ru', 'fi', 'nb', 'da', 'sv', 'fr']
}

const LABEL_ORDER = new Intl.Collator(undefined, { sensitivity: 'base' })

export const useGlossaryStore = defineStore('glossary', () => {
  const notify = useNotifyStore()
  /** Every concept with its terms (a plain, non-deep-reactive array: it can hold 100k terms). */
  const entries = shallowRef<ConceptEntry[]>([])
  /** True once the first snapshot of the termbase has arrived. */
  const loaded = ref(false)
  /** Folded texts and keys of term texts seen so far: a rebuild after an edit only folds what changed. */
  const fieldCache: SearchFieldCache = new Map()
  /** The search index over all terms: built after the first paint following a change (or by the first search). */
  const index = computed(() => buildSearchIndex(termsOfEntries(entries.value), fieldCache))
  /** The search box's text. */
  const query = ref('')
  /** Language columns shown in the table, in order. */
  const columns = ref<Lang[]>(loadColumns())
  let sub: Subscription | undefined

  /** The local user name recorded with each change (settings; '' when none). */
  const userName = ref('')

  watch(columns, (c) => localStorage.setItem(COLUMNS_KEY, JSON.stringify(c)), { deep: true })

  const labels = computed(() => new Map(entries.value.map((e) => [e.concept.id, entryLabel(e)])))
  const byId = computed(() => new Map(entries.value.map((e) => [e.concept.id, e])))
  /** Every concept by its label, alphabetically (one collator: localeCompare with options builds one per call). */
  const sorted = computed(() => {
    const l = labels.value
    const keyed = entries.value.map((e) => ({ label: l.get(e.concept.id) ?? '', e }))
    keyed.sort((a, b) => LABEL_ORDER.compare(a.label, b.label))
    return keyed.map((k) => k.e)
  })

  /** The grid's filters (status, missing language, subject field …) and sort; kept in the URL by the view. */
  const filters = ref<GridFilters>({})
  const sort = ref<GridSort | null>(null)
  /** Whether the grid shows a definition column. */
  const showDefinition = ref(false)

  /** The concepts the search finds: all alphabetically, or the hits best first. */
  const found = computed<ConceptEntry[]>(() => {
    if (!query.value.trim()) return sorted.value
    const map = byId.value
    return searchGlossary(index.value, query.value)
      .map((h) => map.get(h.conceptId))
      .filter((e): e is ConceptEntry => !!e)
  })

  /** The rows to show: the search's concepts that pass the filters, sorted by a language column when one is chosen. */
  const rows = computed<ConceptEntry[]>(() => {
    const list = filterEntries(found.value, filters.value, { sharing: filters.value.sharesTerm ? sharing.value : undefined, inReport: inReport.value })
    return sort.value ? sortEntries(list, sort.value) : list
  })

  /** Every subject field in use, for the filter's choices. */
  const subjectFields = computed(() => [...new Set(entries.value.map((e) => e.concept.subjectField?.trim()).filter((s): s is string => !!s))].sort((a, b) => a.localeCompare(b)))

  /** Concept ids by term (language + folded text, any status): for the editor's duplicate/homonym notice. */
  const conceptsByTerm = computed(() => {
    const map = new Map<string, string[]>()
    for (const e of entries.value) {
      for (const t of e.terms) {
        const k = termKey(t.lang, t.text)
        const list = map.get(k)
        if (!list) map.set(k, [e.concept.id])
        else if (!list.includes(e.concept.id)) list.push(e.concept.id)
      }
    }
    return map
  })

  /** The concepts found in the report the "in report" filter names. */
  const inReport = useReportConcepts(entries, computed(() => filters.value.inReport))
  /** True while the "in report" filter's concepts are being found. */
  const reportPending = computed(() => !!filters.value.inReport && !inReport.value)

  /** The concepts that have a term some other concept has too (the "shares a term" filter). */
  const sharing = computed(() => new Set([...conceptsByTerm.value.values()].filter((ids) => ids.length > 1).flat()))

  /** Other concepts that have this term (same language, same folded text). */
  function conceptsWithTerm(lang: Lang, text: string, exceptId: string): string[] {
    if (!text.trim()) return []
    return (conceptsByTerm.value.get(termKey(lang, text)) ?? []).filter((id) => id !== exceptId)
  }

  /** Starts following the database (idempotent). */
  function start(): void {
    if (sub) return
    void getMeta<string>(useDb(), USER_NAME_KEY).then((v) => (userName.value = v ?? ''))
    // This tab's commits are applied as written; the liveQuery then finds them applied and reads nothing.
    const m: GlossaryMirror = new GlossaryMirror(useDb(), () => m.loaded && publish(m))
    sub = liveQuery(() => m.read()).subscribe({
      next: (pull) => {
        const changed = m.applyPull(pull)
        if (changed === null || changed.length || !loaded.value) publish(m)
      },
      error: (e) => notify.push('error', String(e)),
    })
  }

  function publish(m: GlossaryMirror): void {
    entries.value = m.list()
    loaded.value = true
    // The search index is built once the grid has painted, while the user is not yet typing.
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => void index.value, { timeout: 2000 })
    else setTimeout(() => void index.value, 200)
  }

  function reportWriteError(e: unknown): void {
    const kind = classifyDbError(e)
    const msg = kind === 'quota' ? i18next.t('errors.quota') : writeErrorText(e)
    notify.push('error', msg)
  }

  /** Saves a concept (validated in the repository), offering an undo. Throws on validation so the editor can show it. */
  async function save(entry: ConceptEntry): Promise<ConceptEntry> {
    try {
      const saved = await saveEntry(useDb(), toRaw(entry))
      notify.push('undo', i18next.t('termwork.history.saved', { name: entryLabel(saved) }), async () => void (await undo()))
      return saved
    } catch (e) {
      if (classifyDbError(e) !== 'validation') reportWriteError(e)
      throw e
    }
  }

  /** Deletes concepts, offering an undo. */
  async function remove(conceptIds: string[]): Promise<void> {
    const names = conceptIds.map((id) => labels.value.get(id) ?? id)
    const trashIds = await deleteConcepts(useDb(), conceptIds)
    const text = i18next.t('glossary.deleted', { count: names.length, name: names[0] })
    notify.push('undo', text, async () => {
      await restoreFromTrash(useDb(), trashIds)
    })
  }

  /** Writes an imported glossary, all or nothing. Returns the number of concepts written. */
  async function importAll(list: ConceptEntry[], mode: ImportMode): Promise<number> {
    try {
      const n = await importEntries(useDb(), list, mode)
      notify.push('info', i18next.t('import.done', { count: n }))
      return n
    } catch (e) {
      reportWriteError(e)
      throw e
    }
  }

  /** Classifies imported concepts against the termbase (new, unchanged, changed, conflicting). Writes nothing. */
  function planFor(list: ConceptEntry[]): MergePlan {
    return planImport(entries.value, list)
  }

  /** What the choices would write and which rules they would break: the preview and the commit both use it. */
  function resolveFor(plan: MergePlan, choices: ReadonlyMap<number, MergeChoice>): ResolvedImport {
    return resolvePlan(entries.value, plan, choices)
  }

  /** Writes what the choices resolve to, all or nothing, in one transaction. Returns the resolution. */
  async function commitPlan(plan: MergePlan, choices: ReadonlyMap<number, MergeChoice>): Promise<ResolvedImport> {
    const resolved = resolveFor(plan, choices)
    const first = resolved.problems[0]
    if (first) throw new EntryValidationError(first.problems, first.conceptId)
    try {
      if (resolved.writes.length) await importEntries(useDb(), resolved.writes, 'add')
      notify.push('info', i18next.t('termwork.import.done', { count: resolved.writes.length, unchanged: resolved.counts.unchanged, skipped: resolved.counts.skipped }))
      return resolved
    } catch (e) {
      reportWriteError(e)
      throw e
    }
  }

  /** Undoes the last step of the history (an edit, an import, a merge …). False when there is none. */
  async function undo(): Promise<boolean> {
    const done = await undoLastStep(useDb())
    if (done) notify.push('info', i18next.t('termwork.history.undone', { action: i18next.t(`termwork.history.action.${done.action}`) }))
    return !!done
  }

  /** The versions of a concept, newest first. */
  function historyOf(conceptId: string): Promise<HistoryRow[]> {
    return conceptHistory(useDb(), conceptId)
  }

  /** Brings a concept back to a version of its history (as a new, undoable step). */
  async function restore(version: { rowId: number; side: 'before' | 'after' }): Promise<ConceptEntry | null> {
    const restored = await restoreVersion(useDb(), version.rowId, version.side)
    notify.push('undo', i18next.t('termwork.history.restored'), async () => void (await undo()))
    return restored
  }

  /** Sets the user name recorded with each change. */
  async function setUserName(name: string): Promise<void> {
    userName.value = name.trim()
    await setMeta(useDb(), USER_NAME_KEY, userName.value)
  }

  /** Merges concept `sourceId` into `targetId` (undoable); returns the texts of terms that became admitted. */
  async function mergeInto(targetId: string, sourceId: string): Promise<string[]> {
    const names = [labels.value.get(sourceId) ?? sourceId, labels.value.get(targetId) ?? targetId]
    const { demoted } = await mergeConcepts(useDb(), targetId, sourceId)
    notify.push('undo', i18next.t('termwork.mergeTool.done', { source: names[0], target: names[1] }), async () => void (await undo()))
    const list = demoted.map((t) => `${t.lang}: ${t.text}`)
    if (list.length) notify.push('info', i18next.t('termwork.mergeTool.demoted', { terms: list.join(', ') }), undefined, 20000)
    return list
  }

  /** Writes a planned batch edit (core/batchEdit.ts) as one step, offering an undo. Returns the number of concepts changed. */
  async function applyBatchPlan(plan: BatchPlan): Promise<number> {
    try {
      const n = await applyBatch(useDb(), plan)
      notify.push('undo', i18next.t('batch.done', { count: n }), async () => void (await undo()))
      return n
    } catch (e) {
      if (!(e instanceof StaleBatchError) && classifyDbError(e) !== 'validation') reportWriteError(e)
      throw e
    }
  }

  /** Resolves once the glossary has been read (or after 10 s, so that a caller never hangs on a broken database). */
  function ready(): Promise<void> {
    start()
    if (loaded.value) return Promise.resolve()
    return new Promise((ok) => {
      const timer = setTimeout(done, 10_000)
      const stop = watch(loaded, (v) => v && done())
      function done(): void {
        clearTimeout(timer)
        stop()
        ok()
      }
    })
  }

  return { entries, loaded, index, query, columns, rows, labels, byId, filters, sort, showDefinition, subjectFields, start, ready, save, remove, importAll, planFor, resolveFor, commitPlan,
    userName, setUserName, undo, historyOf, restore, mergeInto, conceptsWithTerm, applyBatchPlan, reportPending }
})
