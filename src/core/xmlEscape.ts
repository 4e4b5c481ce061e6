// Escaping text for XML output (TBX and TMX export): the writing side of xml.ts.

// Characters XML 1.0 cannot carry at all (not even as references) and lone surrogates.
export const UNREPRESENTABLE_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Escapes text content. CR is written as `&#13;` so that it survives line-ending normalisation;
 * characters XML cannot represent become U+FFFD. */
export function escapeXmlText(s: string): string {
  return s
    .replace(UNREPRESENTABLE_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;')
}

/** Escapes an attribute value for double quotes; whitespace other than space is written as references. */
export function escapeXmlAttr(s: string): string {
  return escapeXmlText(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;')
}
