// Writes aligned sentence pairs as a TMX 1.4b translation memory, the format CAT tools import.
import { escapeXmlAttr, withXmlContext } from '../xmlEscape'

/** One translation unit: a source segment and its translation. */
export interface TmxPair {
  src: string
  tgt: string
  /** Optional note on the unit (e.g. the bead's anchor score or the documents it came from). */
  note?: string
  /** The unit's id in the file (`tuid`), unique within it. */
  tuid?: string
}

/** Options of `toTmx`. */
export interface TmxOptions {
  /** Source language (BCP 47), e.g. "fi". */
  srcLang: string
  /** Target language (BCP 47), e.g. "en". */
  tgtLang: string
  /** Name of the tool that made the file. */
  creationTool: string
  creationToolVersion?: string
  /** Administrative language of the header (default "en"). */
  adminLang?: string
  /** Creation date of the file and its units; default now. Written as YYYYMMDDThhmmssZ. */
  creationDate?: Date
  /** The documents the pairs come from, written on every unit as `x-document-src` and `x-document-tgt` properties. */
  documents?: { src: string; tgt: string }
}


/** A date in TMX's form: YYYYMMDDThhmmssZ (UTC). */
export function tmxDate(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

/** Collapses white space runs (line breaks included) into one space and trims: TMX segments are one line. */
function segText(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

/**
 * Serialises sentence pairs as TMX 1.4b: a header with srclang, adminlang, segtype="sentence", o-tmf and
 * datatype="plaintext", then one <tu> per pair (with its `tuid` when given, and the creation date) holding the
 * documents as properties when given, then a <tuv xml:lang> per language. Text is XML-escaped; a character
 * XML cannot carry is refused (UnrepresentableXmlError naming the unit).
 */
export function toTmx(pairs: readonly TmxPair[], opts: TmxOptions): string {
  const date = tmxDate(opts.creationDate ?? new Date())
  const attr = (name: string, value: string) => ` ${name}="${escapeXmlAttr(value)}"`
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    '  <header' +
      attr('creationtool', opts.creationTool) +
      attr('creationtoolversion', opts.creationToolVersion ?? '1.0') +
      attr('datatype', 'plaintext') +
      attr('segtype', 'sentence') +
      attr('adminlang', opts.adminLang ?? 'en') +
      attr('srclang', opts.srcLang) +
      attr('o-tmf', 'plaintext') +
      attr('creationdate', date) +
      '/>',
    '  <body>',
  ]
  pairs.forEach((p, i) => withXmlContext(`unit ${p.tuid ?? i + 1}`, () => {
    lines.push(`    <tu${p.tuid ? attr('tuid', p.tuid) : ''}${attr('creationdate', date)}>`)
    if (p.note) lines.push(`      <note>${escapeXmlAttr(segText(p.note))}</note>`)
    if (opts.documents) {
      lines.push(`      <prop type="x-document-src">${escapeXmlAttr(segText(opts.documents.src))}</prop>`)
      lines.push(`      <prop type="x-document-tgt">${escapeXmlAttr(segText(opts.documents.tgt))}</prop>`)
    }
    lines.push(`      <tuv xml:lang="${escapeXmlAttr(opts.srcLang)}"><seg>${escapeXmlAttr(segText(p.src))}</seg></tuv>`)
    lines.push(`      <tuv xml:lang="${escapeXmlAttr(opts.tgtLang)}"><seg>${escapeXmlAttr(segText(p.tgt))}</seg></tuv>`)
    lines.push('    </tu>')
  }))
  lines.push('  </body>', '</tmx>', '')
  return lines.join('\n')
}
