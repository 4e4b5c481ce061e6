// Parses and writes glossary files off the main thread, so a 100k-term import never freezes the UI.
import { readGlossaryFile, writeGlossaryFile, type ReadRequest, type WriteRequest } from './glossaryFile'

type Msg = { id: number; op: 'read'; req: ReadRequest } | { id: number; op: 'write'; req: WriteRequest }

self.onmessage = async (ev: MessageEvent<Msg>) => {
  const { id, op, req } = ev.data
  try {
    const result = op === 'read' ? await readGlossaryFile(req as ReadRequest) : await writeGlossaryFile(req as WriteRequest)
    self.postMessage({ id, ok: true, result })
  } catch (e) {
    self.postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e) })
  }
}
