// Folding for search and matching, the offset map back to the original, and confusable (mixed-script) handling.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  detectMixedScript, findMixedScriptWords, foldConfusables, foldForMatch, foldForSearch, normalizeWithMap, toOriginalSpan,
} from '../../src/core/text'
import { planConfusableFold, planConfusableFoldText } from '../../src/core/text/confusables'

// Real lines from the corpus (004 en, 001 nb, 002 da, 000 fi, 003 fr).
const EN_MIXED = 'Voенkomat (in English: military Commissariat) – often translated into English by military enlistment office'
const EN_ARABIC = 'In certain cases, some of the Voenkومات are in favour of sending out summons by registered post.'
const DA_SPLIT = 'mulighederne for alternativ \n\nmilitærtjeneste i Rusland.'

describe('foldForSearch', () => {
  it('folds case and every diacritic', () => {
    expect(foldForSearch('Værnepligtige')).toBe('vaernepligtige')
    expect(foldForSearch('Pakkovärväys')).toBe('pakkovarvays')
    expect(foldForSearch('Førstegangstjeneste')).toBe('forstegangstjeneste')
    expect(foldForSearch('Réfugiés à l’étranger')).toBe("refugies a l'etranger")
    expect(foldForSearch('dedovštšina')).toBe('dedovstsina')
  })
  it('folds confusables inside Latin words (Cyrillic and Arabic)', () => {
    expect(foldForSearch('Voенkomat')).toBe('voenkomat')
    expect(foldForSearch('Voenkوماتs')).toBe('voenkomats')
  })
  it('leaves a real Russian word in Cyrillic', () => {
    expect(foldForSearch('Военкомат')).toBe('военкомат')
  })
  it('drops soft hyphens and zero-width characters, applies NFKD compatibility, collapses white space', () => {
    expect(foldForSearch('værne\u00adpligt')).toBe('vaernepligt')
    expect(foldForSearch('kontrakt\u200bsoldat')).toBe('kontraktsoldat')
    expect(foldForSearch('ﬁnal  \n report ')).toBe('final report')
  })
})

describe('foldForMatch', () => {
  it('keeps ä ö å (and š ž) as letters in Finnish and ä ö å in Swedish', () => {
    expect(foldForMatch('Pakkovärväyksestä', 'fi')).toBe('pakkovärväyksestä')
    expect(foldForMatch('dedovštšina', 'fi')).toBe('dedovštšina')
    expect(foldForMatch('Värnplikt', 'sv')).toBe('värnplikt')
    expect(foldForMatch('Värnplikt', 'en')).toBe('varnplikt')
  })
  it('keeps æ ø å in Norwegian and Danish', () => {
    expect(foldForMatch('Værnepligtige', 'da')).toBe('værnepligtige')
    expect(foldForMatch('Førstegangstjeneste på', 'nb')).toBe('førstegangstjeneste på')
    expect(foldForMatch('Værnepligtige', 'fr')).toBe('vaernepligtige')
  })
  it('folds French accents to base letters', () => {
    expect(foldForMatch('Insoumission à l’armée, reçu', 'fr')).toBe("insoumission a l'armee, recu")
    expect(foldForMatch('voïenkomat', 'fr')).toBe('voienkomat')
  })
  it('folds Cyrillic by Russian rules whatever the language: й stays, ё becomes е', () => {
    expect(foldForMatch('Вёрстка войной', 'en')).toBe('верстка войной')
    expect(foldForMatch('войной', 'fi')).toBe('войной')
    expect(foldForSearch('войной')).toBe('воинои')
  })
  it('recomposes decomposed input (a + combining diaeresis) to one letter', () => {
    expect(foldForMatch('va\u0308rva\u0308ys', 'fi')).toBe('värväys')
  })
})

