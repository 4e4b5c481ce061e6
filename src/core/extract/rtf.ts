// RTF to blocks: paragraphs, headings (from the style sheet's heading styles or outline levels), table rows,
// footnotes linked to their markers, and field results; fonts, colours, pictures and other destinations skipped.
// Text is decoded from \uN and from \'hh in the file's ANSI code page.
import { promoteTitleParagraphs, type Block, type FileMeta } from './blocks'
import { ReportError } from './reportError'

/** Destinations whose text is not document text. */
const SKIP = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'xmlnstbl',
  'themedata', 'colorschememapping', 'latentstyles', 'datastore', 'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl',
  'footerr', 'footerf', 'object', 'shp', 'shppict', 'nonshppict', 'fldinst', 'bkmkstart', 'bkmkend', 'annotation', 'atnid', 'atnauthor',
  'pgdsctbl', 'revtbl', 'filetbl', 'listtext', 'pntext', 'pntxtb', 'pntxta', 'template', 'userprops', 'docvar', 'mmathPr', 'ftnsep', 'ftnsepc',
])
const SYMBOLS: Record<string, string> = {
  line: ' ', tab: ' ', emdash: '—', endash: '–', bullet: '•', lquote: '‘', rquote: '’', ldblquote: '“', rdblquote: '”', emspace: ' ', enspace: ' ',
}

/** Heading levels of the style sheet's paragraph styles: "heading N" by name, or an outline level. */
function headingStyles(rtf: string): Map<number, number> {
  const out = new Map<number, number>()
  const start = rtf.indexOf('{\\stylesheet')
  if (start < 0) return out
  let depth = 0
  let end = start
  for (; end < rtf.length && end < start + 500_000; end++) {
    if (rtf[end] === '\\') end++
    else if (rtf[end] === '{') depth++
    else if (rtf[end] === '}' && --depth === 0) break
  }
  for (const m of rtf.slice(start + 1, end).matchAll(/\{\\s(\d+)\b([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/g)) {
    const outline = /\\outlinelevel(\d)/.exec(m[2])
    const name = m[2].replace(/\\[a-zA-Z]+-?\d* ?/g, '').replace(/;\s*$/, '').trim()
    const byName = /^heading\s*(\d)$/i.exec(name)
    const level = byName ? Number(byName[1]) : outline ? Number(outline[1]) + 1 : 0
    if (level >= 1 && level <= 9) out.set(Number(m[1]), level)
  }
  return out
}

interface State { skip: boolean; uc: number; note: boolean }

/** Blocks and metadata of an RTF file given as bytes. */
export function rtfToBlocks(bytes: Uint8Array): { blocks: Block[]; meta: FileMeta } {
  const rtf = new TextDecoder('latin1').decode(bytes)
  if (!rtf.startsWith('{\\rtf')) throw new ReportError('not an RTF file (no {\\rtf header)', 'notRtf')
  const cp = /\\ansicpg(\d+)/.exec(rtf.slice(0, 2000))?.[1] ?? '1252'
  let ansi: { decode(b: Uint8Array): string }
  try {
    ansi = new TextDecoder(`windows-${cp}`)
  } catch {
    ansi = new TextDecoder('windows-1252')
  }
  const headings = headingStyles(rtf)
  const blocks: Block[] = []
  const notes: string[] = []
  let cells: string[] = []
  let text = ''
  let note = ''
  let level = 0
  /** In a list: the paragraph names a list override (\lsN, N > 0); \pard ends it. */
  let list = false
  let skipChars = 0
  let st: State = { skip: false, uc: 1, note: false }
  const stack: State[] = []
  const emit = (s: string) => {
    if (st.skip) return
    if (skipChars > 0) return void (skipChars -= 1)
    if (st.note) note += s
    else text += s
  }
  const flush = (kind: 'para' | 'cell') => {
    const t = text.replace(/\s+/g, ' ').trim()
    text = ''
    if (kind === 'cell') return void cells.push(t)
    if (t) blocks.push(level ? { kind: 'heading', level, text: t } : list ? { kind: 'item', text: t } : { kind: 'para', text: t })
  }
  for (let i = 0; i < rtf.length; ) {
    const c = rtf[i]
    if (c === '{') {
      stack.push(st)
      st = { ...st }
      i++
      // "{\*\dest": an optional destination, skipped unless it is one this reader knows (Word writes "{\*\footnote").
      if (rtf.startsWith('\\*', i) && !/^\\\*\s*\\footnote\b/.test(rtf.slice(i, i + 16))) st.skip = true
    } else if (c === '}') {
      if (st.note && !stack[stack.length - 1]?.note) notes.push(note.replace(/\s+/g, ' ').trim())
      st = stack.pop() ?? st
      skipChars = 0
      i++
    } else if (c === '\\') {
      const m = /^\\(?:([a-zA-Z]+)(-?\d+)? ?|'([0-9a-fA-F]{2})|([^a-zA-Z]))/.exec(rtf.slice(i, i + 40))
      if (!m) throw new ReportError('the RTF file is damaged (a lone backslash at its end)', 'damaged', { detail: 'a lone backslash at its end' })
      i += m[0].length
      const [, word, arg, hex, sym] = m
      if (hex) emit(ansi.decode(new Uint8Array([parseInt(hex, 16)])))
      else if (sym) emit(sym === '~' ? ' ' : sym === '_' ? '-' : sym === '-' ? '' : '\\{}'.includes(sym) ? sym : '')
      else if (word === 'bin') i += Math.max(0, Number(arg ?? 0))
      else if (SKIP.has(word)) st.skip = true
      else if (word === 'footnote' && !st.skip) {
        st.note = true
        note = ''
        if (!stack[stack.length - 1]?.note) text += `<sup>${notes.length + 1}</sup>`
      } else if (word === 'u') {
        // The character, then its fallback (\uc characters) skipped; inside a skipped group both are skipped.
        if (!st.skip) {
          emit(String.fromCharCode((Number(arg) + 65536) % 65536))
          skipChars = st.uc
        }
      } else if (word === 'uc') st.uc = Number(arg ?? 1)
      else if (st.skip || st.note) {
        if (st.note && word === 'par') note += ' '
      } else if (word === 'par' || word === 'sect' || word === 'page') flush('para')
      else if (word === 'pard') (level = 0), (list = false)
      else if (word === 'ls') list = Number(arg ?? 0) > 0
      else if (word === 's') level = headings.get(Number(arg)) ?? level
      else if (word === 'outlinelevel') level = Number(arg) + 1
      else if (word === 'cell' || word === 'nestcell') flush('cell')
      else if (word === 'row' || word === 'nestrow') {
        if (cells.some(Boolean)) blocks.push({ kind: 'row', cells })
        cells = []
      } else if (SYMBOLS[word]) emit(SYMBOLS[word])
    } else {
      if (c !== '\r' && c !== '\n') emit(c)
      i++
    }
  }
  flush('para')
  notes.forEach((t, k) => t && blocks.push({ kind: 'footnote', label: String(k + 1), text: t }))
  // The title the file states ({\info{\title …}}), its escapes decoded.
  const title = /\{\\title ([^{}]*)\}/.exec(rtf)?.[1]
    ?.replace(/\\u(-?\d+)\s?(?:\\'[0-9a-fA-F]{2}|\?)?/g, (_, n: string) => String.fromCharCode((Number(n) + 65536) % 65536))
    .replace(/\\'([0-9a-fA-F]{2})/g, (_, h: string) => ansi.decode(new Uint8Array([parseInt(h, 16)])))
    .trim()
  return { blocks: promoteTitleParagraphs(blocks), meta: title ? { title } : {} }
}
