// Search-as-you-type over the termbase: case, diacritics and transliteration variants.
import { describe, expect, it } from 'vitest'
import { buildSearchIndex, searchGlossary, type SearchableTerm } from '../../src/core/glossarySearch'

const terms: SearchableTerm[] = [
  { conceptId: 'hazing', lang: 'ru', text: 'дедовщина' },
  { conceptId: 'hazing', lang: 'en', text: 'dedovshchina' },
  { conceptId: 'hazing', lang: 'en', text: 'hazing' },
  { conceptId: 'voenkomat', lang: 'ru', text: 'военкомат' },
  { conceptId: 'voenkomat', lang: 'nb', text: 'Vojenkomat' },
  { conceptId: 'voenkomat', lang: 'en', text: 'military commissariat' },
  { conceptId: 'voenkomat', lang: 'fr', text: 'commissariat militaire' },
  { conceptId: 'refusal', lang: 'fr', text: 'réfractaire' },
  { conceptId: 'service', lang: 'fi', text: 'siviilipalvelus' },
  { conceptId: 'ags', lang: 'en', text: 'alternative civilian service' },
  { conceptId: 'ags', lang: 'fi', text: 'vaihtoehtoinen siviilipalvelus' },
]
const index = buildSearchIndex(terms)
const ids = (q: string) => searchGlossary(index, q).map((h) => h.conceptId)

describe('searchGlossary', () => {
  it('tolerates transliteration variants', () => {
    expect(ids('dedovsjina')).toContain('hazing')
    expect(ids('dedovštšina')).toContain('hazing')
    expect(ids('voenkomat')).toEqual(['voenkomat'])
    expect(ids('VOYENKOMAT')).toEqual(['voenkomat'])
  })
  it('ignores case and diacritics', () => {
    expect(ids('REFRACTAIRE')).toEqual(['refusal'])
    expect(ids('Réfractaire')).toEqual(['refusal'])
  })
  it('finds Cyrillic from Cyrillic and from a prefix', () => {
    expect(ids('военк')).toEqual(['voenkomat'])
    expect(ids('commiss')).toEqual(['voenkomat'])
  })
  it('ranks exact before prefix before substring', () => {
    const hits = searchGlossary(index, 'siviilipalvelus')
    expect(hits.map((h) => h.conceptId)).toEqual(['service', 'ags'])
    expect(hits[0].rank).toBeLessThan(hits[1].rank)
  })
  it('returns nothing for an empty query and for a miss', () => {
    expect(ids('   ')).toEqual([])
    expect(ids('zebra')).toEqual([])
  })
  it('does not let unrelated words collide', () => {
    expect(ids('kontraktnik')).toEqual([])
  })
})
