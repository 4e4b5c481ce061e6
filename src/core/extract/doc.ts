// Word 97–2003 (.doc) to blocks, per [MS-DOC]: the text through the piece table (8-bit Windows-1252 or UTF-16
// pieces), paragraphs, table rows, field results without their codes, and auto-numbered footnotes with markers.
// Headings and list items come from the paragraph styles (docStyles.ts); other title-like paragraphs are promoted
// as in files without heading styles.
import { promoteTitleParagraphs, type Block, type FileMeta } from './blocks'
import { damaged, isCompoundFile, readCompoundFile } from './cfb'
import { ReportError } from './reportError'
import { decodeCp1252 } from '../csv'
import { BODY, paragraphStyles, type ParagraphStyleAt } from './docStyles'

/** Where the document's characters are: the text, and the file offset of the character at a position. */
interface Pieces {
  text: string
  fcAt: (cp: number) => number
}


/** The document's characters: the main text, then the footnotes' text, in character positions. */
function readPieces(word: Uint8Array, table: Uint8Array, fcClx: number, lcbClx: number): Pieces {
  const tv = new DataView(table.buffer, table.byteOffset, table.byteLength)
  let at = fcClx
  const end = fcClx + lcbClx
  if (end > table.length) throw damaged('the piece table lies past the table stream')
  while (at < end && table[at] === 0x01) {
    // Prc: property modifiers, skipped.
    const cb = tv.getInt16(at + 1, true)
    if (cb < 0) throw damaged('a negative property size in the piece table')
    at += 3 + cb
  }
  if (table[at] !== 0x02) throw damaged('no piece table')
  const lcb = tv.getUint32(at + 1, true)
  const plc = at + 5
  const n = (lcb - 4) / 12
  if (!Number.isInteger(n) || n < 1 || plc + lcb > table.length) throw damaged('a piece table of the wrong size')
  let text = ''
  const spans: { cp: number; fc: number; width: number }[] = []
  for (let i = 0; i < n; i++) {
    const cpStart = tv.getUint32(plc + i * 4, true)
    const chars = tv.getUint32(plc + (i + 1) * 4, true) - cpStart
    const fc = tv.getUint32(plc + (n + 1) * 4 + i * 8 + 2, true)
    const compressed = (fc & 0x40000000) !== 0
    const from = compressed ? (fc & 0x3fffffff) / 2 : fc
    const bytes = word.subarray(from, from + (compressed ? chars : chars * 2))
    if (chars < 0 || bytes.length !== (compressed ? chars : chars * 2)) throw damaged(`piece ${i + 1} lies past the text`)
    spans.push({ cp: text.length, fc: from, width: compressed ? 1 : 2 })
    text += compressed ? decodeCp1252(bytes) : new TextDecoder('utf-16le').decode(bytes)
  }
  const fcAt = (cp: number) => {
    let s = spans[0]
    for (const x of spans) if (x.cp <= cp) s = x
    return s.fc + (cp - s.cp) * s.width
  }
  return { text, fcAt }
}

