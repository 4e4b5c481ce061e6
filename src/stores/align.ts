// Sentence alignment as the UI sees it: the pair the user marks as translations (two reports, or the two
// languages of one report's blocks), remembered in the meta table; a run in the align worker (progress, cancel,
// optional embeddings); the beads with their sentences; and the TMX 1.4b export of the aligned pairs.
import { defineStore } from 'pinia'
import { ref, shallowRef, toRaw, watch } from 'vue'
import i18next from 'i18next'
import { beadsToPairs, toTmx } from '../core/align'
import type { Lang } from '../core/model'
import { useDb } from '../db'
import type { PassageRow } from '../db/schema'
import { getPassages } from '../db/documents'
import { getMeta, setMeta } from '../db/termbase'
import { bilingualBlocks, documentLanguages, type AlignJobBead, type AlignJobProgress, type AlignSegment } from '../workers/alignJob'
import { downloadText } from './download'
import { useGlossaryStore } from './glossary'
import { useMlStore } from './ml'
import { createJobSlot } from './jobSlot'

/** WARNING: stored in users' databases; do not rename. The remembered translation pairs, newest first. */
const PAIRS_KEY = 'alignPairs'
const MAX_PAIRS = 20

/** Two texts that translate each other: report `a` in `langA` and report `b` in `langB`; `a === b` pairs the two languages' blocks of one report. */
export interface AlignPair {
  a: string
  b: string
  langA: Lang | 'und'
  langB: Lang | 'und'
}
/** A sentence of one side, with the passage it comes from. */
export interface AlignSentence {
  text: string
  passage: PassageRow
}
/** Where a run is: reading passages, loading the model, embedding, or aligning. */
export interface AlignRunProgress {
  phase: 'load' | 'model' | 'embed' | 'align'
  done: number
  total: number
}

/** True when two pairs name the same texts. */
export const samePair = (x: AlignPair, y: AlignPair) => x.a === y.a && x.b === y.b && x.langA === y.langA && x.langB === y.langB

const sentencesOf = (ps: readonly PassageRow[]): AlignSentence[] => ps.flatMap((p) => p.sentences.map((s) => ({ text: s.text, passage: p })))

/** The segments of a pair: each block pair of a two-language report, or the body sentences of two reports. */
async function gather(pair: AlignPair): Promise<{ src: AlignSentence[][]; tgt: AlignSentence[][] }> {
  const db = useDb()
  const pa = await getPassages(db, pair.a)
  if (pair.a === pair.b) {
    if (pair.langA === 'und' || pair.langB === 'und') return { src: [], tgt: [] }
    const blocks = bilingualBlocks(pa, pair.langA, pair.langB)
    return { src: blocks.map((b) => sentencesOf(b.src.map((i) => pa[i]))), tgt: blocks.map((b) => sentencesOf(b.tgt.map((i) => pa[i]))) }
  }
  const pb = await getPassages(db, pair.b)
  const body = (ps: PassageRow[]) => sentencesOf(ps.filter((p) => p.kind !== 'footnote'))
  return { src: [body(pa)], tgt: [body(pb)] }
}

