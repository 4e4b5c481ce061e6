// One analysis worker, one job protocol: the real job loop and dispatcher on one end of a MessageChannel (a worker
// in this thread), the app's clients on the other. Every kind runs in one worker with the job modules' own results;
// one matcher per glossary version is shared by all kinds and moved on from a difference; a cancel stops a job
// between steps without ending the worker; a cancel the worker cannot honour in time, or a worker error, ends it
// and rejects every pending run; a run cut off by a restart it did not cause is sent again.
import { afterEach, describe, expect, it } from 'vitest'
import { buildMatcher } from '../../src/core/matcher'
import type { ConceptEntry, Glossary, Lang } from '../../src/core/model'
import { analysisClient } from '../../src/stores/analysisWorker'
import { jobClient, type WorkerLike } from '../../src/stores/workerRpc'
import { runAlignJob } from '../../src/workers/alignJob'
import { analysisRunner } from '../../src/workers/analysisJobs'
import { runCandidatesJob } from '../../src/workers/candidatesJob'
import { GlossarySender, GlossaryVersions, NEED_GLOSSARY } from '../../src/workers/glossaryVersions'
import { JOB_CANCELLED, WORKER_RESTARTED, type JobRunRequest } from '../../src/workers/jobProtocol'
import { serveJobs, type JobPort, type JobRunner } from '../../src/workers/jobWorker'
import { findAcross, prepareFindTarget, runLinkJob } from '../../src/workers/linkJob'
import { runQaJob, type QaJobDocument } from '../../src/workers/qaJob'
import { loadStarterGlossary } from '../bench/linkGold'

/** A worker in this thread: the real job loop on one port; what the client posts and receives is recorded. */
class PortWorker implements WorkerLike {
  onmessage: ((ev: MessageEvent) => unknown) | null = null
  onerror: ((ev: ErrorEvent) => unknown) | null = null
  terminated = false
  readonly sent: Record<string, unknown>[] = []
  readonly received: Record<string, unknown>[] = []
  private readonly ch = new MessageChannel()
  constructor(run: JobRunner) {
    serveJobs(this.ch.port2 as unknown as JobPort, run)
    this.ch.port1.onmessage = (ev) => {
      this.received.push(ev.data)
      this.onmessage?.(ev)
    }
  }
  postMessage(m: unknown): void {
    this.sent.push(m as Record<string, unknown>)
    this.ch.port1.postMessage(m)
  }
  terminate(): void {
    this.terminated = true
    this.ch.port1.close()
    this.ch.port2.close()
  }
}
const made: PortWorker[] = []
const worker = (run: JobRunner) => () => {
  const w = new PortWorker(run)
  made.push(w)
  return w
}
afterEach(() => {
  for (const w of made.splice(0)) w.terminate()
})

const glossary = loadStarterGlossary() as Glossary
const entries = glossary.entries
/** A report of one-sentence paragraphs. */
function report(id: string, lang: Lang, paras: string[]): QaJobDocument {
  let text = ''
  const passages = paras.map((p, index) => {
    const start = text.length
    text += p + '\n\n'
    return { index, kind: 'paragraph' as const, lang, text: p, start, end: start + p.length, sentences: [{ text: p, start, end: start + p.length }] }
  })
  return { id, fileName: `${id}.txt`, lang, text, passages }
}
const EN = report('d-en', 'en', [
  'The military commissariat sent a summons to every conscript during the partial mobilisation.',
  'A draft evader who ignores the summons faces a fine; the recruiting station keeps the register.',
  'Alternative civil service lasts 21 months.',
])
const FR = report('d-fr', 'fr', [
  'Le commissariat militaire a envoyé une convocation à chaque conscrit pendant la mobilisation partielle.',
  'Un insoumis qui ignore la convocation risque une amende.',
  'Le service civil alternatif dure 21 mois.',
])
const linkInput = { a: FR.passages, b: EN.passages, langA: 'fr' as const, langB: 'en' as const, top: 3 }
/** The glossary with "recruiting station" added to the military commissariat. */
function edited(): ConceptEntry[] {
  return entries.map((e) =>
    e.concept.id !== 'c-voenkomat' ? e : { ...e, terms: [...e.terms, { ...e.terms[1], id: 'c-voenkomat-rs', text: 'recruiting station', status: 'admitted' as const }] },
  )
}
const noPause = () => Promise.resolve()
const withoutTimings = <T extends { timings: unknown }>({ timings: _t, ...r }: T) => r

