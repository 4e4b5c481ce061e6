// The app's one analysis worker as the stores use it (QA, candidates, links, alignment): typed runs by job kind,
// each naming its glossary so that the worker gets the entries only when it lacks that version (and then only
// what changed), resubmitted when the worker was restarted under them or lost the glossary.
import type { ConceptEntry } from '../core/model'
import type { AnalysisInputs, AnalysisKind, AnalysisProgress, AnalysisResults } from '../workers/analysisJobs'
import { GlossarySender, NEED_GLOSSARY } from '../workers/glossaryVersions'
import { WORKER_RESTARTED } from '../workers/jobProtocol'
import { jobClient, type JobRun, type WorkerLike } from './workerRpc'

/** A started analysis run: its result, and a cancel (the result then rejects with JOB_CANCELLED). */
export interface AnalysisRun<R> {
  result: Promise<R>
  cancel(): void
}

/** What a run needs beside its input: the glossary it runs against, and where its progress goes. */
export interface AnalysisOptions<P> {
  glossary: readonly ConceptEntry[]
  onProgress?: (p: P) => void
}

/** The client of an analysis worker. */
export interface AnalysisClient {
  run<K extends AnalysisKind>(kind: K, input: AnalysisInputs[K], opts: AnalysisOptions<AnalysisProgress[K]>): AnalysisRun<AnalysisResults[K]>
  /** Terminates the worker (every pending run is resubmitted to a new one). */
  restart(): void
}

/** Times a run is sent again (after a restart it did not cause, or with the full glossary) before its error stands. */
const RESENDS = 2

/** Creates the client of an analysis worker made by `factory` (a Web Worker in the app; a port pair in tests). */
export function analysisClient(factory: () => WorkerLike, opts: { graceMs?: number } = {}): AnalysisClient {
  const sender = new GlossarySender()
  const client = jobClient(factory, { ...opts, onStop: () => sender.reset() })
  return {
    run<K extends AnalysisKind>(kind: K, input: AnalysisInputs[K], o: AnalysisOptions<AnalysisProgress[K]>) {
      let current: JobRun<AnalysisResults[K]> | undefined
      let cancelled = false
      const attempt = async (): Promise<AnalysisResults[K]> => {
        let full = false
        for (let sent = 0; ; sent++) {
          current = client.run<AnalysisResults[K], AnalysisProgress[K]>(kind, input, { onProgress: o.onProgress, fields: { glossary: sender.refFor(o.glossary, full) } })
          try {
            return await current.result
          } catch (e) {
            const msg = e instanceof Error ? e.message : String(e)
            if (cancelled || sent >= RESENDS || (msg !== NEED_GLOSSARY && msg !== WORKER_RESTARTED)) throw e
            full = msg === NEED_GLOSSARY
          }
        }
      }
      return {
        result: attempt(),
        cancel() {
          cancelled = true
          current?.cancel()
        },
      }
    },
    restart: () => client.restart(),
  }
}

const shared = analysisClient(() => new Worker(new URL('../workers/analysis.worker.ts', import.meta.url), { type: 'module' }))

/** Starts a job of `kind` in the app's analysis worker. */
export function runAnalysis<K extends AnalysisKind>(kind: K, input: AnalysisInputs[K], opts: AnalysisOptions<AnalysisProgress[K]>): AnalysisRun<AnalysisResults[K]> {
  return shared.run(kind, input, opts)
}
