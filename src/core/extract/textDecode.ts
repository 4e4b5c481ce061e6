// Report text files (.txt, .md, .html) in the encodings word processors and older sites still write: UTF-8 with or
// without a BOM, UTF-16 with or without one, the charset an HTML page declares, and Windows-1252 (Word's "plain
// text" on Nordic and French Windows) when the bytes are not UTF-8 and read as the letters of the app's languages.
import { decodeCp1252, decodeTextBytes, likelyCp1252, utf16WithoutBom } from '../csv'
import { decodeUtf8 } from '../fileText'
import { ReportError } from './reportError'

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
  const cp1252 = likelyCp1252(bytes)
  if (cp1252 !== null) return cp1252
  const error = 'error' in utf8 ? utf8.error.replace(/; save the file as UTF-8.*$/, '') : 'not valid UTF-8'
  // The params name the first bad byte and its line (UTF-16 without a byte-order mark was read above).
  const params = 'params' in utf8 ? utf8.params : {}
  throw new ReportError(`${name}: ${error}, nor Windows-1252 text in the app's languages: save the report as UTF-8`, 'encodingRefused', { ...params, file: name })
}