describe('normalizeWithMap', () => {
  it('maps a match on folded text back to the mixed-script original', () => {
    const n = normalizeWithMap(EN_MIXED, 'en')
    const at = n.text.indexOf('voenkomat')
    expect(at).toBe(0)
    const span = toOriginalSpan(n, at, at + 'voenkomat'.length)
    expect(EN_MIXED.slice(span.start, span.end)).toBe('Voенkomat')
    const c = n.text.indexOf('military commissariat')
    const s2 = toOriginalSpan(n, c, c + 'military commissariat'.length)
    expect(EN_MIXED.slice(s2.start, s2.end)).toBe('military Commissariat')
  })
  it('maps the Arabic-letter typo back to its original span', () => {
    const n = normalizeWithMap(EN_ARABIC, 'en')
    const at = n.text.indexOf('voenkomat')
    const span = toOriginalSpan(n, at, at + 9)
    expect(EN_ARABIC.slice(span.start, span.end)).toBe('Voenkومات')
  })
  it('collapses white space runs (line breaks included) but spans still cover the original', () => {
    const n = normalizeWithMap(DA_SPLIT, 'da', { collapseWhitespace: true })
    expect(n.text).toBe('mulighederne for alternativ militærtjeneste i rusland.')
    const at = n.text.indexOf('alternativ militærtjeneste')
    const span = toOriginalSpan(n, at, at + 'alternativ militærtjeneste'.length)
    expect(DA_SPLIT.slice(span.start, span.end)).toBe('alternativ \n\nmilitærtjeneste')
  })
  it('maps expansions (æ → ae in search) to the one original letter', () => {
    const n = normalizeWithMap('Værnepligt', 'search')
    expect(n.text).toBe('vaernepligt')
    expect([...n.map.slice(0, 4)]).toEqual([0, 1, 1, 2])
    expect(toOriginalSpan(n, 1, 3)).toEqual({ start: 1, end: 2 })
  })
  it('is the identity map on ASCII without upper case (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abcdefghij klmnop-.,0123'.split('')) }), (s) => {
        const n = normalizeWithMap(s, 'en')
        expect(n.text).toBe(s)
        expect([...n.map]).toEqual([...s].map((_, i) => i))
      }),
    )
  })
  it('folds and maps exactly as folding segment by segment does, whether or not the text folds unit for unit (property)', () => {
    // The reference: every segment (a code point and its marks, or a planned confusable) folded alone, then white
    // space runs collapsed, each folded unit mapped to its segment.
    function reference(s: string, fold: 'search' | 'fi' | 'nb' | 'en' | 'ru', collapse: boolean) {
      const plan = planConfusableFoldText(s)
      const text: number[] = []
      const map: number[] = []
      const ends: number[] = []
      let lastSpace = false
      for (let i = 0; i < s.length; ) {
        let j = i + (/[\ud800-\udbff]/.test(s[i]) && i + 1 < s.length ? 2 : 1)
        while (j < s.length && /^\p{M}$/u.test(s[j])) j++
        const folded = normalizeWithMap(plan?.get(i) ?? s.slice(i, j), fold).text
        for (const ch of folded.split('')) {
          let code = ch.charCodeAt(0)
          if (collapse && /\s/.test(ch)) {
            if (lastSpace) {
              ends[ends.length - 1] = j
              continue
            }
            lastSpace = true
            code = 32
          } else lastSpace = false
          text.push(code)
          map.push(i)
          ends.push(j)
        }
        i = j
      }
      // Decoded as the function decodes its units (a lone surrogate becomes U+FFFD, one unit).
      return { text: new TextDecoder('utf-16le').decode(new Uint16Array(text)), map, ends }
    }
    const unit = fc.constantFrom(
      'a', 'B', 'z', ' ', '  ', '\n', '\t', '\u00a0', '\u2009', '\u00ad', '\u200b', 'æ', 'Ø', 'å', 'ä', 'Ö', 'š', 'é', 'e\u0301', 'a\u0308',
      'ß', 'ﬁ', '’', '‐', 'е', 'н', 'Д', 'ё', 'й', 'و', 'α', '¨', '1', '-', '.', '\ud835\udc00',
    )
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), fc.constantFrom('search', 'fi', 'nb', 'en', 'ru'), fc.boolean(), fc.boolean(), (units, fold, collapse, reuse) => {
        const s = units.join('')
        const n = normalizeWithMap(s, fold as 'en', { collapseWhitespace: collapse, reuseBuffers: reuse })
        const r = reference(s, fold as 'en', collapse)
        expect({ text: n.text, map: [...n.map], ends: [...n.ends] }).toEqual(r)
      }),
      { numRuns: 3000 },
    )
    // Lone surrogates: folded as they are, decoded once at the end (a lone high unit then a pair stays so).
    const lone = normalizeWithMap('\ud800\ud835\udc00', 'search')
    expect({ text: lone.text, map: [...lone.map], ends: [...lone.ends] }).toEqual({ text: '\ufffd\ud835\udc00', map: [0, 0, 2], ends: [2, 2, 3] })
  })
  it('always yields a monotone map inside the original (property, any Unicode)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constantFrom('search', 'fi', 'da', 'fr', 'en', 'ru'), (s, p) => {
        const n = normalizeWithMap(s, p as 'search', { collapseWhitespace: true })
        expect(n.map.length).toBe(n.text.length)
        for (let i = 0; i < n.map.length; i++) {
          expect(n.map[i]).toBeGreaterThanOrEqual(i > 0 ? n.map[i - 1] : 0)
          expect(n.ends[i]).toBeGreaterThan(n.map[i])
          expect(n.ends[i]).toBeLessThanOrEqual(s.length)
        }
      }),
    )
  })
})