describe('the analysis worker', () => {
  it('runs every kind in one worker with the job modules\' own results, on one matcher for the glossary version', async () => {
    const versions = new GlossaryVersions()
    const client = analysisClient(worker(analysisRunner(versions)))
    const matcher = buildMatcher(glossary)
    const qa = await client.run('qa', { documents: [EN, FR] }, { glossary: entries }).result
    expect(withoutTimings(qa)).toEqual(withoutTimings(await runQaJob({ glossary, documents: [EN, FR] }, { pause: noPause })))
    expect(qa.findings.length + qa.matrix.cells.length).toBeGreaterThan(0)
    const cand = await client.run('candidates', { documents: [EN, FR], lang: 'da' }, { glossary: entries }).result
    expect(cand.concepts).toEqual((await runCandidatesJob({ glossary, documents: [EN, FR], lang: 'da' }, { pause: noPause })).concepts)
    const links = await client.run('link', linkInput, { glossary: entries }).result
    expect(links).toEqual(await runLinkJob(linkInput, matcher))
    const found = await client.run('find', { query: FR.passages[0], lang: 'fr', top: 3, targets: [{ key: 'en', docId: EN.id, lang: 'en', passages: EN.passages }] }, { glossary: entries }).result
    expect(found).toEqual(findAcross(FR.passages[0], 'fr', [prepareFindTarget(EN.id, EN.passages, 'en', matcher)], matcher, 3))
    expect(found[0]?.index).toBe(0)
    const alignInput = { segments: [{ src: FR.passages.map((p) => p.text), tgt: EN.passages.map((p) => p.text) }], srcLang: 'fr' as const, tgtLang: 'en' as const }
    expect(await client.run('align', alignInput, { glossary: entries }).result).toEqual(await runAlignJob(alignInput, matcher))
    // One worker, one matcher built, the entries sent once: later runs name the version by its key alone.
    expect(made).toHaveLength(1)
    expect(versions.counts).toEqual({ built: 1, updated: 0 })
    const refs = made[0].sent.filter((m) => m.type === 'run').map((m) => m.glossary as { key: string; entries?: unknown[] })
    expect(refs[0].entries).toHaveLength(entries.length)
    expect(refs.slice(1).every((r) => r.key === refs[0].key && r.entries === undefined)).toBe(true)
  })

  it('moves the shared matcher on from a difference when the glossary changes: the same results as a fresh build', async () => {
    const versions = new GlossaryVersions()
    const client = analysisClient(worker(analysisRunner(versions)))
    const before = await client.run('qa', { documents: [EN] }, { glossary: entries }).result
    const next = edited()
    const after = await client.run('qa', { documents: [EN] }, { glossary: next }).result
    expect(withoutTimings(after)).toEqual(withoutTimings(await runQaJob({ glossary: { entries: next }, documents: [EN] }, { pause: noPause })))
    expect(after.matrix).not.toEqual(before.matrix)
    expect(versions.counts).toEqual({ built: 1, updated: 1 })
    const ref = made[0].sent.filter((m) => m.type === 'run')[1].glossary as { base: string; changed: ConceptEntry[]; removed: string[] }
    expect(ref.changed.map((e) => e.concept.id)).toEqual(['c-voenkomat'])
    expect(ref.removed).toEqual([])
    // Linking in the same worker uses the updated matcher: no new build.
    await client.run('link', linkInput, { glossary: next }).result
    expect(versions.counts).toEqual({ built: 1, updated: 1 })
  })

  it('stops a cancelled job between steps and keeps the worker: the next job runs on it', async () => {
    const versions = new GlossaryVersions()
    const client = analysisClient(worker(analysisRunner(versions)), { graceMs: 60_000 })
    const long = { ...linkInput, a: Array.from({ length: 50 }, () => FR.passages).flat() }
    const all: unknown[] = []
    await runLinkJob(long, buildMatcher(glossary), { onProgress: (p) => all.push(p) })
    const run = client.run('link', long, {
      glossary: entries,
      onProgress: () => run.cancel(),
    })
    await expect(run.result).rejects.toThrow(JOB_CANCELLED)
    // The worker itself stopped the job (its reply says so) and was not terminated.
    const reply = made[0].received.find((m) => m.id !== undefined)
    expect(reply).toMatchObject({ ok: false, error: JOB_CANCELLED })
    expect(made[0].received.filter((m) => m.type === 'progress').length).toBeLessThan(all.length)
    expect(made[0].terminated).toBe(false)
    const qa = await client.run('qa', { documents: [EN] }, { glossary: entries }).result
    expect(qa.matrix.cells.length).toBeGreaterThan(0)
    expect(made).toHaveLength(1)
    expect(versions.counts.built).toBe(1)
  })

  it('refuses a kind it does not know, and a run that names no glossary, with the reason', async () => {
    const client = jobClient(worker(analysisRunner()))
    await expect(client.run('bogus', {}, { fields: { glossary: { key: 'g1', entries: [] } } }).result).rejects.toThrow('unknown job kind "bogus"')
    await expect(client.run('qa', { documents: [] }).result).rejects.toThrow('a "qa" run names no glossary')
    expect(made).toHaveLength(1)
  })

  it('sends a run cut off by a restart it did not cause again, with the whole glossary, to a new worker', async () => {
    const client = analysisClient(worker(analysisRunner()))
    await client.run('qa', { documents: [EN] }, { glossary: entries }).result
    const run = client.run('qa', { documents: [EN, FR] }, { glossary: entries })
    client.restart()
    expect(withoutTimings(await run.result)).toEqual(withoutTimings(await runQaJob({ glossary, documents: [EN, FR] }, { pause: noPause })))
    expect(made).toHaveLength(2)
    expect(made[0].terminated).toBe(true)
    expect((made[1].sent[0].glossary as { entries?: unknown[] }).entries).toHaveLength(entries.length)
  })
})

