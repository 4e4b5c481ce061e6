// A DOCX is a ZIP package, and a small ZIP can inflate to gigabytes (a "zip bomb"). Before any part
// is unzipped, the package's central directory is read here and every part's declared size, the
// total and the compression ratio are held to LIMITS; then each part is inflated as a stream that
// stops as soon as it grows past what it declared, so a package that lies cannot inflate either.
import { LIMITS, formatBytes } from '../limits'

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
  if (end < 0) throw new Error('not a ZIP package (no central directory)')
  const count = view.getUint16(end + 10, true)
  let at = view.getUint32(end + 16, true)
  if (count === 0xffff || at === ZIP64) throw new Error('the package is a ZIP64 archive (more than 4 GB or 65,535 parts): too large for a report')
  const decoder = new TextDecoder()
  const entries: ZipEntry[] = []
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CDH) throw new Error('the package\'s central directory is damaged')
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
    if (e.uncompressedSize === ZIP64 || e.compressedSize === ZIP64) throw new Error(`the part ${e.name} is larger than 4 GB`)
    if (e.uncompressedSize > LIMITS.docxPartBytes)
      throw new Error(`the part ${e.name} inflates to ${formatBytes(e.uncompressedSize)}, more than the ${formatBytes(LIMITS.docxPartBytes)} a part may have`)
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize)
    if (e.uncompressedSize > RATIO_FLOOR && ratio > LIMITS.docxRatio)
      throw new Error(`the part ${e.name} inflates ${Math.round(ratio)} times (${formatBytes(e.compressedSize)} to ${formatBytes(e.uncompressedSize)}), more than the ${LIMITS.docxRatio} times a real document does: refused as a zip bomb`)
    total += e.uncompressedSize
  }
  if (total > LIMITS.docxTotalBytes)
    throw new Error(`the package inflates to ${formatBytes(total)} in all, more than the ${formatBytes(LIMITS.docxTotalBytes)} allowed`)
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
            fail(new Error(`the part ${e.name} inflates to more than the ${formatBytes(e.uncompressedSize)} it declares: refused as a zip bomb`))
          }
        })
        .on('error', fail)
        .on('end', ok)
        .resume()
    })
  }
}
