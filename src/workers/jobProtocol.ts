// What the job workers (QA, term candidates) share: the request and progress messages, the hooks a job
// runs with, and the cancelled error. A job runs in steps; between steps it reports progress and checks
// for cancellation.
import type { MatcherCache } from '../core/matcher'
import type { Lang, PassageKind, SentenceSpan } from '../core/model'

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

/** Messages a job worker accepts: `id` is workerRpc's request id, `job` the caller's run id (for cancel). */
export type JobRequest<I> = { id: number; type: 'run'; job: number; input: I } | { type: 'cancel'; job: number }

/** Progress messages carry no `id`, so that workerRpc's request/response channel passes them by. */
export interface JobProgressMessage<P> {
  type: 'progress'
  job: number
  progress: P
}

/** Hooks of a run. */
export interface JobHooks<P> {
  onProgress?: (p: P) => void
  /** Asked between steps; a true answer stops the run with a JobCancelledError. */
  isCancelled?: () => boolean
  /** Lets other work (a cancel message) in between steps; default: a zero-delay timeout. */
  pause?: () => Promise<void>
  /** A matcher cache kept across runs (the worker keeps one). */
  matchers?: MatcherCache
}

/** The error text of a cancelled run, as the worker replies it. */
export const JOB_CANCELLED = 'cancelled'

/** Thrown when a run is cancelled. */
export class JobCancelledError extends Error {
  constructor() {
    super(JOB_CANCELLED)
    this.name = 'JobCancelledError'
  }
}

/** The default pause between steps: a zero-delay timeout, so that a cancel message gets in. */
export const defaultPause = (): Promise<void> => new Promise<void>((ok) => setTimeout(ok, 0))
