// A report file from bytes to what the app stores and the CLI prints: extracted text, passages,
// language and metadata. The app's segment worker and the CLI both call this one function.
import type { Lang, SegmentedPassage } from '../model'
import { guessMeta, type ReportMeta } from '../reportMeta'
import { segmentDocument, type Passage, type TextFormat } from '../segment'
import { extractText, type ExtractOptions } from './index'
import { ReportError } from './reportError'

/** A read report: the text every span refers to, its passages, language and metadata. */
export interface ReadReport {
  text: string
  lang: Lang | 'und'
  passages: Passage[]
  meta: ReportMeta
}

/** Options of {@link readReport}. */
export interface ReadOptions extends ExtractOptions {
  /** The document language when the user knows it. */
  lang?: Lang
  /** Overrides the format the extractor chose (the CLI's --format). */
  format?: TextFormat
}

/** Extracts, segments and describes a report file (`name` decides the kind). */
export async function readReport(name: string, data: ArrayBuffer | Uint8Array, opts: ReadOptions = {}): Promise<ReadReport> {
  const ex = await extractText(name, data, opts)
  if (!ex.text.trim()) throw new ReportError(`${name}: no text found in the file`, 'noText', { file: name })
  const format = opts.format ?? ex.format
  const seg = segmentDocument(ex.text, { ...(format ? { format } : {}), ...(ex.layout ? { layout: ex.layout } : {}), ...(opts.lang ? { lang: opts.lang } : {}) })
  const passages: SegmentedPassage[] = seg.passages
  return { text: ex.text, lang: seg.lang, passages: seg.passages, meta: guessMeta({ file: ex.meta, text: ex.text, passages, fileName: name }) }
}