export const useAlignStore = defineStore('align', () => {
  const glossary = useGlossaryStore()
  const ml = useMlStore()
  /** The chosen pair, or null. */
  const pair = ref<AlignPair | null>(null)
  /** Pairs the user marked as translations, newest first (persisted). */
  const saved = ref<AlignPair[]>([])
  /** Sentences of both sides as last aligned (concatenated over segments), and the beads over them. */
  const srcSentences = shallowRef<AlignSentence[]>([])
  const tgtSentences = shallowRef<AlignSentence[]>([])
  const beads = shallowRef<AlignJobBead[] | null>(null)
  /** Number of segments (block pairs) of the last run. */
  const segments = ref(0)
  const progress = ref<AlignRunProgress | null>(null)
  const error = ref('')
  /** Whether a run asks for embeddings; the model's plain message when it could not be loaded. */
  const useEmbeddings = ref(false)
  const embeddingNote = ref('')
  let worker: Worker | null = null
  let pending: { ok: (v: unknown) => void; fail: (e: Error) => void; id: number } | null = null
  const slot = createJobSlot(progress, error)
  let glossaryGen = 0
  watch(() => glossary.entries, () => glossaryGen++)

  function startWorker(): Worker {
    const w = new Worker(new URL('../workers/align.worker.ts', import.meta.url), { type: 'module' })
    w.onmessage = (ev: MessageEvent<{ id?: number; ok?: boolean; result?: unknown; error?: string; progress?: AlignJobProgress & { jobId: number } }>) => {
      const m = ev.data
      if (m.progress) {
        if (m.progress.jobId === slot.current) progress.value = { phase: 'align', done: m.progress.done, total: m.progress.total }
      } else if (pending && m.id === pending.id) {
        const p = pending
        pending = null
        if (m.ok) p.ok(m.result)
        else p.fail(new Error(m.error))
      }
    }
    w.onerror = (ev) => {
      ev.preventDefault()
      stopWorker(ev.message || 'the alignment worker stopped unexpectedly')
    }
    return w
  }
  /** Terminates the worker (a DP cannot be interrupted from outside) and fails the pending call. */
  function stopWorker(reason: string): void {
    worker?.terminate()
    worker = null
    pending?.fail(new Error(reason))
    pending = null
  }
  let callSeq = 0
  function call<T>(payload: Record<string, unknown>): Promise<T> {
    worker ??= startWorker()
    const id = ++callSeq
    return new Promise<T>((ok, fail) => {
      pending = { ok: ok as (v: unknown) => void, fail, id }
      worker!.postMessage({ ...payload, id })
    })
  }
  /** Calls the worker with the glossary (a few hundred entries: cheap next to the DP); it rebuilds its matcher only when the version changes. */
  function callAlign(payload: Record<string, unknown>): Promise<AlignJobBead[]> {
    return call<AlignJobBead[]>({ ...payload, glossaryKey: `g${glossaryGen}`, entries: toRaw(glossary.entries) })
  }

  /** Reads the remembered pairs. */
  async function loadSaved(): Promise<void> {
    const v = await getMeta<AlignPair[]>(useDb(), PAIRS_KEY)
    saved.value = Array.isArray(v) ? v.filter((p) => p && typeof p.a === 'string' && typeof p.b === 'string') : []
  }
  /** Remembers a pair as translations of each other (moved to the front when already known). */
  async function remember(p: AlignPair): Promise<void> {
    await loadSaved()
    saved.value = [{ ...p }, ...saved.value.filter((x) => !samePair(x, p))].slice(0, MAX_PAIRS)
    await setMeta(useDb(), PAIRS_KEY, saved.value.map((x) => ({ ...x })))
  }
  /** Forgets a remembered pair. */
  async function forget(p: AlignPair): Promise<void> {
    await loadSaved()
    saved.value = saved.value.filter((x) => !samePair(x, p))
    await setMeta(useDb(), PAIRS_KEY, saved.value.map((x) => ({ ...x })))
  }

  /** Chooses the pair; results of another pair are dropped. */
  function setPair(p: AlignPair | null): void {
    if (p && pair.value && samePair(p, pair.value)) return
    cancel()
    pair.value = p ? { ...p } : null
    beads.value = null
    srcSentences.value = tgtSentences.value = []
    error.value = embeddingNote.value = ''
  }

  /** Languages of a report's body passages, most passages first (for pairing its blocks). */
  async function languagesOf(docId: string): Promise<{ lang: Lang; passages: number }[]> {
    return docId ? documentLanguages(await getPassages(useDb(), docId)) : []
  }

  /** Sentence embeddings of one side (null without a model). */
  async function embedSide(list: AlignSentence[]): Promise<Float32Array[] | null> {
    progress.value = { phase: 'model', done: 0, total: 0 }
    return ml.embed(list.map((s) => s.text), (done, total) => (progress.value = { phase: 'embed', done, total }))
  }

  /** Remembers the chosen pair as translations and aligns it (a new run cancels the old one). */
  async function run(): Promise<void> {
    const p = pair.value
    if (!p) return
    cancel()
    const ticket = slot.begin({ phase: 'load', done: 0, total: 0 })
    const { live, id: job } = ticket
    embeddingNote.value = ''
    await slot.guard(ticket, async () => {
      await remember(p)
      await glossary.ready()
      const { src, tgt } = await gather(p)
      if (!live()) return
      if (!src.length || !src.some((s) => s.length) || !tgt.some((s) => s.length)) throw new Error(i18next.t('align.nothing'))
      const segs: AlignSegment[] = src.map((s, k) => ({ src: s.map((x) => x.text), tgt: tgt[k].map((x) => x.text) }))
      if (useEmbeddings.value) {
        const es = await embedSide(src.flat())
        const et = es && (await embedSide(tgt.flat()))
        if (!live()) return
        if (es && et) {
          let i = 0
          let j = 0
          for (const seg of segs) {
            seg.embeddings = { src: es.slice(i, (i += seg.src.length)), tgt: et.slice(j, (j += seg.tgt.length)) }
          }
        } else embeddingNote.value = ml.embeddingsUnavailableNote()
      }
      progress.value = { phase: 'align', done: 0, total: 0 }
      const result = await callAlign({ type: 'align', jobId: job, segments: segs, srcLang: p.langA, tgtLang: p.langB })
      if (!live()) return
      srcSentences.value = src.flat()
      tgtSentences.value = tgt.flat()
      segments.value = segs.length
      beads.value = result
    })
  }

  /** Stops the running job at once: the worker is terminated (a running DP cannot be interrupted otherwise) and started again on the next run. */
  function cancel(): void {
    if (slot.stop() && pending) stopWorker('cancelled')
  }

  /** The aligned pairs (beads with both sides) as TMX 1.4b text. */
  function tmx(): string {
    const p = pair.value
    if (!p || !beads.value) return ''
    const pairs = beadsToPairs(beads.value, srcSentences.value.map((s) => s.text), tgtSentences.value.map((s) => s.text))
    return toTmx(pairs, { srcLang: p.langA, tgtLang: p.langB, creationTool: 'COI Termbench' })
  }
  /** Downloads the aligned pairs as a TMX file named after the pair. */
  function exportTmx(baseName: string): void {
    const p = pair.value
    if (!p || !beads.value) return
    const stem = baseName.replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'alignment'
    downloadText(`${stem}.${p.langA}-${p.langB}.tmx`, tmx(), 'application/x-tmx+xml')
  }

  return {
    pair, saved, srcSentences, tgtSentences, beads, segments, progress, error, useEmbeddings, embeddingNote,
    loadSaved, remember, forget, languagesOf, setPair, run, cancel, tmx, exportTmx,
  }
})
