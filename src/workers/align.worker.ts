// Sentence alignment off the main thread (two long translations take seconds to minutes): builds the glossary
// matcher once per glossary version (the entries come with every request) and runs `runAlignJob`, posting its
// progress. A DP cannot be interrupted from inside, so the store cancels by terminating this worker.
// Replies follow src/stores/workerRpc.ts: `{ id, ok, result | error }`; progress messages carry no `id`.
import { buildMatcher, type Matcher } from '../core/matcher'
import type { ConceptEntry } from '../core/model'
import { runAlignJob, type AlignJobRequest } from './alignJob'

/** The message this worker understands. */
export type AlignWorkerRequest = { id: number; type: 'align'; jobId: number; glossaryKey: string; entries: ConceptEntry[] } & AlignJobRequest

let matcherKey: string | undefined
let matcher: Matcher | null = null

self.onmessage = async (ev: MessageEvent<AlignWorkerRequest>) => {
  const req = ev.data
  try {
    if (req.glossaryKey !== matcherKey) {
      matcher = req.entries.length ? buildMatcher({ entries: req.entries }) : null
      matcherKey = req.glossaryKey
    }
    const beads = await runAlignJob(req, matcher, { onProgress: (p) => self.postMessage({ progress: { jobId: req.jobId, ...p } }) })
    self.postMessage({ id: req.id, ok: true, result: beads })
  } catch (e) {
    self.postMessage({ id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) })
  }
}
