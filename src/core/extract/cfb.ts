// Reads the streams of a Compound File Binary container (the OLE2 package of Word 97–2003 .doc files), per
// [MS-CFB]: sectors chained through the FAT, small streams in the mini stream; every chain is bounded.
import { ReportError } from './reportError'

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const END_OF_CHAIN = 0xfffffffe
const FREE = 0xffffffff

/** True when the bytes start with the compound file signature. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && SIGNATURE.every((b, i) => bytes[i] === b)
}

/** A Word 97–2003 file that cannot be read as one, and why (one code for these rare, technical cases). */
export const damaged = (what: string) => new ReportError(`the Word 97–2003 file is damaged (${what})`, 'damaged', { detail: what })

/** The streams of a compound file by name (top-level and nested alike; later duplicates are ignored). */
export function readCompoundFile(bytes: Uint8Array): Map<string, Uint8Array> {
  if (!isCompoundFile(bytes)) throw damaged('no compound file signature')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const u32 = (at: number) => view.getUint32(at, true)
  const sectorSize = 1 << view.getUint16(0x1e, true)
  const miniSize = 1 << view.getUint16(0x20, true)
  if (sectorSize !== 512 && sectorSize !== 4096) throw damaged(`sector size ${sectorSize}`)
  const sectors = Math.floor((bytes.length - sectorSize) / sectorSize)
  const sector = (n: number) => {
    if (n >= sectors) throw damaged(`sector ${n} past the end`)
    return bytes.subarray((n + 1) * sectorSize, (n + 2) * sectorSize)
  }
  // The FAT's own sectors: 109 listed in the header, the rest in the DIFAT chain.
  const fatSectors: number[] = []
  for (let i = 0; i < 109; i++) fatSectors.push(u32(0x4c + i * 4))
  for (let d = u32(0x44), guard = 0; d !== END_OF_CHAIN && d !== FREE && guard < sectors; guard++) {
    const s = sector(d)
    const sv = new DataView(s.buffer, s.byteOffset, s.byteLength)
    for (let i = 0; i < sectorSize / 4 - 1; i++) fatSectors.push(sv.getUint32(i * 4, true))
    d = sv.getUint32(sectorSize - 4, true)
  }
  const fatCount = u32(0x2c)
  const fat = new Uint32Array(fatCount * (sectorSize / 4))
  fatSectors.slice(0, fatCount).forEach((n, i) => {
    const s = sector(n)
    for (let k = 0; k < sectorSize / 4; k++) fat[i * (sectorSize / 4) + k] = new DataView(s.buffer, s.byteOffset, s.byteLength).getUint32(k * 4, true)
  })
  const chain = (start: number, table: Uint32Array, limit: number): number[] => {
    const out: number[] = []
    for (let n = start; n !== END_OF_CHAIN; n = table[n]) {
      if (n === FREE || n >= table.length || out.length > limit) throw damaged(`a broken sector chain at ${n}`)
      out.push(n)
    }
    return out
  }
  const readChain = (start: number, size: number): Uint8Array => {
    const out = new Uint8Array(Math.ceil(size / sectorSize) * sectorSize)
    chain(start, fat, sectors).forEach((n, i) => i * sectorSize < out.length && out.set(sector(n), i * sectorSize))
    return out.subarray(0, size)
  }
  const dir = readChain(u32(0x30), chain(u32(0x30), fat, sectors).length * sectorSize)
  const dv = new DataView(dir.buffer, dir.byteOffset, dir.byteLength)
  const entries = []
  for (let at = 0; at + 128 <= dir.length; at += 128) {
    const nameBytes = Math.min(64, dv.getUint16(at + 0x40, true))
    const name = String.fromCharCode(...Array.from({ length: Math.max(0, nameBytes / 2 - 1) }, (_, i) => dv.getUint16(at + i * 2, true)))
    entries.push({ name, type: dir[at + 0x42], start: dv.getUint32(at + 0x74, true), size: dv.getUint32(at + 0x78, true) })
  }
  const root = entries.find((e) => e.type === 5)
  if (!root) throw damaged('no root entry')
  const miniStream = root.start === END_OF_CHAIN ? new Uint8Array(0) : readChain(root.start, root.size)
  const miniFatBytes = u32(0x40) ? readChain(u32(0x3c), u32(0x40) * sectorSize) : new Uint8Array(0)
  const miniFat = new Uint32Array(miniFatBytes.length / 4)
  const mv = new DataView(miniFatBytes.buffer, miniFatBytes.byteOffset, miniFatBytes.byteLength)
  for (let i = 0; i < miniFat.length; i++) miniFat[i] = mv.getUint32(i * 4, true)
  const cutoff = u32(0x38)
  const streams = new Map<string, Uint8Array>()
  for (const e of entries) {
    if (e.type !== 2 || streams.has(e.name)) continue
    if (e.size >= cutoff) {
      streams.set(e.name, readChain(e.start, e.size))
      continue
    }
    const out = new Uint8Array(e.size)
    chain(e.start, miniFat, miniStream.length / miniSize).forEach((n, i) => {
      const from = n * miniSize
      const room = out.length - i * miniSize
      if (room <= 0) return
      if (from >= miniStream.length) throw damaged(`mini sector ${n} past the end`)
      out.set(miniStream.subarray(from, from + Math.min(miniSize, room)), i * miniSize)
    })
    streams.set(e.name, out)
  }
  return streams
}
