// Report text files (.txt, .md, .html) in the encodings word processors and older sites still write: UTF-8 with or
// without a BOM, UTF-16 with or without one, the charset an HTML page declares, and Windows-1252 (Word's "plain
// text" on Nordic and French Windows) when the bytes are not UTF-8 and read as the letters of the app's languages.
import { decodeTextBytes, utf16WithoutBom } from '../csv'
import { decodeUtf8 } from '../fileText'
import { ReportError } from './reportError'

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

/** The charset an HTML page declares in its first 2 KB (`<meta charset>` or http-equiv), lower case, or null. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = decodeCp1252(bytes.subarray(0, 2048))
  return /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1]?.toLowerCase() ?? null
}

/** Decodes with a TextDecoder label, or null when the runtime knows no such encoding. */
function decodeAs(label: string, bytes: Uint8Array): string | null {
  if (/^(?:windows-1252|cp1252|iso-8859-1|iso8859-1|latin-?1|us-ascii|ascii)$/.test(label)) return decodeCp1252(bytes)
  try {
    return new TextDecoder(label).decode(bytes)
  } catch {
    return null
  }
}

/** Throws when decoded text holds NUL: valid text can still be binary data, and a report never holds NUL. */
function noNul(name: string, text: string): string {
  const nul = text.indexOf('\u0000')
  if (nul === -1) return text
  const line = text.slice(0, nul).split('\n').length
  throw new ReportError(`${name}: binary data, not text (a NUL character at line ${line})`, 'binary', { file: name, line })
}

/**
 * The text of a report file, or an Error naming the file and what is wrong. UTF-8 is read as Node reads it (a BOM
 * kept, so offsets match the file); other encodings are read whole into the text that is stored.
 */
export function decodeReportText(name: string, bytes: Uint8Array, html: boolean): string {
  const utf8 = decodeTextBytes(bytes)
  if (utf8.ok) return noNul(name, utf8.encoding === 'utf-8' ? decodeUtf8(bytes) : utf8.text)
  const charset = html ? declaredCharset(bytes) : null
  if (charset && !/^utf-?8$/.test(charset)) {
    const text = decodeAs(charset, bytes)
    if (text !== null) return noNul(name, text)
  }
  const utf16 = utf16WithoutBom(bytes)
  if (utf16) return noNul(name, new TextDecoder(utf16 === 'little-endian' ? 'utf-16le' : 'utf-16be').decode(bytes))
  if (!bytes.some((b) => b === 0 || CP1252_UNDEFINED.has(b))) {
    const text = decodeCp1252(bytes)
    let foreign = 0
    let expected = 0
    for (const c of text) {
      if (c.charCodeAt(0) <= 0x7f) continue
      foreign++
      if (EXPECTED.test(c)) expected++
    }
    if (expected >= foreign * 0.9) return text
  }
  const error = 'error' in utf8 ? utf8.error.replace(/; save the file as UTF-8.*$/, '') : 'not valid UTF-8'
  // The params name the first bad byte and its line (UTF-16 without a byte-order mark was read above).
  const params = 'params' in utf8 ? utf8.params : {}
  throw new ReportError(`${name}: ${error}, nor Windows-1252 text in the app's languages: save the report as UTF-8`, 'encodingRefused', { ...params, file: name })
}
