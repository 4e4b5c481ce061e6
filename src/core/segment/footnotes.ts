// Footnotes of markdown-like text (<sup>N</sup> definitions at page feet, "[^N]: …" ones) and the shared step
// that links markers to definitions. PDF blocks live in footnotesPdf.ts, docx ones in inline.ts.
import { isBlank, lineText } from './lines'
import type { FootnoteDraft, Line, LineRole } from './types'

const MD_DEF = /^(?:<sup>(\d+)<\/sup>|\[\^([^\]\s]{1,20})\]:)\s*/
const MD_HEADING = /^#{1,6}\s/
const URL = /(?:https?:\/\/|www\.)/

/**
 * Marks `<sup>N</sup> text` and `[^N]: text` definition lines (and the lines continuing them up to a blank line)
 * as footnotes and returns their drafts.
 */
export function findMarkdownFootnotes(text: string, lines: Line[], roles: LineRole[]): FootnoteDraft[] {
  const defs: FootnoteDraft[] = []
  let cur: FootnoteDraft | null = null
  let afterBlank = false
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]
    if (isBlank(l)) {
      afterBlank = true
      continue
    }
    const s = lineText(text, l)
    const m = MD_DEF.exec(s)
    if (cur && afterBlank && !m) {
      // A note announcing links with a colon goes on in the following paragraphs that hold them:
      // "<sup>473</sup> The report in Russian:" + "[https://drive…](…)" + "The report in English: <…>".
      const lastLine = lines[cur.lines[cur.lines.length - 1]]
      const last = text.slice(lastLine.ts, lastLine.te)
      const announced = text.slice(cur.start, cur.end).includes(':') && (last.endsWith(':') || URL.test(last))
      if (!announced || !URL.test(s) || cur.lines.length > 4) cur = null
    }
    afterBlank = false
    if (m) {
      cur = { label: m[1] ?? m[2], start: l.ts, end: l.te, lines: [i], excluded: [{ start: l.ts, end: l.ts + m[0].length, why: 'footnote-label' }] }
      defs.push(cur)
      roles[i] = 'footnote'
    } else if (cur && !MD_HEADING.test(s) && !/^-{3,}$/.test(s)) {
      cur.lines.push(i)
      cur.end = l.te
      roles[i] = 'footnote'
    } else cur = null
  }
  return defs
}

/** Keeps one definition per label (the first), so that markers link to a single note. */
export function uniqueDefs(defs: FootnoteDraft[]): FootnoteDraft[] {
  const seen = new Set<string>()
  return defs.filter((d) => (seen.has(d.label) ? false : (seen.add(d.label), true)))
}
