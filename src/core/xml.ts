// A small, safe XML parser for TBX import: no DTD processing, no entity expansion, clear line/column errors.
// The browser's DOMParser is unavailable in Node and in core, and it would resolve DOCTYPE tricks we refuse.
// The lexical rules (names, comments, declarations, DOCTYPE) are in xmlSyntax.ts; the size limits in limits.ts.
import { LIMITS } from './limits'
import type { MessageParams } from './message'
import { checkComment, firstInvalidChar, checkPi, isName, isSpace, lineIndex, skipDoctype } from './xmlSyntax'

/** An element of the parsed tree. Names are kept as written (`xml:lang`, `basic:definition`). */
export interface XmlElement {
  name: string
  /** Attribute values, entity-decoded (own properties only; `__proto__` is stored as an ordinary key). */
  attrs: Record<string, string>
  /** Child elements and text (adjacent text and CDATA are merged into one string). */
  children: XmlNode[]
  /** Offset of the `<` of the start tag in the line-ending-normalised text; see {@link XmlDocument.position}. */
  offset: number
}

/** A child node: an element or a run of text. */
export type XmlNode = XmlElement | string

/** The result of {@link parseXml}. */
export interface XmlDocument {
  root: XmlElement
  /** 1-based line and column of an element offset. */
  position(offset: number): { line: number; column: number }
}

/** A well-formedness or safety error, with a 1-based position and a message ready to show. */
export class XmlError extends Error {
  /**
   * `message` is label + position + reason ("tbx: line 12, column 5: expected </langSec>, found </conceptEntry>");
   * `code` (an import issue code: 'xmlMismatchedTag' …, else 'xmlSyntax') and `params` (label, line, column and
   * what the reason names; `reason` itself for 'xmlSyntax') are for the translated text.
   */
  constructor(
    message: string, public readonly line: number, public readonly column: number, public readonly reason: string,
    public readonly code = 'xmlSyntax', public readonly params: MessageParams = { line, column, reason },
  ) {
    super(message)
    this.name = 'XmlError'
  }
}

/** Options of {@link parseXml}. */
export interface XmlParseOptions {
  /** Prefix of error messages, e.g. "tbx". Default "xml". */
  label?: string
  /** Deepest allowed element nesting. Default 256. */
  maxDepth?: number
  /**
   * Streaming: called as each element at depth `takeDepth` (the root is 0) closes, with its ancestors
   * (root first) and the document's positions. Returning true takes it out of the tree: the caller has
   * read it, and a 100k-entry file is never held as one tree (the garbage collector dominated before).
   */
  take?: (el: XmlElement, ancestors: readonly XmlElement[], position: XmlDocument['position']) => boolean
  takeDepth?: number
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/**
 * Parses XML 1.0 text into a simple element tree. Refuses, with an {@link XmlError}: any DOCTYPE whose
 * internal subset declares entities (so external entities are never resolved and entity-expansion bombs
 * cannot happen), entity references other than the five predefined ones and numeric character references,
 * mismatched or unclosed tags, and content outside the root element. External DTDs are ignored, never fetched.
 * Linear in the input size.
 */
export function parseXml(input: string, options: XmlParseOptions = {}): XmlDocument {
  const label = options.label ?? 'xml'
  const maxDepth = options.maxDepth ?? 256
  const { take, takeDepth = -1 } = options
  const text = (input.charCodeAt(0) === 0xfeff ? input.slice(1) : input).replace(/\r\n?/g, '\n')
  const position = lineIndex(text)
  /** Throws at `offset`; `code` and `named` (what the reason names) when the reason has its own import issue code. */
  const fail = (offset: number, reason: string, code?: string, named: Record<string, string> = {}): never => {
    const { line, column } = position(Math.min(offset, text.length))
    const params: MessageParams = { label, line, column, ...(code ? named : { reason }) }
    throw new XmlError(`${label}: line ${line}, column ${column}: ${reason}`, line, column, reason, code, params)
  }
  const bad = firstInvalidChar(text)
  if (bad !== -1) {
    const code = text.charCodeAt(bad).toString(16).toUpperCase().padStart(4, '0')
    fail(bad, `invalid character U+${code} (not allowed in XML)`, 'xmlInvalidChar', { char: `U+${code}` })
  }

  /** Decodes entity and character references in `raw`, which starts at `offset`. */
  const decode = (raw: string, offset: number, inAttr: boolean): string => {
    let amp = raw.indexOf('&')
    if (amp === -1 && !inAttr) return raw
    const parts: string[] = []
    let from = 0
    while (amp !== -1) {
      parts.push(raw.slice(from, amp))
      const semi = raw.indexOf(';', amp)
      if (semi === -1 || semi - amp > 12) fail(offset + amp, 'unescaped "&" (write &amp;)', 'xmlUnescapedAmp')
      const ref = raw.slice(amp + 1, semi)
      if (ref.charCodeAt(0) === 35 /* # */) {
        const hex = ref[1] === 'x'
        const digits = hex ? ref.slice(2) : ref.slice(1)
        const ok = hex ? /^[0-9a-fA-F]+$/.test(digits) : /^[0-9]+$/.test(digits)
        const cp = ok ? parseInt(digits, hex ? 16 : 10) : NaN
        const valid = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff)
        if (!valid) fail(offset + amp, `invalid character reference &${ref};`)
        parts.push(String.fromCodePoint(cp))
      } else {
        if (!Object.hasOwn(PREDEFINED, ref)) {
          fail(offset + amp, `unknown entity &${ref}; (only &lt; &gt; &amp; &quot; &apos; and numeric references are allowed)`, 'xmlUnknownEntity', { entity: `&${ref};` })
        }
        parts.push(PREDEFINED[ref])
      }
      from = semi + 1
      amp = raw.indexOf('&', from)
    }
    parts.push(raw.slice(from))
    if (!inAttr) return parts.join('')
    // Attribute-value normalisation: literal tabs and newlines become spaces, but characters written as
    // references stay (even indexes of `parts` are raw text, odd ones decoded references).
    return parts.map((p, k) => (k % 2 === 0 ? p.replace(/[\t\n]/g, ' ') : p)).join('')
  }

