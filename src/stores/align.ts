// Sentence alignment as the UI sees it: the pair the user marks as translations (two reports, or the two
// languages of one report's blocks), remembered in the meta table; a run in the analysis worker (progress, cancel,
// optional embeddings) around the beads the translator confirmed; the beads with their sentences, corrected by
// hand and kept in the database; and the TMX 1.4b and XLIFF 2.1 exports.
import { defineStore } from 'pinia'
import { ref, shallowRef, toRaw } from 'vue'
import i18next from 'i18next'
import {
  alignAroundAnchors, beadTexts, checkBeads, confirmedAnchors, gapInputs, overlapTexts, overlapVectors, splitByGap, toTmx, toXliff, type AlignGap, type EditableBead,
  type OverlapVectors,
} from '../core/align'
import type { Lang } from '../core/model'
import { useDb } from '../db'
import { getPassages } from '../db/documents'
import { getMeta, setMeta } from '../db/termbase'
import { deleteAlignment, loadAlignment, saveAlignment, type StoredAlignment } from '../db/alignments'
import { documentLanguages, type AlignJobBead, type AlignJobRequest, type AlignSegment } from '../workers/alignJob'
import { runAnalysis, type AnalysisRun } from './analysisWorker'
import { downloadText } from './download'
import { useGlossaryStore } from './glossary'
import { useMlStore } from './ml'
import { createJobSlot } from './jobSlot'
import { createCorrections } from './alignCorrections'
import { blockStarts, fingerprintOf, gather, stemOf, type AlignPair, type AlignSentence } from './alignData'

export type { AlignPair, AlignSentence } from './alignData'

/** WARNING: stored in users' databases; do not rename. The remembered translation pairs, newest first. */
const PAIRS_KEY = 'alignPairs'
const MAX_PAIRS = 20

/** Where a run is: reading passages, loading the model, embedding, or aligning. */
export interface AlignRunProgress {
  phase: 'load' | 'model' | 'embed' | 'align'
  done: number
  total: number
}

/** The names of the two documents of a pair, for the exports' properties. */
export interface AlignDocNames {
  src: string
  tgt: string
}

/** True when two pairs name the same texts. */
export const samePair = (x: AlignPair, y: AlignPair) => x.a === y.a && x.b === y.b && x.langA === y.langA && x.langB === y.langB

