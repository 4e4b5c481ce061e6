// XLIFF 2.1 export of an aligned pair: a well-formed bilingual file that parses back to the same beads, one unit
// per bead, confirmed beads final and the others initial, every character escaped.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { beadTexts, toXliff, XLIFF_NS, type EditableBead } from '../../src/core/align'
import { childElements, parseXml, textContent, UNREPRESENTABLE_XML, type XmlElement } from '../../src/core/xml'

const beads: EditableBead[] = [
  { src: [0], tgt: [0], segment: 0, confirmed: true },
  { src: [1, 2], tgt: [1], segment: 0, cost: 3.2, anchor: 0 },
  { src: [3], tgt: [], segment: 0, cost: 1, anchor: 0 },
]
const SRC = ['Onko Venäjällä raportoitu\npakkovärväystä?', 'A & B <c>', '"d" \'e\'', 'Alaviite 1.']
const TGT = ['Have there been reports of forced recruitment?', 'x < y > z & "q"']
const opts = { srcLang: 'fi', tgtLang: 'en', original: '000 "fi".txt', documents: { src: '000 fi.txt', tgt: '000 en.txt' } }

const child = (el: XmlElement, name: string) => childElements(el).find((e) => e.name === name)!
/** The units of an XLIFF file as [id, state, source, target]. */
function read(xml: string): [string, string, string, string][] {
  const file = child(parseXml(xml).root, 'file')
  return childElements(file).filter((e) => e.name === 'unit').map((u) => {
    const seg = child(u, 'segment')
    return [u.attrs.id, seg.attrs.state, textContent(child(seg, 'source')), textContent(child(seg, 'target'))]
  })
}

describe('toXliff', () => {
  const xml = toXliff(beadTexts(beads, SRC, TGT), opts)
  it('is XLIFF 2.1 with the 2.0 namespace, srcLang and trgLang', () => {
    const root = parseXml(xml).root
    expect(root.name).toBe('xliff')
    expect(root.attrs).toMatchObject({ version: '2.1', xmlns: XLIFF_NS, srcLang: 'fi', trgLang: 'en' })
    const file = child(root, 'file')
    expect(file.attrs).toMatchObject({ id: 'f1', original: '000 "fi".txt' })
    const notes = childElements(child(file, 'notes')).map((n) => [n.attrs.category, textContent(n)])
    expect(notes).toEqual([['x-document-src', '000 fi.txt'], ['x-document-tgt', '000 en.txt']])
  })
  it('parses back to one unit per bead, final when confirmed, initial otherwise', () => {
    expect(read(xml)).toEqual([
      ['u1', 'final', 'Onko Venäjällä raportoitu pakkovärväystä?', 'Have there been reports of forced recruitment?'],
      ['u2', 'initial', 'A & B <c> "d" \'e\'', 'x < y > z & "q"'],
      ['u3', 'initial', 'Alaviite 1.', ''],
    ])
    expect(xml).toContain('A &amp; B &lt;c&gt;')
  })
  it('round-trips any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string(), fc.boolean(), (a, b, confirmed) => {
        // White space runs become one space; characters XML cannot carry are refused, never changed.
        const clean = (x: string) => x.replace(/\s+/g, ' ').trim()
        if (UNREPRESENTABLE_XML.test(clean(a)) || UNREPRESENTABLE_XML.test(clean(b))) return void expect(() => toXliff([{ n: 1, src: a, tgt: b, confirmed }], opts)).toThrow(/which XML cannot carry/)
        const [[, state, s, t]] = read(toXliff([{ n: 1, src: a, tgt: b, confirmed }], opts))
        expect([state, s, t]).toEqual([confirmed ? 'final' : 'initial', clean(a), clean(b)])
      }),
    )
  })
})
