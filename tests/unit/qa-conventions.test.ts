// The normalisation, transliteration and edit-distance rules the QA checks rely on.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CORPUS_DIR, corpusAvailable } from '../bench/linkGold'
import {
  commonEnds, findUrls, DeletionIndex, deletions, differsByInflection, findingId, HOME_CONVENTIONS, matchCase,
  mixedScriptSuggestion, normalizeSurface, passageOffsetMap, sortFindings, makeFinding, withoutIgnored, checkLanguage,
} from '../../src/core/qa'
import { attributeConvention, transliterate } from '../../src/core/text/translit'
import { foldForMatch } from '../../src/core/text/normalize'
import { damerauLevenshtein } from '../../src/core/text/editDistance'

describe('transliteration conventions used by translit-convention', () => {
  it('spells военкомат and дедовщина under each home convention', () => {
    expect(transliterate('военкомат', 'scandinavian')).toBe('vojenkomat')
    expect(transliterate('военкомат', 'simpleEn')).toBe('voenkomat')
    expect(transliterate('военкомат', 'bgn')).toBe('voyenkomat')
    expect(transliterate('дедовщина', 'scandinavian')).toBe('dedovsjtsjina')
    expect(transliterate('дедовщина', 'sfs4900')).toBe('dedovštšina')
    expect(transliterate('дедовщина', 'french')).toBe('dedovchtchina')
    expect(transliterate('дедовщина', 'bgn')).toBe('dedovshchina')
  })

  it('attributes spellings to conventions, own rule first', () => {
    expect(attributeConvention('Vojenkomat', 'военкомат')).toContain('scandinavian')
    expect(attributeConvention('dedovchtchina', 'дедовщина')).toContain('french')
    expect(attributeConvention('dedovschina', 'дедовщина')).toEqual(['simpleEn'])
    expect(HOME_CONVENTIONS.nb).toEqual(['scandinavian'])
    expect(HOME_CONVENTIONS.fi).toEqual(['sfs4900'])
  })

  it('folds per language as the matcher does (Nordic and Finnish letters kept)', () => {
    expect(foldForMatch('Værnepligtige', 'da')).toBe('værnepligtige')
    expect(foldForMatch('Dedovštšina', 'fi')).toBe('dedovštšina')
    expect(foldForMatch('Dedovštšina', 'en')).toBe('dedovstsina')
    expect(foldForMatch('Voенkomat', 'en')).toBe('voenkomat')
  })
})

describe('surfaces, suggestions and languages', () => {
  it('normalises surfaces for counting', () => {
    expect(normalizeSurface('Voenko-\nmats')).toBe('voenkomats')
    expect(normalizeSurface('Military\n  Commissariat')).toBe('military commissariat')
    expect(normalizeSurface('SOCh')).toBe('SOCh')
  })

  it('suggests the folded spelling of a mixed-script word', () => {
    expect(mixedScriptSuggestion('Voенkomat')).toBe('Voenkomat')
    expect(mixedScriptSuggestion('Voenkوماتs')).toBe('Voenkomats')
    expect(mixedScriptSuggestion('Verстка')).toBe('Verstka')
  })

  it('keeps the case pattern of the surface', () => {
    expect(matchCase('vojenkomat', 'Voenkomat')).toBe('Vojenkomat')
    expect(matchCase('acs', 'AGS')).toBe('ACS')
  })

  it('checks a passage in its own language, except Nordic and Russian ones', () => {
    expect(checkLanguage('fr', 'en')).toBe('en')
    expect(checkLanguage('da', 'nb')).toBe('da')
    expect(checkLanguage('fi', 'ru')).toBe('fi')
    expect(checkLanguage('nb', 'und')).toBe('nb')
  })

  it('maps passage text back to the original through collapsed white space and hyphenation', () => {
    const original = 'Intro.\n\nThe Voenko-\nmats and  the  military\ncommissariat.'
    const start = original.indexOf('The')
    const map = passageOffsetMap(original, { text: 'The Voenkomats and the military commissariat.', start, end: original.length })
    const text = 'The Voenkomats and the military commissariat.'
    const at = text.indexOf('Voenkomats')
    expect(original.slice(map[at], map[at + 9] + 1)).toBe('Voenko-\nmats')
    const m = text.indexOf('military')
    expect(original.slice(map[m], map[m + 'military commissariat'.length - 1] + 1)).toBe('military\ncommissariat')
  })
})

