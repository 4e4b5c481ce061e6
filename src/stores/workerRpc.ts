// The client side of the worker protocol (src/workers/jobProtocol.ts): a request/response channel where each
// request gets an id and a Promise, and the job client on top of it (runs with progress and cancel). A worker
// that cannot start, crashes or is restarted rejects everything pending and is started again lazily.
import { JOB_CANCELLED, WORKER_RESTARTED, type JobProgressMessage, type JobReply } from '../workers/jobProtocol'
import type { MessageParams } from '../core/message'

/** What the channel needs of a worker (a Web Worker; anything shaped like one in tests). */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void
  onmessage: ((ev: MessageEvent) => unknown) | null
  onerror: ((ev: ErrorEvent) => unknown) | null
  terminate(): void
}

/** A lazily started worker with numbered requests. */
interface Channel {
  /** Sends a request (starting the worker when none runs) and resolves its reply. */
  request<T>(payload: Record<string, unknown>, transfer?: Transferable[], timeoutMs?: number): Promise<T>
  /** Posts a message that has no reply (to a running worker only). */
  post(message: unknown): void
  /** Terminates the worker and rejects every pending request with `reason` (and its code, params). */
  restart(reason: string, code?: string, params?: MessageParams): void
}


/** An Error with the code and params the worker sent beside its message (see JobReply), when it sent them. */
function replyError(message: string, code?: string, params?: MessageParams): Error {
  const e = new Error(message)
  return code ? Object.assign(e, { code, params: params ?? {} }) : e
}

/** Creates a channel; `onOther` gets the messages that are not replies (progress), `onStop` runs when a worker is ended. */
function channel(factory: () => WorkerLike, onOther?: (data: unknown) => void, onStop?: () => void): Channel {
  let worker: WorkerLike | undefined
  let nextId = 1
  const pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>()

  function restart(reason: string, code?: string, params?: MessageParams): void {
    const err = replyError(reason, code, params)
    const all = [...pending.values()]
    pending.clear()
    worker?.terminate()
    worker = undefined
    onStop?.()
    for (const p of all) p.fail(err)
  }
  function start(): WorkerLike {
    const w = factory()
    w.onmessage = (ev: MessageEvent<JobReply | { id?: undefined }>) => {
      const m = ev.data
      const p = typeof m?.id === 'number' ? pending.get(m.id) : undefined
      if (!p || m.id === undefined) return onOther?.(m)
      pending.delete(m.id)
      if (m.ok) p.ok(m.result)
      else p.fail(replyError(m.error, m.code, m.params))
    }
    w.onerror = (ev) => {
      ev.preventDefault()
      if (worker === w) restart(ev.message || 'a background worker stopped unexpectedly')
    }
    return w
  }

  return {
    request<T>(payload: Record<string, unknown>, transfer: Transferable[] = [], timeoutMs?: number) {
      const w = (worker ??= start())
      const id = nextId++
      return new Promise<T>((ok, fail) => {
        // A request not answered in time stops the worker (work that cannot be interrupted otherwise).
        const seconds = Math.ceil((timeoutMs ?? 0) / 1000)
        const timer = timeoutMs
          ? setTimeout(() => pending.has(id) && worker === w && restart(`timed out after ${seconds} s and was stopped`, 'timedOut', { seconds }), timeoutMs)
          : undefined
        const done = <A>(f: (a: A) => void) => (a: A) => {
          clearTimeout(timer)
          f(a)
        }
        pending.set(id, { ok: done(ok as (v: unknown) => void), fail: done(fail) })
        w.postMessage({ ...payload, id }, transfer)
      })
    },
    post(message) {
      worker?.postMessage(message)
    },
    restart,
  }
}

/**
 * Creates a lazily started worker channel for a worker that answers `{ id, ok, result | error }`. With `timeoutMs`,
 * a request not answered in time stops the worker and fails with "timed out after N s and was stopped".
 */
export function workerRpc(factory: () => Worker, opts: { timeoutMs?: number } = {}): <T>(payload: Record<string, unknown>, transfer?: Transferable[]) => Promise<T> {
  const c = channel(factory)
  return (payload, transfer) => c.request(payload, transfer, opts.timeoutMs)
}

/** A started job: its run id, its result, and a cancel (the result then rejects with JOB_CANCELLED). */
export interface JobRun<R> {
  job: number
  result: Promise<R>
  cancel(): void
}

/** Options of one run. */
export interface JobRunOptions<P> {
  onProgress?: (p: P) => void
  /** Fields of the worker's own, sent beside the input (the analysis worker's `glossary`). */
  fields?: Record<string, unknown>
}

/** A job worker's client. */
export interface JobClient {
  /** Starts a job of `kind` on `input`. */
  run<R, P = unknown>(kind: string, input: unknown, opts?: JobRunOptions<P>): JobRun<R>
  /** Terminates the worker: every pending run rejects with WORKER_RESTARTED; the next run starts a new worker. */
  restart(): void
}

/** How long a cancelled run may go on before the worker is terminated (its step could not be interrupted). */
export const CANCEL_GRACE_MS = 2000

/**
 * Creates the client of a job worker (see jobProtocol.ts). A cancel asks the worker to stop the job at its next
 * step; when the job has not answered within `graceMs`, the worker is terminated and every pending run rejected.
 */
export function jobClient(factory: () => WorkerLike, opts: { graceMs?: number; onStop?: () => void } = {}): JobClient {
  const graceMs = opts.graceMs ?? CANCEL_GRACE_MS
  const listeners = new Map<number, (p: unknown) => void>()
  let nextJob = 1
  const c = channel(
    factory,
    (data) => {
      const m = data as Partial<JobProgressMessage<unknown>>
      if (m?.type === 'progress' && typeof m.job === 'number') listeners.get(m.job)?.(m.progress)
    },
    opts.onStop,
  )
  const restart = () => c.restart(WORKER_RESTARTED)

  return {
    run<R, P>(kind: string, input: unknown, o: JobRunOptions<P> = {}): JobRun<R> {
      const job = nextJob++
      let cancelled = false
      let done = false
      let timer: ReturnType<typeof setTimeout> | undefined
      if (o.onProgress) listeners.set(job, o.onProgress as (p: unknown) => void)
      const result = c.request<R>({ ...o.fields, type: 'run', job, kind, input }).then(
        (r) => {
          if (cancelled) throw new Error(JOB_CANCELLED)
          return r
        },
        (e: Error) => {
          throw cancelled ? new Error(JOB_CANCELLED) : e
        },
      )
      const settled = result.finally(() => {
        done = true
        clearTimeout(timer)
        listeners.delete(job)
      })
      settled.catch(() => {})
      return {
        job,
        result: settled,
        cancel() {
          if (cancelled || done) return
          cancelled = true
          listeners.delete(job)
          c.post({ type: 'cancel', job })
          timer = setTimeout(restart, graceMs)
        },
      }
    },
    restart,
  }
}
