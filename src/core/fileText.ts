// File kinds by name, UTF-8 decoding that keeps every code unit (so offsets match Node's
// readFileSync(file, 'utf8')), and HTML to the segmenter's text through the one HTML path.
import { blocksToText } from './extract/blocks'
import { htmlToBlocks } from './extract/html'

/** File kinds the workbench can read. */
export type FileKind = 'txt' | 'md' | 'html' | 'pdf' | 'doc' | 'docx' | 'odt' | 'rtf'

/** The kind of a file from its name, or null when unsupported. */
export function fileKindOf(name: string): FileKind | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase()
  switch (ext) {
    case 'txt':
    case 'text':
      return 'txt'
    case 'md':
    case 'markdown':
      return 'md'
    case 'html':
    case 'htm':
    case 'xhtml':
      return 'html'
    case 'pdf':
      return 'pdf'
    case 'doc':
      return 'doc'
    case 'docx':
      return 'docx'
    case 'odt':
      return 'odt'
    case 'rtf':
      return 'rtf'
    default:
      return null
  }
}

/** Decodes UTF-8 bytes exactly as Node's readFileSync(file, 'utf8') does (a BOM is kept). */
export function decodeUtf8(bytes: ArrayBuffer | Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
}

/**
 * Turns HTML into the markdown-like text the segmenter reads (htmlparser2, main content only,
 * headings as "#" lines, list items as "- " lines, table cells separated, footnotes at the end).
 */
export function htmlToText(html: string): string {
  return blocksToText(htmlToBlocks(html).blocks)
}
