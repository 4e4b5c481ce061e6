// Passage linking off the main thread (a report pair takes a second or more): builds the glossary matcher once
// per glossary version, runs `runLinkJob` in chunks with progress messages, and honours a cancel flag.
// Replies follow src/stores/workerRpc.ts: `{ id, ok, result | error }`; progress messages carry no `id`.
import { buildMatcher, type Matcher } from '../core/matcher'
import type { ConceptEntry, Lang } from '../core/model'
import type { LinkPassage } from '../core/link'
import { findAcross, LinkJobCancelled, NEED_GLOSSARY, prepareFindTarget, runLinkJob, type FindTarget, type LinkJobRequest } from './linkJob'

/** Fields every request may carry to describe the glossary: its version key, and its entries when the worker asks. */
interface GlossaryFields {
  glossaryKey: string
  entries?: ConceptEntry[]
}
/** The messages this worker understands. */
export type LinkWorkerRequest =
  | ({ id: number; type: 'link'; jobId: number } & GlossaryFields & LinkJobRequest)
  | { id: number; type: 'cancel'; jobId: number }
  | ({ id: number; type: 'find'; query: LinkPassage; lang: Lang | 'und'; top: number; targets: { key: string; docId: string; lang: Lang | 'und'; passages: LinkPassage[] }[] } & GlossaryFields)

let matcherKey: string | undefined
let matcher: Matcher | null = null
const cancelled = new Set<number>()
/** Prepared reports for "find", by a key that changes when the report or the glossary changes. */
const targets = new Map<string, FindTarget>()

/** The matcher for the request's glossary version, or undefined when the entries are needed. */
function matcherFor(req: GlossaryFields): Matcher | null | undefined {
  if (req.glossaryKey === matcherKey) return matcher
  if (!req.entries) return undefined
  matcher = req.entries.length ? buildMatcher({ entries: req.entries }) : null
  matcherKey = req.glossaryKey
  targets.clear()
  return matcher
}

const pause = () => new Promise<void>((ok) => setTimeout(ok, 0))
const reply = (id: number, result: unknown) => self.postMessage({ id, ok: true, result })
const fail = (id: number, error: string) => self.postMessage({ id, ok: false, error })

self.onmessage = async (ev: MessageEvent<LinkWorkerRequest>) => {
  const req = ev.data
  if (req.type === 'cancel') {
    cancelled.add(req.jobId)
    return reply(req.id, true)
  }
  try {
    const m = matcherFor(req)
    if (m === undefined) return fail(req.id, NEED_GLOSSARY)
    if (req.type === 'link') {
      const { jobId } = req
      const result = await runLinkJob(req, m, {
        pause,
        isCancelled: () => cancelled.has(jobId),
        onProgress: (p) => self.postMessage({ progress: { jobId, ...p } }),
      })
      reply(req.id, result)
    } else {
      const prepared = req.targets.map((t) => {
        let hit = targets.get(t.key)
        if (!hit) targets.set(t.key, (hit = prepareFindTarget(t.docId, t.passages, t.lang, m)))
        return hit
      })
      // Keep only the reports of this request: deleted or changed reports do not pile up.
      for (const k of [...targets.keys()]) if (!req.targets.some((t) => t.key === k)) targets.delete(k)
      reply(req.id, findAcross(req.query, req.lang, prepared, m, req.top))
    }
  } catch (e) {
    fail(req.id, e instanceof LinkJobCancelled ? 'cancelled' : e instanceof Error ? e.message : String(e))
  } finally {
    if (req.type === 'link') cancelled.delete(req.jobId)
  }
}
