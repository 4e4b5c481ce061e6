// Opening an OpenDocument package (an .odt report, an .ods glossary): sizes checked before anything is inflated,
// the declared type checked, and the office:body's content element (office:text, office:spreadsheet) found in
// content.xml, read by the safe XML parser; other parts are read on request. Also the inline text both readers take
// from it.
import { childElements, localName, parseXml, type XmlElement } from './xml'
import { checkZipPackage } from './extract/zipBudget'
import { ReportError } from './extract/reportError'

/** Elements that are no part of the text they stand in: comments, tracked deletions, declarations, page breaks. */
export const ODF_NOT_TEXT = new Set(['annotation', 'annotation-end', 'tracked-changes', 'sequence-decls', 'variable-decls', 'user-field-decls', 'forms', 'soft-page-break'])

/**
 * The text of OpenDocument inline content (a paragraph, a heading): `text:s` as its spaces, tabs and line breaks as
 * written, comments and tracked deletions left out. `own` reads an element itself when it returns a string (a
 * footnote, a frame).
 */
export function odfText(el: XmlElement, own?: (c: XmlElement, name: string) => string | undefined): string {
  let out = ''
  for (const c of el.children) {
    if (typeof c === 'string') {
      out += c
      continue
    }
    const name = localName(c.name)
    const read = own?.(c, name)
    if (read !== undefined) out += read
    else if (ODF_NOT_TEXT.has(name)) continue
    else if (name === 's') out += ' '.repeat(Math.min(1000, Number(c.attrs['text:c'] ?? 1) || 1))
    else if (name === 'tab') out += '\t'
    else if (name === 'line-break') out += '\n'
    else out += odfText(c, own)
  }
  return out
}

/** An opened package: its content element, the content.xml root, and its other parts as text. */
export interface OdfPackage {
  content: XmlElement
  root: XmlElement
  part(name: string): Promise<string | undefined>
}

/**
 * Opens an OpenDocument package of the given kind ('text' for .odt, 'spreadsheet' for .ods); throws an Error that
 * says what is wrong (too large, another type, no content.xml, bad XML with its line and column).
 */
export async function openOdf(bytes: Uint8Array, kind: 'text' | 'spreadsheet'): Promise<OdfPackage> {
  await checkZipPackage(bytes)
  const JSZip = (await import('jszip')).default
  const zip = await JSZip.loadAsync(bytes)
  const part = async (name: string) => zip.file(name)?.async('string')
  const what = `an OpenDocument ${kind}`
  const mime = (await part('mimetype'))?.trim()
  if (mime && mime !== `application/vnd.oasis.opendocument.${kind}`) throw new ReportError(`not ${what} (the package is ${mime})`, 'odfWrongType', { kind, mime })
  const xml = await part('content.xml')
  if (!xml) throw new ReportError(`not ${what} (no content.xml in the package)`, 'odfNoContent', { kind })
  const root = parseXml(xml, { label: 'content.xml' }).root
  const body = childElements(root).find((c) => localName(c.name) === 'body')
  const content = body && childElements(body).find((c) => localName(c.name) === kind)
  if (!content) throw new ReportError(`not ${what} (content.xml has no office:${kind} body)`, 'odfNoBody', { kind })
  return { content, root, part }
}
