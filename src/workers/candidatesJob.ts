// The term-candidate run the worker performs, as a plain async function (testable in Node): the concepts a
// glossary lacks in one language, their candidates mined from the imported reports (co-occurrence over
// linked passages, Nordic cognates), and each candidate's evidence made ready to show (report, passage,
// snippet split around the occurrence). Also the pure helpers the store needs for machine-translation
// candidates and for turning an accepted candidate into a term.
import type { Glossary, Lang, Term } from '../core/model'
import {
  candidateToTerm, conceptsLackingLang, confidenceOf, mineCandidates, phraseKey, type Candidate, type CandidateEvidence, type CandidateSource, type MineStats, type SuggestDocument,
} from '../core/suggest'
import { defaultPause, JobCancelledError, type JobHooks, type JobPassage } from './jobProtocol'

/** A report as the job receives it: `id` is what evidence `file`s name. */
export interface CandidatesJobDocument {
  id: string
  text: string
  /** In reading order. */
  passages: JobPassage[]
}

/** What to mine. */
export interface CandidatesJobInput {
  glossary: Glossary
  documents: CandidatesJobDocument[]
  /** The language the concepts lack. */
  lang: Lang
  /** Candidates kept per concept (default 8). */
  top?: number
}

/** The steps of a run, in order. */
export type CandidatesJobStep = { phase: 'prepare' } | { phase: 'mine'; concepts: number; reports: number } | { phase: 'evidence' }

/** A progress report: the step about to run, and how many of all steps are done. */
export type CandidatesJobProgress = CandidatesJobStep & { done: number; total: number }

/** An evidence passage as the UI shows it: where it is, and the snippet split around the occurrence. */
export interface EvidenceView {
  docId: string
  /** UTF-16 offsets into the report text (the reader's `?hl=`). */
  start: number
  end: number
  /** Index of the passage holding the occurrence, when one does. */
  passageIndex?: number
  /** The snippet: text before the occurrence, the occurrence ('' when not located), text after. */
  before: string
  match: string
  after: string
}

/** A candidate as the UI shows it. */
export interface CandidateView {
  /** Stable within a concept and language: the candidate's stemmed, folded words. */
  key: string
  text: string
  score: number
  /** How likely a terminologist accepts it, in [0, 1]: one scale for every source. */
  confidence: number
  /** The source that ranked it; `sources` also lists the others that proposed it. */
  source: CandidateSource
  sources: CandidateSource[]
  evidence: EvidenceView[]
  /** The mined candidate itself (what `acceptedTerm` turns into a term). */
  candidate: Candidate
}

/** One concept lacking the language, with its ranked candidates. */
export interface ConceptCandidates {
  conceptId: string
  candidates: CandidateView[]
}

/** What a run returns. */
export interface CandidatesJobResult {
  lang: Lang
  /** Every concept lacking `lang`, in glossary order, even those with no candidate. */
  concepts: ConceptCandidates[]
  stats: MineStats | null
  /** Milliseconds per step. */
  timings: Record<string, number>
}

/** Evidence passages kept per candidate. */
const MAX_EVIDENCE = 4
/** Characters of context kept on each side of the occurrence in a snippet. */
const CONTEXT = 110


/** A job document as the miner reads it (the document id stands for the file name). */
export function toSuggestDocument(d: CandidatesJobDocument): SuggestDocument {
  return { file: d.id, text: d.text, passages: d.passages.map((p) => ({ text: p.text, start: p.start, end: p.end, lang: p.lang, kind: p.kind, sentences: p.sentences })) }
}

const collapse = (s: string) => s.replace(/\s+/g, ' ')

/** Cuts `s` to its last (`tail`) or first `n` characters at a word boundary, marking the cut with an ellipsis. */
function clip(s: string, n: number, tail: boolean): string {
  if (s.length <= n) return s
  if (tail) {
    const cut = s.slice(s.length - n)
    const sp = cut.indexOf(' ')
    return '… ' + (sp >= 0 && sp < 25 ? cut.slice(sp + 1) : cut)
  }
  const cut = s.slice(0, n)
  const sp = cut.lastIndexOf(' ')
  return (sp > n - 25 ? cut.slice(0, sp) : cut) + ' …'
}

/**
 * The snippet of an occurrence: its sentence (the evidence quote, else the report text around it) split
 * into before / occurrence / after. The occurrence is found as the report text at [start, end), else as
 * the candidate text, ignoring case; when neither is in the quote, `match` is '' and `before` holds it all.
 */
export function snippetOf(docText: string | undefined, ev: CandidateEvidence, candidateText: string): Pick<EvidenceView, 'before' | 'match' | 'after'> {
  const surface = docText && ev.end > ev.start ? collapse(docText.slice(ev.start, ev.end)).trim() : ''
  let quote = ev.text ? collapse(ev.text) : ''
  if (!quote && docText) quote = collapse(docText.slice(Math.max(0, ev.start - CONTEXT), Math.min(docText.length, ev.end + CONTEXT))).trim()
  const lower = quote.toLowerCase()
  for (const needle of [surface, candidateText.trim()]) {
    if (!needle) continue
    let at = quote.indexOf(needle)
    if (at < 0) at = lower.indexOf(needle.toLowerCase())
    if (at < 0) continue
    return { before: clip(quote.slice(0, at), CONTEXT, true), match: quote.slice(at, at + needle.length), after: clip(quote.slice(at + needle.length), CONTEXT, false) }
  }
  return { before: clip(quote, 2 * CONTEXT, false), match: '', after: '' }
}

