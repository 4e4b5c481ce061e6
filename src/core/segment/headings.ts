// Headings and list items: how a line announces itself (section numbers, markdown hashes,
// bullets, numbered items), and the section path that headings build up.

/** A section number at the start of a line: "3.2.", "2.1", "1. 4" (sic), "5". */
const SECTION_NUMBER = /^(\d{1,2}(?:\.\s?\d{1,2}){0,3})\.?\s+(?=[\p{Lu}«"“‘(])/u
const MD_HEADING = /^(#{1,6})\s+(.*)$/
/** Bullet glyphs: the usual ones, and any private-use glyph of a symbol font (Word's Symbol, LibreOffice's OpenSymbol). */
const GLYPH = '[·•▪◦‣●○■□\\ue000-\\uf8ff]'
const BULLET = new RegExp(`^(${GLYPH}|[–—-]|[*+](?=\\s))\\s+`)
const LONE_BULLET = new RegExp(`^${GLYPH}$`)
const NUMBERED_ITEM = /^\(?(\d{1,3}|[a-z]|[ivx]{1,4})[.)]\s+/
const TERMINAL = /[.!?;:,…]$/
const SENTENCE_END = /[.!?…:]$/

/** The section number of a heading-like line and its depth, or null. */
export function sectionNumber(s: string): { number: string; depth: number } | null {
  const m = SECTION_NUMBER.exec(s)
  if (!m) return null
  const parts = m[1].split(/\.\s?/).filter(Boolean)
  if (parts.some((p) => +p > 40) || +parts[0] === 0) return null
  return { number: parts.join('.'), depth: parts.length }
}

/** Markdown heading: its hash count and text, or null. */
export function markdownHeading(s: string): { hashes: number; text: string } | null {
  const m = MD_HEADING.exec(s)
  return m ? { hashes: m[1].length, text: m[2] } : null
}

/** True for a bullet glyph alone on its line (pdftotext puts a list's bullets apart from their items). */
export function isLoneBullet(s: string): boolean {
  return LONE_BULLET.test(s)
}

/** Length of a bullet prefix ("· ", "– ", "- ") including the space after it, or 0. */
export function bulletLength(s: string): number {
  const m = BULLET.exec(s)
  return m ? m[0].length : 0
}

/** True for "1. Text", "2) text", "a) text" items; `strict` also requires a capital after the number. */
export function isNumberedItem(s: string, strict: boolean): boolean {
  const m = NUMBERED_ITEM.exec(s)
  if (!m) return false
  if (!strict) return true
  const rest = s.slice(m[0].length)
  return /^[\p{Lu}«"“‘(]/u.test(rest) && /^\d/.test(m[1])
}

/** True when `s` ends a sentence or announces something (colon), closing quotes aside. */
export function endsSentence(s: string): boolean {
  return SENTENCE_END.test(s.replace(/[\s"”’»)\]*]+$/, ''))
}

/** True when a line ends like a sentence or clause (so it cannot be a heading). */
export function endsWithPunctuation(s: string): boolean {
  return TERMINAL.test(s.replace(/[\s"”’»)\]*]+$/, ''))
}

/** True for a bold-only markdown line ("**Tasks of conscripts**"). */
export function isBoldLine(s: string): boolean {
  return /^\*\*[^*].{0,100}\*\*$/.test(s) && !/\*\*.*\*\*.*\*\*/.test(s.slice(2, -2))
}

/** Builds the section path as headings come: a heading of level n replaces levels ≥ n. */
export class SectionTracker {
  private stack: { level: number; label: string }[] = []

  /** Enters a heading; returns the path including it. */
  enter(level: number, label: string): string[] {
    while (this.stack.length && this.stack[this.stack.length - 1].level >= level) this.stack.pop()
    this.stack.push({ level, label })
    return this.path()
  }

  /** The current path of heading labels. */
  path(): string[] {
    return this.stack.map((s) => s.label)
  }
}
