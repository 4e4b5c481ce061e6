// A tiny request/response channel to a Web Worker: each request gets an id and a Promise; a worker
// that cannot start or crashes rejects everything pending with its reason and is restarted lazily.

/** The reply shape the app's small workers send: `{ id, ok, result | error }`. */
interface Reply {
  id: number
  ok: boolean
  result?: unknown
  error?: string
}

/** Creates a lazily started worker channel. */
export function workerRpc(factory: () => Worker): <T>(payload: Record<string, unknown>, transfer?: Transferable[]) => Promise<T> {
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
      const err = new Error(ev.message || 'a background worker stopped unexpectedly')
      for (const p of pending.values()) p.fail(err)
      pending.clear()
      w.terminate()
      worker = undefined
    }
    return w
  }

  return <T>(payload: Record<string, unknown>, transfer: Transferable[] = []) => {
    worker ??= start()
    const id = nextId++
    return new Promise<T>((ok, fail) => {
      pending.set(id, { ok: ok as (v: unknown) => void, fail })
      worker!.postMessage({ ...payload, id }, transfer)
    })
  }
}
