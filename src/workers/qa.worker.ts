// Runs the terminology QA checks off the main thread: a run posts progress before each step (each report,
// each check) and can be cancelled between steps. Depends only on the QA job and the pure core behind it.
import { MatcherCache, QA_CANCELLED, QaCancelledError, runQaJob, type QaWorkerProgress, type QaWorkerRequest } from './qaJob'

const matchers = new MatcherCache()
const running = new Set<number>()
const cancelled = new Set<number>()

self.onmessage = async (ev: MessageEvent<QaWorkerRequest>) => {
  const msg = ev.data
  if (msg.type === 'cancel') {
    if (running.has(msg.job)) cancelled.add(msg.job)
    return
  }
  const { id, job, input } = msg
  running.add(job)
  try {
    const result = await runQaJob(input, {
      matchers,
      isCancelled: () => cancelled.has(job),
      onProgress: (progress) => self.postMessage({ type: 'progress', job, progress } satisfies QaWorkerProgress),
    })
    self.postMessage({ id, ok: true, result })
  } catch (e) {
    const error = e instanceof QaCancelledError ? QA_CANCELLED : e instanceof Error ? e.message : String(e)
    self.postMessage({ id, ok: false, error })
  } finally {
    running.delete(job)
    cancelled.delete(job)
  }
}
