// Passage translation in the reader: the glossary-respecting pipeline (protect → translate in the worker,
// streamed → restore → check) per passage, its IndexedDB cache, the user's confirmation before a model
// download, one-click fixes, and the whole-document job that runs in the background until cancelled.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, triggerRef } from 'vue'
import type { Lang } from '../core/model'
import type { TranslationFinding } from '../core/suggest'
import type { PassageRow } from '../db/schema'
import { useDb } from '../db'
import { DexieTranslationCache } from '../db/mlCache'
import { pickTranslationModel, type TranslationModelInfo } from '../ml/adapters/translation'
import { checkPassage, fixPassage, translatePassage, type GlossaryContext } from '../ml/passageTranslation'
import { translationHash } from '../ml/translationCache'
import { useGlossaryStore } from './glossary'
import { useMlStore } from './ml'
import { useTermMatcherStore } from './termMatcher'
import { useModelConsentStore } from './modelConsent'

/** The translation of one passage into one language, as the reader shows it. */
export interface PassageTranslation {
  state: 'streaming' | 'done' | 'error'
  modelId: string
  /** The text so far (streaming) or the finished translation (terms restored, fixes applied). */
  text: string
  findings: TranslationFinding[]
  /** Protected terms the model dropped. */
  dropped: string[]
  /** A sentence the user can act on, for state 'error'. */
  error?: string
}

/** The whole-document job. */
export interface DocumentJob {
  docId: string
  tgt: Lang
  done: number
  total: number
  running: boolean
}

export type { DownloadQuestion } from './modelConsent'

/** The language a passage is translated from (its own, else the document's); null when unknown. */
export function sourceLangOf(p: Pick<PassageRow, 'lang'>, docLang: Lang | 'und'): Lang | null {
  const l = p.lang === 'und' ? docLang : p.lang
  return l === 'und' ? null : l
}

