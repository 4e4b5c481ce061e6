// Imported reports: the live document list, importing files (extract → segment in a worker → one
// transaction per file), duplicate detection by content hash, language overrides, delete with undo.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { liveQuery, type Subscription } from 'dexie'
import i18next from 'i18next'
import type { Lang, SegmentedPassage, Term } from '../core/model'
import { newId, nowIso } from '../core/model'
import type { CodedMessage } from '../core/message'
import { deleteConcepts, getEntry, saveEntry } from '../db/termbase'
import type { ReportMeta } from '../core/reportMeta'
import { useDb } from '../db'
import type { DocumentRow } from '../db/schema'
import { deleteDocument, findByHash, importDocument, listDocuments, restoreDocument, setLanguage } from '../db/documents'
import { classifyDbError } from '../db/errors'
import { checkReportFile } from './reportExtract'
import { useNotifyStore } from './notify'
import { workerRpc } from './workerRpc'
import { LIMITS } from '../core/limits'
import { sha256Hex } from '../core/text/hash'

// A report that takes longer than its time budget (a document built to be slow) stops the worker.
const segment = workerRpc(() => new Worker(new URL('../workers/segment.worker.ts', import.meta.url), { type: 'module' }), { timeoutMs: LIMITS.reportMillis })

/** A document in the list (without its text). */
export type DocumentSummary = Omit<DocumentRow, 'text'>

/**
 * A file of an import batch that could not be imported: the English message ("file: reason") and, when the error
 * had them (a ReportError, also across the worker), its code and params with the file (see i18n/issueText.ts).
 */
export type ReportFailure = CodedMessage

/** The failure of importing `file` for error `e`. */
function reportFailure(e: unknown, file: string): ReportFailure {
  const quota = classifyDbError(e) === 'quota'
  const reason = quota ? i18next.t('errors.quota') : (e as Error).message
  const message = reason.startsWith(file) ? reason : `${file}: ${reason}`
  const { code, params } = (e ?? {}) as Partial<ReportFailure>
  return !quota && typeof code === 'string' ? { message, code, params: { ...params, file } } : { message }
}

/** Progress of an import batch. */
export interface ImportProgress {
  done: number
  total: number
  file: string
  phase: 'read' | 'segment' | 'store'
}

export const useReportsStore = defineStore('reports', () => {
  const notify = useNotifyStore()
  /** Imported documents, newest first. */
  const documents = shallowRef<DocumentSummary[]>([])
  /** The running import, or null. */
  const progress = ref<ImportProgress | null>(null)
  /** Per-file failures of the last import batch ("file: reason", with a code where the error has one). */
  const failures = ref<ReportFailure[]>([])
  let sub: Subscription | undefined

  /** Starts following the document list (idempotent). */
  function start(): void {
    sub ??= liveQuery(() => listDocuments(useDb())).subscribe({ next: (v) => (documents.value = v) })
  }

  /**
   * Imports files one by one. Each file is all or nothing; a file already imported (same hash) is
   * skipped unless `confirmReplace` says to replace it. Returns the ids of the stored documents.
   */
  async function importFiles(files: File[], confirmReplace: (existing: DocumentRow) => boolean, lang?: Lang): Promise<string[]> {
    failures.value = []
    const ids: string[] = []
    for (let i = 0; i < files.length; i++) {
      const file = files[i]
      progress.value = { done: i, total: files.length, file: file.name, phase: 'read' }
      try {
        checkReportFile(file.name, file.size)
        const bytes = new Uint8Array(await file.arrayBuffer())
        const hash = await sha256Hex(bytes)
        const existing = await findByHash(useDb(), hash)
        if (existing && !confirmReplace(existing)) continue
        progress.value = { ...progress.value, phase: 'segment' }
        const seg = await segment<{ text: string; lang: Lang | 'und'; passages: SegmentedPassage[]; meta: ReportMeta }>({ name: file.name, bytes, ...(lang ? { lang } : {}) })
        if (!seg.text.trim()) throw new Error(`${file.name}: ${i18next.t('reports.noText')}`)
        progress.value = { ...progress.value, phase: 'store' }
        const { title, publisher, date } = seg.meta
        const row = await importDocument(
          useDb(),
          { id: existing?.id ?? `d-${hash.slice(0, 16)}`, title, ...(publisher ? { publisher } : {}), lang: seg.lang, date, fileName: file.name, hash, text: seg.text },
          seg.passages,
          !!existing,
        )
        ids.push(row.id)
      } catch (e) {
        failures.value = [...failures.value, reportFailure(e, file.name)]
      }
    }
    progress.value = null
    if (ids.length) notify.push('info', i18next.t('reports.imported', { count: ids.length }))
    return ids
  }

  /** Deletes a document, offering an undo. */
  async function remove(docId: string): Promise<void> {
    const removed = await deleteDocument(useDb(), docId)
    if (!removed) return
    notify.push('undo', i18next.t('reports.deleted', { name: removed.doc.title }), () => restoreDocument(useDb(), removed))
  }

  /** Updates editable metadata of a document. */
  async function updateMeta(docId: string, patch: Partial<Pick<DocumentRow, 'title' | 'publisher' | 'date'>>): Promise<void> {
    await useDb().documents.update(docId, patch)
  }

  /** Overrides a passage's (or the whole document's) language. */
  function overrideLang(docId: string, lang: Lang, passageId?: string): Promise<void> {
    return setLanguage(useDb(), docId, lang, passageId)
  }

  /**
   * Adds text selected in a report as an admitted term of an existing concept, or of a new concept when
   * `conceptId` is undefined, with the file and the sentence as its source; undoable. Returns the concept
   * id, or null when the concept already has that term in that language.
   */
  async function addTermFromReport(input: { text: string; lang: Lang; conceptId?: string; fileName: string; quote: string }): Promise<string | null> {
    const db = useDb()
    const now = nowIso()
    const text = input.text.replace(/\s+/g, ' ').trim()
    const previous = input.conceptId ? await getEntry(db, input.conceptId) : undefined
    if (input.conceptId && !previous) throw new Error(`concept ${input.conceptId} no longer exists`)
    if (previous?.terms.some((t) => t.lang === input.lang && t.text.toLowerCase() === text.toLowerCase())) {
      notify.push('info', i18next.t('docfit.termExists', { text }))
      return null
    }
    const concept = previous?.concept ?? { id: newId('c-'), definitions: {}, related: [], created: now, modified: now }
    const term: Term = { id: newId('t-'), conceptId: concept.id, lang: input.lang, text, status: 'admitted', type: 'fullForm', sources: [{ doc: input.fileName, quote: input.quote }], created: now, modified: now }
    await saveEntry(db, { concept, terms: [...(previous?.terms ?? []), term] })
    notify.push('undo', i18next.t('docfit.termAdded', { text }), async () => {
      if (previous) await saveEntry(db, previous)
      else await deleteConcepts(db, [concept.id])
    })
    return concept.id
  }

  return { documents, progress, failures, start, importFiles, remove, updateMeta, overrideLang, addTermFromReport }
})
