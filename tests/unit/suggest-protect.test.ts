// Term protection before machine translation and restoring after, with the manglings models produce.
import { describe, expect, it } from 'vitest'
import { buildMatcher } from '../../src/core/matcher'
import type { ConceptEntry, Glossary, Lang, TermType } from '../../src/core/model'
import { placeholder, protectTerms, restoreTerms, type PlaceholderStyle } from '../../src/core/suggest'

const T = '2025-01-01T00:00:00.000Z'
function entry(id: string, terms: [Lang, string, TermType, ('preferred' | 'admitted')?][]): ConceptEntry {
  return {
    concept: { id, definitions: {}, related: [], created: T, modified: T },
    terms: terms.map(([lang, text, type, status], i) => ({ id: `${id}-${lang}-${i}`, conceptId: id, lang, text, type, status: status ?? 'preferred', sources: [], created: T, modified: T })),
  }
}
const glossary: Glossary = {
  entries: [
    entry('voenkomat', [['ru', 'военкомат', 'fullForm'], ['en', 'military commissariat', 'fullForm'], ['en', 'Voenkomat', 'transliteration', 'admitted'], ['nb', 'Vojenkomat', 'transliteration', 'admitted'], ['fi', 'sotilaskomissariaatti', 'fullForm']]),
    entry('svo', [['en', 'special military operation', 'phrase'], ['en', 'SVO', 'acronym', 'admitted'], ['fi', 'sotilaallinen erikoisoperaatio', 'phrase']]),
    entry('conscript', [['en', 'conscript', 'fullForm'], ['fi', 'varusmies', 'fullForm']]),
  ],
}
const matcher = buildMatcher(glossary)
const src = 'The Voenkomat sent him to the SVO zone; a conscript may refuse.'

describe('protectTerms', () => {
  it('replaces transliterations and acronyms, not ordinary terms', () => {
    const { text, slots } = protectTerms(src, 'en', matcher, glossary)
    expect(text).toBe('The <x1/> sent him to the <x2/> zone; a conscript may refuse.')
    expect(slots.map((s) => [s.surface, s.type])).toEqual([['Voenkomat', 'transliteration'], ['SVO', 'acronym']])
  })
  it('writes each style and never reuses a number already in the text', () => {
    for (const style of ['xml', 'brace', 'bracket'] as PlaceholderStyle[]) {
      const { text } = protectTerms('See {1} and <x2/>: the SVO.', 'en', matcher, glossary, { style })
      expect(text).toContain(placeholder(3, style))
    }
  })
  it('can restore the target language’s own spelling', () => {
    const { slots } = protectTerms(src, 'en', matcher, glossary, { tgt: 'nb' })
    expect(slots[0].replacement).toBe('Vojenkomat')
    expect(slots[1].replacement).toBe('SVO')
  })
})

describe('restoreTerms', () => {
  const { slots } = protectTerms(src, 'en', matcher, glossary)
  it('restores intact placeholders', () => {
    expect(restoreTerms('<x1/> lähetti hänet <x2/>-alueelle.', slots, 'fi')).toEqual({ text: 'Voenkomat lähetti hänet SVO-alueelle.', missing: [] })
  })
  it('accepts mangled spacing, case and style', () => {
    const mangled = ['< X1 / > sendte ham', '<x1 /> sendte ham', '<X1> sendte ham', '&lt;x1/&gt; sendte ham', '{ 1 } sendte ham', '⟦ 1 ⟧ sendte ham', '[[1]] sendte ham']
    for (const m of mangled) expect(restoreTerms(m, slots, 'nb').text).toBe('Voenkomat sendte ham')
  })
  it('puts back a space the model swallowed, and joins endings to acronyms the target way', () => {
    expect(restoreTerms('Han ble sendt til<x2/>sonen', slots, 'nb').text).toBe('Han ble sendt til SVO-sonen')
    expect(restoreTerms('Hänet lähetettiin <x2/>ssa', slots, 'fi').text).toBe('Hänet lähetettiin SVO:ssa')
    expect(restoreTerms('Hänet lähetti <x1/>issa', slots, 'fi').text).toBe('Hänet lähetti Voenkomatissa')
  })
  it('reports placeholders the model dropped and restores repeated ones', () => {
    const r = restoreTerms('Han ble sendt til fronten av <x1/> og <x1/>.', slots, 'nb')
    expect(r.text).toBe('Han ble sendt til fronten av Voenkomat og Voenkomat.')
    expect(r.missing.map((s) => s.surface)).toEqual(['SVO'])
  })
  it('leaves unknown placeholder numbers alone', () => {
    expect(restoreTerms('Se {7}.', slots, 'nb').text).toBe('Se {7}.')
  })
  it('round-trips a text through protection unchanged', () => {
    const p = protectTerms(src, 'en', matcher, glossary)
    expect(restoreTerms(p.text, p.slots, 'en')).toEqual({ text: src, missing: [] })
  })
})
