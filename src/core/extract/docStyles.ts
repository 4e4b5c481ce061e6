// The outline level and list membership of each paragraph of a Word 97–2003 file: its paragraph style ([MS-DOC]
// PlcBtePapx → PAPX FKP → istd) and that style's built-in identity in the stylesheet (sti 1–9: "heading 1" to
// "heading 9"; 47–61: the "List", "List Bullet" and "List Number" styles), and a list its own properties put it in
// (sprmPIlfo, a non-zero list format). Anything unexpected gives body text: styles only refine what the text says.

/** What a paragraph's style says: its heading level (1–9, 0 for body text), and whether it is a list item. */
export interface ParagraphStyle {
  level: number
  list: boolean
}

/** A paragraph's style from the file offset of any of its characters. */
export type ParagraphStyleAt = (fc: number) => ParagraphStyle

/** Body text: no heading level, no list. */
export const BODY: ParagraphStyle = { level: 0, list: false }
/** sprmPIlfo: the paragraph's list format (0: none). */
const SPRM_P_ILFO = 0x460b
/** Operand sizes by a sprm's spra bits ([MS-DOC] 2.2.5.1); 6 is variable (first byte). */
const OPERAND = [1, 1, 2, 4, 2, 2, -1, 3]

/** True when a grpprl (the bytes of a PAPX after its istd) sets a non-zero list format. */
function setsList(word: Uint8Array, wv: DataView, from: number, to: number): boolean {
  for (let at = from; at + 2 <= to; ) {
    const sprm = wv.getUint16(at, true)
    let size = OPERAND[sprm >> 13]
    if (size < 0) size = 1 + word[at + 2]
    if (sprm === SPRM_P_ILFO && at + 4 <= to) return wv.getInt16(at + 2, true) !== 0
    at += 2 + size
  }
  return false
}

/** Reads the stylesheet and the paragraph property pages; `fcLcb` is the FibRgFcLcb97 offset in the FIB. */
export function paragraphStyles(word: Uint8Array, table: Uint8Array, fib: DataView, fcLcb: number): ParagraphStyleAt {
  const tv = new DataView(table.buffer, table.byteOffset, table.byteLength)
  const wv = new DataView(word.buffer, word.byteOffset, word.byteLength)
  const pair = (i: number) => [fib.getUint32(fcLcb + i * 8, true), fib.getUint32(fcLcb + i * 8 + 4, true)]
  const [fcStsh, lcbStsh] = pair(1)
  const [fcBte, lcbBte] = pair(13)
  if (!lcbStsh || !lcbBte || fcStsh + lcbStsh > table.length || fcBte + lcbBte > table.length) return () => BODY
  // Stylesheet: the level of each style index (istd), and the list styles.
  const levels: number[] = []
  const lists: boolean[] = []
  const cstd = tv.getUint16(fcStsh + 2, true)
  for (let i = 0, at = fcStsh + 2 + tv.getUint16(fcStsh, true); i < cstd && at + 4 <= fcStsh + lcbStsh; i++) {
    const cb = tv.getUint16(at, true)
    const sti = cb >= 2 ? tv.getUint16(at + 2, true) & 0x0fff : 0
    levels.push(sti >= 1 && sti <= 9 ? sti : 0)
    lists.push(sti >= 47 && sti <= 61)
    at += 2 + cb
  }
  const n = (lcbBte - 4) / 8
  if (!Number.isInteger(n) || n < 1) return () => BODY
  const fcs = Array.from({ length: n + 1 }, (_, i) => tv.getUint32(fcBte + i * 4, true))
  const pages = Array.from({ length: n }, (_, i) => tv.getUint32(fcBte + (n + 1) * 4 + i * 4, true) & 0x3fffff)
  return (fc) => {
    const i = fcs.findIndex((f, k) => k < n && f <= fc && fc < fcs[k + 1])
    if (i < 0 || (pages[i] + 1) * 512 > word.length) return BODY
    const page = pages[i] * 512
    const crun = word[page + 511]
    for (let j = 0; j < crun; j++) {
      if (!(wv.getUint32(page + j * 4, true) <= fc && fc < wv.getUint32(page + (j + 1) * 4, true))) continue
      const papx = word[page + (crun + 1) * 4 + j * 13] * 2
      if (!papx || papx >= 511) return BODY
      // PapxInFkp: cb, then (cb ? 2cb − 1 : a second cb, then 2cb′) bytes holding istd and the grpprl.
      const cb = word[page + papx]
      const start = page + papx + (cb ? 1 : 2)
      const end = Math.min(page + 511, start + (cb ? 2 * cb - 1 : 2 * word[page + papx + 1]))
      const istd = wv.getUint16(start, true)
      return { level: levels[istd] ?? 0, list: (lists[istd] ?? false) || setsList(word, wv, start + 2, end) }
    }
    return BODY
  }
}
