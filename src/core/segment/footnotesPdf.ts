// Footnotes of PDF text: numbered definition blocks at page feet ("1 https://…", interleaved
// mid-paragraph at page breaks) and the bare trailing digits that mark them ("året rundt.1").
import { isBlank, lineText, startsPage } from './lines'
import type { Marker } from './inline'
import type { FootnoteDraft, Line, LineRole } from './types'

const DEF = /^(\d{1,3})\s+\S/
const URL_LINE = /^(?:https?:\/\/|www\.)\S+(?:\s+(?:https?:\/\/|www\.)\S+)*$/
const BARE_URL_LINE = /^\S*(?:https?:|www\.|%20)\S*$/
/** Digits glued to a word or closing punctuation: "rundt.1", "mænd27,", "«kanonføde».12". */
const ATTACHED = /(?<=[\p{L}\p{M}.,;:!?)\]»”"'’%])(\d{1,3})(?=[\s,.;:!?)\]»”"'’]|$)/gu
/** A footnote number glued to a year: "september 20252" is 2025 + marker 2. */
const YEAR_GLUED = /(?<![\d.,])((?:19|20)\d\d)(\d{1,3})(?=[\s,.;:!?)\]»”"'’]|$)/g

/** Digits glued on both sides after punctuation: "vurdere,17men". */
const GLUED_BOTH = /(?<=\p{L}[,.;:])(\d{1,3})(?=\p{Ll})/gu

/** A possible footnote marker in a line: its value and [a, b) offsets in the line. */
interface Candidate {
  v: number
  a: number
  b: number
}

/** Possible markers in a body line, in order; decimals ("1.2 millioner") are left out. */
function candidates(s: string): Candidate[] {
  const out: Candidate[] = []
  if (!/\d/.test(s)) return out
  let m: RegExpExecArray | null
  for (ATTACHED.lastIndex = 0; (m = ATTACHED.exec(s)); ) {
    // One or two digits glued to a number are a decimal or a section ("1.2 millioner", "4.1.3")
    // unless the number before is a year or ends in a thousands group ("2025.3", "500.000.7").
    const num = /[\d.,]+$/.exec(s.slice(Math.max(0, m.index - 12), m.index))?.[0]
    if (m[1].length <= 2 && num && /\d/.test(num) && !/\d[.,]\d{3}[.,]$/.test(num) && !/(?:^|[^\d])(?:19|20)\d\d[.,]$/.test(num)) continue
    out.push({ v: +m[1], a: m.index, b: m.index + m[1].length })
  }
  for (YEAR_GLUED.lastIndex = 0; (m = YEAR_GLUED.exec(s)); ) {
    const a = m.index + m[1].length
    out.push({ v: +m[2], a, b: a + m[2].length })
  }
  for (GLUED_BOTH.lastIndex = 0; (m = GLUED_BOTH.exec(s)); ) out.push({ v: +m[1], a: m.index, b: m.index + m[1].length })
  return out.sort((x, y) => x.a - y.a)
}

/**
 * Finds footnote blocks in hard-wrapped text and marks their lines in `roles` ('footnote' for
 * definitions, 'noise' for the URL lists that follow them). A line "N text" opens a definition
 * when N continues the numbering (≤ 8 ahead) and either a block is open, or a blank line precedes
 * it and the body since the previous note carries a candidate marker N. A block ends at the next
 * page (a line starting with one space) or at text that is neither a note nor a URL.
 */
export function findPdfFootnotes(text: string, lines: Line[], roles: LineRole[]): FootnoteDraft[] {
  const defs: FootnoteDraft[] = []
  const seen = new Set<number>()
  let lastDef = 0
  let cur: FootnoteDraft | null = null
  let inBlock = false
  let blankSince = false
  let lastBlockText = ''
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]
    if (isBlank(l)) {
      blankSince = true
      continue
    }
    const s = lineText(text, l)
    const d = DEF.exec(s)
    if (d) {
      const n = +d[1]
      const prevBlank = i > 0 && isBlank(lines[i - 1])
      if (n > lastDef && n <= lastDef + 8 && (inBlock || (prevBlank && seen.has(n)))) {
        const labelEnd = l.ts + d[0].length - 1
        cur = { label: d[1], start: l.ts, end: l.te, lines: [i], excluded: [{ start: l.ts, end: labelEnd, why: 'footnote-label' }] }
        defs.push(cur)
        roles[i] = 'footnote'
        lastDef = n
        seen.clear()
        inBlock = true
        blankSince = false
        lastBlockText = s
        continue
      }
    }
    if (inBlock) {
      const url = URL_LINE.test(s) || BARE_URL_LINE.test(s)
      if (!blankSince && !(startsPage(text, l) && !url)) {
        // A line right under a definition continues it (a wrapped URL too); URL lists are noise.
        if (cur && !(url && !/[-/]$/.test(lastBlockText))) {
          cur.lines.push(i)
          cur.end = l.te
          roles[i] = 'footnote'
          lastBlockText = s
          continue
        }
        if (url) {
          roles[i] = 'noise'
          cur = null
          lastBlockText = s
          continue
        }
      }
      const fragment = cur !== null && /[-/]$/.test(lastBlockText) && !/\s/.test(s) && !/^(?:https?:|www\.)/.test(s)
      if (fragment && cur) {
        cur.lines.push(i)
        cur.end = l.te
        roles[i] = 'footnote'
        blankSince = false
        lastBlockText = s
        continue
      }
      if (blankSince && url) {
        roles[i] = 'noise'
        cur = null
        blankSince = false
        lastBlockText = s
        continue
      }
      inBlock = false
      cur = null
    }
    blankSince = false
    for (const c of candidates(s)) if (c.v > lastDef) seen.add(c.v)
  }
  return defs
}

/**
 * Picks the trailing-digit markers of the footnotes in body lines: candidates are taken in
 * document order when they continue the numbering (up to 3 ahead, or up to 8 ahead to a number
 * that has a definition) and stand before their definition, so numbers like "1.2 millioner",
 * "4.1.3" or "18-30" are never taken. Reports whose later notes were lost in extraction (002)
 * still get their markers removed.
 */
export function findPdfMarkers(text: string, lines: Line[], roles: LineRole[], defs: FootnoteDraft[]): Marker[] {
  if (defs.length === 0) return []
  const defAt = new Map<number, number>()
  for (const d of defs) defAt.set(+d.label, d.start)
  const markers: Marker[] = []
  let last = 0
  for (let i = 0; i < lines.length; i++) {
    if (roles[i] !== 'body') continue
    const l = lines[i]
    const s = lineText(text, l)
    const cands = candidates(s)
    for (const c of cands) {
      const at = l.ts + c.a
      const def = defAt.get(c.v)
      const fits = (c.v > last && c.v <= last + 3) || (c.v > last && c.v <= last + 8 && def !== undefined)
      if (!fits || (def !== undefined && def < at)) continue
      markers.push({ label: String(c.v), start: at, end: l.ts + c.b })
      last = c.v
    }
  }
  return markers
}