describe('edit distance and the deletion index', () => {
  it('computes Damerau-Levenshtein (OSA) distances', () => {
    expect(damerauLevenshtein('voenkamat', 'voenkomat')).toBe(1)
    expect(damerauLevenshtein('voenkomta', 'voenkomat')).toBe(1)
    expect(damerauLevenshtein('dedovshshina', 'dedovshchina')).toBe(1)
    expect(damerauLevenshtein('voenkoms', 'voenkomat')).toBe(2)
    expect(damerauLevenshtein('abc', 'xyz', 1)).toBe(2)
    expect(deletions('aab')).toEqual(['ab', 'aa'])
  })

  it('finds every word within one edit, and no other', () => {
    const idx = new DeletionIndex<string>()
    for (const w of ['voenkomat', 'dedovshchina', 'kontraktnik']) idx.add(w, w)
    const near = (q: string) => idx.lookup(q).map((n) => [n.word, n.distance])
    expect(near('voenkamat')).toEqual([['voenkomat', 1]])
    expect(near('voenkomta')).toEqual([['voenkomat', 1]])
    expect(near('voenkomatt')).toEqual([['voenkomat', 1]])
    expect(near('voenkmat')).toEqual([['voenkomat', 1]])
    expect(near('voenkomat')).toEqual([['voenkomat', 0]])
    expect(near('voenkoms')).toEqual([])
  })

  it('tells inflection and derivation from typos', () => {
    expect(commonEnds('voenkamat', 'voenkomat')).toEqual({ prefix: 5, suffix: 3 })
    expect(differsByInflection('voenkamat', 'voenkomat', 'en')).toBe(false)
    expect(differsByInflection('kieltäytyne', 'kieltäytyje', 'fi')).toBe(true)
    expect(differsByInflection('fritatt', 'fritakt', 'nb')).toBe(true)
    expect(differsByInflection('referral', 'deferral', 'en')).toBe(true)
    expect(differsByInflection('deserted', 'deserter', 'en')).toBe(true)
    expect(differsByInflection('voenkomet', 'voenkomat', 'en', true)).toBe(false)
  })
})

describe('finding ids', () => {
  it('are stable and depend on check, document, start and surface only', () => {
    const a = makeFinding({ check: 'misspelling', severity: 'warning', docId: 'r.txt', start: 10, end: 19, surface: 'Voenkamat', suggestion: 'x' })
    const b = makeFinding({ check: 'misspelling', severity: 'info', docId: 'r.txt', start: 10, end: 19, surface: 'Voenkamat', detail: 'other' })
    expect(a.id).toBe(b.id)
    expect(a.id).toBe(findingId('misspelling', 'r.txt', 10, 'Voenkamat'))
    expect(a.id).toMatch(/^[0-9a-f]{16}$/)
    expect(findingId('misspelling', 'r.txt', 11, 'Voenkamat')).not.toBe(a.id)
    expect(findingId('mixed-script', 'r.txt', 10, 'Voenkamat')).not.toBe(a.id)
    expect(sortFindings([b, a])).toHaveLength(1)
    expect(withoutIgnored([a], [a.id])).toEqual([])
  })
})

describe('findUrls', () => {
  const URL_RE = /(?:https?:\/\/|www\.)[^\s<>"\])]+|\b[\w-]+(?:\.[\w-]+)+\/[^\s<>"\])]*/g
  const byRegex = (t: string) => [...t.matchAll(URL_RE)].map((m) => [m.index, m.index + m[0].length])

  it('finds the URL forms (scheme, www., a dotted name before a path) and skips slashes that start none', () => {
    const text = 'See https://a.org/x, www.b.fi and c.gov.ru/docs/1; and/or 12/03/2023, x./y, .z/ and 1.5/2.'
    expect(findUrls(text)).toEqual(byRegex(text))
    expect(findUrls(text).map(([s, e]) => text.slice(s, e))).toEqual(['https://a.org/x,', 'www.b.fi', 'c.gov.ru/docs/1;', '1.5/2.'])
    expect(findUrls('and/or 12/03/2023 x./y .z/')).toEqual([])
  })

  it.skipIf(!corpusAvailable)('finds in every paragraph of the corpus exactly what the regex alone finds', () => {
    let urls = 0
    for (const f of readdirSync(CORPUS_DIR).filter((n) => n.endsWith('.txt'))) {
      for (const para of readFileSync(join(CORPUS_DIR, f), 'utf8').split(/\n\s*\n/)) {
        expect(findUrls(para), f).toEqual(byRegex(para))
        urls += byRegex(para).length
      }
    }
    expect(urls).toBeGreaterThan(100)
  })
})
