// PDF to text with pdfjs-dist, loaded on demand (legacy build: runs in Node and in browsers).
// Lines end where pdf.js reports an end of line; pages are separated by a blank line.

/** Options of {@link extractPdfText}. */
export interface PdfTextOptions {
  /** Called after each page with (page number, page count). */
  onPage?: (page: number, pages: number) => void
  /**
   * URL of pdf.js's worker script, needed in browsers (with Vite:
   * `import workerSrc from 'pdfjs-dist/legacy/build/pdf.worker.mjs?url'`); Node needs none.
   */
  workerSrc?: string
}

interface PdfTextItem {
  str?: string
  hasEOL?: boolean
}

/** Extracts the text of a PDF given as bytes. */
export async function extractPdfText(data: ArrayBuffer | Uint8Array, opts: PdfTextOptions = {}): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  if (opts.workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = opts.workerSrc
  const bytes = data instanceof Uint8Array ? new Uint8Array(data) : new Uint8Array(data.slice(0))
  const doc = await pdfjs.getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: true }).promise
  const pages: string[] = []
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const content = await page.getTextContent()
      let text = ''
      for (const item of content.items as PdfTextItem[]) {
        if (typeof item.str !== 'string') continue
        text += item.str
        if (item.hasEOL) text += '\n'
      }
      pages.push(text.replace(/[ \t]+\n/g, ' \n'))
      page.cleanup()
      opts.onPage?.(n, doc.numPages)
    }
  } finally {
    await doc.destroy()
  }
  return pages.join('\n\n')
}