export const useTranslationStore = defineStore('translation', () => {
  const ml = useMlStore()
  const glossary = useGlossaryStore()
  const terms = useTermMatcherStore()
  /** Whether the reader shows translations beside the passages. */
  const on = ref(false)
  /** The language translated into. */
  const target = ref<Lang>('en')
  /** Translations by `key(passage, tgt)`; replaced entry by entry. */
  const results = shallowRef<Record<string, PassageTranslation>>({})
  /** The last reason translation was unavailable (the worker's message), shown once for the reader. */
  const error = ref<string | null>(null)
  const consent = useModelConsentStore()
  /** The question shown before a download starts (the one question shared with embeddings). */
  const question = computed(() => consent.question)
  /** The whole-document job, if one ran in this session. */
  const job = ref<DocumentJob | null>(null)
  const running = new Map<string, AbortController>()
  let jobController: AbortController | undefined
  const cache = () => new DexieTranslationCache(useDb())

  const key = (p: Pick<PassageRow, 'id'>, tgt: Lang) => `${p.id}>${tgt}`
  function set(k: string, r: PassageTranslation | undefined): void {
    if (r) results.value[k] = r
    else delete results.value[k]
    triggerRef(results)
  }
  function ctx(): GlossaryContext | null {
    const m = terms.matcher
    return m ? { matcher: m, glossary: { entries: glossary.entries } } : null
  }

  /** Asks the user before translation `models` download (see the consent store); resolves their answer. */
  function confirmDownload(models: TranslationModelInfo[]): Promise<boolean> {
    return consent.confirm(models.map((m) => ({ id: m.id, task: 'translation', webgpuDtype: m.webgpuDtype })), (id) => ml.translationStatus[id]?.state === 'ready')
  }

  /** Shows the cached translation of a passage, if there is one; true when found. */
  async function lookup(p: PassageRow, docLang: Lang | 'und', tgt = target.value): Promise<boolean> {
    const src = sourceLangOf(p, docLang)
    const info = src && pickTranslationModel(src, tgt)
    if (!src || !info) return false
    if (results.value[key(p, tgt)]) return results.value[key(p, tgt)].state === 'done'
    const [text] = await cache().getMany(info.id, [await translationHash(p.text, src, tgt, 'passage')])
    if (text === undefined || results.value[key(p, tgt)]) return text !== undefined
    set(key(p, tgt), { state: 'done', modelId: info.id, text, findings: checkPassage(p.text, text, src, tgt, ctx()), dropped: [] })
    return true
  }

  /**
   * Translates one passage into `tgt` (cached result when there is one), streaming into `results`. Asks
   * before a download unless `confirmedAlready`. Resolves false when it did not translate (declined,
   * cancelled or unavailable: the reason is in the result and in `error`).
   */
  async function translateOne(p: PassageRow, docLang: Lang | 'und', tgt = target.value, signal?: AbortSignal, confirmedAlready = false): Promise<boolean> {
    const src = sourceLangOf(p, docLang)
    const info = src && pickTranslationModel(src, tgt)
    if (!src || !info) return false
    if (await lookup(p, docLang, tgt)) return true
    if (!confirmedAlready && !(await confirmDownload([info]))) return false
    const k = key(p, tgt)
    const controller = new AbortController()
    const stop = () => controller.abort()
    signal?.addEventListener('abort', stop, { once: true })
    running.get(k)?.abort()
    running.set(k, controller)
    set(k, { state: 'streaming', modelId: info.id, text: '', findings: [], dropped: [] })
    try {
      const r = await translatePassage(
        p.text,
        src,
        tgt,
        ctx(),
        async (text, onRaw) => (await ml.translate([text], src, tgt, { signal: controller.signal, onPartial: (_, sofar) => onRaw(sofar) }))[0],
        (text) => running.get(k) === controller && set(k, { state: 'streaming', modelId: info.id, text, findings: [], dropped: [] }),
      )
      await cache().putMany(info.id, [{ hash: await translationHash(p.text, src, tgt, 'passage'), text: r.text }])
      set(k, { state: 'done', modelId: info.id, ...r })
      error.value = null
      return true
    } catch (e) {
      const err = e as Error & { code?: string }
      if (err.code === 'cancelled') set(k, undefined)
      else {
        if (err.code === 'model-unreachable') error.value = err.message
        set(k, { state: 'error', modelId: info.id, text: '', findings: [], dropped: [], error: err.message })
      }
      return false
    } finally {
      signal?.removeEventListener('abort', stop)
      if (running.get(k) === controller) running.delete(k)
    }
  }

  /** Stops the translation of one passage. */
  function cancelOne(p: PassageRow, tgt = target.value): void {
    running.get(key(p, tgt))?.abort()
  }

  /** Applies a finding's fix to a passage's translation, stores the fixed text and checks it again. */
  async function fix(p: PassageRow, docLang: Lang | 'und', finding: TranslationFinding, tgt = target.value): Promise<void> {
    const src = sourceLangOf(p, docLang)
    const cur = results.value[key(p, tgt)]
    if (!src || !cur || cur.state !== 'done') return
    const r = fixPassage(p.text, cur.text, finding, src, tgt, ctx())
    await cache().putMany(cur.modelId, [{ hash: await translationHash(p.text, src, tgt, 'passage'), text: r.text }])
    set(key(p, tgt), { ...cur, ...r })
  }

  /** The models a document's passages need for `tgt` (one per source language). */
  function modelsFor(passages: readonly PassageRow[], docLang: Lang | 'und', tgt: Lang): TranslationModelInfo[] {
    const byId = new Map<string, TranslationModelInfo>()
    for (const p of passages) {
      const src = sourceLangOf(p, docLang)
      const info = src && pickTranslationModel(src, tgt)
      if (info) byId.set(info.id, info)
    }
    return [...byId.values()]
  }

  /**
   * Translates a whole document passage by passage in the background (cached passages are skipped), with
   * progress in `job`. It goes on while the user reads or moves around, until done, cancelled or a model
   * cannot be loaded.
   */
  async function translateDocument(docId: string, passages: readonly PassageRow[], docLang: Lang | 'und', tgt = target.value): Promise<void> {
    cancelDocument()
    const todo = passages.filter((p) => p.text.trim() && sourceLangOf(p, docLang) && sourceLangOf(p, docLang) !== tgt)
    if (!(await confirmDownload(modelsFor(todo, docLang, tgt)))) return
    const controller = (jobController = new AbortController())
    job.value = { docId, tgt, done: 0, total: todo.length, running: true }
    for (const p of todo) {
      if (controller.signal.aborted) break
      const ok = await translateOne(p, docLang, tgt, controller.signal, true)
      if (!ok && (controller.signal.aborted || error.value)) break
      if (jobController === controller && job.value) job.value = { ...job.value, done: job.value.done + 1 }
    }
    if (jobController === controller && job.value) job.value = { ...job.value, running: false }
  }

  /** Stops the whole-document job. */
  function cancelDocument(): void {
    jobController?.abort()
    jobController = undefined
    if (job.value) job.value = { ...job.value, running: false }
  }

  return { on, target, results, error, question, job, key, lookup, translateOne, cancelOne, confirmDownload, fix, modelsFor, translateDocument, cancelDocument }
})