/** The index of the passage of `doc` holding `offset` (body text before footnotes), if any. */
export function passageAt(doc: Pick<CandidatesJobDocument, 'passages'>, offset: number): number | undefined {
  let footnote: number | undefined
  for (const p of doc.passages) {
    if (p.start <= offset && offset < p.end) {
      if (p.kind !== 'footnote') return p.index
      footnote ??= p.index
    }
  }
  return footnote
}

/** A candidate made ready to show: key, snippets, passages (evidence in an unknown report is dropped). */
export function describeCandidate(c: Candidate, docs: ReadonlyMap<string, CandidatesJobDocument>, lang: Lang): CandidateView {
  const evidence: EvidenceView[] = []
  const seen = new Set<string>()
  for (const ev of c.evidence) {
    const doc = docs.get(ev.file)
    const where = `${ev.file}:${ev.start}`
    if (!doc || seen.has(where)) continue
    seen.add(where)
    const passageIndex = passageAt(doc, ev.start)
    evidence.push({ docId: ev.file, start: ev.start, end: ev.end, ...(passageIndex === undefined ? {} : { passageIndex }), ...snippetOf(doc.text, ev, c.text) })
    if (evidence.length >= MAX_EVIDENCE) break
  }
  const confidence = c.confidence ?? confidenceOf(c, c.score)
  return { key: phraseKey(c.text, lang), text: c.text, score: c.score, confidence, source: c.source, sources: [c.source], evidence, candidate: c }
}

/**
 * Adds machine-translation candidates to a concept's list: one the list already has (same stemmed, folded
 * words) gains 'mt' among its sources and the translation's evidence when it had none; the others join it.
 * Returns a new list, most likely first (ties keep the mined list's order, then the translations').
 */
export function mergeTranslated(list: readonly CandidateView[], mt: readonly CandidateView[]): CandidateView[] {
  const out = list.map((c) => ({ ...c }))
  for (const m of mt) {
    const same = out.find((c) => c.key === m.key)
    if (!same) out.push(m)
    else if (!same.sources.includes('mt')) {
      same.sources = [...same.sources, 'mt']
      if (!same.evidence.length) same.evidence = m.evidence
    }
  }
  return out.sort((a, b) => b.confidence - a.confidence)
}

/**
 * The term an accepted candidate becomes (`candidateToTerm`: status admitted, sources from its evidence),
 * with each source's document named by `docName` (the report's file name) rather than its internal id.
 */
export function acceptedTerm(c: Candidate, conceptId: string, docName: (docId: string) => string, opts: { id?: string; now?: string } = {}): Term {
  return candidateToTerm({ ...c, evidence: c.evidence.map((e) => ({ ...e, file: docName(e.file) })) }, conceptId, opts)
}

/**
 * Mines term candidates: the concepts of the glossary lacking `lang` (as `conceptsLackingLang` says), their
 * candidates from every report (`mineCandidates`), and their evidence made ready to show. Progress is
 * reported before each step and cancellation honoured between steps.
 */
export async function runCandidatesJob(input: CandidatesJobInput, hooks: JobHooks<CandidatesJobProgress> = {}): Promise<CandidatesJobResult> {
  const pause = hooks.pause ?? defaultPause
  const { glossary, lang } = input
  const total = 3
  const timings: Record<string, number> = {}
  let done = 0
  const step = async <T>(s: CandidatesJobStep, fn: () => T): Promise<T> => {
    if (hooks.isCancelled?.()) throw new JobCancelledError()
    hooks.onProgress?.({ ...s, done, total })
    await pause()
    if (hooks.isCancelled?.()) throw new JobCancelledError()
    const t0 = performance.now()
    const out = fn()
    timings[s.phase] = performance.now() - t0
    done++
    return out
  }

  const { ids, matcher, docs } = await step({ phase: 'prepare' }, () => ({
    ids: conceptsLackingLang(glossary, lang).map((e) => e.concept.id),
    matcher: hooks.matchers?.get(glossary),
    docs: input.documents.map(toSuggestDocument),
  }))
  const mined = await step({ phase: 'mine', concepts: ids.length, reports: docs.length }, () =>
    ids.length && docs.length ? mineCandidates(docs, glossary, lang, { conceptIds: ids, top: input.top ?? 8, ...(matcher ? { matcher } : {}) }) : null,
  )
  const concepts = await step({ phase: 'evidence' }, () => {
    const byId = new Map(input.documents.map((d) => [d.id, d]))
    return ids.map((conceptId) => ({ conceptId, candidates: (mined?.candidates.get(conceptId) ?? []).slice(0, input.top ?? 8).map((c) => describeCandidate(c, byId, lang)) }))
  })
  hooks.onProgress?.({ phase: 'evidence', done, total })
  return { lang, concepts, stats: mined?.stats ?? null, timings }
}