describe('the job client', () => {
  /** Jobs that never end ('stuck': a long synchronous step that cannot see a cancel) or echo their input. */
  const stuckOrEcho: JobRunner = (req: JobRunRequest) => (req.kind === 'stuck' ? new Promise(() => {}) : Promise.resolve(req.input))

  it('terminates a worker that does not stop a cancelled job in time, rejecting every pending run', async () => {
    const client = jobClient(worker(stuckOrEcho), { graceMs: 20 })
    const [a, b, c] = [client.run('stuck', 1), client.run('stuck', 2), client.run('stuck', 3)]
    a.cancel()
    await expect(a.result).rejects.toThrow(JOB_CANCELLED)
    await expect(b.result).rejects.toThrow(WORKER_RESTARTED)
    await expect(c.result).rejects.toThrow(WORKER_RESTARTED)
    expect(made[0].terminated).toBe(true)
    expect(made[0].sent.filter((m) => m.type === 'cancel')).toEqual([{ type: 'cancel', job: a.job }])
    // The next run starts a new worker.
    expect(await client.run('echo', 'again').result).toBe('again')
    expect(made).toHaveLength(2)
  })

  it('rejects every pending run with the reason of a worker that errs, and starts a new one next time', async () => {
    const client = jobClient(worker(stuckOrEcho))
    const runs = [client.run('stuck', 1), client.run('stuck', 2)]
    made[0].onerror?.({ message: 'out of memory', preventDefault: () => {} } as ErrorEvent)
    for (const r of runs) await expect(r.result).rejects.toThrow('out of memory')
    expect(made[0].terminated).toBe(true)
    expect(await client.run('echo', 7).result).toBe(7)
    expect(made).toHaveLength(2)
  })

  it('leaves the worker alone when a run is cancelled after it ended', async () => {
    const client = jobClient(worker(stuckOrEcho), { graceMs: 1 })
    const r = client.run('echo', 'x')
    expect(await r.result).toBe('x')
    r.cancel()
    const pending = client.run('stuck', 0)
    await new Promise((ok) => setTimeout(ok, 20))
    expect(made[0].terminated).toBe(false)
    expect(made[0].sent.some((m) => m.type === 'cancel')).toBe(false)
    pending.cancel()
    await expect(pending.result).rejects.toThrow(JOB_CANCELLED)
  })
})

describe('glossary versions', () => {
  it('keeps the matcher of a version a job holds; the next version builds its own; the old goes when released', () => {
    const versions = new GlossaryVersions()
    const held = versions.acquire({ key: 'a', entries })
    const m1 = held.matcher
    const next = edited()
    const ref = new GlossarySender()
    ref.refFor(entries)
    const diff = ref.refFor(next)
    expect(diff).toMatchObject({ base: 'g1', key: 'g2', removed: [] })
    const v2 = versions.resolve({ ...diff, base: 'a' } as typeof diff)
    expect(v2.matcher).not.toBe(m1)
    expect(versions.counts).toEqual({ built: 2, updated: 0 })
    const text = 'The recruiting station.'
    expect(m1.match(text, 'en').some((h) => h.conceptId === 'c-voenkomat')).toBe(false)
    expect(v2.matcher.match(text, 'en').some((h) => h.conceptId === 'c-voenkomat')).toBe(true)
    expect(versions.keys()).toEqual(['a', 'g2'])
    versions.release(held)
    expect(versions.keys()).toEqual(['g2'])
  })

  it('asks for the glossary when a run names a version, or a base, it does not hold', () => {
    const versions = new GlossaryVersions()
    expect(() => versions.resolve({ key: 'g7' })).toThrow(NEED_GLOSSARY)
    expect(() => versions.resolve({ key: 'g8', base: 'g7', changed: [], removed: [], order: [] })).toThrow(NEED_GLOSSARY)
  })

  it('names a glossary by key when unchanged, by difference when edited, in full after a reset', () => {
    const s = new GlossarySender()
    expect(s.refFor(entries).entries).toHaveLength(entries.length)
    expect(s.refFor([...entries])).toEqual({ key: 'g1' })
    const fewer = entries.slice(1)
    expect(s.refFor(fewer)).toEqual({ key: 'g2', base: 'g1', changed: [], removed: [entries[0].concept.id], order: fewer.map((e) => e.concept.id) })
    s.reset()
    expect(s.refFor(fewer)).toMatchObject({ key: 'g3', entries: fewer })
  })
})
