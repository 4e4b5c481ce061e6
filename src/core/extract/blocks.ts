// The one intermediate shape of every structured extractor (HTML, DOCX, PDF): blocks and file
// metadata, written out as the markdown-like text the segmenter reads and the app stores.

import { isShortTitle } from '../segment/lineTypes'

/** Metadata a file states about itself (HTML <meta>, DOCX core properties, PDF info dictionary). */
export interface FileMeta {
  title?: string
  publisher?: string
  /** YYYY-MM-DD or YYYY-MM: the date the file says it was published (HTML meta tags). */
  date?: string
  /**
   * YYYY-MM-DD or YYYY-MM: the date the file says it was made (a PDF's CreationDate, a Word file's created):
   * often a conversion or drafting date, so a date printed on the first page goes before it.
   */
  created?: string
  /** Running header and footer lines removed from a PDF (they often carry the title and date). */
  running?: string[]
}

/** A structural unit of a document. Inline footnote markers are written as `<sup>N</sup>` in `text`. */
export type Block =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'item'; text: string }
  | { kind: 'row'; cells: string[] }
  | { kind: 'footnote'; label: string; text: string }

/** Separator written between table cells, so that cells never glue together. */
export const CELL_SEPARATOR = ' | '

/** Collapses whitespace runs (line breaks included) to one space and trims. */
export function squash(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim()
}

/**
 * Writes blocks as markdown-like text: one block per line (a PDF paragraph may keep its own line
 * breaks), blank lines between blocks, `#` headings, `- ` list items, table rows with cells
 * separated by {@link CELL_SEPARATOR}, and footnotes as `<sup>N</sup> text` lines at the end.
 */
export function blocksToText(blocks: Block[]): string {
  const body: string[] = []
  const notes: string[] = []
  for (const b of blocks) {
    if (b.kind === 'footnote') {
      const t = b.text.trim()
      if (t) notes.push(`<sup>${b.label}</sup> ${t}`)
      continue
    }
    const line = blockLine(b)
    if (line) body.push(line)
  }
  return [...body, ...notes].join('\n\n')
}

/** An author or publisher line ending in a date ("Danish Refugee Council, June 2024"). */
const DATED_BYLINE = /,\s*[^,]*\b(?:19|20)\d{2}\s*$/

/**
 * Word files often set headings as plain short paragraphs ("Kysymykset" above a list): a short,
 * capitalised paragraph without closing punctuation, followed by more text, becomes a heading
 * one level below the last real one.
 */
export function promoteTitleParagraphs(blocks: Block[]): Block[] {
  let level = 1
  return blocks.map((b, i) => {
    if (b.kind === 'heading') level = b.level
    const next = blocks[i + 1]
    if (b.kind !== 'para' || !next || next.kind === 'heading' || next.kind === 'footnote' || b.text.length > 80 || !isShortTitle(squash(b.text))) return b
    // "Danish Refugee Council, June 2024": an author and date line under the title, not a heading.
    if (DATED_BYLINE.test(b.text)) return b
    return { kind: 'heading', level: Math.min(6, level + 1), text: b.text }
  })
}

function blockLine(b: Exclude<Block, { kind: 'footnote' }>): string {
  switch (b.kind) {
    case 'heading': {
      const t = squash(b.text)
      return t ? `${'#'.repeat(Math.min(6, Math.max(1, b.level)))} ${t}` : ''
    }
    case 'item': {
      const t = squash(b.text)
      return t ? `- ${t}` : ''
    }
    case 'row':
      return b.cells.map(squash).filter(Boolean).join(CELL_SEPARATOR)
    case 'para':
      return b.text.split('\n').map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim()).filter(Boolean).join('\n')
  }
}
