// Turns the raw bytes of an uploaded CSV or TBX file into text, refusing non-UTF-8 with a precise message
// instead of silently producing mojibake. Used by the CSV and TBX importers (TextDecoder exists in Node,
// browsers and workers).
import type { MessageParams } from '../message'

/** Encodings {@link decodeTextBytes} understands. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be'

/** Result of {@link decodeTextBytes}. */
export type DecodeResult =
  | { ok: true; text: string; encoding: TextEncodingName; bom: boolean }
  | {
      ok: false
      /** Ready to show, e.g. "not valid UTF-8 at byte 1234 (line 5); save the file as UTF-8". */
      error: string
      /** The error as an import issue code ('utf16NoBom', 'notUtf8') and what it names, for the translated text. */
      code: 'utf16NoBom' | 'notUtf8'
      params: MessageParams
      /** 0-based offset of the first bad byte. */
      byteOffset: number
      /** 1-based line of that byte. */
      line: number
    }

/** Offset of the first byte that breaks UTF-8 well-formedness, or -1. Linear. */
export function findInvalidUtf8(bytes: Uint8Array, from = 0): number {
  const n = bytes.length
  let i = from
  while (i < n) {
    const b = bytes[i]
    if (b < 0x80) {
      i++
      continue
    }
    let need: number
    let min: number
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80 }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800 }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000 }
    else return i
    let cp = b & (0x3f >> need)
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (c & 0x3f)
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i
    i += need + 1
  }
  return -1
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++
  return line
}

function decodeUtf16(bytes: Uint8Array, start: number, littleEndian: boolean): string {
  const chunks: string[] = []
  const units: number[] = []
  for (let i = start; i + 1 < bytes.length; i += 2) {
    units.push(littleEndian ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1])
    if (units.length === 8192) {
      chunks.push(String.fromCharCode(...units))
      units.length = 0
    }
  }
  if (units.length) chunks.push(String.fromCharCode(...units))
  return chunks.join('')
}

/**
 * 'little-endian' or 'big-endian' when the first 4 KB look like UTF-16 without a BOM (text in Latin
 * script has a zero byte in every other position, on one side), else null. Zero bytes elsewhere are
 * left to the caller: valid UTF-8 may contain NUL.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'little-endian' | 'big-endian' | null {
  const n = Math.min(bytes.length, 4096) & ~1
  if (n < 4) return null
  let even = 0
  let odd = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++
    if (bytes[i + 1] === 0) odd++
  }
  const pairs = n / 2
  if (odd >= pairs * 0.4 && even <= pairs * 0.05) return 'little-endian'
  if (even >= pairs * 0.4 && odd <= pairs * 0.05) return 'big-endian'
  return null
}

/**
 * Decodes file bytes: UTF-8 (BOM optional, stripped) validated strictly, or UTF-16 LE/BE when the file
 * starts with the matching BOM. Invalid UTF-8 (e.g. a Latin-1 or Windows-1252 export) gives an error
 * naming the first bad byte and its line instead of replacement characters; so does UTF-16 without a BOM.
 */
export function decodeTextBytes(bytes: Uint8Array): DecodeResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: decodeUtf16(bytes, 2, true), encoding: 'utf-16le', bom: true }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: decodeUtf16(bytes, 2, false), encoding: 'utf-16be', bom: true }
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const start = bom ? 3 : 0
  const unmarked = bom ? null : utf16WithoutBom(bytes)
  if (unmarked) {
    return {
      ok: false,
      error: `the file looks like UTF-16 (${unmarked}) without a byte-order mark: every other byte is zero. Save it as UTF-8, or as UTF-16 with a byte-order mark`,
      code: 'utf16NoBom',
      params: { endian: unmarked },
      byteOffset: 0,
      line: 1,
    }
  }
  const bad = findInvalidUtf8(bytes, start)
  if (bad !== -1) {
    const line = lineOfByte(bytes, bad)
    const hex = bytes[bad].toString(16).toUpperCase().padStart(2, '0')
    return {
      ok: false,
      error: `not valid UTF-8 at byte ${bad} (line ${line}, byte 0x${hex}); save the file as UTF-8 (in Excel: "CSV UTF-8")`,
      code: 'notUtf8',
      params: { byte: bad, line, hex },
      byteOffset: bad,
      line,
    }
  }
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start))
  return { ok: true, text, encoding: 'utf-8', bom }
}

/** {@link decodeTextBytes} under the name the CSV import screen uses. */
export const decodeCsvBytes = decodeTextBytes

/** Bytes Windows-1252 leaves undefined: a file holding them is in some other encoding. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d])
/** The non-ASCII characters Nordic, Finnish, French and English text is made of, in Windows-1252. */
const EXPECTED = /[åäöæøéèêëàâáçîïíôóûùúüÿœšžßÅÄÖÆØÉÈÊËÀÂÁÇÎÏÍÔÓÛÙÚÜŸŒŠŽ–—‘’‚“”„…•€«»°§½¼¾±×·\u00a0´¨]/u

/** Windows-1252's characters for bytes 0x80–0x9F (undefined ones as U+FFFD); the rest is ISO-8859-1. */
const CP1252_HIGH = '€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd‘’“”•–—˜™š›œ\ufffdžŸ'

/**
 * Decodes Windows-1252 by table: Node's TextDecoder reads that label as ISO-8859-1 (0x96 becomes U+0096, not "–"),
 * browsers do not, and the stored text must not depend on where it was read.
 */
export function decodeCp1252(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192)
    out += String.fromCharCode(...chunk).replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80])
  }
  return out
}

/**
 * The text of bytes that are not UTF-8 when they read as Windows-1252 in the app's languages (Word's and Excel's
 * "plain text" and "CSV" on Nordic and French Windows): no byte the code page leaves undefined, no NUL, and nine in
 * ten non-ASCII characters letters and punctuation of those languages. Null otherwise.
 */
export function likelyCp1252(bytes: Uint8Array): string | null {
  if (bytes.some((b) => b === 0 || CP1252_UNDEFINED.has(b))) return null
  const text = decodeCp1252(bytes)
  let foreign = 0
  let expected = 0
  for (const c of text) {
    if (c.charCodeAt(0) <= 0x7f) continue
    foreign++
    if (EXPECTED.test(c)) expected++
  }
  return expected >= foreign * 0.9 ? text : null
}