describe('confusables', () => {
  it('folds keyboard-layout and look-alike letters, keeping case', () => {
    expect(foldConfusables('Voенkomat')).toBe('Voenkomat')
    expect(foldConfusables('Voenkوماتs')).toBe('Voenkomats')
    expect(foldConfusables('Федеральный закон')).toBe('Федеральный закон')
  })
  it('folds a stray Latin look-alike inside a Cyrillic word to Cyrillic', () => {
    expect(foldConfusables('вoенкомат')).toBe('военкомат')
  })
  it('detects the scripts and the offending positions of a mixed word', () => {
    const info = detectMixedScript('Voенkomat')
    expect(info).toMatchObject({ mixed: true, majority: 'Latin', scripts: ['Latin', 'Cyrillic'], offending: [2, 3] })
    expect(detectMixedScript('Voenkوماتs').scripts).toEqual(['Latin', 'Arabic'])
    expect(detectMixedScript('военкомат').mixed).toBe(false)
    expect(detectMixedScript('Værnepligt').mixed).toBe(false)
  })
  it('finds mixed-script words in a real footnote, with their offsets and a suggestion', () => {
    const line = '<sup>466</sup> Verстка, Служба по контракту без альтернатив: принуждения, угрозы и штурмы, 27 May 2024'
    const found = findMixedScriptWords(line)
    expect(found).toHaveLength(1)
    expect(line.slice(found[0].start, found[0].end)).toBe('Verстка')
    expect(found[0].info.majority).toBe('Cyrillic')
    const mixed = findMixedScriptWords(EN_MIXED)
    expect(mixed.map((m) => [m.word, m.suggestion])).toEqual([['Voенkomat', 'Voenkomat']])
  })
})

describe('planConfusableFoldText', () => {
  // The plan as first written: one regex match per foreign unit, the word around it found by a regex per character.
  function reference(text: string): Map<number, string> | null {
    const WORD_CHAR = /^[\p{L}\p{M}]$/u
    let all: Map<number, string> | null = null
    let done = -1
    for (const m of text.matchAll(/[\u0370-\u06FF\u0750-\u077F\u1F00-\u1FFF\uFB50-\uFDFF\uFE70-\uFEFF\uA640-\uA69F]/g)) {
      if (m.index < done) continue
      let start = m.index
      while (start > 0) {
        const k = /[\udc00-\udfff]/.test(text[start - 1]) && start > 1 ? start - 2 : start - 1
        if (!WORD_CHAR.test(text.slice(k, start))) break
        start = k
      }
      let end = m.index
      while (end < text.length) {
        const ch = String.fromCodePoint(text.codePointAt(end) ?? 0)
        if (!WORD_CHAR.test(ch)) break
        end += ch.length
      }
      done = end
      const plan = planConfusableFold(text.slice(start, end))
      if (plan) for (const [i, to] of plan) (all ??= new Map()).set(start + i, to)
    }
    return all
  }

  it('plans the folds of mixed words only, in Latin and in Cyrillic words, whatever surrounds them', () => {
    for (const t of [EN_MIXED, EN_ARABIC, 'вoенкомат и Voенkomat', 'Федеральный закон', 'x؟Voенkomat،y', '𝐀Voенkomat𝐀 \udc00оx\ud800']) {
      expect(planConfusableFoldText(t), t).toEqual(reference(t))
    }
    expect([...planConfusableFoldText(EN_MIXED)!.values()]).toEqual(['e', 'n'])
    expect(planConfusableFoldText('Федеральный закон')).toBeNull()
  })

  it('plans the same folds as one match per foreign letter would, on random mixed text', () => {
    const unit = fc.constantFrom('a', 'o', 'V', 'к', 'о', 'н', 'е', 'و', 'ا', 'α', ' ', '-', '\u0301', 'ä', '1', '\ud835\udc00', '\udc00', '\ud800')
    fc.assert(fc.property(fc.array(unit, { maxLength: 40 }), (units) => {
      const t = units.join('')
      expect(planConfusableFoldText(t)).toEqual(reference(t))
    }), { numRuns: 2000 })
  })
})
