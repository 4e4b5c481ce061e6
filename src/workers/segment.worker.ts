// Cleans and segments report text off the main thread (it takes a few hundred ms for a long report).
import { segmentDocument, type SegmentOptions } from '../core/segment'
import type { SegmentedPassage } from '../core/model'

type Req = { id: number; text: string; opts: SegmentOptions }

self.onmessage = (ev: MessageEvent<Req>) => {
  const { id, text, opts } = ev.data
  try {
    const r = segmentDocument(text, opts)
    // The reconstruction data (excluded sub-spans) stays behind: the app stores text and spans.
    const passages: SegmentedPassage[] = r.passages.map(({ excluded: _x, ...p }) => p)
    self.postMessage({ id, ok: true, result: { lang: r.lang, passages } })
  } catch (e) {
    self.postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e) })
  }
}
