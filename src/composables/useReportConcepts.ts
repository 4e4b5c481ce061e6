// The concepts of the glossary found in one report, for the glossary's "in report" filter: matched in the analysis
// worker (one report can hold thousands of passages) and found again when the glossary or the report changes.
import { shallowRef, watch, type Ref, type ShallowRef } from 'vue'
import type { ConceptEntry, Lang } from '../core/model'
import { useDb } from '../db'
import { runAnalysis, type AnalysisRun } from '../stores/analysisWorker'

/** The ids of the concepts found in report `docId` (undefined while none is chosen or its first search runs). */
export function useReportConcepts(entries: Ref<readonly ConceptEntry[]>, docId: Ref<string | undefined>): ShallowRef<ReadonlySet<string> | undefined> {
  const found = shallowRef<ReadonlySet<string> | undefined>(undefined)
  let run: AnalysisRun<Record<string, number>> | null = null
  let job = 0
  let shownFor: string | undefined
  watch(
    [docId, entries],
    async ([id, list]) => {
      const me = ++job
      run?.cancel()
      // Another report starts empty; the same report keeps its concepts until the glossary's edit is matched.
      if (id !== shownFor) found.value = undefined
      shownFor = id
      if (!id) return
      const db = useDb()
      const [doc, passages] = await Promise.all([db.documents.get(id), db.passages.where('docId').equals(id).toArray()])
      if (me !== job) return
      if (!doc) {
        found.value = new Set()
        return
      }
      run = runAnalysis('conceptsIn', { lang: doc.lang as Lang | 'und', passages: passages.map((p) => ({ lang: p.lang, text: p.text })) }, { glossary: list })
      try {
        const counts = await run.result
        if (me === job) found.value = new Set(Object.keys(counts))
      } catch {
        /* cancelled by a newer request, or the worker failed: the filter shows nothing until the next change */
      }
    },
    { immediate: true },
  )
  return found
}
