// A tiny request/response channel to a Web Worker: each request gets an id and a Promise; a worker
// that cannot start or crashes rejects everything pending with its reason and is restarted lazily.

/** The reply shape the app's small workers send: `{ id, ok, result | error }`. */
interface Reply {
  id: number
  ok: boolean
  result?: unknown
  error?: string
}

/**
 * Creates a lazily started worker channel. With `timeoutMs`, a request not answered in time stops
 * the worker (work that cannot be interrupted otherwise) and fails with "timed out after N s".
 */
export function workerRpc(factory: () => Worker, opts: { timeoutMs?: number } = {}): <T>(payload: Record<string, unknown>, transfer?: Transferable[]) => Promise<T> {
  let worker: Worker | undefined
  let nextId = 1
  const pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>()

  function start(): Worker {
    const w = factory()
    w.onmessage = (ev: MessageEvent<Reply>) => {
      const p = pending.get(ev.data.id)
      pending.delete(ev.data.id)
      if (ev.data.ok) p?.ok(ev.data.result)
      else p?.fail(new Error(ev.data.error))
    }
    w.onerror = (ev) => {
      ev.preventDefault()
      stop(w, new Error(ev.message || 'a background worker stopped unexpectedly'))
    }
    return w
  }

  /** Ends a worker and fails everything pending on it; the next request starts a new one. */
  function stop(w: Worker, err: Error): void {
    for (const p of pending.values()) p.fail(err)
    pending.clear()
    w.terminate()
    if (worker === w) worker = undefined
  }

  return <T>(payload: Record<string, unknown>, transfer: Transferable[] = []) => {
    worker ??= start()
    const id = nextId++
    const w = worker
    return new Promise<T>((ok, fail) => {
      const timer = opts.timeoutMs
        ? setTimeout(() => pending.has(id) && stop(w, new Error(`timed out after ${Math.ceil(opts.timeoutMs! / 1000)} s and was stopped`)), opts.timeoutMs)
        : undefined
      const done = <A>(f: (a: A) => void) => (a: A) => {
        clearTimeout(timer)
        f(a)
      }
      pending.set(id, { ok: done(ok as (v: unknown) => void), fail: done(fail) })
      w.postMessage({ ...payload, id }, transfer)
    })
  }
}
