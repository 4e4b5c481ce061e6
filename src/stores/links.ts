// Passage links across languages as the UI sees them: the chosen report pair, a linking run in the analysis worker
// (progress, cancel, optional embeddings), the results, the user's stored decisions (liveQuery) and the filters;
// and "find in other reports" for one passage. Tier 1 always runs; embeddings only refine it when available.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, toRaw } from 'vue'
import { liveQuery, type Subscription } from 'dexie'
import i18next from 'i18next'
import type { LinkEvidence, LinkPassage, PassageLinks } from '../core/link'
import type { Lang } from '../core/model'
import { fnv1a } from '../core/text/hash'
import { useDb } from '../db'
import type { LinkRow, PassageRow } from '../db/schema'
import { getPassages, listDocuments } from '../db/documents'
import { listLinks, saveLinkStatus, type LinkStatus } from '../db/links'
import type { LinkJobPhase } from '../workers/linkJob'
import { useGlossaryStore } from './glossary'
import { useMlStore } from './ml'
import { useNotifyStore } from './notify'
import type { DocumentSummary } from './reports'
import { runAnalysis, type AnalysisRun } from './analysisWorker'
import { buildLinkViews, type LinkFilters, type LinkView } from './linkViews'
import { createJobSlot } from './jobSlot'
import { useModelConsentStore } from './modelConsent'
export * from './linkViews'

/** Where a run is: reading passages, loading the model, embedding, or a phase of the linking job. */
export type RunPhase = 'load' | 'model' | 'embed' | LinkJobPhase
/** Progress of the running job; `total` 0 means indeterminate. */
export interface RunProgress {
  phase: RunPhase
  done: number
  total: number
}
/** A passage of another report found for a query passage. */
export interface FoundView {
  doc: DocumentSummary
  passage: PassageRow
  score: number
  evidence: LinkEvidence
}

/** Candidates kept per source passage. */
const TOP = 5

/** What linking needs of a passage row (a small copy for the worker). */
function toLinkPassage(p: PassageRow): LinkPassage {
  return { text: p.text, kind: p.kind, lang: p.lang, sentences: p.sentences.map((s) => ({ text: s.text })) }
}

/** A short hash of the passage languages (a language override changes what linking sees). */
function langSignature(ps: readonly PassageRow[]): string {
  return `${ps.length}.${fnv1a(ps.map((p) => p.lang).join('')).toString(36)}`
}

