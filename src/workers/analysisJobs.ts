// The job kinds of the analysis worker and its dispatcher: each kind's input, progress and result as they cross
// the protocol (jobProtocol.ts), and the runner that resolves a run's glossary version (one shared matcher per
// version, glossaryVersions.ts) and calls the kind's job module. Plain functions, so Node tests run them as is.
import type { LinkPassage, PassageLinks } from '../core/link'
import type { Lang } from '../core/model'
import { runAlignJob, type AlignJobBead, type AlignJobProgress, type AlignJobRequest } from './alignJob'
import { runCandidatesJob, type CandidatesJobInput, type CandidatesJobProgress, type CandidatesJobResult } from './candidatesJob'
import { GlossaryVersions, type GlossaryRef, type GlossaryVersion } from './glossaryVersions'
import { defaultPause, type JobHooks, type JobRunRequest } from './jobProtocol'
import type { JobRunner } from './jobWorker'
import { servedDictionary } from './dictionaryLoader'
import { findAcross, prepareFindTarget, runLinkJob, type FindTarget, type FoundPassage, type LinkJobProgress, type LinkJobRequest } from './linkJob'
import { runNewTermsJob, type NewTermsJobInput } from './newTermsJob'
import { runConceptsInJob, type ConceptsInInput } from './conceptsInJob'
import type { NewTermCandidate } from '../core/suggest/newTerms'
import { runQaJob, type QaJobInput, type QaJobProgress, type QaJobResult } from './qaJob'

/** A report to search in "find in other reports": `key` changes when the report or its languages change. */
export interface FindTargetInput {
  key: string
  docId: string
  lang: Lang | 'und'
  passages: LinkPassage[]
}

/** "Find in other reports": one passage ranked against the passages of other reports. */
export interface FindInput {
  query: LinkPassage
  lang: Lang | 'und'
  top: number
  targets: FindTargetInput[]
}

/** Each kind's input (the glossary travels beside it, as the request's `glossary` ref). */
export interface AnalysisInputs {
  qa: Omit<QaJobInput, 'glossary'>
  candidates: Omit<CandidatesJobInput, 'glossary'>
  newTerms: NewTermsJobInput
  conceptsIn: ConceptsInInput
  link: LinkJobRequest
  find: FindInput
  align: AlignJobRequest
}
/** Each kind's progress messages. */
export interface AnalysisProgress {
  qa: QaJobProgress
  candidates: CandidatesJobProgress
  newTerms: never
  conceptsIn: never
  link: LinkJobProgress
  find: never
  align: AlignJobProgress
}
/** Each kind's result. */
export interface AnalysisResults {
  qa: QaJobResult
  candidates: CandidatesJobResult
  newTerms: NewTermCandidate[]
  conceptsIn: Record<string, number>
  link: PassageLinks[]
  find: FoundPassage[]
  align: AlignJobBead[]
}
/** The job kinds of the analysis worker. */
export type AnalysisKind = keyof AnalysisInputs

type Handler<K extends AnalysisKind> = (input: AnalysisInputs[K], v: GlossaryVersion, hooks: JobHooks<AnalysisProgress[K]>) => Promise<AnalysisResults[K]>

/** Prepared reports for "find", by glossary version and report key; only those of the last request are kept. */
const findTargets = new Map<string, FindTarget>()

const HANDLERS: { [K in AnalysisKind]: Handler<K> } = {
  qa: (input, v, hooks) => runQaJob({ ...input, glossary: v.glossary }, { ...hooks, matchers: v }),
  candidates: (input, v, hooks) => runCandidatesJob({ ...input, glossary: v.glossary }, { ...hooks, matchers: v }),
  newTerms: async (input, v) => runNewTermsJob(input, v.matcherOrNull(), await servedDictionary()),
  conceptsIn: async (input, v) => runConceptsInJob(input, v.matcherOrNull()),
  link: (input, v, hooks) => runLinkJob(input, v.matcherOrNull(), { ...hooks, dictionary: servedDictionary }),
  align: (input, v, hooks) => runAlignJob(input, v.matcherOrNull(), hooks),
  find: async (input, v) => {
    const m = v.matcherOrNull()
    const dictionary = await servedDictionary()
    const keys = input.targets.map((t) => `${v.key}|${t.key}`)
    const prepared = input.targets.map((t, i) => {
      let hit = findTargets.get(keys[i])
      if (!hit) findTargets.set(keys[i], (hit = prepareFindTarget(t.docId, t.passages, t.lang, m, dictionary)))
      return hit
    })
    // Deleted or changed reports, and older glossary versions, do not pile up.
    for (const k of [...findTargets.keys()]) if (!keys.includes(k)) findTargets.delete(k)
    return findAcross(input.query, input.lang, prepared, m, input.top, dictionary)
  },
}

/** True for a kind this worker runs. */
function isKind(k: string): k is AnalysisKind {
  return Object.hasOwn(HANDLERS, k)
}

/**
 * The runner of the analysis worker (for `serveJobs`): the run's glossary version is held while the job runs, so
 * that a newer version arriving meanwhile builds its own matcher instead of changing this one under the job.
 */
export function analysisRunner(versions = new GlossaryVersions()): JobRunner {
  return async (req: JobRunRequest, hooks) => {
    if (!isKind(req.kind)) throw new Error(`unknown job kind "${req.kind}"`)
    if (!req.glossary) throw new Error(`a "${req.kind}" run names no glossary`)
    const v = versions.acquire(req.glossary as GlossaryRef)
    try {
      const handler = HANDLERS[req.kind] as Handler<AnalysisKind>
      return await handler(req.input as AnalysisInputs[AnalysisKind], v, { pause: defaultPause, ...hooks })
    } finally {
      versions.release(v)
    }
  }
}
