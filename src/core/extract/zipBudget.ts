// A DOCX is a ZIP package, and a small ZIP can inflate to gigabytes (a "zip bomb"). Before any part
// is unzipped, the package's central directory is read here and every part's declared size, the
// total and the compression ratio are held to LIMITS; then each part is inflated as a stream that
// stops as soon as it grows past what it declared, so a package that lies cannot inflate either.
import { LIMITS, formatBytes } from '../limits'
import { ReportError } from './reportError'

/** A package that is not a readable ZIP: one code for these rare, technical cases, the English detail as its value. */
const damaged = (detail: string) => new ReportError(detail, 'damaged', { detail })

/** One file of a ZIP package, as its central directory describes it. */
export interface ZipEntry {
  name: string
  /** 0 stored, 8 deflated. */
  method: number
  compressedSize: number
  uncompressedSize: number
}

const EOCD = 0x06054b50
const CDH = 0x02014b50
/** A size of 0xFFFFFFFF means "see the ZIP64 record": more than 4 GiB, never a report. */
const ZIP64 = 0xffffffff

/** The entries of a ZIP package's central directory; throws when there is none. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let end = -1
  // The end record is 22 bytes plus a comment of at most 65535 bytes, at the end of the file.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--)
    if (view.getUint32(i, true) === EOCD) {
      end = i
      break
    }
  if (end < 0) throw damaged('not a ZIP package (no central directory)')
  const count = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  if (count === 0xffff || at === ZIP64) throw new ReportError('the package is a ZIP64 archive (more than 4 GB or 65,535 parts): too large for a report', 'zip64')
  const decoder = new TextDecoder()
  const entries: ZipEntry[] = []
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CDH) throw damaged('the package\'s central directory is damaged')
    const nameLength = view.getUint16(at + 28, true)
    entries.push({
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    })
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true)
  }
  return entries
}

/** Parts small enough to be harmless whatever their ratio (a page of spaces compresses 500:1). */
const RATIO_FLOOR = 1024 * 1024

/**
 * Holds a package's declared sizes to LIMITS (per part, in total, and the inflation ratio of any
 * part over 1 MB); throws an Error saying which part and which limit. Reads no compressed data.
 */
export function checkZipSizes(entries: readonly ZipEntry[]): void {
  let total = 0
  for (const e of entries) {
    const part = e.name
    if (e.uncompressedSize === ZIP64 || e.compressedSize === ZIP64) throw new ReportError(`the part ${part} is larger than 4 GB`, 'partOver4Gb', { part })
    const size = formatBytes(e.uncompressedSize)
    if (e.uncompressedSize > LIMITS.docxPartBytes) {
      const max = formatBytes(LIMITS.docxPartBytes)
      throw new ReportError(`the part ${part} inflates to ${size}, more than the ${max} a part may have`, 'partTooLarge', { part, size, max })
    }
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize)
    if (e.uncompressedSize > RATIO_FLOOR && ratio > LIMITS.docxRatio) {
      const params = { part, count: Math.round(ratio), packed: formatBytes(e.compressedSize), size, max: LIMITS.docxRatio }
      const message = `the part ${part} inflates ${params.count} times (${params.packed} to ${size}), more than the ${params.max} times a real document does: refused as a zip bomb`
      throw new ReportError(message, 'zipBomb', params)
    }
    total += e.uncompressedSize
  }
  if (total > LIMITS.docxTotalBytes) {
    const params = { size: formatBytes(total), max: formatBytes(LIMITS.docxTotalBytes) }
    throw new ReportError(`the package inflates to ${params.size} in all, more than the ${params.max} allowed`, 'packageTooLarge', params)
  }
}

/** JSZip's streaming read of one part (documented as ZipObject#internalStream; not in its typings). */
interface PartStream {
  on(ev: 'data', f: (chunk: Uint8Array) => void): PartStream
  on(ev: 'error', f: (e: Error) => void): PartStream
  on(ev: 'end', f: () => void): PartStream
  pause(): void
  resume(): void
}

/**
 * Checks a ZIP package before it is unzipped: its central directory's sizes (checkZipSizes), then
 * every part inflated as a stream, counted, and stopped as soon as it exceeds its declared size.
 * Memory stays at one chunk; time at the declared total. Throws an Error naming the part.
 */
export async function checkZipPackage(bytes: Uint8Array): Promise<void> {
  const entries = readZipDirectory(bytes)
  checkZipSizes(entries)
  const JSZip = (await import('jszip')).default
  const zip = await JSZip.loadAsync(bytes)
  for (const e of entries) {
    const file = zip.file(e.name)
    if (!file) continue
    await new Promise<void>((ok, fail) => {
      let n = 0
      const stream = (file as unknown as { internalStream(t: 'uint8array'): PartStream }).internalStream('uint8array')
      stream
        .on('data', (chunk) => {
          n += chunk.length
          if (n > e.uncompressedSize) {
            stream.pause()
            const params = { part: e.name, size: formatBytes(e.uncompressedSize) }
            fail(new ReportError(`the part ${e.name} inflates to more than the ${params.size} it declares: refused as a zip bomb`, 'zipLies', params))
          }
        })
        .on('error', fail)
        .on('end', ok)
        .resume()
    })
  }
}
