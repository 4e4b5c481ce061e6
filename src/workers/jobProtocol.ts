// The one message protocol of the app's job workers (the analysis worker; the ML worker speaks the same shape),
// the hooks a job runs with, and the cancelled error. A job runs in steps; between steps it reports progress
// and checks for cancellation.
//
// THE PROTOCOL (client = src/stores/workerRpc.ts `jobClient`, worker = src/workers/jobWorker.ts `serveJobs`):
//
//   client → worker   { id, type: 'run', job, kind, input, ...extra }   start a job; `id` is the request id the
//                                                                       reply names, `job` the run id that progress
//                                                                       and cancel name, `kind` picks the job
//                                                                       ('qa' | 'candidates' | 'link' | 'find' |
//                                                                       'align' in the analysis worker). Extra
//                                                                       fields are the worker's own (the analysis
//                                                                       worker reads `glossary`, see glossaryVersions.ts).
//   client → worker   { type: 'cancel', job }                           stop that job at its next step; no reply of
//                                                                       its own: the run's reply says 'cancelled'.
//   worker → client   { type: 'progress', job, progress }               as often as the job likes; no `id`.
//   worker → client   { id, ok: true, result } | { id, ok: false, error }   exactly one per run; `error` is a
//                                                                       message, JOB_CANCELLED for a cancelled run
//                                                                       (optionally with the error's code, params).
//
// Rules: a cancel stops the job between steps and never the worker (other jobs go on). Jobs interleave at their
// pauses (`defaultPause`: a zero-delay timeout, which is what lets a cancel message in). A job that cannot stop
// (a long synchronous step) is ended by the client: when a cancelled run has not answered within a grace period,
// the client terminates the worker, rejects every pending promise (the cancelled run with JOB_CANCELLED, the others
// with WORKER_RESTARTED, which a caller may resubmit) and starts a fresh worker on the next request. A worker that
// dies or errs rejects every pending promise with its reason.
//
// Using it: in the worker, `serveJobs(self, (req, hooks) => …)` (jobWorker.ts) with the job switching on `req.kind`
// and calling `hooks.onProgress` / `hooks.isCancelled()` between its steps (throw JobCancelledError to stop); in the
// app, `jobClient(() => new Worker(…)).run(kind, input, { onProgress })` (stores/workerRpc.ts) gives `{ job, result,
// cancel }`. The analysis worker's own client (stores/analysisWorker.ts) adds the glossary version to each run.
import type { Matcher } from '../core/matcher'
import type { Glossary, Lang, PassageKind, SentenceSpan } from '../core/model'
import type { MessageParams } from '../core/message'

/** A passage as a job receives it: a PassageRow without its ids. */
export interface JobPassage {
  /** The passage's index in its document (what the reader's `?passage=` names). */
  index: number
  kind: PassageKind
  lang: Lang | 'und'
  text: string
  start: number
  end: number
  sentences?: SentenceSpan[]
}

/** A request that starts a job: `id` names the reply, `job` the run (progress, cancel), `kind` the job to run. */
export interface JobRunRequest<K extends string = string, I = unknown> {
  id: number
  type: 'run'
  job: number
  kind: K
  input: I
  /** Fields of the worker's own (the analysis worker's `glossary`). */
  [extra: string]: unknown
}

/** Asks the worker to stop a job at its next step. */
export interface JobCancelRequest {
  type: 'cancel'
  job: number
}

/** Messages a job worker accepts. */
export type JobRequest<K extends string = string, I = unknown> = JobRunRequest<K, I> | JobCancelRequest

/** Progress messages carry no `id`, so that the request/response channel passes them by. */
export interface JobProgressMessage<P> {
  type: 'progress'
  job: number
  progress: P
}

/**
 * The one reply of a run (also what the app's small single-purpose workers answer). A failure may carry the error's
 * `code` and `params` (a report's ReportError), which the client puts back on the Error it rejects with.
 */
export type JobReply<R = unknown> =
  | { id: number; ok: true; result: R }
  | { id: number; ok: false; error: string; code?: string; params?: MessageParams }

/** What a job may ask for a matcher of its glossary: the worker hands out the shared one of that glossary version. */
export interface MatcherSource {
  get(glossary: Glossary): Matcher
}

/** Hooks of a run. */
export interface JobHooks<P> {
  onProgress?: (p: P) => void
  /** Asked between steps; a true answer stops the run with a JobCancelledError. */
  isCancelled?: () => boolean
  /** Lets other work (a cancel message) in between steps; default: a zero-delay timeout. */
  pause?: () => Promise<void>
  /** Where the run's matcher comes from (the worker shares one per glossary version; a MatcherCache in tests). */
  matchers?: MatcherSource
}

/** The error text of a cancelled run, as the worker replies it. */
export const JOB_CANCELLED = 'cancelled'

/** The error text of a run lost because its worker was restarted (after a cancel it did not honour in time). */
export const WORKER_RESTARTED = 'worker-restarted'

/** Thrown when a run is cancelled. */
export class JobCancelledError extends Error {
  constructor() {
    super(JOB_CANCELLED)
    this.name = 'JobCancelledError'
  }
}

/** The default pause between steps: a zero-delay timeout, so that a cancel message gets in. */
export const defaultPause = (): Promise<void> => new Promise<void>((ok) => setTimeout(ok, 0))
