// Tier-1 linking with a bilingual dictionary: which words yield which English keys, that passages stating one fact in
// different words now meet, that the false-friend rule still holds, and that without a dictionary nothing changes.
import { describe, expect, it } from 'vitest'
import { buildDictionary, englishKey, extractFeatures, isDictionaryKey, linkDocuments, matchDictionary, type LinkPassage } from '../../src/core/link'
import { textWordKeys } from '../../src/core/matcher'
import { loadCorpus } from '../bench/linkGold'

const DICT = buildDictionary({
  da: new Map([
    ['indkaldelse', ['call-up', 'summons']],
    ['tjeneste', ['service', 'favour']],
    ['militær', ['military']],
    ['nægte', ['refuse', 'deny', 'decline', 'reject']],
    ['aktuel', ['current', 'topical']],
  ]),
  fi: new Map([['kutsunta', ['call-up']]]),
})

const keysOf = (text: string, lang: Parameters<typeof matchDictionary>[1]) =>
  matchDictionary(text, lang, DICT).map((h) => `${h.surface}:${h.keys.join('+')}`)

describe('dictionary features', () => {
  it('keys English words by folded, one-spelling Snowball stems', () => {
    expect(englishKey('Conscripts')).toBe(englishKey('conscript'))
    expect(englishKey('mobilisation')).toBe(englishKey('mobilization'))
    expect(englishKey('services')).toBe(englishKey('service'))
    // Words that name properties of every JavaScript object are words like any other.
    expect(englishKey('constructor')).toBe('constructor')
    expect(textWordKeys('constructor', 'en').every((k) => typeof k === 'string')).toBe(true)
  })

  it('looks a word up as written, by its stem, or by the longest known stem it starts with', () => {
    const call = englishKey('call'), summons = englishKey('summons'), service = englishKey('service')
    expect(keysOf('Indkaldelsen kom', 'da')).toEqual([`Indkaldelsen:${call}+${summons}`])
    expect(keysOf('militærtjenesten', 'da')).toEqual([`militærtjenesten:${englishKey('military')}`])
    expect(keysOf('tjeneste', 'da')).toEqual([`tjeneste:${service}+${englishKey('favour')}`])
    // At most maxPhrases (2) translations and maxKeys (3) keys per word; words under three letters ("up") yield none.
    expect(keysOf('nægte', 'da')).toEqual([`nægte:${englishKey('refuse')}+${englishKey('deny')}`])
  })

  it('skips stop words and short words, and languages the dictionary lacks', () => {
    expect(keysOf('og det er i', 'da')).toEqual([])
    expect(keysOf('tjeneste', 'sv')).toEqual([])
    expect(keysOf('tjeneste', 'und')).toEqual([])
    expect(keysOf('kutsunta', 'fi')).toEqual([`kutsunta:${englishKey('call')}`])
  })

  it('keys an English word only when some translation yields its key', () => {
    expect(keysOf('The call-up papers for military service', 'en')).toEqual([
      `call:${englishKey('call')}`, `military:${englishKey('military')}`, `service:${englishKey('service')}`,
    ])
    expect(keysOf('papers', 'en')).toEqual([])
  })

  it('gives each part of a hyphenated word its own offsets into the text', () => {
    const hits = matchDictionary('En militær-tjeneste, militær-tjeneste.', 'da', DICT).map((h) => [h.surface, h.start, h.end])
    expect(hits).toEqual([['militær', 3, 10], ['tjeneste', 11, 19], ['militær', 21, 28], ['tjeneste', 29, 37]])
  })

  it('puts the keys under x: as lexicon features, and none without a dictionary', () => {
    const da = extractFeatures({ text: 'Indkaldelsen til militær tjeneste.', lang: 'da' }, 'da', null, { dictionary: DICT })
    const keys = [...da.tf.keys()].filter(isDictionaryKey)
    expect(keys).toEqual(expect.arrayContaining(['x:' + englishKey('summons'), 'x:' + englishKey('service'), 'x:' + englishKey('military')]))
    expect(da.features.filter((f) => isDictionaryKey(f.key)).every((f) => f.kind === 'lexicon')).toBe(true)
    const plain = extractFeatures({ text: 'Indkaldelsen til militær tjeneste.', lang: 'da' }, 'da', null)
    expect([...plain.tf.keys()].some(isDictionaryKey)).toBe(false)
  })
})

describe('linking with a dictionary', () => {
  const a: LinkPassage[] = [{ text: 'Han modtog en indkaldelse og måtte aftjene sin tjeneste.', lang: 'da' }]
  const b: LinkPassage[] = [
    { text: 'Prices of bread and milk rose sharply in the northern towns last winter.', lang: 'en' },
    { text: 'He received a summons and had to perform his service.', lang: 'en' },
    { text: 'The weather was mild and the harvest was good across the country.', lang: 'en' },
  ]

  it('links passages that share no cognate, name or number, and shows the words as evidence once each', () => {
    expect(linkDocuments(a, b, { langA: 'da', langB: 'en' })[0].candidates.map((c) => c.index)).not.toContain(1)
    const [links] = linkDocuments(a, b, { langA: 'da', langB: 'en', dictionary: DICT })
    expect(links.candidates[0].index).toBe(1)
    const words = links.candidates[0].evidence.words.filter((w) => isDictionaryKey(w.key)).map((w) => `${w.a.surface}~${w.b.surface}`)
    expect(words.sort()).toEqual(['indkaldelse~summons', 'tjeneste~service'])
  })

  it('still refuses false friends as cognates ("aktuelle" ~ "actually")', () => {
    const da: LinkPassage[] = [{ text: 'Rapporten indeholder aktuelle oplysninger om Kursk.', lang: 'da' }]
    const en: LinkPassage[] = [{ text: 'They actually said that Kursk was quiet.', lang: 'en' }]
    const [links] = linkDocuments(da, en, { langA: 'da', langB: 'en', dictionary: DICT })
    const ev = links.candidates[0].evidence
    expect(ev.cognates.map((c) => c.a.surface)).not.toContain('aktuelle')
    expect(ev.refused?.map((c) => c.a.surface)).toContain('aktuelle')
    expect(ev.words).toEqual([])
  })

  it('without a dictionary, or with an empty one, links a corpus pair exactly as before', () => {
    const corpus = loadCorpus()
    const da = corpus.find((d) => d.lang === 'da')!, en = corpus.find((d) => d.lang === 'en')!
    const src = da.passages.slice(0, 60)
    const opts = { langA: da.lang, langB: en.lang, top: 5 }
    const plain = JSON.stringify(linkDocuments(src, en.passages, opts))
    expect(JSON.stringify(linkDocuments(src, en.passages, { ...opts, dictionary: null }))).toBe(plain)
    expect(JSON.stringify(linkDocuments(src, en.passages, { ...opts, dictionary: buildDictionary({}) }))).toBe(plain)
    expect(JSON.stringify(linkDocuments(src, en.passages, { ...opts, dictionary: DICT }))).not.toBe(plain)
  })
})
