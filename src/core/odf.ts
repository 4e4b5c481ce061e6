// Opening an OpenDocument package (an .odt report, an .ods glossary): sizes checked before anything is inflated,
// the declared type checked, and the office:body's content element (office:text, office:spreadsheet) found in
// content.xml, read by the safe XML parser; other parts are read on request.
import { childElements, localName, parseXml, type XmlElement } from './xml'
import { checkZipPackage } from './extract/zipBudget'

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
  if (mime && mime !== `application/vnd.oasis.opendocument.${kind}`) throw new Error(`not ${what} (the package is ${mime})`)
  const xml = await part('content.xml')
  if (!xml) throw new Error(`not ${what} (no content.xml in the package)`)
  const root = parseXml(xml, { label: 'content.xml' }).root
  const body = childElements(root).find((c) => localName(c.name) === 'body')
  const content = body && childElements(body).find((c) => localName(c.name) === kind)
  if (!content) throw new Error(`not ${what} (content.xml has no office:${kind} body)`)
  return { content, root, part }
}
