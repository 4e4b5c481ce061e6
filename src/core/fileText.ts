// Text from files as the segmenter reads it: format from the file name, UTF-8 decoding that
// keeps every code unit (so offsets match Node's readFileSync(file, 'utf8')), and HTML to text.
import type { TextFormat } from './segment/types'

/** File kinds the workbench can read. */
export type FileKind = 'txt' | 'md' | 'html' | 'pdf' | 'docx'

/** The kind of a file from its name, or null when unsupported. */
export function fileKindOf(name: string): FileKind | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase()
  switch (ext) {
    case 'txt':
    case 'text':
      return 'txt'
    case 'md':
    case 'markdown':
      return 'md'
    case 'html':
    case 'htm':
    case 'xhtml':
      return 'html'
    case 'pdf':
      return 'pdf'
    case 'docx':
      return 'docx'
    default:
      return null
  }
}

/** Decodes UTF-8 bytes exactly as Node's readFileSync(file, 'utf8') does (a BOM is kept). */
export function decodeUtf8(bytes: ArrayBuffer | Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
}

/** HTML 4's Latin-1 entity names, in code point order from U+00A0. */
const LATIN1 = 'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'.split(' ')
const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ndash: '–', mdash: '—', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', bull: '•', euro: '€', scaron: 'š', Scaron: 'Š', zcaron: 'ž', Zcaron: 'Ž',
  ...Object.fromEntries(LATIN1.map((name, i) => [name, String.fromCharCode(0xa0 + i)])),
}

/** Decodes HTML character references (named ones that matter here, and all numeric ones). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m
    }
    return ENTITIES[ref] ?? ENTITIES[ref.toLowerCase()] ?? m
  })
}

const BLOCK = /<\/?(?:p|div|section|article|header|footer|main|aside|nav|h[1-6]|li|ul|ol|table|tr|blockquote|pre|br|hr|dd|dt|dl|figure|figcaption)\b[^>]*>/gi

/**
 * Turns HTML into plain text in the shape the segmenter expects: one block per line with blank
 * lines between blocks, headings as "#"-prefixed lines, list items as "- " lines.
 */
export function htmlToText(html: string): string {
  const body = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|noscript|template|head)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<h([1-6])\b[^>]*>/gi, (_m, n: string) => `\n\n${'#'.repeat(+n)} `)
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(BLOCK, '\n\n')
    .replace(/<[^>]+>/g, '')
  return decodeEntities(body)
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/**
 * Text and segmenter format for a text-like file given as a string: HTML becomes markdown-like
 * text; `.md` is markdown; for `.txt` the format is left to the segmenter to sniff (extracted
 * reports are often markdown saved as .txt).
 */
export function textFromString(name: string, content: string): { text: string; format?: TextFormat } {
  const kind = fileKindOf(name)
  if (kind === 'html') return { text: htmlToText(content), format: 'md' }
  return { text: content, format: kind === 'md' ? 'md' : undefined }
}
