// Main-thread access to the glossary-file worker: read a file into a preview, write an export.
import type { ReadRequest, ReadResult, WriteRequest } from '../workers/glossaryFile'

let worker: Worker | undefined
let nextId = 1
const pending = new Map<number, { ok: (v: never) => void; fail: (e: Error) => void }>()

function call<T>(op: 'read' | 'write', req: ReadRequest | WriteRequest, transfer: Transferable[] = []): Promise<T> {
  if (!worker) {
    worker = new Worker(new URL('../workers/glossaryFile.worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (ev: MessageEvent<{ id: number; ok: boolean; result?: unknown; error?: string }>) => {
      const p = pending.get(ev.data.id)
      pending.delete(ev.data.id)
      if (ev.data.ok) p?.ok(ev.data.result as never)
      else p?.fail(new Error(ev.data.error))
    }
    worker.onerror = (ev) => {
      // A worker that cannot start (or crashes) fails every pending request with its reason.
      ev.preventDefault()
      const err = new Error(ev.message || 'the file worker stopped unexpectedly')
      for (const p of pending.values()) p.fail(err)
      pending.clear()
      worker?.terminate()
      worker = undefined
    }
  }
  const id = nextId++
  return new Promise<T>((ok, fail) => {
    pending.set(id, { ok: ok as (v: never) => void, fail })
    worker!.postMessage({ id, op, req }, transfer)
  })
}

/** Reads a glossary file (CSV or TBX) into an import preview, in the worker. */
export async function readGlossary(file: File, pair?: ReadRequest['pair']): Promise<ReadResult> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  return call<ReadResult>('read', { fileName: file.name, bytes, pair: pair ? { source: pair.source, target: pair.target } : undefined }, [bytes.buffer])
}

/** Serialises the glossary for download, in the worker. */
export function writeGlossary(req: WriteRequest): Promise<{ fileName: string; text: string; mime: string }> {
  return call('write', JSON.parse(JSON.stringify(req)) as WriteRequest)
}
