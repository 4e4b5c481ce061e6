// PDF to blocks with pdfjs-dist, loaded on demand (legacy build: runs in Node and in browsers):
// positioned runs with their font size and weight per page, the info dictionary for title,
// author and date; the layout itself is read by pdfLayout.ts.
import { normalizeDate } from '../reportMeta'
import type { Block, FileMeta } from './blocks'
import { layoutToBlocks, pageLines, type PdfLine, type PdfRun } from './pdfLayout'
import { ReportError } from './reportError'

/** Options of {@link pdfToBlocks}. */
export interface PdfOptions {
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
  transform?: number[]
  width?: number
  fontName?: string
}

/** Blocks, metadata and the running header/footer texts of a PDF given as bytes. */
export async function pdfToBlocks(data: ArrayBuffer | Uint8Array, opts: PdfOptions = {}): Promise<{ blocks: Block[]; meta: FileMeta; furniture: string[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  if (opts.workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = opts.workerSrc
  const bytes = data instanceof Uint8Array ? new Uint8Array(data) : new Uint8Array(data.slice(0))
  const doc = await pdfjs.getDocument({ data: bytes, isEvalSupported: false, useSystemFonts: true }).promise.catch((e: Error) => {
    if (e?.name === 'PasswordException')
      throw new ReportError('the PDF is protected by a password: save a copy without the password from a PDF reader, and import that', 'passwordPdf', {}, { cause: e })
    throw e
  })
  const pages: PdfLine[][] = []
  let meta: FileMeta
  try {
    const info = ((await doc.getMetadata()).info ?? {}) as Record<string, unknown>
    const str = (k: string) => (typeof info[k] === 'string' && (info[k] as string).trim() ? (info[k] as string).trim() : undefined)
    const date = str('CreationDate') ?? str('ModDate')
    meta = { title: str('Title'), publisher: str('Author'), created: date ? normalizeDate(date) : undefined }
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const content = await page.getTextContent()
      // Fonts (and their weight) are known once the page's operators are loaded.
      await page.getOperatorList()
      const bold = new Map<string, boolean>()
      const isBold = (f = ''): boolean => {
        if (!bold.has(f)) {
          let b: boolean
          try {
            const font = page.commonObjs.get(f) as { bold?: boolean; black?: boolean; name?: string } | undefined
            b = !!font && (!!font.bold || !!font.black || /bold|black|heavy|semibold/i.test(font.name ?? ''))
          } catch {
            b = false
          }
          bold.set(f, b)
        }
        return bold.get(f)!
      }
      const runs: PdfRun[] = []
      for (const item of content.items as PdfTextItem[]) {
        if (typeof item.str !== 'string' || !item.transform) continue
        const [a, b, , , x, y] = item.transform
        runs.push({ str: item.str, x, y, width: item.width ?? 0, size: Math.round(Math.hypot(a, b) * 10) / 10, bold: isBold(item.fontName) })
      }
      pages.push(pageLines(runs, n))
      page.cleanup()
      opts.onPage?.(n, doc.numPages)
    }
  } finally {
    await doc.destroy()
  }
  const { blocks, furniture } = layoutToBlocks(pages)
  return { blocks, meta, furniture }
}
