// Inline extraction artefacts inside a line: docx bookmarks and footnotes, <sup> markers,
// markdown links, emphasis, escapes and html tags. Each becomes an exclusion, never an edit.
import type { Exclusion, FootnoteDraft, Line, TextFormat } from './types'

/** A footnote marker found in body text: its label and the span to exclude. */
export interface Marker {
  label: string
  start: number
  end: number
}

/** Everything inline that one line contributes. */
export interface InlineScan {
  excluded: Exclusion[]
  markers: Marker[]
  /** Inline footnote definitions ([7: text] in docx extractions). */
  defs: FootnoteDraft[]
}

const BOOKMARK = /\[bookmark:[^\]]*\]/g
const DOCX_MARKER = /\[footnoteRef:(\d+)\]/g
const DOCX_DEF = /\[(\d+):\s*/g
const SUP = /<sup>([^<]{0,12})<\/sup>/g
/** A markdown footnote reference "[^12]" (not its definition "[^12]: …"). */
const MD_NOTE_REF = /\[\^([^\]\s]{1,20})\](?!:)/g
const MD_LINK = /\[([^\]\n]*)\]\(([^)\s]*)\)/g
const AUTOLINK = /<((?:https?:\/\/|www\.)[^>\s]+)>/g
const EMPHASIS = /(\*{1,3}|__)(?=[^\s*_])(.*?[^\s*_\\])\1(?![*\w])/g
const HTML_TAG = /<\/?(?:b|i|em|strong|u|br|span|small|p)\b[^>]*>/gi
const MD_ESCAPE = /\\+(?=[_*[\]()#`.|-])/g
const MD_PREFIX = /^(?:#{1,6}\s+|>\s?)/

/** Scans `text[l.ts, l.te)` for inline artefacts; `format` enables the markdown ones. */
export function scanInline(text: string, l: Line, format: TextFormat): InlineScan {
  const s = text.slice(l.ts, l.te)
  const base = l.ts
  const out: InlineScan = { excluded: [], markers: [], defs: [] }
  if (s.length === 0) return out
  const ex = (a: number, b: number, why: Exclusion['why']) => out.excluded.push({ start: base + a, end: base + b, why })
  let m: RegExpExecArray | null

  if (s.includes('[')) {
    for (BOOKMARK.lastIndex = 0; (m = BOOKMARK.exec(s)); ) ex(m.index, m.index + m[0].length, 'bookmark')
    for (DOCX_MARKER.lastIndex = 0; (m = DOCX_MARKER.exec(s)); ) {
      ex(m.index, m.index + m[0].length, 'footnote-marker')
      out.markers.push({ label: m[1], start: base + m.index, end: base + m.index + m[0].length })
    }
    for (DOCX_DEF.lastIndex = 0; (m = DOCX_DEF.exec(s)); ) {
      const close = matchingBracket(s, m.index)
      const end = close < 0 ? s.length : close + 1
      ex(m.index, end, 'footnote-def')
      const excluded: Exclusion[] = [{ start: base + m.index, end: base + m.index + m[0].length, why: 'footnote-label' }]
      if (close >= 0) excluded.push({ start: base + close, end: base + close + 1, why: 'markup' })
      out.defs.push({ label: m[1], start: base + m.index, end: base + end, lines: [], excluded })
      DOCX_DEF.lastIndex = end
    }
  }
  if (format === 'md' && s.includes('[^')) {
    for (MD_NOTE_REF.lastIndex = 0; (m = MD_NOTE_REF.exec(s)); ) {
      ex(m.index, m.index + m[0].length, 'footnote-marker')
      out.markers.push({ label: m[1], start: base + m.index, end: base + m.index + m[0].length })
    }
  }
  if (s.includes('<sup>')) {
    for (SUP.lastIndex = 0; (m = SUP.exec(s)); ) {
      if (/^\d+$/.test(m[1])) {
        ex(m.index, m.index + m[0].length, 'footnote-marker')
        out.markers.push({ label: m[1], start: base + m.index, end: base + m.index + m[0].length })
      } else {
        ex(m.index, m.index + 5, 'markup')
        ex(m.index + m[0].length - 6, m.index + m[0].length, 'markup')
      }
    }
  }
  if (format === 'md' || format === 'html') scanMarkdown(s, ex)
  return out
}

function scanMarkdown(s: string, ex: (a: number, b: number, why: Exclusion['why']) => void): void {
  let m: RegExpExecArray | null
  const pre = MD_PREFIX.exec(s)
  if (pre) ex(0, pre[0].length, 'markup')
  if (s.includes('](')) {
    for (MD_LINK.lastIndex = 0; (m = MD_LINK.exec(s)); ) {
      ex(m.index, m.index + 1, 'markup')
      ex(m.index + 1 + m[1].length, m.index + m[0].length, 'markup')
    }
  }
  if (s.includes('<')) {
    for (AUTOLINK.lastIndex = 0; (m = AUTOLINK.exec(s)); ) {
      ex(m.index, m.index + 1, 'markup')
      ex(m.index + m[0].length - 1, m.index + m[0].length, 'markup')
    }
    for (HTML_TAG.lastIndex = 0; (m = HTML_TAG.exec(s)); ) ex(m.index, m.index + m[0].length, 'markup')
  }
  if (s.includes('*') || s.includes('__')) {
    for (EMPHASIS.lastIndex = 0; (m = EMPHASIS.exec(s)); ) {
      const d = m[1].length
      ex(m.index, m.index + d, 'markup')
      ex(m.index + m[0].length - d, m.index + m[0].length, 'markup')
    }
  }
  if (s.includes('\\')) for (MD_ESCAPE.lastIndex = 0; (m = MD_ESCAPE.exec(s)); ) ex(m.index, m.index + m[0].length, 'markup')
}

/** Index of the bracket closing the one at `open`, or -1. */
function matchingBracket(s: string, open: number): number {
  let depth = 0
  for (let i = open; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 91) depth++
    else if (c === 93 && --depth === 0) return i
  }
  return -1
}
