// The message loop of a job worker (see jobProtocol.ts): runs one job per run request with progress messages,
// stops a job between steps when a cancel message names it (the worker and its other jobs go on), and answers
// { id, ok, result | error }.
import { JOB_CANCELLED, JobCancelledError, type JobHooks, type JobProgressMessage, type JobReply, type JobRequest, type JobRunRequest } from './jobProtocol'

/** Where the loop reads and writes messages: the worker's `self`, or a MessagePort in tests. */
export interface JobPort {
  postMessage(message: unknown): void
  onmessage: ((ev: MessageEvent) => unknown) | null
}

/** Runs one job: the request as it came, and the hooks (progress, cancel flag, pause) of this run. */
export type JobRunner = (req: JobRunRequest, hooks: JobHooks<unknown>) => Promise<unknown>

/** Serves `run` on `port`. */
export function serveJobs(port: JobPort, run: JobRunner): void {
  const running = new Set<number>()
  const cancelled = new Set<number>()
  port.onmessage = async (ev: MessageEvent<JobRequest>) => {
    const msg = ev.data
    if (msg.type === 'cancel') {
      if (running.has(msg.job)) cancelled.add(msg.job)
      return
    }
    const { id, job } = msg
    running.add(job)
    let reply: JobReply
    try {
      const result = await run(msg, {
        isCancelled: () => cancelled.has(job),
        onProgress: (progress) => port.postMessage({ type: 'progress', job, progress } satisfies JobProgressMessage<unknown>),
      })
      reply = { id, ok: true, result }
    } catch (e) {
      reply = { id, ok: false, error: e instanceof JobCancelledError ? JOB_CANCELLED : e instanceof Error ? e.message : String(e) }
    } finally {
      running.delete(job)
      cancelled.delete(job)
    }
    port.postMessage(reply)
  }
}
