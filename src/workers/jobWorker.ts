// The message loop of a job worker: runs one job per request with progress messages, stops a job
// between steps when a cancel message names it, and answers { id, ok, result | error }.
import { MatcherCache } from '../core/matcher'
import { JOB_CANCELLED, JobCancelledError, type JobHooks, type JobProgressMessage, type JobRequest } from './jobProtocol'

/** Serves `run` in this worker; the worker keeps one matcher cache across runs. */
export function serveJobs<I, R, P>(run: (input: I, hooks: JobHooks<P>) => Promise<R>): void {
  const matchers = new MatcherCache()
  const running = new Set<number>()
  const cancelled = new Set<number>()
  self.onmessage = async (ev: MessageEvent<JobRequest<I>>) => {
    const msg = ev.data
    if (msg.type === 'cancel') {
      if (running.has(msg.job)) cancelled.add(msg.job)
      return
    }
    const { id, job, input } = msg
    running.add(job)
    try {
      const result = await run(input, {
        matchers,
        isCancelled: () => cancelled.has(job),
        onProgress: (progress) => self.postMessage({ type: 'progress', job, progress } satisfies JobProgressMessage<P>),
      })
      self.postMessage({ id, ok: true, result })
    } catch (e) {
      const error = e instanceof JobCancelledError ? JOB_CANCELLED : e instanceof Error ? e.message : String(e)
      self.postMessage({ id, ok: false, error })
    } finally {
      running.delete(job)
      cancelled.delete(job)
    }
  }
}
