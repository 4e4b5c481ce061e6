// The one question asked before any model downloads (translation or embeddings): which models, their sizes, yes
// or no. The answer is remembered per model source, as the browser keeps the files once they have come.
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { MlDtype, MlTask } from '../ml/protocol'
import { useDb } from '../db'
import { getMeta, setMeta } from '../db/termbase'
import { modelSourceKey } from '../ml/modelSource'
import { useMlStore } from './ml'

/** What the question shows of a model: its id and task (its size is looked up from the source on request). */
export interface ModelDownloadInfo {
  id: string
  task: MlTask
  webgpuDtype?: MlDtype
}

/** The models a task would download, waiting for the user's yes or no. */
export interface DownloadQuestion {
  /** What the models are for: the question's wording says so. */
  purpose: 'translation' | 'embeddings'
  models: ModelDownloadInfo[]
  answer: (yes: boolean) => void
}

/** WARNING: stored in users' databases; do not rename (it predates embeddings, hence the name). */
const AGREED_KEY = 'translationModelsAgreed'

export const useModelConsentStore = defineStore('modelConsent', () => {
  const ml = useMlStore()
  /** The question shown before a download starts, or null. */
  const question = shallowRef<DownloadQuestion | null>(null)
  /** Models the user agreed to download, as "source|model" (kept in the database, read on first use). */
  let agreed: Set<string> | undefined

  /**
   * Asks the user before `models` download: those not `ready` already, nor agreed to before for the current model
   * source. Resolves the answer (true at once when nothing needs asking). A new question declines the old one.
   */
  async function confirm(
    models: ModelDownloadInfo[], ready: (id: string) => boolean = () => false, purpose: DownloadQuestion['purpose'] = 'translation',
  ): Promise<boolean> {
    await ml.loadSettings()
    const set = (agreed ??= new Set((await getMeta<string[]>(useDb(), AGREED_KEY)) ?? []))
    const src = modelSourceKey(ml.source)
    const ask = models.filter((m) => !set.has(`${src}|${m.id}`) && !ready(m.id))
    if (!ask.length) return true
    question.value?.answer(false)
    return new Promise((resolve) => {
      question.value = {
        purpose,
        models: ask,
        answer: (yes) => {
          question.value = null
          if (yes) {
            for (const m of ask) set.add(`${src}|${m.id}`)
            void setMeta(useDb(), AGREED_KEY, [...set])
          }
          resolve(yes)
        },
      }
    })
  }

  /** Forgets the agreement to download `modelId` from the current source (its cached files were deleted). */
  async function forget(modelId: string): Promise<void> {
    await ml.loadSettings()
    const set = (agreed ??= new Set((await getMeta<string[]>(useDb(), AGREED_KEY)) ?? []))
    if (set.delete(`${modelSourceKey(ml.source)}|${modelId}`)) await setMeta(useDb(), AGREED_KEY, [...set])
  }

  /** Withdraws an open question (as a no). */
  function withdraw(): void {
    question.value?.answer(false)
  }

  return { question, confirm, forget, withdraw }
})
