// Page furniture: page numbers, running headers and footers (by pattern and by statistics),
// markdown rules and table-of-contents lines. Such lines never become passages.
import { isLoneBullet } from './headings'
import { isBlank, lineText, startsPage } from './lines'
import type { Line, LineRole } from './types'

const PAGE_NUMBER = /^[-–—]?\s*\d{1,4}\s*[-–—]?$/
const PAGE_OF = /\b(?:page|side|sida|sivu|seite|p\.)\s*\d+\s*(?:de|of|af|av|sur|\/|\()\s*\d+\)?$/i
const BARE_URL = /^(?:https?:\/\/|www\.)\S+$/
const RULE = /^([-*_=])(?:\s*\1){2,}$/
/** A markdown table's header rule: "|---|:--:|". */
const TABLE_RULE = /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?$/
const ATX_HEADING = /^#{1,6}\s+\S/
const TOC_LEADER = /(?:\.{4,}|…{2,}|\. \. \. )\s*(?:<\/?b>\s*)*\d{1,4}(?:\s*<\/?b>)*$/
const TOC_TAB = /\t\s*(?:<\/?b>\s*)*\d{1,4}(?:\s*<\/?b>)*$/

/** Why a line is noise, or null. Pattern rules only; see {@link findRepeatedLines} for statistics. */
export function noiseKind(s: string): 'page-number' | 'header' | 'rule' | 'toc' | null {
  if (PAGE_NUMBER.test(s)) return 'page-number'
  if (RULE.test(s) || TABLE_RULE.test(s) || isLoneBullet(s)) return 'rule'
  if (PAGE_OF.test(s)) return 'header'
  if (TOC_LEADER.test(s) || (s.includes('\t') && TOC_TAB.test(s) && /\p{L}/u.test(s))) return 'toc'
  return null
}

/** Normalises a line for repeat counting: no markup, digits as 0, lower case. */
function repeatKey(s: string): string {
  return s
    .replace(/^[#>*\s]+|[*\s]+$/g, '')
    .replace(/\d+/g, '0')
    .replace(/\s+/g, ' ')
    .toLowerCase()
}

/**
 * Running headers and footers detected statistically: short lines that recur at least three
 * times and look like furniture (mostly capitals, or with varying numbers such as page counts).
 * Numbered markdown headings ("## Annex 2", "## 3. Annex 3") are headings, not page counters: their author,
 * or the file reader that took the running lines off a PDF's pages, marked them up as such.
 */
export function findRepeatedLines(text: string, lines: Line[], roles: LineRole[]): Set<number> {
  const groups = new Map<string, number[]>()
  for (let i = 0; i < lines.length; i++) {
    if (roles[i] !== 'body') continue
    const s = lineText(text, lines[i])
    if (s.length > 100 || s.length < 3) continue
    const key = repeatKey(s)
    if (!/\p{L}/u.test(key) || /https?:|www\./.test(key)) continue
    const g = groups.get(key)
    if (g) g.push(i)
    else groups.set(key, [i])
  }
  const out = new Set<number>()
  for (const [key, idx] of groups) {
    if (idx.length < 3) continue
    const letters = key.replace(/[^\p{L}]/gu, '')
    const raw = idx.map((i) => lineText(text, lines[i]))
    const caps = raw[0].replace(/[^\p{L}]/gu, '')
    const mostlyCaps = caps.length > 0 && caps.replace(/[^\p{Lu}]/gu, '').length / caps.length >= 0.7
    // Page counters vary at the edges of the line ("… page 4 de 37", "5 | Report title").
    const numbersVary = /^0\b|\b0$/.test(key) && new Set(raw.map((r) => r.replace(/\D/g, ''))).size > 1 && !raw.every((r) => ATX_HEADING.test(r))
    if ((mostlyCaps && letters.length >= 4) || numbersVary) for (const i of idx) out.add(i)
  }
  return out
}

/**
 * Running headers and footers of text whose pages end in form feeds (pdftotext's): the first and the last body
 * line of each page, when the same line (digits aside) stands at an edge of at least two pages and 40 % of them.
 */
export function findPageEdgeLines(text: string, lines: Line[], roles: LineRole[]): number[] {
  if (!text.includes('\f')) return []
  const pages: number[][] = [[]]
  for (let i = 0; i < lines.length; i++) {
    if (i > 0 && text.slice(lines[i - 1].end, lines[i].ts).includes('\f')) pages.push([])
    if (roles[i] === 'body') pages[pages.length - 1].push(i)
  }
  const full = pages.filter((p) => p.length)
  const groups = new Map<string, number[]>()
  for (const p of full)
    for (const i of new Set([p[0], p[p.length - 1]])) {
      const key = repeatKey(lineText(text, lines[i]))
      if (key.length < 3 || key.length > 100) continue
      const g = groups.get(key)
      if (g) g.push(i)
      else groups.set(key, [i])
    }
  const need = Math.max(2, Math.ceil(full.length * 0.4))
  return [...groups.values()].filter((g) => g.length >= need).flat()
}

/** Titles of a table of contents in the workbench's languages. */
const TOC_TITLE = /^(?:contents|table of contents|sisällys(?:luettelo)?|indhold(?:sfortegnelse)?|innhold(?:sfortegnelse)?|innehåll(?:sförteckning)?|sommaire|table des matières|содержание|оглавление)$/iu

/** Marks noise lines among the body lines in `roles` and returns why each one is noise. */
export function markNoise(text: string, lines: Line[], roles: LineRole[]): Map<number, string> {
  const why = new Map<number, string>()
  for (let i = 0; i < lines.length; i++) {
    if (roles[i] !== 'body' || isBlank(lines[i])) continue
    const k = noiseKind(lineText(text, lines[i]))
    if (k) {
      roles[i] = 'noise'
      why.set(i, k)
    }
  }
  // The title of a table of contents whose entries were dropped ("Contents", "Sisällys", "Sommaire" …).
  for (let i = 0; i < lines.length; i++) {
    if (roles[i] !== 'body' || !TOC_TITLE.test(lineText(text, lines[i]).trim())) continue
    let j = i + 1
    while (j < lines.length && isBlank(lines[j])) j++
    if (j < lines.length && why.get(j) === 'toc') {
      roles[i] = 'noise'
      why.set(i, 'toc')
    }
  }
  for (const i of [...findRepeatedLines(text, lines, roles), ...findPageEdgeLines(text, lines, roles)]) {
    roles[i] = 'noise'
    why.set(i, 'header')
  }
  // PDF link annotations: bare URL lines printed right before the next page starts.
  for (let i = lines.length - 2; i >= 0; i--) {
    if (roles[i] !== 'body' || !BARE_URL.test(lineText(text, lines[i]))) continue
    const next = lines[i + 1]
    if (startsPage(text, next) || (roles[i + 1] === 'noise' && why.get(i + 1) === 'link')) {
      roles[i] = 'noise'
      why.set(i, 'link')
    }
  }
  return why
}
