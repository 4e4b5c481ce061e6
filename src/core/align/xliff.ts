// Writes an aligned pair as an XLIFF 2.1 bilingual file: one unit per bead, confirmed beads as final segments.
import { escapeXmlAttr, escapeXmlText, withXmlContext } from '../xmlEscape'

/** The XLIFF 2.x core namespace (XLIFF 2.1 keeps the 2.0 one). */
export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0'

/** One bead's text: its number (from 1, the unit id), both sides, and whether the translator confirmed it. */
export interface XliffUnit {
  n: number
  src: string
  tgt: string
  confirmed: boolean
}

/** Options of `toXliff`. */
export interface XliffOptions {
  /** Source language (BCP 47), e.g. "fi". */
  srcLang: string
  /** Target language (BCP 47), e.g. "en". */
  tgtLang: string
  /** The file's `original`: what the source came from (e.g. the report's file name). */
  original?: string
  /** The documents of the pair, written as notes of the file. */
  documents?: { src: string; tgt: string }
}

/** Collapses white space runs into one space and trims: segments are one line. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim()

/**
 * Serialises beads as XLIFF 2.1: `<xliff version="2.1" srcLang trgLang>`, one `<file>`, and per bead a
 * `<unit id="u{n}">` with one `<segment>` holding `<source>` and `<target>` (empty on a side without sentences).
 * A confirmed bead's segment is `state="final"`, any other `state="initial"`. Text and attributes are XML-escaped; a
 * character XML cannot carry is refused (UnrepresentableXmlError naming the unit).
 */
export function toXliff(units: readonly XliffUnit[], opts: XliffOptions): string {
  const attr = (name: string, value: string) => ` ${name}="${escapeXmlAttr(value)}"`
  const text = (s: string) => escapeXmlText(oneLine(s))
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff version="2.1"${attr('xmlns', XLIFF_NS)}${attr('srcLang', opts.srcLang)}${attr('trgLang', opts.tgtLang)}>`,
    `  <file id="f1"${opts.original ? attr('original', opts.original) : ''}>`,
  ]
  if (opts.documents) {
    lines.push('    <notes>')
    lines.push(`      <note category="x-document-src">${text(opts.documents.src)}</note>`)
    lines.push(`      <note category="x-document-tgt">${text(opts.documents.tgt)}</note>`)
    lines.push('    </notes>')
  }
  for (const u of units) withXmlContext(`unit u${u.n}`, () => {
    lines.push(`    <unit id="u${u.n}">`)
    lines.push(`      <segment id="s${u.n}" state="${u.confirmed ? 'final' : 'initial'}">`)
    lines.push(`        <source>${text(u.src)}</source>`)
    lines.push(`        <target>${text(u.tgt)}</target>`)
    lines.push('      </segment>')
    lines.push('    </unit>')
  })
  lines.push('  </file>', '</xliff>', '')
  return lines.join('\n')
}