/** Whether a stored alignment is over these sentences (same fingerprint, every sentence once and in order). */
const fits = (rec: StoredAlignment, fp: string, srcCount: number, tgtCount: number) => rec.fingerprint === fp && !checkBeads(rec.beads, srcCount, tgtCount)

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
  const beads = shallowRef<EditableBead[] | null>(null)
  /** Number of segments (block pairs) of the last run. */
  const segments = ref(0)
  const progress = ref<AlignRunProgress | null>(null)
  const error = ref('')
  /** Whether a run asks for embeddings; the model's plain message when it could not be loaded. */
  const useEmbeddings = ref(false)
  const embeddingNote = ref('')
  /** Set when a stored alignment was found but the reports' sentences changed since it was made. */
  const staleNote = ref(false)
  /** Hash of the sentences the beads are over. */
  let fingerprint = ''
  const corrections = createCorrections(beads, async () => {
    const p = pair.value
    if (!p || !beads.value) return
    const rec = { srcCount: srcSentences.value.length, tgtCount: tgtSentences.value.length, fingerprint, segments: segments.value, beads: beads.value }
    await saveAlignment(useDb(), p, rec)
  })
  let restoreGen = 0
  const slot = createJobSlot(progress, error)
  /** The alignment under way in the analysis worker, for cancel. */
  let alignRun: AnalysisRun<unknown> | null = null
  /** Aligns segments in the analysis worker; progress shows while the job is `live`. */
  function callAlign(input: AlignJobRequest, live: () => boolean): Promise<AlignJobBead[]> {
    const started = runAnalysis('align', input, { glossary: toRaw(glossary.entries), onProgress: (p) => live() && (progress.value = { phase: 'align', done: p.done, total: p.total }) })
    alignRun = started
    return started.result
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
  /** Forgets a remembered pair and its corrected alignment. */
  async function forget(p: AlignPair): Promise<void> {
    await deleteAlignment(useDb(), p)
    await loadSaved()
    saved.value = saved.value.filter((x) => !samePair(x, p))
    await setMeta(useDb(), PAIRS_KEY, saved.value.map((x) => ({ ...x })))
  }

  /** Chooses the pair; results of another pair are dropped, and its stored alignment, if any, is shown. */
  function setPair(p: AlignPair | null): void {
    if (p && pair.value && samePair(p, pair.value)) return
    cancel()
    pair.value = p ? { ...p } : null
    beads.value = null
    srcSentences.value = tgtSentences.value = []
    error.value = embeddingNote.value = ''
    staleNote.value = false
    corrections.clear()
    if (p) void restore(p)
  }
  /** Shows the stored alignment of `p` when its reports still have the sentences it was made on. */
  async function restore(p: AlignPair): Promise<void> {
    const gen = ++restoreGen
    const rec = await loadAlignment(useDb(), p)
    if (!rec || gen !== restoreGen) return
    const { src, tgt } = await gather(p)
    const [s, t] = [src.flat(), tgt.flat()]
    const fp = await fingerprintOf(s, t)
    if (gen !== restoreGen) return
    if (!fits(rec, fp, s.length, t.length)) {
      staleNote.value = true
      return
    }
    srcSentences.value = s
    tgtSentences.value = t
    segments.value = rec.segments
    fingerprint = fp
    beads.value = rec.beads
  }

  /** Languages of a report's body passages, most passages first (for pairing its blocks). */
  async function languagesOf(docId: string): Promise<{ lang: Lang; passages: number }[]> {
    return docId ? documentLanguages(await getPassages(useDb(), docId)) : []
  }

  /**
   * Embeddings of one side's overlaps (each run of 1–4 sentences inside a block, embedded as one text, as Bertalign
   * and the eval do), or null without a model; progress shows only while the job is `live`.
   */
  async function embedSide(blocks: AlignSentence[][], live: () => boolean): Promise<OverlapVectors | null> {
    progress.value = { phase: 'model', done: 0, total: 0 }
    const breaks = blockStarts(blocks, blocks).map((c) => c.src)
    const entries = overlapTexts(blocks.flat().map((s) => s.text), 4, breaks)
    const unique = [...new Set(entries.map((e) => e.text))]
    const vectors = await ml.embed(unique, (done, total) => live() && (progress.value = { phase: 'embed', done, total }))
    if (!vectors) return null
    const byText = new Map(unique.map((t, k) => [t, vectors[k]]))
    return overlapVectors(entries, entries.map((e) => byText.get(e.text)!))
  }

  /** Remembers the chosen pair as translations and aligns it (a new run cancels the old one). */
  async function run(): Promise<void> {
    const p = pair.value
    if (!p) return
    cancel()
    const ticket = slot.begin({ phase: 'load', done: 0, total: 0 })
    const { live } = ticket
    embeddingNote.value = ''
    restoreGen++
    await slot.guard(ticket, async () => {
      await remember(p)
      await glossary.ready()
      const { src, tgt } = await gather(p)
      if (!live()) return
      if (!src.length || !src.some((s) => s.length) || !tgt.some((s) => s.length)) throw new Error(i18next.t('align.nothing'))
      let overlaps: { src: OverlapVectors; tgt: OverlapVectors } | null = null
      if (useEmbeddings.value) {
        const es = await embedSide(src, live)
        const et = es && live() && (await embedSide(tgt, live))
        if (!live()) return
        if (es && et) overlaps = { src: es, tgt: et }
        else embeddingNote.value = ml.embeddingsUnavailableNote()
      }
      progress.value = { phase: 'align', done: 0, total: 0 }
      const [fs, ft] = [src.flat(), tgt.flat()]
      const fp = await fingerprintOf(fs, ft)
      // Confirmed beads stay as they are when the sentences are those they were confirmed on (the stored ones
      // when the run started before they were shown).
      const rec = beads.value ? null : await loadAlignment(useDb(), p)
      const before = beads.value && fp === fingerprint ? beads.value : rec && fits(rec, fp, fs.length, ft.length) ? rec.beads : []
      const anchors = confirmedAnchors(before).anchors
      const alignGaps = async (gaps: AlignGap[]) => {
        const segments: AlignSegment[] = gapInputs(gaps, null, overlaps)
        return splitByGap(await callAlign({ segments, srcLang: p.langA, tgtLang: p.langB }, live), gaps)
      }
      const result = await alignAroundAnchors(fs.map((x) => x.text), ft.map((x) => x.text), anchors, alignGaps, blockStarts(src, tgt))
      if (!live()) return
      srcSentences.value = fs
      tgtSentences.value = ft
      segments.value = src.length
      fingerprint = fp
      staleNote.value = false
      corrections.replace(result)
    })
  }

  /** Stops the running job at once: the worker stops it at its next step (or is restarted, when a DP runs on). */
  function cancel(): void {
    if (slot.stop()) alignRun?.cancel()
    alignRun = null
  }

  /**
   * The beads with both sides (or the confirmed ones only) as TMX 1.4b text: each unit with its bead number as
   * `tuid`, the creation date and the two documents as properties.
   */
  function tmx(docs: AlignDocNames, confirmedOnly = false): string {
    const p = pair.value
    if (!p || !beads.value) return ''
    const units = beadTexts(beads.value, srcSentences.value.map((s) => s.text), tgtSentences.value.map((s) => s.text), confirmedOnly)
    const pairs = units.filter((u) => u.src && u.tgt).map((u) => ({ src: u.src, tgt: u.tgt, tuid: String(u.n) }))
    return toTmx(pairs, { srcLang: p.langA, tgtLang: p.langB, creationTool: 'COI Termbench', documents: docs })
  }
  /** Every bead as an XLIFF 2.1 unit; confirmed beads are final. */
  function xliff(docs: AlignDocNames): string {
    const p = pair.value
    if (!p || !beads.value) return ''
    const units = beadTexts(beads.value, srcSentences.value.map((s) => s.text), tgtSentences.value.map((s) => s.text))
    return toXliff(units, { srcLang: p.langA, tgtLang: p.langB, original: docs.src, documents: docs })
  }
  /** Downloads the aligned pairs as a TMX file named after the source report. */
  function exportTmx(docs: AlignDocNames, confirmedOnly = false): void {
    const p = pair.value
    if (p && beads.value) offer(() => downloadText(`${stemOf(docs.src)}.${p.langA}-${p.langB}.tmx`, tmx(docs, confirmedOnly), 'application/x-tmx+xml'))
  }
  /** Downloads the aligned pair as an XLIFF 2.1 file named after the source report. */
  function exportXliff(docs: AlignDocNames): void {
    const p = pair.value
    if (p && beads.value) offer(() => downloadText(`${stemOf(docs.src)}.${p.langA}-${p.langB}.xlf`, xliff(docs), 'application/xliff+xml'))
  }
  /** Runs an export; a text XML cannot carry (a NUL in a sentence, say) is shown as the error, naming the unit. */
  function offer(download: () => void): void {
    try {
      error.value = ''
      download()
    } catch (e) {
      error.value = (e as Error).message
    }
  }

  return {
    pair, saved, srcSentences, tgtSentences, beads, segments, progress, error, useEmbeddings, embeddingNote, staleNote, corrections,
    loadSaved, remember, forget, languagesOf, setPair, run, cancel, tmx, xliff, exportTmx, exportXliff,
  }
})
