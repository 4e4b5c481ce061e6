// Physical lines with offsets, and the document profile (format, wrapped or not, line width).
import { endsSentence } from './headings'
import { isWs } from './reconstruct'
import type { DocProfile, Line, TextFormat } from './types'

/** Splits text into lines (\n, \r\n or \r) keeping offsets into the original. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let start = 0
  const n = text.length
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 10
    if (c !== 10 && c !== 13) continue
    let ts = start
    let te = i
    while (ts < te && isWs(text.charCodeAt(ts))) ts++
    while (te > ts && isWs(text.charCodeAt(te - 1))) te--
    lines.push({ start, end: i, ts, te })
    if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++
    start = i + 1
  }
  return lines
}

/** True when the line holds only whitespace. */
export const isBlank = (l: Line): boolean => l.ts === l.te

/** The trimmed content of a line. */
export const lineText = (text: string, l: Line): string => text.slice(l.ts, l.te)

/**
 * True for the first line of a page in PDF text: it starts with exactly one space (the corpus's extractions), or
 * after a form feed (pdftotext's page break).
 */
export function startsPage(text: string, l: Line): boolean {
  return (l.ts === l.start + 1 && text.charCodeAt(l.start) === 32) || (l.ts > l.start && text.slice(l.start, l.ts).includes('\f'))
}

/** Guesses the format: markdown when headings, links or <sup> markers are frequent. */
export function sniffFormat(text: string): TextFormat {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text
  if (/<(p|div|html|body|h[1-6])[\s>]/i.test(sample) && /<\/(p|div|h[1-6])>/i.test(sample)) return 'html'
  const headings = sample.match(/^#{1,6} \S/gm)?.length ?? 0
  const links = sample.match(/\]\([^)\s]*\)|<sup>\d+<\/sup>/g)?.length ?? 0
  return headings >= 2 || links >= 3 ? 'md' : 'txt'
}

/**
 * The share of non-blank lines that break off mid-sentence and go on in the next one: the line ends without a
 * sentence mark and the next non-blank line starts in lower case, or it ends in a hyphenated word. Hard-wrapped
 * text does this all the time (0.56–0.71 of the lines of the corpus's PDF extractions); text written one paragraph
 * per line hardly ever (0–0.02), however short its paragraphs.
 */
function continuationShare(texts: readonly string[]): number {
  let n = 0
  let cont = 0
  let prev = ''
  for (const cur of texts) {
    if (!cur) continue
    if (prev && !endsSentence(prev) && !prev.endsWith(';') && (/^\p{Ll}/u.test(cur) || /\p{L}-$/u.test(prev))) cont++
    n++
    prev = cur
  }
  return n ? cont / n : 0
}

/**
 * The share of non-blank lines that run close to full width, stop without a sentence mark (nor a page number, as
 * table-of-contents lines do) and go straight on in the next line: a hard-wrapped paragraph's lines, even where
 * names make most wrapped lines start in capitals. Text written one paragraph per line has such lines only in
 * long titles, and its full lines (paragraphs) are much longer than its titles.
 */
function openFullLineShare(texts: readonly string[], fullLine: number): number {
  const min = Math.max(40, fullLine * 0.6)
  let n = 0
  let open = 0
  texts.forEach((cur, i) => {
    if (!cur) return
    n++
    const after = texts[i + 1]
    if (cur.length >= min && after && /^\p{L}/u.test(after) && !endsSentence(cur) && !/[:;,\d]$/.test(cur)) open++
  })
  return n ? open / n : 0
}

/**
 * Whether empty lines are paragraph breaks and nothing else: of the empty gaps between text lines (at least two),
 * at most 1 in 20 falls mid-sentence (the line before ends without a sentence mark and the next starts in lower
 * case). PDF extractions that double-space their lines break off mid-sentence at most gaps; a text file
 * hard-wrapped by its writer, with an empty line between paragraphs, never does.
 */
function emptyLinesBreak(texts: readonly string[]): boolean {
  let gaps = 0
  let mid = 0
  let prev = ''
  let blank = false
  for (const cur of texts) {
    if (!cur) {
      blank = true
      continue
    }
    if (prev && blank) {
      gaps++
      if (!endsSentence(prev) && /^\p{Ll}/u.test(cur)) mid++
    }
    prev = cur
    blank = false
  }
  return gaps >= 2 && mid <= gaps * 0.05
}

/** Measures whether lines are hard-wrapped (unless `layout` says) and how long a full line is. */
export function profileDocument(text: string, lines: Line[], format: TextFormat, layout?: 'wrapped' | 'paragraphs'): DocProfile {
  const lens: number[] = []
  for (const l of lines) if (l.te > l.ts) lens.push(l.te - l.ts)
  lens.sort((a, b) => a - b)
  const long = lens.filter((n) => n > 160).length
  // docx extractions (Word's footnote and bookmark fields) keep one paragraph per line.
  const docx = /\[footnoteRef:\d+\]|\[bookmark: /.test(text.length > 100_000 ? text.slice(0, 100_000) : text)
  const fullLine = lens.length ? lens[Math.floor(lens.length * 0.9)] : 80
  // Each line's text, trimmed ('' for a blank one), read once for the measures below.
  let texts: string[] | undefined
  const lineTexts = () => (texts ??= lines.map((l) => (l.te > l.ts ? text.slice(l.ts, l.te).trim() : '')))
  const wrapped = layout
    ? layout === 'wrapped'
    : format !== 'md' && !docx && lens.length > 0 && long / lens.length < 0.15 &&
      (continuationShare(lineTexts()) >= 0.1 || openFullLineShare(lineTexts(), fullLine) >= 0.1)
  return { format, wrapped, fullLine: Math.max(40, fullLine), emptyLinesBreak: wrapped && emptyLinesBreak(lineTexts()) }
}
