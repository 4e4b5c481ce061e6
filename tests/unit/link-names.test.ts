// Names and cognates are keyed so that transliterations and spellings of one name meet across languages.
import { describe, expect, it } from 'vitest'
import { consonantSkeleton, extractNames, isStopword } from '../../src/core/link'
import { foldStopword, STOPWORDS } from '../../src/core/link/stopwords'
import { searchKeyWord, stopwordsOf } from '../../src/core/text'

const names = (s: string, lang: Parameters<typeof extractNames>[1] = 'en') =>
  extractNames(s, lang).filter((m) => m.kind === 'name').map((m) => m.key)
const phrases = (s: string, lang: Parameters<typeof extractNames>[1] = 'en') =>
  extractNames(s, lang).filter((m) => m.kind === 'phrase').map((m) => m.key)
const cognates = (s: string, lang: Parameters<typeof extractNames>[1] = 'en') =>
  extractNames(s, lang).filter((m) => m.kind === 'cognate').map((m) => m.key)

describe('name keys', () => {
  it('meet across transliterations', () => {
    expect(names('the Vojenkomat', 'nb')).toEqual(names('the Voenkomat'))
    expect(names('le Vojenkomat', 'fr')).toEqual(names('the Voyenkomat'))
    expect(names('ministeri Sjojgu', 'fi')).toEqual(names('minister Shoigu'))
    expect(names('the Военкомат')).toEqual(names('the Voenkomat'))
  })
  it('key multi-word names as phrases: Novaja Gazeta = Novaya Gazeta = Новая Газета', () => {
    const en = phrases('according to Novaya Gazeta')
    expect(en).toEqual(['e2:' + searchKeyWord('Novaya') + ' ' + searchKeyWord('Gazeta')])
    expect(phrases('mukaan Novaja Gazeta', 'fi')).toEqual(en)
    expect(phrases('sivusto Новая Газета', 'fi')).toEqual(en)
  })
  it('read "ch" in French text both ways, since French reports copy English spellings', () => {
    const fr = names('selon Ivan Chuvilyaev', 'fr')
    for (const k of names('according to Ivan Chuvilyaev')) expect(fr).toContain(k)
  })
  it('skip a capitalised word that only starts a sentence, unless a name follows it', () => {
    expect(names('Conscripts are drafted. However, Mathiesen said')).toEqual(['e:' + searchKeyWord('Mathiesen')])
    expect(names('Huseyn Aliyev explains')).toEqual(['e:' + searchKeyWord('Huseyn'), 'e:' + searchKeyWord('Aliyev')])
  })
  it('take acronyms and split elisions off', () => {
    expect(names('the FSB and the MoD')).toEqual(['e:fsb', 'e:mod'])
    expect(cognates("l'intention", 'fr')).toEqual(cognates('intention'))
  })
  it('ignore stop words of all six languages', () => {
    for (const w of ['The', 'Selon', 'Toutefois', 'Imidlertid', 'kuitenkin', 'också', 'også', 'However']) expect(isStopword(w), w).toBe(true)
    expect(isStopword('Voenkomat')).toBe(false)
  })
  it('take their stop words from the per-language lists, with the additions and omissions linking was measured with', () => {
    for (const [w, lang] of [['toutefois', 'fr'], ['imidlertid', 'nb'], ['kuitenkin', 'fi'], ['också', 'sv']] as const) {
      expect(stopwordsOf(lang).has(w), w).toBe(true)
      expect(STOPWORDS.has(foldStopword(w)), w).toBe(true)
    }
    expect(isStopword('moreover')).toBe(true) // added: not in the English list
    expect(stopwordsOf('en').has('us')).toBe(true)
    expect(isStopword('us')).toBe(false) // left out: linking never counted it
    expect(STOPWORDS.size).toBe(495)
  })
})

describe('cognate keys', () => {
  it('share a prefix stem across languages', () => {
    const key = cognates('mobilisation')[0]
    expect(cognates('mobilization')).toContain(key)
    expect(cognates('mobilisering', 'nb')).toContain(key)
    expect(cognates('conscription')[0]).toBe(cognates('conscription', 'fr')[0])
  })
  it('share a consonant skeleton where vowels change', () => {
    expect(consonantSkeleton(searchKeyWord('légitime'))).toBe(consonantSkeleton(searchKeyWord('legitimate')))
    expect(consonantSkeleton(searchKeyWord('intentionnel'))).toBe(consonantSkeleton(searchKeyWord('intentional')))
    expect(cognates('légitime', 'fr').some((k) => new Set(cognates('legitimate')).has(k))).toBe(true)
  })
  it('come only from long words that are no stop words', () => {
    expect(cognates('the court and the army')).toEqual([])
  })
})
