// Occurrences of a search string in report text, for the reader's search and the concordance across
// reports: case-insensitive, whitespace-tolerant (a line break matches a space), offsets into the text.

/** One occurrence: its span in the text and a keyword-in-context line. */
export interface Occurrence {
  start: number
  end: number
  before: string
  match: string
  after: string
}

/** A pattern for `query`: letters as typed (any case), any run of white space where the query has one. */
function patternOf(query: string): RegExp | null {
  const words = query.trim().split(/\s+/).filter(Boolean)
  if (!words.length) return null
  return new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'giu')
}

/**
 * Occurrences of `query` in `text` within [from, to) (the whole text by default), at most `max`, each with
 * up to `side` characters of context on either side (white space collapsed).
 */
export function findOccurrences(text: string, query: string, opts: { from?: number; to?: number; max?: number; side?: number } = {}): Occurrence[] {
  const re = patternOf(query)
  if (!re) return []
  const from = opts.from ?? 0
  const to = opts.to ?? text.length
  const side = opts.side ?? 60
  const out: Occurrence[] = []
  re.lastIndex = from
  for (let m = re.exec(text); m && m.index < to && out.length < (opts.max ?? 500); m = re.exec(text)) {
    const start = m.index
    const end = Math.min(to, start + m[0].length)
    const squash = (s: string) => s.replace(/\s+/g, ' ')
    out.push({ start, end, before: squash(text.slice(Math.max(from, start - side), start)), match: squash(text.slice(start, end)), after: squash(text.slice(end, Math.min(to, end + side))) })
    if (m[0].length === 0) re.lastIndex++
  }
  return out
}
