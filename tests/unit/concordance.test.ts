// Search in report text: any case, a line break where the query has a space, offsets into the text.
import { describe, expect, it } from 'vitest'
import { findOccurrences } from '../../src/core/concordance'

describe('findOccurrences', () => {
  it('finds every occurrence with its context, across line breaks, within a range', () => {
    const text = 'The Voenkomat sends the summons.\nThe military\ncommissariat (voenkomat) keeps them.'
    const all = findOccurrences(text, 'voenkomat', { side: 10 })
    expect(all.map((o) => text.slice(o.start, o.end))).toEqual(['Voenkomat', 'voenkomat'])
    expect(all[0]).toMatchObject({ before: 'The ', match: 'Voenkomat', after: ' sends the' })
    const phrase = findOccurrences(text, 'military commissariat')
    expect(phrase).toHaveLength(1)
    expect(phrase[0].match).toBe('military commissariat')
    expect(findOccurrences(text, 'voenkomat', { from: 20 })).toHaveLength(1)
    expect(findOccurrences(text, '  ')).toEqual([])
    expect(findOccurrences(text, 'a.b')).toEqual([])
  })
})
