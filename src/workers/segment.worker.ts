// Reads a report file off the main thread: extraction (PDF, DOCX, HTML, text), clean-up,
// segmentation and metadata through core's readReport, the same function the CLI calls.
import pdfWorkerSrc from 'pdfjs-dist/legacy/build/pdf.worker.mjs?url'
import { readReport } from '../core/extract/report'
import { ReportError } from '../core/extract/reportError'
import type { Lang, SegmentedPassage } from '../core/model'

type Req = { id: number; name: string; bytes: Uint8Array; lang?: Lang }

self.onmessage = async (ev: MessageEvent<Req>) => {
  const { id, name, bytes, lang } = ev.data
  try {
    const r = await readReport(name, bytes, { pdfWorkerSrc, ...(lang ? { lang } : {}) })
    // The reconstruction data (excluded sub-spans) stays behind: the app stores text and spans.
    const passages: SegmentedPassage[] = r.passages.map(({ excluded: _x, ...p }) => p)
    self.postMessage({ id, ok: true, result: { text: r.text, lang: r.lang, passages, meta: r.meta } })
  } catch (e) {
    // A ReportError's code and params go along, so that the app can say it in the interface language.
    const coded = e instanceof ReportError ? { code: e.code, params: e.params } : {}
    self.postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e), ...coded })
  }
}