  /** An open element, its pending text and how long that text is, and how many child elements it has. */
  interface Frame { el: XmlElement; text: string | null; length: number; elements: number }
  const stack: Frame[] = []
  let root: XmlElement | null = null
  let sawDoctype = false
  let i = 0
  const n = text.length

  // Adjacent text and CDATA merge (+ builds a rope, so this stays linear).
  const addText = (frame: Frame, s: string, offset: number) => {
    frame.length += s.length
    if (frame.length > LIMITS.xmlTextChars) fail(offset, `a text of more than ${LIMITS.xmlTextChars.toLocaleString('en')} characters in <${frame.el.name}>`)
    frame.text = frame.text === null ? s : frame.text + s
  }
  const flushText = (frame: Frame) => {
    if (frame.text !== null) {
      frame.el.children.push(frame.text)
      frame.text = null
      frame.length = 0
    }
  }
  /** Hands a closed element at the take depth to `take`; a taken one leaves its parent (it is the last child). */
  const offer = (el: XmlElement) => {
    if (stack.length && take?.(el, stack.map((f) => f.el), position)) stack[stack.length - 1].el.children.pop()
  }
  const readName = (from: number): number => {
    let j = from
    while (j < n) {
      const c = text[j]
      if (isSpace(c) || c === '/' || c === '>' || c === '=' || c === '<' || c === '"' || c === "'") break
      j++
    }
    return j
  }
  const skipSpace = (from: number): number => {
    let j = from
    while (j < n && isSpace(text[j])) j++
    return j
  }
  const onText = (from: number, to: number) => {
    const raw = text.slice(from, to)
    if (!stack.length) {
      if (raw.trim()) fail(from + raw.search(/\S/), root ? 'text after the root element' : 'text before the root element')
      return
    }
    const cdataEnd = raw.indexOf(']]>')
    if (cdataEnd !== -1) fail(from + cdataEnd, '"]]>" is not allowed in text (write ]]&gt;)')
    addText(stack[stack.length - 1], decode(raw, from, false), from)
  }