/** Paragraph text: line breaks and tabs as spaces, objects and marks dropped, footnote references numbered. */
function clean(s: string, marker: () => string): string {
  return s
    .replace(/\x02/g, () => marker())
    .replace(/[\x0b\t\xa0]/g, ' ')
    .replace(/[\x00-\x08\x0e-\x1f]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim()
}

/**
 * Blocks of a main text: a paragraph ends at \r (or a page or section break), a heading or a list item where its
 * style says so;
 * in a table each cell ends at \x07 and the row at a second \x07 (an empty last cell is not told from it and is
 * left out). Field codes are dropped and their results kept ("\x13 HYPERLINK … \x14shown\x15" → "shown").
 */
function mainBlocks(text: string, fcAt: (cp: number) => number, styleAt: ParagraphStyleAt, marker: () => string): Block[] {
  const blocks: Block[] = []
  let cells: string[] = []
  let cur = ''
  let afterCell = false
  const inCode: boolean[] = []
  for (let cp = 0; cp < text.length; cp++) {
    const c = text[cp]
    if (c === '\x13') inCode.push(true)
    else if (c === '\x14') inCode[inCode.length - 1] = false
    else if (c === '\x15') inCode.pop()
    else if (inCode.some(Boolean)) continue
    else if (c === '\x07') {
      if (afterCell && !cur) {
        if (cells.length) blocks.push({ kind: 'row', cells })
        cells = []
        afterCell = false
      } else {
        cells.push(clean(cur, marker))
        afterCell = true
      }
      cur = ''
    } else if (c === '\r' || c === '\x0c') {
      const t = clean(cur, marker)
      const style = c === '\r' ? styleAt(fcAt(cp)) : BODY
      if (t) blocks.push(style.level ? { kind: 'heading', level: style.level, text: t } : style.list ? { kind: 'item', text: t } : { kind: 'para', text: t })
      cur = ''
      afterCell = false
    } else cur += c
  }
  const t = clean(cur, marker)
  if (cells.length) blocks.push({ kind: 'row', cells })
  if (t) blocks.push({ kind: 'para', text: t })
  return blocks
}

/** The text of the footnotes' story: each auto-numbered note starts with its \x02 mark; codes of fields dropped. */
function footnoteTexts(story: string): string[] {
  return story.split('\x02').slice(1).map((t) => clean(t.replace(/\x13[^\x14\x15]*\x14?|\x15/g, '').replace(/[\r\x07]+/g, ' '), () => ''))
}

/** Blocks and metadata of a .doc given as bytes. Encrypted files are refused with a plain reason. */
export function docToBlocks(bytes: Uint8Array): { blocks: Block[]; meta: FileMeta } {
  if (!isCompoundFile(bytes)) throw new ReportError('not a Word 97–2003 document (no compound file signature)', 'notDoc', { detail: 'no compound file signature' })
  const streams = readCompoundFile(bytes)
  const word = streams.get('WordDocument')
  if (!word || word.length < 0x200) throw new ReportError('not a Word 97–2003 document (no WordDocument stream)', 'notDoc', { detail: 'no WordDocument stream' })
  const v = new DataView(word.buffer, word.byteOffset, word.byteLength)
  if (v.getUint16(0, true) !== 0xa5ec) throw new ReportError('not a Word 97–2003 document (no Word header)', 'notDoc', { detail: 'no Word header' })
  const flags = v.getUint16(0x0a, true)
  if (flags & 0x0100) throw new ReportError('the Word file is protected by a password: save a copy without the password in Word, and import that', 'passwordDoc')
  const table = streams.get(flags & 0x0200 ? '1Table' : '0Table')
  if (!table) throw damaged('no table stream')
  // FibBase (32 bytes), then counted arrays: FibRgW (16-bit), FibRgLw (32-bit), FibRgFcLcb (pairs of 32-bit).
  const csw = v.getUint16(32, true)
  const lw = 34 + csw * 2 + 2
  const cslw = v.getUint16(34 + csw * 2, true)
  const ccpText = v.getUint32(lw + 3 * 4, true)
  const ccpFtn = v.getUint32(lw + 4 * 4, true)
  const fcLcb = lw + cslw * 4 + 2
  const fcClx = v.getUint32(fcLcb + 33 * 8, true)
  const lcbClx = v.getUint32(fcLcb + 33 * 8 + 4, true)
  const pieces = readPieces(word, table, fcClx, lcbClx)
  let refs = 0
  const blocks = mainBlocks(pieces.text.slice(0, ccpText), pieces.fcAt, paragraphStyles(word, table, v, fcLcb), () => `<sup>${++refs}</sup>`)
  footnoteTexts(pieces.text.slice(ccpText, ccpText + ccpFtn)).forEach((text, i) => {
    if (text) blocks.push({ kind: 'footnote', label: String(i + 1), text })
  })
  return { blocks: promoteTitleParagraphs(blocks), meta: {} }
}
