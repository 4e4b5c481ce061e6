// Turns an uploaded report file into plain text in the browser: .txt/.md (UTF-8/UTF-16), .html
// (parsed inertly, never executed), .pdf (pdf.js with its own bundled worker, no CDN) and .docx
// (mammoth, through HTML so that headings survive). Throws an Error naming the file and what is wrong; it writes nothing.
import { decodeTextBytes } from '../core/csv'
import type { TextFormat } from '../core/segment'

/** The report formats the app imports. */
export const REPORT_EXTENSIONS = ['txt', 'md', 'pdf', 'docx', 'html', 'htm'] as const

/** Text extracted from a file, with the format the segmenter should assume. */
export interface ExtractedText {
  text: string
  /** The format to assume; undefined lets the segmenter sniff it (a .txt may hold markdown-like text). */
  format?: TextFormat
  /** Line layout: hard-wrapped (PDF) or one paragraph per line (Word); undefined lets the segmenter measure it. */
  layout?: 'wrapped' | 'paragraphs'
}

const BLOCK = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TR', 'BR', 'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'PRE', 'UL', 'OL', 'TABLE'])

/** Plain text of an HTML document: block elements become paragraphs, headings keep a markdown mark. */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  doc.querySelectorAll('script, style, noscript, template').forEach((n) => n.remove())
  const out: string[] = []
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      out.push((node.textContent ?? '').replace(/\s+/g, ' '))
      return
    }
    if (!(node instanceof Element)) return
    const tag = node.tagName
    const heading = /^H([1-6])$/.exec(tag)
    if (BLOCK.has(tag)) out.push('\n\n')
    if (heading) out.push('#'.repeat(Number(heading[1])) + ' ')
    if (tag === 'LI') out.push('- ')
    node.childNodes.forEach(walk)
    if (BLOCK.has(tag)) out.push('\n\n')
  }
  walk(doc.body)
  return out.join('').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim() + '\n'
}

async function pdfToText(bytes: Uint8Array): Promise<string> {
  const [{ extractPdfText }, worker] = await Promise.all([import('../core/extract/pdf'), import('pdfjs-dist/legacy/build/pdf.worker.mjs?url')])
  return extractPdfText(bytes, { workerSrc: worker.default })
}

async function docxToText(bytes: Uint8Array): Promise<string> {
  const mod = (await import('mammoth/mammoth.browser.js')) as typeof import('mammoth/mammoth.browser.js') & { default?: typeof import('mammoth/mammoth.browser.js') }
  const convert = mod.convertToHtml ?? mod.default!.convertToHtml
  const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  // Through HTML, so that Word headings and lists keep their structure (see htmlToText).
  return htmlToText((await convert({ arrayBuffer: buf })).value)
}

/** Extracts the text of a report file. */
export async function extractReportText(fileName: string, bytes: Uint8Array): Promise<ExtractedText> {
  const ext = fileName.toLowerCase().split('.').pop() ?? ''
  try {
    if (ext === 'pdf') {
      if (new TextDecoder().decode(bytes.subarray(0, 5)) !== '%PDF-') throw new Error('not a PDF file (no %PDF- header)')
      return { text: await pdfToText(bytes), layout: 'wrapped' }
    }
    if (ext === 'docx') {
      if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new Error('not a .docx file (not a ZIP container)')
      return { text: await docxToText(bytes), format: 'md' }
    }
    if (!(REPORT_EXTENSIONS as readonly string[]).includes(ext)) throw new Error(`unsupported file type ".${ext}" (use .txt, .md, .pdf, .docx or .html)`)
    const decoded = decodeTextBytes(bytes)
    if (!decoded.ok) throw new Error(decoded.error)
    if (ext === 'html' || ext === 'htm') return { text: htmlToText(decoded.text), format: 'md' }
    return { text: decoded.text, format: ext === 'md' ? 'md' : undefined }
  } catch (e) {
    throw new Error(`${fileName}: ${(e as Error).message}`)
  }
}