export const useLinksStore = defineStore('links', () => {
  const glossary = useGlossaryStore()
  const ml = useMlStore()
  const notify = useNotifyStore()
  const consent = useModelConsentStore()
  /** Source report (A) and candidate report (B) ids. */
  const pairA = ref('')
  const pairB = ref('')
  /** Passages of A and B as last linked (reading order). */
  const passagesA = shallowRef<PassageRow[]>([])
  const passagesB = shallowRef<PassageRow[]>([])
  /** Ranked candidates of every passage of A, or null before a run. */
  const results = shallowRef<PassageLinks[] | null>(null)
  /** The running job's progress, or null. */
  const progress = ref<RunProgress | null>(null)
  /** The last run's failure, if any. */
  const error = ref('')
  /** Whether a run asks for embeddings (tier 2). */
  const useEmbeddings = ref(false)
  /** Set when embeddings were asked for but no model could be loaded: the model's plain message. */
  const embeddingNote = ref('')
  /** Stored decisions on links of this pair, by link id. */
  const statuses = shallowRef<Map<string, LinkRow>>(new Map())
  /** The filters of the link list, map and heatmap. */
  const filters = ref<LinkFilters>({ concept: '', section: '', threshold: 0, strongOnly: false, perSource: 1, status: 'all' })
  let sub: Subscription | undefined
  const slot = createJobSlot(progress, error)
  /** The linking run under way in the analysis worker, for cancel. */
  let linkRun: AnalysisRun<unknown> | null = null
  const embedCache = new Map<string, Float32Array[]>()

  /** Link rows after filters (see `buildLinkViews`). */
  const views = computed<LinkView[]>(() =>
    results.value ? buildLinkViews(results.value, passagesA.value, passagesB.value, statuses.value, filters.value) : [],
  )
  /** Number of confirmed and rejected links stored for this pair. */
  const decided = computed(() => {
    let confirmed = 0
    let rejected = 0
    for (const r of statuses.value.values()) (r.status === 'confirmed' ? confirmed++ : r.status === 'rejected' ? rejected++ : 0)
    return { confirmed, rejected }
  })

  /** Chooses the report pair; decisions of the pair are followed live. Results of another pair are dropped. */
  function setPair(a: string, b: string): void {
    if (a === pairA.value && b === pairB.value) return
    cancel()
    pairA.value = a
    pairB.value = b
    results.value = null
    passagesA.value = passagesB.value = []
    error.value = embeddingNote.value = ''
    filters.value = { ...filters.value, concept: '', section: '' }
    sub?.unsubscribe()
    statuses.value = new Map()
    if (a && b) sub = liveQuery(() => listLinks(useDb(), a, b)).subscribe({ next: (rows) => (statuses.value = new Map(rows.map((r) => [r.id, r]))) })
  }

  /** Embeddings of a report's passages by position (footnotes get an empty vector), or null without a model; progress only while `live`. */
  async function embedDoc(docId: string, ps: PassageRow[], live: () => boolean): Promise<Float32Array[] | null> {
    const key = `${ml.embeddingModel}|${docId}|${langSignature(ps)}`
    const hit = embedCache.get(key)
    if (hit) return hit
    const idx = ps.flatMap((p, i) => (p.kind === 'footnote' ? [] : [i]))
    progress.value = { phase: 'model', done: 0, total: 0 }
    const vecs = await ml.embed(idx.map((i) => ps[i].text), (done, total) => live() && (progress.value = { phase: 'embed', done, total }))
    if (!vecs) return null
    const out: Float32Array[] = ps.map(() => new Float32Array(0))
    idx.forEach((i, k) => (out[i] = vecs[k]))
    embedCache.set(key, out)
    return out
  }

  /** Asks before the embedding model downloads (the same question as translation); resolves the answer. */
  async function consentToEmbeddings(): Promise<boolean> {
    await ml.loadSettings()
    const model = { id: ml.embeddingModel, task: 'embeddings' as const }
    return consent.confirm([model], () => ml.embeddingStatus.state === 'ready', 'embeddings')
  }

  /** Links the chosen pair (tier 1, refined by embeddings when asked and available). A new run cancels the old one. */
  async function run(): Promise<void> {
    const a = pairA.value
    const b = pairB.value
    if (!a || !b) return
    cancel()
    const ticket = slot.begin({ phase: 'load', done: 0, total: 0 })
    const { live } = ticket
    embeddingNote.value = ''
    await slot.guard(ticket, async () => {
      await glossary.ready()
      const db = useDb()
      const [docA, docB, pa, pb] = await Promise.all([db.documents.get(a), db.documents.get(b), getPassages(db, a), getPassages(db, b)])
      if (!live()) return
      if (!docA || !docB) throw new Error(i18next.t('compare.missingDoc'))
      let embeddings: { a: Float32Array[]; b: Float32Array[] } | null = null
      // Declined: this run is lexical, and says why; the next run asks again.
      const agreed = useEmbeddings.value && (await consentToEmbeddings())
      if (!live()) return
      if (useEmbeddings.value && !agreed) embeddingNote.value = i18next.t('compare.consent.declined')
      if (agreed) {
        const ea = await embedDoc(a, pa, live)
        const eb = ea && live() && (await embedDoc(b, pb, live))
        if (!live()) return
        if (ea && eb) embeddings = { a: ea, b: eb }
        else embeddingNote.value = ml.embeddingsUnavailableNote()
      }
      progress.value = { phase: 'features', done: 0, total: 0 }
      const input = { a: pa.map(toLinkPassage), b: pb.map(toLinkPassage), langA: docA.lang, langB: docB.lang, top: TOP, embeddings }
      const started = runAnalysis('link', input, { glossary: toRaw(glossary.entries), onProgress: (p) => live() && (progress.value = { ...p }) })
      linkRun = started
      const linked = await started.result
      if (!live()) return
      passagesA.value = pa
      passagesB.value = pb
      results.value = linked
    })
  }

  /** Stops the running job (the worker stops at its next chunk); earlier results stay. An open download question is withdrawn. */
  function cancel(): void {
    if (consent.question?.purpose === 'embeddings') consent.withdraw()
    if (slot.stop()) linkRun?.cancel()
    linkRun = null
  }

  /** Sets a link's status; choosing the status it already has makes it a plain suggestion again. */
  async function decide(view: LinkView, status: Exclude<LinkStatus, 'suggested'>): Promise<void> {
    try {
      await saveLinkStatus(useDb(), {
        srcDoc: pairA.value, dstDoc: pairB.value, srcPassage: view.source.id, dstPassage: view.target.id,
        score: view.score, method: view.method, evidence: toRaw(view.evidence), status: view.status === status ? 'suggested' : status,
      })
    } catch (e) {
      notify.push('error', e instanceof Error ? e.message : String(e))
    }
  }

  /** Ranks the passages of every other imported report against one passage (tier 1): the `top` best. */
  async function find(passage: PassageRow, docLang: Lang | 'und', top = 10): Promise<FoundView[]> {
    await glossary.ready()
    const db = useDb()
    const docs = (await listDocuments(db)).filter((d) => d.id !== passage.docId)
    const lists = await Promise.all(docs.map((d) => getPassages(db, d.id)))
    const targets = docs.map((d, i) => ({
      key: `${d.id}|${d.hash}|${langSignature(lists[i])}`, docId: d.id, lang: d.lang, passages: lists[i].map(toLinkPassage),
    }))
    const lang = passage.lang !== 'und' ? passage.lang : docLang
    const found = await runAnalysis('find', { query: toLinkPassage(passage), lang, top, targets }, { glossary: toRaw(glossary.entries) }).result
    return found.flatMap((f) => {
      const k = docs.findIndex((d) => d.id === f.docId)
      const p = lists[k]?.[f.index]
      return p ? [{ doc: docs[k], passage: p, score: f.score, evidence: f.evidence }] : []
    })
  }

  return {
    pairA, pairB, passagesA, passagesB, results, progress, error, useEmbeddings, embeddingNote, statuses, filters, views, decided,
    setPair, run, cancel, decide, find,
  }
})
