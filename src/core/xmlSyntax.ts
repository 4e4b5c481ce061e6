// The lexical rules of XML 1.0 the parser in xml.ts enforces, kept apart so that the parser stays
// readable: valid characters and names, comments, processing instructions and the XML declaration,
// DOCTYPE skipping (entity declarations refused), and offset → line/column lookups.
import { lastAtOrBelow } from './sortedSearch'

/** Characters XML 1.0 does not allow anywhere, lone surrogates included. */
export const INVALID_CHAR =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
/** A cheap first pass: text without any of these has no invalid character (most files have no surrogate at all). */
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/

/** The offset of the first character XML does not allow, or -1 (same answer as INVALID_CHAR, faster on long texts). */
export function firstInvalidChar(text: string): number {
  if (!SUSPECT.test(text)) return -1
  return INVALID_CHAR.exec(text)?.index ?? -1
}

/** XML white space. */
export const isSpace = (c: string): boolean => c === ' ' || c === '\n' || c === '\t' || c === '\r'

const NAME_START = String.raw`:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}`
// eslint-disable-next-line no-misleading-character-class -- the XML Name production lists ZWNJ/ZWJ and combining marks (U+0300–U+036F) as ranges on purpose
const NAME = new RegExp(String.raw`^[${NAME_START}][${NAME_START}\-.0-9\u00B7\u0300-\u036F\u203F\u2040]*$`, 'u')

/** Names already checked: a file repeats a few dozen names millions of times (bounded, so hostile input cannot grow it). */
const NAMES = new Set<string>()

/** True when `s` is an XML Name (element, attribute and processing-instruction target names). */
export function isName(s: string): boolean {
  if (NAMES.has(s)) return true
  if (!NAME.test(s)) return false
  if (NAMES.size < 10_000) NAMES.add(s)
  return true
}

/** Why a comment's body (between `<!--` and `-->`) is not allowed, or null: no `--` inside, no `-` at the end. */
export function checkComment(body: string): string | null {
  return body.includes('--') || body.endsWith('-') ? '"--" is not allowed inside a comment' : null
}

const XML_DECL = /^<\?xml[ \t\n]+version[ \t\n]*=[ \t\n]*(["'])1\.[0-9]+\1([ \t\n]+encoding[ \t\n]*=[ \t\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?([ \t\n]+standalone[ \t\n]*=[ \t\n]*(["'])(yes|no)\5)?[ \t\n]*\?>$/

/**
 * Why a processing instruction (`<?target …?>`, the whole of it) at `offset` is not allowed, or null:
 * its target must be a name, followed by white space or `?>`; the XML declaration (`<?xml …?>`, target
 * "xml" in any case) only at the very start of the document, with a version 1.x and well-formed fields.
 */
export function checkPi(pi: string, offset: number): string | null {
  const m = /^<\?([^ \t\n?]*)/.exec(pi) as RegExpExecArray
  const target = m[1]
  if (!isName(target)) return `invalid processing instruction target "${target}"`
  const after = pi[m[0].length]
  if (after !== '?' && !isSpace(after)) return `invalid processing instruction target "${target}${after}"`
  if (target.toLowerCase() !== 'xml') return null
  if (offset !== 0) return 'the XML declaration (<?xml …?>) is only allowed at the very start of the file'
  if (target !== 'xml' || !XML_DECL.test(pi)) return 'malformed XML declaration (expected <?xml version="1.0" encoding="…"?>)'
  return null
}

/** Line-start offsets of `text`, for offset → line/column lookups by binary search. */
export function lineIndex(text: string): (offset: number) => { line: number; column: number } {
  let starts: number[] | null = null
  return (offset) => {
    if (!starts) {
      starts = [0]
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
    }
    const lo = lastAtOrBelow(starts, offset)
    return { line: lo + 1, column: offset - starts[lo] + 1 }
  }
}

/** Skips a DOCTYPE declaration starting at `from`; refuses internal subsets that declare entities. */
export function skipDoctype(text: string, from: number, fail: (offset: number, reason: string) => never): number {
  let i = from + 9
  let quote = ''
  let inSubset = false
  for (; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") quote = c
    else if (inSubset && c === '<' && text.startsWith('<!ENTITY', i)) {
      fail(i, 'the DOCTYPE declares entities (<!ENTITY>); refused: entity declarations enable external-entity and entity-expansion ("billion laughs") attacks')
    } else if (inSubset && c === '<' && text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4)
      if (end === -1) break
      i = end + 2
    } else if (c === '[') inSubset = true
    else if (c === ']') inSubset = false
    else if (c === '>' && !inSubset) return i + 1
  }
  return fail(from, 'unterminated DOCTYPE declaration')
}

