// Types each body line (heading, list item, table row or running text) from its own look and,
// for docx-like text, its neighbours. Context-dependent heading decisions are left to grouping.
import { bulletLength, endsWithPunctuation, isBoldLine, isNumberedItem, markdownHeading, sectionNumber } from './headings'
import { lineText } from './lines'
import { projectText } from './reconstruct'
import type { DocProfile, Exclusion, Line } from './types'

/** How a body line presents itself. */
export type LineType = 'heading' | 'list' | 'table' | 'text'

/** Facts about one body line that grouping needs. */
export interface LineInfo {
  /** Trimmed raw content. */
  raw: string
  /** Content with inline artefacts removed and whitespace collapsed. */
  clean: string
  type: LineType
  /** Heading level; numbered headings use their number's depth. */
  level: number
  /** True when the heading is numbered ("3.2. …"). */
  numbered: boolean
  /** Length of a bullet prefix to exclude (0 if none). */
  bullet: number
  /** The line is nothing but one or more URLs (optionally after a bullet). */
  urlOnly: boolean
  /** A numbered title that cannot be a heading here (its number goes backwards): kept on its own. */
  titleLike?: boolean
}

const URL_ONLY = /^(?:[·•–—-]\s+)?(?:\[?(?:https?:\/\/|www\.)\S+\s*)+$/

/** Computes {@link LineInfo} for the body lines `body` (indices into `lines`). */
export function typeLines(
  text: string,
  lines: Line[],
  body: number[],
  inlineEx: Map<number, Exclusion[]>,
  profile: DocProfile,
): Map<number, LineInfo> {
  const info = new Map<number, LineInfo>()
  for (const i of body) {
    const l = lines[i]
    const raw = lineText(text, l)
    const clean = projectText(text, l.ts, l.te, inlineEx.get(i) ?? [])
    info.set(i, { raw, clean, type: 'text', level: 0, numbered: false, bullet: 0, urlOnly: URL_ONLY.test(raw) })
  }
  const numberedAt = (k: number) => k >= 0 && k < body.length && isNumberedItem(info.get(body[k])!.raw, false)
  for (let k = 0; k < body.length; k++) {
    const li = info.get(body[k])!
    const { raw, clean } = li
    if (profile.format === 'md') {
      const h = markdownHeading(raw)
      const num = sectionNumber(clean)
      const setext = setextLevel(text, lines, body[k])
      if (h) setHeading(li, num ? num.depth : Math.max(1, h.hashes - 1), !!num)
      else if (setext) setHeading(li, num ? num.depth : setext, !!num)
      else if (/^\|.*\|$/.test(raw)) li.type = 'table'
      else if (isBoldLine(raw)) setHeading(li, 6, false)
      else if ((li.bullet = bulletLength(raw.replace(/^\s+/, ''))) > 0 || isNumberedItem(raw, false)) li.type = 'list'
      else if (raw.includes('\t')) li.type = 'table'
      continue
    }
    li.bullet = bulletLength(raw)
    if (li.bullet > 0) {
      li.type = 'list'
      continue
    }
    if (!profile.wrapped) {
      const numItem = isNumberedItem(raw, false)
      if (numItem && (numberedAt(k - 1) || numberedAt(k + 1))) li.type = 'list'
      else if (numItem && raw.length <= 250 && k + 1 < body.length) setHeading(li, sectionNumber(clean)?.depth ?? 1, true)
      else if (raw.includes('\t')) li.type = 'table'
      // The document's first line may be its "Country: topic" title, which elsewhere would read as "key: value".
      else if ((isShortTitle(clean) || (k === 0 && isShortTitle(clean.replace(/(\S):\s/, '$1 ')))) && k + 1 < body.length) setHeading(li, 0, false)
      continue
    }
    const num = sectionNumber(clean)
    if (num && clean.length <= profile.fullLine * 0.85 && !endsWithPunctuation(clean)) setHeading(li, num.depth, true)
    else if (isNumberedItem(raw, true)) li.type = 'list'
  }
  return info
}

/** 1 or 2 when the next line underlines line `i` with "===" or "---" (a setext heading), else 0. */
function setextLevel(text: string, lines: Line[], i: number): number {
  const next = lines[i + 1]
  if (!next) return 0
  const u = lineText(text, next)
  return /^={3,}\s*$/.test(u) ? 1 : /^-{3,}\s*$/.test(u) ? 2 : 0
}

function setHeading(li: LineInfo, level: number, numbered: boolean): void {
  li.type = 'heading'
  li.level = level
  li.numbered = numbered
}

/** A short line that reads like a title: capitalised, no closing punctuation, no "key: value". */
export function isShortTitle(clean: string): boolean {
  return (
    clean.length >= 3 &&
    clean.length <= 150 &&
    /^[\p{Lu}\d«"“]/u.test(clean) &&
    /\p{L}{3}/u.test(clean) &&
    !endsWithPunctuation(clean) &&
    !/\S:\s/.test(clean)
  )
}
