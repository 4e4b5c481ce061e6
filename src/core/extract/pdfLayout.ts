// PDF layout to blocks, from positioned text runs: lines (with raised small digits as footnote
// markers), running headers and footers found by repetition across pages, footnotes at page feet,
// headings by font size and weight, and paragraphs by spacing, across columns and page breaks.
import { squash, type Block } from './blocks'

/** A positioned text run as pdf.js reports it (y grows upwards). */
export interface PdfRun {
  str: string
  x: number
  y: number
  width: number
  size: number
  bold: boolean
}

/** A physical line of a page. */
export interface PdfLine {
  page: number
  x: number
  x2: number
  y: number
  size: number
  bold: boolean
  text: string
}

const DIGITS = /^\d{1,3}$/
const PAGE_NUMBER = /^[-–—(]?\s*(?:page|side|sida|sivu|seite|s\.|p\.)?\s*\d{1,4}(?:\s*(?:of|af|av|de|sur|\/|\|)\s*\d{1,4})?\s*[-–—)]?$/i
const SECTION = /^(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+\S/
const SENTENCE_END = /[.!?:…]["”’»)]*$/

/** Groups a page's runs into lines: same baseline band, left to right; raised small digits become `<sup>N</sup>`. */
export function pageLines(runs: PdfRun[], page: number): PdfLine[] {
  const groups: PdfRun[][] = []
  for (const r of runs) {
    if (!r.str || (r.width === 0 && !r.str.trim())) continue
    const g = groups[groups.length - 1]
    const last = g?.[g.length - 1]
    const size = Math.max(r.size, last?.size ?? 0)
    const sameBand = last && Math.abs(r.y - last.y) <= 0.6 * size
    // A blank run may stretch over a table cell's padding into the next cell: the next run may start inside it.
    const from = last ? last.x + (last.str.trim() ? last.width : 0) : 0
    const ahead = last && r.x >= from - 2 && r.x - (last.x + last.width) < 4 * size
    if (g && sameBand && ahead) g.push(r)
    else groups.push([r])
  }
  return groups.map((g) => lineOf(g, page)).filter((l) => l.text.trim())
}

/**
 * Typeset text as readers search it: ligature characters ("ﬁ", "ﬂ": typesetting fonts map them so) spelt out, and
 * soft hyphens dropped, except one that ends the line: it becomes a hyphen, so the line is rejoined like others.
 */
export function plainLetters(s: string): string {
  return s.replace(/[\ufb00-\ufb06]/g, (c) => c.normalize('NFKC')).replace(/\u00ad(?!$)/g, '').replace(/\u00ad$/, '-')
}

function lineOf(g: PdfRun[], page: number): PdfLine {
  const weight = new Map<number, number>()
  for (const r of g) weight.set(r.size, (weight.get(r.size) ?? 0) + r.str.trim().length)
  const size = [...weight].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0]
  const base = g.find((r) => r.size === size)!.y
  let text = ''
  let end = -Infinity
  let boldChars = 0
  let chars = 0
  for (const r of g) {
    const raised = r.size <= 0.85 * size && r.y - base > 0.12 * size && DIGITS.test(r.str.trim())
    const gap = r.x - end
    if (!text) {
      // the first run of the line
    } else if (gap > 2 * size) text += ' | '
    else if (gap > 0.15 * size && !/\s$/.test(text) && !/^\s/.test(r.str)) text += ' '
    text += raised ? `<sup>${r.str.trim()}</sup>` : r.str
    // A blank run that fills the space between table cells is space, not text: the next cell's gap counts from here.
    if (r.str.trim()) end = r.x + r.width
    if (!raised) {
      const n = r.str.replace(/\s/g, '').length
      chars += n
      if (r.bold) boldChars += n
    }
    if (!text.trim()) end = -Infinity
  }
  return { page, x: g[0].x, x2: end, y: base, size, bold: chars > 0 && boldChars === chars, text: plainLetters(text.replace(/\s+/g, ' ').trim()) }
}

const furnitureKey = (s: string) => squash(s.replace(/<\/?sup>/g, '').replace(/\d+/g, '#')).toLowerCase()

/**
 * Running headers and footers: lines among the top or bottom three of a page whose text (digits
 * aside) recurs on at least two pages and 40 % of them, and bare page numbers there.
 * Returns the set of furniture lines and the distinct texts found.
 */
export function findFurniture(pages: PdfLine[][]): { lines: Set<PdfLine>; texts: string[] } {
  const edges = pages.map((ls) => {
    const byY = [...ls].sort((a, b) => b.y - a.y)
    return new Set([...byY.slice(0, 3), ...byY.slice(-3)])
  })
  const count = new Map<string, number>()
  for (const e of edges) for (const k of new Set([...e].map((l) => furnitureKey(l.text)))) count.set(k, (count.get(k) ?? 0) + 1)
  const need = Math.max(2, Math.ceil(pages.length * 0.4))
  const lines = new Set<PdfLine>()
  const texts: string[] = []
  for (const e of edges) {
    for (const l of e) {
      const plain = l.text.replace(/<\/?sup>/g, '')
      if (PAGE_NUMBER.test(plain) || (pages.length >= 2 && (count.get(furnitureKey(l.text)) ?? 0) >= need)) {
        lines.add(l)
        if (!PAGE_NUMBER.test(plain) && !texts.includes(plain)) texts.push(plain)
      }
    }
  }
  return { lines, texts }
}

/** The body font size: the size carrying the most characters. */
export function bodySize(lines: PdfLine[]): number {
  const w = new Map<number, number>()
  for (const l of lines) w.set(Math.round(l.size * 2) / 2, (w.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length)
  return [...w].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10
}

/** Splits a page's footnote block (small lines at its foot, each note opening with its number) off its body. */
export function splitFootnotes(lines: PdfLine[], body: number): { body: PdfLine[]; notes: { label: string; text: string }[] } {
  let k = lines.length
  while (k > 0 && lines[k - 1].size <= body * 0.9 && lines[k - 1].y < lines[0].y) k--
  const foot = lines.slice(k)
  if (!foot.length || !/^(?:<sup>)?\d{1,3}(?:<\/sup>)?\s*\S/.test(foot[0].text)) return { body: lines, notes: [] }
  const notes: { label: string; text: string }[] = []
  for (const l of foot) {
    const m = /^(?:<sup>)?(\d{1,3})(?:<\/sup>)?\s*(.*)$/.exec(l.text)
    if (m && (!notes.length || +m[1] === +notes[notes.length - 1].label + 1 || l.x <= foot[0].x + 1)) notes.push({ label: m[1], text: m[2] })
    else if (notes.length) notes[notes.length - 1].text += '\n' + l.text
  }
  return { body: lines.slice(0, k), notes }
}

/** Heading levels: a section number's depth, else the rank of the heading's size (largest first). */
function headingLevel(l: PdfLine, sizes: number[]): number {
  const num = SECTION.exec(l.text)
  if (num) return Math.min(6, num[1].split('.').length)
  return Math.min(6, sizes.indexOf(Math.round(l.size * 2) / 2) + 1)
}

/** Turns the layout of all pages into blocks (see the file header). */
export function layoutToBlocks(pages: PdfLine[][]): { blocks: Block[]; furniture: string[] } {
  const { lines: furniture, texts } = findFurniture(pages)
  const kept = pages.map((ls) => ls.filter((l) => !furniture.has(l)))
  const body = bodySize(kept.flat())
  const isHeading = (l: PdfLine) => l.text.length <= 200 && !/<sup>|\s\|\s/.test(l.text) && (l.size >= body * 1.12 || (l.bold && l.size >= body * 0.95)) && /\p{L}/u.test(l.text)
  const headingSizes = [...new Set(kept.flat().filter(isHeading).map((l) => Math.round(l.size * 2) / 2))].sort((a, b) => b - a)
  const blocks: Block[] = []
  const notes: Block[] = []
  let para: PdfLine[] = []
  const flush = () => {
    if (para.length) blocks.push(para.some((l) => l.text.includes(' | ')) ? { kind: 'row', cells: para.map((l) => l.text).join(' ').split(' | ') } : { kind: 'para', text: para.map((l) => l.text).join('\n') })
    para = []
  }
  const split = kept.map((ls) => splitFootnotes(ls, body))
  const rightOf = split.map((sp) => {
    const rights = sp.body.filter((l) => !isHeading(l)).map((l) => l.x2).sort((a, b) => a - b)
    return rights.length ? rights[Math.floor(rights.length * 0.9)] : 0
  })
  const edgesOf = split.map((sp) => leftEdges(sp.body.filter((l) => !isHeading(l))))
  const spaced = spacedParagraphs(split.map((sp) => sp.body), rightOf, isHeading)
  let prevHeading: PdfLine | null = null
  split.forEach((sp, p) => {
    for (const n of sp.notes) notes.push({ kind: 'footnote', label: n.label, text: n.text.replace(/-\n(?=\p{Ll})/gu, '').replace(/\n/g, ' ') })
    for (const l of sp.body) {
      if (isHeading(l)) {
        flush()
        const last = blocks[blocks.length - 1]
        if (prevHeading && last?.kind === 'heading' && prevHeading.size === l.size && prevHeading.page === l.page && prevHeading.y - l.y < l.size * 1.6 && !SECTION.test(l.text)) last.text += ' ' + l.text
        else blocks.push({ kind: 'heading', level: headingLevel(l, headingSizes), text: l.text })
        prevHeading = l
        continue
      }
      prevHeading = null
      const a = para[para.length - 1]
      if (a && breaksBetween(a, l, { right: rightOf[p], edges: edgesOf[p], pitch: spaced })) flush()
      if (l.text.includes(' | ')) {
        flush()
        para.push(l)
        flush()
      } else para.push(l)
    }
  })
  flush()
  return { blocks: [...blocks, ...notes], furniture: texts }
}

/** True when the line ends a sentence (a footnote marker after the full stop aside). */
function endsSentence(a: PdfLine): boolean {
  return SENTENCE_END.test(a.text.replace(/<sup>\d+<\/sup>$/, ''))
}

/** True when the line ends a sentence well short of the right margin (`right`): it may end a paragraph. */
function endsShort(a: PdfLine, right: number): boolean {
  return endsSentence(a) && a.x2 < right - 2 * a.size
}

/**
 * The line pitch of a document that sets its paragraphs apart by vertical space, or 0 when it does not (paragraphs
 * then end on short lines and indents). It does when, of the short sentence-ending lines followed by a line of the
 * same size and page, at least half are followed by a gap well over the usual pitch (at least three such).
 */
function spacedParagraphs(pages: PdfLine[][], rightOf: number[], isHeading: (l: PdfLine) => boolean): number {
  const pitches: number[] = []
  const ends: number[] = []
  pages.forEach((ls, p) => {
    for (let i = 1; i < ls.length; i++) {
      const a = ls[i - 1]
      const b = ls[i]
      const gap = a.y - b.y
      if (gap <= 0 || gap > 4 * a.size || Math.abs(a.size - b.size) > 0.6 || isHeading(a) || isHeading(b)) continue
      pitches.push(gap)
      if (endsShort(a, rightOf[p])) ends.push(gap)
    }
  })
  if (ends.length < 3) return 0
  const pitch = pitches.sort((x, y) => x - y)[Math.floor(pitches.length * 0.25)]
  return ends.filter((g) => g > pitch * 1.4).length / ends.length >= 0.5 ? pitch : 0
}

/** How many of a page's lines start at each x position (to the point). */
function leftEdges(lines: PdfLine[]): Map<number, number> {
  const count = new Map<number, number>()
  for (const l of lines) count.set(Math.round(l.x), (count.get(Math.round(l.x)) ?? 0) + 1)
  return count
}

/**
 * True for a line set in from its column's left edge: more lines start a little to its left (up to four ems) than
 * where it starts. A list item whose bullet was drawn, not written; a column's own lines are never set in.
 */
function indented(l: PdfLine, edges: Map<number, number>): boolean {
  const x = Math.round(l.x)
  const here = edges.get(x) ?? 0
  for (const [e, n] of edges) if (e < x - l.size * 0.5 && x - e <= l.size * 4 && n > here) return true
  return false
}

/**
 * True when a paragraph ends between line `a` and the next line `b` (`right`, `edges`: the page's text edges). In a
 * document that spaces its paragraphs (`pitch` > 0), a short line followed by no more than the usual pitch on the
 * same page ends none, except in indented text (list items, whose bullets a browser draws rather than writes).
 */
function breaksBetween(a: PdfLine, b: PdfLine, page: { right: number; edges: Map<number, number>; pitch: number }): boolean {
  const { right, edges, pitch } = page
  const ended = endsShort(a, right)
  if (Math.abs(a.size - b.size) > 0.6) return true
  if (b.page !== a.page || b.y > a.y) return ended
  const gap = a.y - b.y
  if (gap > a.size * 1.75 || (pitch > 0 && gap > pitch * 1.4)) return true
  if (pitch > 0) return ended && indented(b, edges)
  if (ended) return true
  return endsSentence(a) && b.x > a.x + a.size
}
