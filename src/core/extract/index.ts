// The one extraction path of the app (its segment worker) and the CLI: bytes and a file name in,
// the text to store and segment out, with what the file says about itself. HTML, DOC, DOCX, ODT, RTF and PDF go
// through blocks (blocks.ts); .txt and .md are kept as they are, so offsets match the file.
import { decodeUtf8, fileKindOf, type FileKind } from '../fileText'
import { decodeReportText } from './textDecode'
import { sniffFormat } from '../segment/lines'
import type { TextFormat } from '../segment/types'
import { blocksToText, type Block, type FileMeta } from './blocks'
import { htmlToBlocks } from './html'
import { ReportError, checkReportBytes, inFile } from './reportError'
import { isCompoundFile } from './cfb'

/** Extracted text and the format the segmenter should read it as. */
export interface ExtractedText {
  text: string
  /** How to segment the text; undefined lets the segmenter sniff it. */
  format?: TextFormat
  /** Line layout of the extracted text (see SegmentOptions.layout). */
  layout?: 'wrapped' | 'paragraphs'
  /** What the file states about itself, and the running headers/footers removed from a PDF. */
  meta: FileMeta
}

/** Options of {@link extractText}. */
export interface ExtractOptions {
  /** pdf.js's worker script URL (browsers; see PdfOptions.workerSrc). */
  pdfWorkerSrc?: string
  /** Progress of a PDF, page by page. */
  onPage?: (page: number, pages: number) => void
}

const fromBlocks = (blocks: Block[], meta: FileMeta, layout: 'wrapped' | 'paragraphs'): ExtractedText => ({ text: blocksToText(blocks), format: 'md', layout, meta })

/** A ZIP container's first bytes ("PK"): .docx and .odt packages. */
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b

/** What a file named .doc really is: often a .docx, RTF or a web page saved under that name, else Word 97–2003. */
function docKind(bytes: Uint8Array): FileKind {
  if (isZip(bytes)) return 'docx'
  if (decodeUtf8(bytes.subarray(0, 5)) === '{\\rtf') return 'rtf'
  if (!isCompoundFile(bytes) && /^\s*</.test(decodeUtf8(bytes.subarray(0, 512)))) return 'html'
  return 'doc'
}

/**
 * Extracts a report file (`name` decides the kind). Errors name the file and what is wrong.
 * A .txt is plain text (markdown-like text is recognised, never HTML); offsets of .txt and .md
 * refer to the file's own text, those of the other kinds to the returned text.
 */
export async function extractText(name: string, data: ArrayBuffer | Uint8Array, opts: ExtractOptions = {}): Promise<ExtractedText> {
  const named = fileKindOf(name)
  if (named === null) throw new ReportError(`${name}: unsupported file type (use .txt, .md, .pdf, .doc, .docx, .odt, .rtf or .html)`, 'unsupportedType', { file: name })
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data)
  checkReportBytes(name, bytes.length)
  const kind = named === 'doc' ? docKind(bytes) : named
  try {
    if (kind === 'pdf') {
      if (decodeUtf8(bytes.subarray(0, 5)) !== '%PDF-') throw new ReportError('not a PDF file (no %PDF- header)', 'notPdf')
      const { pdfToBlocks } = await import('./pdf')
      const r = await pdfToBlocks(bytes, { workerSrc: opts.pdfWorkerSrc, onPage: opts.onPage })
      if (!r.blocks.length) throw new ReportError('the PDF has no text layer (a scanned document?): run text recognition (OCR) on it first, then import the result', 'noTextLayer')
      return fromBlocks(r.blocks, { ...r.meta, running: r.furniture }, 'wrapped')
    }
    if (kind === 'docx') {
      if (!isZip(bytes)) throw new ReportError('not a .docx file (not a ZIP container)', 'notDocx')
      const { docxToBlocks } = await import('./docx')
      const r = await docxToBlocks(bytes)
      return fromBlocks(r.blocks, r.meta, 'paragraphs')
    }
    if (kind === 'rtf') {
      const { rtfToBlocks } = await import('./rtf')
      const r = rtfToBlocks(bytes)
      return fromBlocks(r.blocks, r.meta, 'paragraphs')
    }
    if (kind === 'doc') {
      const { docToBlocks } = await import('./doc')
      const r = docToBlocks(bytes)
      return fromBlocks(r.blocks, r.meta, 'paragraphs')
    }
    if (kind === 'odt') {
      if (!isZip(bytes)) throw new ReportError('not an .odt file (not a ZIP container)', 'notOdt')
      const { odtToBlocks } = await import('./odt')
      const r = await odtToBlocks(bytes)
      return fromBlocks(r.blocks, r.meta, 'paragraphs')
    }
  } catch (e) {
    throw inFile(e, name)
  }
  const text = decodeReportText(name, bytes, kind === 'html')
  if (kind === 'html') {
    const r = htmlToBlocks(text)
    return fromBlocks(r.blocks, r.meta, 'paragraphs')
  }
  if (kind === 'md') return { text, format: 'md', meta: {} }
  const sniffed = sniffFormat(text)
  return { text, format: sniffed === 'html' ? 'txt' : sniffed, meta: {} }
}

export { blocksToText, htmlToBlocks }
export type { Block, FileMeta }