  while (i < n) {
    const lt = text.indexOf('<', i)
    if (lt === -1) {
      onText(i, n)
      break
    }
    if (lt > i) onText(i, lt)
    i = lt
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4)
      if (end === -1) fail(i, 'unterminated comment')
      const bad = checkComment(text.slice(i + 4, end))
      if (bad) fail(i, bad)
      i = end + 3
    } else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9)
      if (end === -1) fail(i, 'unterminated CDATA section')
      if (!stack.length) fail(i, 'CDATA outside the root element')
      addText(stack[stack.length - 1], text.slice(i + 9, end), i)
      i = end + 3
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2)
      if (end === -1) fail(i, 'unterminated processing instruction')
      const bad = checkPi(text.slice(i, end + 2), i)
      if (bad) fail(i, bad)
      i = end + 2
    } else if (text.startsWith('<!DOCTYPE', i)) {
      if (root || sawDoctype) fail(i, 'DOCTYPE is only allowed once, before the root element')
      sawDoctype = true
      i = skipDoctype(text, i, fail)
    } else if (text.startsWith('<!', i)) {
      fail(i, 'unsupported markup declaration')
    } else if (text[i + 1] === '/') {
      const nameEnd = readName(i + 2)
      const name = text.slice(i + 2, nameEnd)
      const close = skipSpace(nameEnd)
      if (text[close] !== '>') fail(close, `expected ">" to end </${name}`)
      const frame = stack.pop()
      if (!frame) fail(i, `unexpected end tag </${name}>`)
      else if (frame.el.name !== name) fail(i, `expected </${frame.el.name}>, found </${name}>`, 'xmlMismatchedTag', { expected: frame.el.name, found: name })
      else {
        flushText(frame)
        if (stack.length === takeDepth) offer(frame.el)
      }
      i = close + 1
    } else {
      const nameEnd = readName(i + 1)
      const name = text.slice(i + 1, nameEnd)
      if (!name) fail(i + 1, 'expected an element name after "<"')
      if (!isName(name)) fail(i + 1, `invalid element name "${name}"`)
      if (root && !stack.length) fail(i, `a second root element <${name}> after </${root.name}>`)
      const el: XmlElement = { name, attrs: {}, children: [], offset: i }
      let j = nameEnd
      let selfClosing = false
      for (;;) {
        j = skipSpace(j)
        if (j >= n) fail(i, `unterminated start tag <${name}`)
        if (text[j] === '>') { j++; break }
        if (text[j] === '/' && text[j + 1] === '>') { j += 2; selfClosing = true; break }
        const attrEnd = readName(j)
        const attr = text.slice(j, attrEnd)
        if (!attr) fail(j, `unexpected "${text[j]}" in start tag <${name}>`)
        if (!isName(attr)) fail(j, `invalid attribute name "${attr}" in <${name}>`)
        if (j > nameEnd && !isSpace(text[j - 1])) fail(j, `expected white space before attribute ${attr}`)
        let k = skipSpace(attrEnd)
        if (text[k] !== '=') fail(k, `expected "=" after attribute ${attr}`)
        k = skipSpace(k + 1)
        const q = text[k]
        if (q !== '"' && q !== "'") fail(k, `expected a quoted value for attribute ${attr}`)
        const end = text.indexOf(q, k + 1)
        if (end === -1) fail(k, `unterminated value of attribute ${attr}`)
        if (end - k - 1 > LIMITS.xmlTextChars) fail(k, `the value of attribute ${attr} is longer than ${LIMITS.xmlTextChars.toLocaleString('en')} characters`)
        const raw = text.slice(k + 1, end)
        const ltInValue = raw.indexOf('<')
        if (ltInValue !== -1) fail(k + 1 + ltInValue, `"<" is not allowed in the value of attribute ${attr}`)
        if (Object.hasOwn(el.attrs, attr)) fail(j, `duplicate attribute ${attr} on <${name}>`)
        const value = decode(raw, k + 1, true)
        if (attr === '__proto__') Object.defineProperty(el.attrs, attr, { value, enumerable: true, writable: true, configurable: true })
        else el.attrs[attr] = value
        j = end + 1
      }
      if (stack.length) {
        const parent = stack[stack.length - 1]
        flushText(parent)
        if (++parent.elements > LIMITS.xmlChildren) fail(i, `more than ${LIMITS.xmlChildren.toLocaleString('en')} elements in <${parent.el.name}>`)
        parent.el.children.push(el)
      } else root = el
      if (selfClosing && stack.length === takeDepth) offer(el)
      if (!selfClosing) {
        if (stack.length >= maxDepth) fail(i, `elements nested deeper than ${maxDepth} levels`)
        stack.push({ el, text: null, length: 0, elements: 0 })
      }
      i = j
    }
  }
  if (stack.length) fail(n, `unexpected end of file: expected </${stack[stack.length - 1].el.name}>`, 'xmlUnexpectedEnd', { element: stack[stack.length - 1].el.name })
  if (!root) fail(n, 'no root element (the file is empty or not XML)', 'xmlNoRoot')
  return { root: root as XmlElement, position }
}

/** The name without its namespace prefix: `basic:definition` → `definition`. */
export function localName(name: string): string {
  const colon = name.indexOf(':')
  return colon === -1 ? name : name.slice(colon + 1)
}

/** Child elements of `el`, in order. */
export function childElements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string')
}

/** All text inside `el`, with inline markup (`<hi>`, `<foreign>`) flattened. Iterative, so deep trees are safe. */
export function textContent(el: XmlElement): string {
  const parts: string[] = []
  const todo: XmlNode[] = [el]
  while (todo.length) {
    const node = todo.pop() as XmlNode
    if (typeof node === 'string') parts.push(node)
    else for (let k = node.children.length - 1; k >= 0; k--) todo.push(node.children[k])
  }
  return parts.join('')
}

export { escapeXmlAttr, escapeXmlText, UNREPRESENTABLE_XML } from './xmlEscape'
