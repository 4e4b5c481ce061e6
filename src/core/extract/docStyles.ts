// The outline level of each paragraph of a Word 97–2003 file: its paragraph style ([MS-DOC] PlcBtePapx → PAPX
// FKP → istd) and that style's built-in identity in the stylesheet (sti 1–9: "heading 1" to "heading 9").
// Anything unexpected gives level 0 (body text): styles only refine what the text already says.

/** A paragraph's heading level (1–9) from the file offset of any of its characters, 0 for body text. */
export type HeadingLevelAt = (fc: number) => number

/** Reads the stylesheet and the paragraph property pages; `fcLcb` is the FibRgFcLcb97 offset in the FIB. */
export function headingLevels(word: Uint8Array, table: Uint8Array, fib: DataView, fcLcb: number): HeadingLevelAt {
  const tv = new DataView(table.buffer, table.byteOffset, table.byteLength)
  const wv = new DataView(word.buffer, word.byteOffset, word.byteLength)
  const pair = (i: number) => [fib.getUint32(fcLcb + i * 8, true), fib.getUint32(fcLcb + i * 8 + 4, true)]
  const [fcStsh, lcbStsh] = pair(1)
  const [fcBte, lcbBte] = pair(13)
  if (!lcbStsh || !lcbBte || fcStsh + lcbStsh > table.length || fcBte + lcbBte > table.length) return () => 0
  // Stylesheet: the level of each style index (istd).
  const levels: number[] = []
  const cstd = tv.getUint16(fcStsh + 2, true)
  for (let i = 0, at = fcStsh + 2 + tv.getUint16(fcStsh, true); i < cstd && at + 4 <= fcStsh + lcbStsh; i++) {
    const cb = tv.getUint16(at, true)
    const sti = cb >= 2 ? tv.getUint16(at + 2, true) & 0x0fff : 0
    levels.push(sti >= 1 && sti <= 9 ? sti : 0)
    at += 2 + cb
  }
  const n = (lcbBte - 4) / 8
  if (!Number.isInteger(n) || n < 1) return () => 0
  const fcs = Array.from({ length: n + 1 }, (_, i) => tv.getUint32(fcBte + i * 4, true))
  const pages = Array.from({ length: n }, (_, i) => tv.getUint32(fcBte + (n + 1) * 4 + i * 4, true) & 0x3fffff)
  return (fc) => {
    const i = fcs.findIndex((f, k) => k < n && f <= fc && fc < fcs[k + 1])
    if (i < 0 || (pages[i] + 1) * 512 > word.length) return 0
    const page = pages[i] * 512
    const crun = word[page + 511]
    for (let j = 0; j < crun; j++) {
      if (!(wv.getUint32(page + j * 4, true) <= fc && fc < wv.getUint32(page + (j + 1) * 4, true))) continue
      const papx = word[page + (crun + 1) * 4 + j * 13] * 2
      if (!papx || papx >= 511) return 0
      const cb = word[page + papx]
      const istd = wv.getUint16(page + papx + (cb ? 1 : 2), true)
      return levels[istd] ?? 0
    }
    return 0
  }
}
