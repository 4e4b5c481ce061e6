// Footnotes in HTML: the node shape the HTML reader walks, and how a reference, a note and a back-link look in web
// pages, mammoth's HTML of Word files, Word's own web pages ("Web page, filtered") and LibreOffice's.
import type { Block } from './blocks'

/** A DOM node as htmlparser2 builds it (only what this file reads). */
export interface Node {
  type: string
  name?: string
  attribs?: Record<string, string>
  children?: Node[]
  data?: string
}

// Note ids and links as web pages, mammoth, Word ("Web page, filtered": #_ftn1, id=ftn1), LibreOffice
// (#sdfootnote1sym, id=sdfootnote1) and Google Docs (#ftnt1, an <a id="ftnt1"> opening the note) write them; a
// back-link from a note to its marker is no marker.
const NOTE_ID = /^(?:sd)?(?:fn|footnote|endnote|note|ftnt|ftn|edn)[-_:]?(\d{1,4})$/i
const NOTE_HREF = /^#_?(?:sd)?(?:fn|footnote|endnote|note|ftn|edn)/i
const BACK_HREF = /^#_?(?:fnref|footnote-ref|ref|ftnref|ftnt_ref|ednref)|^#sd(?:foot|end)note\d+anc$/i
const REF_TEXT = /^\[?(\d{1,4})\]?$/

/** Text content of a node (entities decoded by the parser). */
export function textOf(n: Node): string {
  if (n.type === 'text') return n.data ?? ''
  return (n.children ?? []).map(textOf).join('')
}

/** The footnote number a `<sup>`/`<a>` reference stands for, or null. */
export function refLabel(n: Node): string | null {
  if (isBackLink(n)) return null
  if (n.name !== 'sup' && !(n.name === 'a' && NOTE_HREF.test(n.attribs?.href ?? ''))) return null
  return REF_TEXT.exec(textOf(n).trim())?.[1] ?? null
}

/** The footnote number of a definition element (an `<li id="footnote-3">`, a role="doc-endnote"). */
export function noteLabel(n: Node): string | null {
  if (n.name !== 'li' && n.name !== 'p' && n.name !== 'div') return null
  const id = NOTE_ID.exec(n.attribs?.id ?? '')
  if (id) return id[1]
  // Google Docs puts the note's id on the back-link that opens its paragraph.
  const first = n.name === 'p' ? (n.children ?? []).find((c) => c.type === 'tag') : undefined
  return first?.name === 'a' && isBackLink(first) ? (NOTE_ID.exec(first.attribs?.id ?? '')?.[1] ?? null) : null
}

/** True for a link from a note back to its marker ("↑", "#fnref1", "#_ftnref1", "#sdfootnote1anc"). */
export function isBackLink(n: Node): boolean {
  return n.name === 'a' && BACK_HREF.test(n.attribs?.href ?? '')
}

/**
 * Relabels notes as their references show them (`anchors`: the page's links): LibreOffice's Word files number notes
 * from 2 in their ids (<a href="#footnote-2">[1]</a>), and the text's markers carry the number shown.
 */
export function labelNotesAsShown(anchors: readonly Node[], blocks: Block[]): void {
  const shown = new Map<string, string>()
  for (const a of anchors) {
    const href = a.attribs?.href ?? ''
    const id = href.startsWith('#') ? NOTE_ID.exec(href.slice(1))?.[1] : undefined
    const label = REF_TEXT.exec(textOf(a).trim())?.[1]
    if (id && label && !shown.has(id)) shown.set(id, label)
  }
  for (const b of blocks) if (b.kind === 'footnote') b.label = shown.get(b.label) ?? b.label
}
