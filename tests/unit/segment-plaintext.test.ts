// Plain-text documents unlike the corpus's PDF extractions: a note written one paragraph per line with blank lines
// between (each paragraph and title its own passage), against hard-wrapped text of the same content (lines joined).
import { describe, expect, it } from 'vitest'
import { reconstruct, segmentDocument } from '../../src/core/segment'

/** Kind and text of every passage, checking the reconstruction property on the way. */
function seg(text: string): [string, string][] {
  const { passages } = segmentDocument(text, { format: 'txt' })
  for (const p of passages) expect(reconstruct(text, p)).toBe(p.text)
  return passages.map((p) => [p.kind, p.text])
}

const NOTE = [
  'Military service in Russia',
  '',
  'Conscripts are called up twice a year. They serve one year.',
  '',
  'Alternative service',
  '',
  'AGS lasts 21 months. It is served in a civilian organisation.',
  '',
  'The voenkomat decides on deferrals.',
  '',
].join('\n')

const WRAPPED = [
  'Conscripts in Russia are called up twice a year, in spring',
  'and in autumn, by the military commissariat of the region',
  'where they are registered. The call-up lasts until the end',
  'of the year.',
  '',
  'A conscript whose beliefs forbid him to bear arms may ask',
  'for alternative civilian service, which lasts 21 months.',
  '',
].join('\n')

describe('plain text written one paragraph per line', () => {
  it('keeps each short paragraph and each title apart, however short the lines', () => {
    expect(seg(NOTE)).toEqual([
      ['heading', 'Military service in Russia'],
      ['paragraph', 'Conscripts are called up twice a year. They serve one year.'],
      ['heading', 'Alternative service'],
      ['paragraph', 'AGS lasts 21 months. It is served in a civilian organisation.'],
      ['paragraph', 'The voenkomat decides on deferrals.'],
    ])
  })

  it('reads Windows line ends the same way', () => {
    expect(seg(NOTE.replace(/\n/g, '\r\n')).map(([kind]) => kind)).toEqual(['heading', 'paragraph', 'heading', 'paragraph', 'paragraph'])
  })

  it('still joins hard-wrapped lines, which break mid-sentence, into their paragraphs', () => {
    const ps = seg(WRAPPED)
    expect(ps.map(([kind]) => kind)).toEqual(['paragraph', 'paragraph'])
    expect(ps[0][1]).toMatch(/^Conscripts in Russia .* until the end of the year\.$/)
    expect(ps[1][1]).toMatch(/^A conscript whose .* lasts 21 months\.$/)
  })
})
