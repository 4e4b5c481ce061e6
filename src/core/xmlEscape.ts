// Escaping text for XML output (TBX, MultiTerm, TMX and XLIFF export): the writing side of xml.ts,
// and the one rule for characters XML 1.0 cannot carry (NUL, VT and the other C0 controls but tab,
// LF and CR; U+FFFE, U+FFFF; lone surrogates): the export is refused with a message naming the
// character and, through withXmlContext, the concept, term or unit, instead of changing the text.

/** Characters XML 1.0 cannot carry at all (not even as references) and lone surrogates. */
export const UNREPRESENTABLE_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Thrown by the escapers when a text holds a character XML cannot carry; the message says which and where. */
export class UnrepresentableXmlError extends Error {
  override name = 'UnrepresentableXmlError'
}

const codePoint = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`

/** Throws UnrepresentableXmlError when `s` holds a character XML cannot carry. */
function refuseUnrepresentable(s: string): void {
  const m = UNREPRESENTABLE_XML.exec(s)
  if (!m) return
  const what = /[\uD800-\uDFFF]/.test(m[0]) ? `a lone surrogate (${codePoint(m[0])})` : codePoint(m[0])
  throw new UnrepresentableXmlError(`the text ${JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s)} contains ${what} at character ${m.index + 1}, which XML cannot carry; remove it and export again`)
}

/** Escapes text content. CR is written as `&#13;` so that it survives line-ending normalisation.
 * Throws UnrepresentableXmlError for characters XML cannot carry. */
export function escapeXmlText(s: string): string {
  refuseUnrepresentable(s)
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;')
}

/** Escapes an attribute value for double quotes; whitespace other than space is written as references. */
export function escapeXmlAttr(s: string): string {
  return escapeXmlText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;')
}

/** Runs `write`; an UnrepresentableXmlError from it is thrown again with `where` ("concept c1") in front. */
export function withXmlContext<T>(where: string, write: () => T): T {
  try {
    return write()
  } catch (e) {
    if (e instanceof UnrepresentableXmlError) throw new UnrepresentableXmlError(`${where}: ${e.message}`)
    throw e
  }
}
