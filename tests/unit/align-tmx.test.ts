// TMX 1.4b export: a well-formed file with the required header and escaped, one-line segments.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { tmxDate, toTmx } from '../../src/core/align'
import { UNREPRESENTABLE_XML } from '../../src/core/xmlEscape'
import { childElements, parseXml, textContent } from '../../src/core/xml'

const opts = { srcLang: 'fi', tgtLang: 'en', creationTool: 'coi-termbench', creationDate: new Date('2025-12-30T10:20:30Z') }

describe('toTmx', () => {
  const xml = toTmx(
    [
      { src: 'Onko Venäjällä raportoitu\npakkovärväystä?', tgt: 'Have there been reports of forced recruitment?' },
      { src: 'A & B <c> "d" \'e\'', tgt: 'x < y > z & "q"', note: 'anchor 0.50' },
    ],
    opts,
  )
  const doc = parseXml(xml)
  it('is well-formed TMX 1.4 with the required header attributes', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true)
    expect(doc.root.name).toBe('tmx')
    expect(doc.root.attrs.version).toBe('1.4')
    const [header, body] = childElements(doc.root)
    expect(header.name).toBe('header')
    expect(header.attrs).toMatchObject({
      srclang: 'fi', adminlang: 'en', segtype: 'sentence', 'o-tmf': 'plaintext', datatype: 'plaintext',
      creationtool: 'coi-termbench', creationtoolversion: '1.0', creationdate: '20251230T102030Z',
    })
    expect(body.name).toBe('body')
    expect(childElements(body).map((e) => e.name)).toEqual(['tu', 'tu'])
  })
  it('writes one tuv per language with xml:lang and a one-line seg', () => {
    const tu = childElements(childElements(doc.root)[1])[0]
    const tuvs = childElements(tu)
    expect(tuvs.map((t) => t.attrs['xml:lang'])).toEqual(['fi', 'en'])
    expect(textContent(childElements(tuvs[0])[0])).toBe('Onko Venäjällä raportoitu pakkovärväystä?')
  })
  it('escapes markup characters and puts a note before the tuvs', () => {
    expect(xml).toContain('A &amp; B &lt;c&gt; &quot;d&quot; \'e\'')
    const tu = childElements(childElements(doc.root)[1])[1]
    expect(childElements(tu).map((e) => e.name)).toEqual(['note', 'tuv', 'tuv'])
    expect(textContent(childElements(childElements(tu)[1])[0])).toBe('A & B <c> "d" \'e\'')
    expect(textContent(childElements(childElements(tu)[2])[0])).toBe('x < y > z & "q"')
  })
  it('refuses characters XML cannot carry, naming the unit, as TBX export does', () => {
    expect(() => toTmx([{ src: 'ok', tgt: 'ok' }, { src: 'bad \u0001 char', tgt: 'ok', tuid: 'b7' }], opts)).toThrow(/^unit b7: the text "bad \\u0001 char" contains U\+0001 at character 5, which XML cannot carry/)
    expect(() => toTmx([{ src: 'a', tgt: 'x\uD800' }], opts)).toThrow(/^unit 1: .* contains a lone surrogate \(U\+D800\) at character 2/)
    expect(() => toTmx([{ src: 'a\uFFFE', tgt: 'x' }], opts)).toThrow(/U\+FFFE/)
  })
  it('round-trips any text through a parser (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), (a, b) => {
        const clean = (s: string) => s.replace(/\s+/g, ' ').trim()
        // Exact, or refused: never a silently changed text.
        if (UNREPRESENTABLE_XML.test(clean(a)) || UNREPRESENTABLE_XML.test(clean(b))) return void expect(() => toTmx([{ src: a, tgt: b }], opts)).toThrow(/which XML cannot carry/)
        const out = parseXml(toTmx([{ src: a, tgt: b }], opts))
        const tuvs = childElements(childElements(childElements(out.root)[1])[0])
        expect(textContent(childElements(tuvs[0])[0])).toBe(clean(a))
        expect(textContent(childElements(tuvs[1])[0])).toBe(clean(b))
      }),
    )
  })
  it('writes tuid, the creation date and the two documents as properties on each unit', () => {
    const out = parseXml(toTmx([{ src: 'Yksi.', tgt: 'One.', tuid: '7' }, { src: 'Kaksi.', tgt: 'Two.', tuid: '9' }], { ...opts, documents: { src: '000 fi <a>.txt', tgt: '000 en.txt' } }))
    const tus = childElements(childElements(out.root)[1])
    expect(tus.map((tu) => [tu.attrs.tuid, tu.attrs.creationdate])).toEqual([['7', '20251230T102030Z'], ['9', '20251230T102030Z']])
    const props = childElements(tus[0]).filter((e) => e.name === 'prop')
    expect(props.map((p) => [p.attrs.type, textContent(p)])).toEqual([['x-document-src', '000 fi <a>.txt'], ['x-document-tgt', '000 en.txt']])
    expect(childElements(tus[0]).map((e) => e.name)).toEqual(['prop', 'prop', 'tuv', 'tuv'])
  })
  it('formats dates as YYYYMMDDThhmmssZ', () => {
    expect(tmxDate(new Date('2025-01-02T03:04:05.678Z'))).toBe('20250102T030405Z')
  })
})
