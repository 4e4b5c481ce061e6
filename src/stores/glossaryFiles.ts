// Main-thread access to the glossary-file worker: read a file into a preview, write an export.
import type { ReadRequest, ReadResult, WriteRequest, WrittenFile } from '../workers/glossaryFile'
import { workerRpc } from './workerRpc'
import { glossaryFileTooLarge } from '../core/csv/importResult'
import { formatOf, isXmlFormat } from '../core/glossaryFormat'

const call = workerRpc(() => new Worker(new URL('../workers/glossaryFile.worker.ts', import.meta.url), { type: 'module' }))

/** Reads a glossary file (CSV, TBX, MultiTerm XML or XLSX) into an import preview, in the worker. */
export async function readGlossary(file: File, pair?: ReadRequest['pair']): Promise<ReadResult> {
  // Before the file is read at all (its name and first bytes give the format): a file over the limit
  // would exhaust memory in the parser.
  const head = new Uint8Array(await file.slice(0, 2000).arrayBuffer())
  const tooLarge = glossaryFileTooLarge(file.size, isXmlFormat(formatOf(file.name, head)))
  if (tooLarge) throw new Error(`${file.name}: ${tooLarge.message}`)
  const bytes = new Uint8Array(await file.arrayBuffer())
  const req: ReadRequest = { fileName: file.name, bytes, pair: pair ? { source: pair.source, target: pair.target } : undefined }
  return call<ReadResult>({ op: 'read', req }, [bytes.buffer])
}

/** Serialises the glossary for download, in the worker (plain copies: proxies cannot be posted). */
export function writeGlossary(req: WriteRequest): Promise<WrittenFile> {
  return call({ op: 'write', req: JSON.parse(JSON.stringify(req)) as WriteRequest })
}
