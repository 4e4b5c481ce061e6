// The built-in everyday-word lexicon: one meaning id for "court", "tribunal", "domstol", "tuomioistuin"…
import { describe, expect, it } from 'vitest'
import { extractFeatures, matchLexicon } from '../../src/core/link'

const ids = (text: string, lang: Parameters<typeof matchLexicon>[1]) => matchLexicon(text, lang).map((h) => h.id)

describe('matchLexicon', () => {
  it('gives the same meaning to translations in all six languages', () => {
    expect(ids('The court', 'en')).toEqual(['court'])
    expect(ids('Le tribunal', 'fr')).toEqual(['court'])
    expect(ids('Domstolen', 'nb')).toEqual(['court'])
    expect(ids('Domstolen', 'da')).toEqual(['court'])
    expect(ids('Domstolen', 'sv')).toEqual(['court'])
    expect(ids('Tuomioistuimessa', 'fi')).toEqual(['court'])
  })
  it('matches inflected forms by stem and short words only whole', () => {
    expect(ids('fængslet, fængsler', 'da')).toEqual(['prison', 'prison'])
    expect(ids('vankilasta', 'fi')).toEqual(['prison'])
    expect(ids('at forlade landet', 'da')).toEqual(['leave', 'country'])
    expect(ids('fine, fined, finest, financial', 'en')).toEqual(['fine', 'fine'])
  })
  it('finds multi-word entries and gives offsets into the text', () => {
    const text = 'Human rights lawyers appealed.'
    const hits = matchLexicon(text, 'en')
    expect(hits.map((h) => h.id).sort()).toEqual(['complaint', 'human rights', 'lawyer'])
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.surface)
  })
  it('becomes a link feature (w:) unless turned off', () => {
    expect([...extractFeatures('Le tribunal a infligé une amende.', 'fr').tf.keys()]).toEqual(expect.arrayContaining(['w:court', 'w:fine']))
    expect([...extractFeatures('Le tribunal', 'fr', null, { noLexicon: true }).tf.keys()].some((k) => k.startsWith('w:'))).toBe(false)
  })
})
