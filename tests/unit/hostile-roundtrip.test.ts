// Our own exports read back exactly, or the export refuses the character with a message: U+FFFD and
// «Ñ» are content to CSV, while NUL, VT, U+FFFE and lone surrogates, which XML cannot carry, stop a
// TBX, MultiTerm, TMX or XLIFF export naming the concept, term or unit.
import { describe, expect, it } from 'vitest'
import { exportCsv, importCsv } from '../../src/core/csv'
import { misdecodingReason } from '../../src/core/csv/terms'
import { exportTbx, importTbx } from '../../src/core/tbx'
import { exportMultiTerm } from '../../src/core/multiterm'
import { toTmx, toXliff } from '../../src/core/align'
import type { ConceptEntry, Glossary, Lang } from '../../src/core/model'
import { FIXED } from './glossaryArb'

const ts = '2025-01-01T00:00:00.000Z'
function glossary(texts: [Lang, string][], definition?: string): Glossary {
  const entry: ConceptEntry = {
    concept: { id: 'c1', definitions: definition ? { en: definition } : {}, related: [], created: ts, modified: ts },
    terms: texts.map(([lang, text], i) => ({ id: `t${i}`, conceptId: 'c1', lang, text, status: 'admitted', type: 'fullForm', sources: [], created: ts, modified: ts })),
  }
  return { entries: [entry] }
}

describe('CSV: legitimate text is not mojibake', () => {
  it('U+FFFD and «Ñ» round-trip exactly through our own CSV', () => {
    for (const layout of ['wide', 'long'] as const) {
      const g = glossary([['en', 'caf\uFFFD'], ['sv', '«Â»'], ['fr', '«Ñ»'], ['ru', 'ѻ']], 'Ñandú «Ñ»')
      const r = importCsv(exportCsv(g, { layout }), FIXED)
      expect(r.errors).toEqual([])
      expect(r.entries).toEqual(g.entries)
      expect(r.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/contains U\+FFFD/)])
    }
  })

  it('still refuses typical UTF-8-read-as-Latin-1 text', () => {
    for (const bad of ['rÃ©fugiÃ©', 'cafÃ©', 'donâ€™t', 'Ð±ÐµÐ¶ÐµÐ½ÐµÑ†', 'Ã© Ã¥'])
      expect(misdecodingReason(bad), bad).toMatch(/looks like UTF-8 text decoded as Latin-1/)
    for (const good of ['«Ñ»', 'Ñandú', 'ÑŽ', 'NÃO', 'São Paulo', 'Ð', '¿Qué?', 'x\uFFFDy', '«Ã»'])
      expect(misdecodingReason(good), good).toBeNull()
  })
})

describe('XML exports refuse what XML cannot carry', () => {
  const cases: [string, string, RegExp][] = [
    ['NUL', 'a\u0000b', /U\+0000 at character 2/],
    ['VT', 'a\u000Bb', /U\+000B at character 2/],
    ['U+FFFE', 'a\uFFFE', /U\+FFFE at character 2/],
    ['a lone high surrogate', 'x\uD83D', /a lone surrogate \(U\+D83D\) at character 2/],
    ['a lone low surrogate', '\uDE00x', /a lone surrogate \(U\+DE00\) at character 1/],
  ]
  for (const [what, text, where] of cases) {
    it(`TBX and MultiTerm: ${what} in a term, naming concept and term`, () => {
      const g = glossary([['en', 'hazing'], ['fi', text]])
      for (const write of [() => exportTbx(g), () => exportTbx(g, { version: 'tbx2' }), () => exportMultiTerm(g)]) {
        const message = (() => {
          try {
            write()
            return 'exported'
          } catch (e) {
            return (e as Error).message
          }
        })()
        expect(message.startsWith(`concept "c1": term ${JSON.stringify(text)} (fi): the text `), message).toBe(true)
        expect(message).toMatch(new RegExp(`${where.source}, which XML cannot carry`))
      }
    })
    // TMX and XLIFF segments are one line: VT is white space there, written as a space.
    if (what !== 'VT') it(`TMX and XLIFF: ${what} in a segment, naming the unit`, () => {
      expect(() => toTmx([{ src: 'ok', tgt: 'ok' }, { src: text, tgt: 'ok' }], { srcLang: 'fi', tgtLang: 'en', creationTool: 't' })).toThrow(new RegExp(`^unit 2: .*${where.source}`))
      expect(() => toXliff([{ n: 4, src: 'ok', tgt: text, confirmed: false }], { srcLang: 'fi', tgtLang: 'en' })).toThrow(new RegExp(`^unit u4: .*${where.source}`))
    })
  }

  it('a definition with NUL names the concept', () => {
    expect(() => exportTbx(glossary([['en', 'hazing']], 'bad\u0000'))).toThrow(/^concept "c1": the text "bad\\u0000" contains U\+0000/)
  })

  it('what XML can carry round-trips exactly (tab, LF, CR, U+FFFD, astral, «Ñ»)', () => {
    const g = glossary([['en', 'a\tb\nc\rd'], ['fi', '\uFFFD 😀 «Ñ»']])
    const r = importTbx(exportTbx(g), FIXED)
    expect(r.errors).toEqual([])
    expect(r.entries).toEqual(g.entries)
  })
})
