// Text of a report file of any supported kind; binary formats load their extractor lazily.
import { decodeUtf8, fileKindOf, textFromString } from '../fileText'
import type { TextFormat } from '../segment/types'

/** Extracted text and the format the segmenter should read it as. */
export interface ExtractedText {
  text: string
  /** How to segment the text; undefined lets the segmenter sniff it. */
  format?: TextFormat
  /** Line layout of the extracted text (see SegmentOptions.layout). */
  layout?: 'wrapped' | 'paragraphs'
}

/**
 * Extracts the text of a file (`name` decides the kind). Text files are decoded as UTF-8 without
 * any change, so segment offsets point into the file's own text.
 */
export async function extractText(name: string, data: ArrayBuffer | Uint8Array): Promise<ExtractedText> {
  const kind = fileKindOf(name)
  if (kind === 'pdf') return { text: await (await import('./pdf')).extractPdfText(data), format: 'txt', layout: 'wrapped' }
  if (kind === 'docx') return { text: await (await import('./docx')).extractDocxText(data), format: 'txt', layout: 'paragraphs' }
  if (kind === null) throw new Error(`Unsupported file type: ${name}`)
  return textFromString(name, decodeUtf8(data))
}

export { extractPdfText } from './pdf'
export { extractDocxText } from './docx'
