// Plain-text documents unlike the corpus's PDF extractions: a note written one paragraph per line with blank lines
// between (each paragraph and title its own passage), against hard-wrapped text of the same content (lines joined);
// and the title and date such a note states at its top.
import { describe, expect, it } from 'vitest'
import { reconstruct, segmentDocument } from '../../src/core/segment'
import { readReport } from '../../src/core/extract/report'

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
  'Military service in Russia',
  '',
  'Conscripts in Russia are called up twice a year, in spring',
  'and in autumn, by the military commissariat of the region',
  'where they are registered. The call-up lasts until the end',
  'of the year.',
  '',
  'Alternative civilian service',
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

  it('still joins hard-wrapped lines, which break mid-sentence, into their paragraphs, and keeps short titles apart', () => {
    const ps = seg(WRAPPED)
    expect(ps.map(([kind]) => kind)).toEqual(['heading', 'paragraph', 'heading', 'paragraph'])
    expect(ps[0][1]).toBe('Military service in Russia')
    expect(ps[1][1]).toMatch(/^Conscripts in Russia .* until the end of the year\.$/)
    expect(ps[2][1]).toBe('Alternative civilian service')
    expect(ps[3][1]).toMatch(/^A conscript whose .* lasts 21 months\.$/)
  })

  it('ends a paragraph at an empty line after a sentence, however full its last line, when empty lines never fall mid-sentence', () => {
    // Wrapped at 60 columns by its writer: names make many wrapped lines start in capitals, and the second
    // paragraph's last line runs close to full width.
    const text = [
      'According to the Danish Immigration Service and the Swedish',
      'Migration Agency, electronic summonses are used since 2024.',
      '',
      'Human Rights Watch and Memorial reported that Military',
      'Commissariats in Moscow, Saint Petersburg and Kazan detained',
      'Central Asian migrants during raids in June 2025. Officials',
      'in Kaluga Region demanded that Migrants sign Military',
      'Contracts before applying for Russian Citizenship.',
      '',
      'The Finnish Immigration Service notes that Deserters face',
      'prosecution under Article 337 of the Criminal Code.',
      '',
    ].join('\n')
    const ps = seg(text)
    expect(ps.map(([, t]) => t.slice(0, 20))).toEqual(['According to the Dan', 'Human Rights Watch a', 'The Finnish Immigrat'])
    expect(ps[1][1]).toMatch(/Russian Citizenship\.$/)
  })

  it('tells hard-wrapped text by its full, open lines when few wrapped lines start in lower case, and drops its table of contents', () => {
    // A short report: a dotted table of contents, and paragraphs whose wrapped lines mostly start in capitals.
    const text = [
      'Country Focus',
      '',
      'Contents',
      '',
      '1. Introduction ...................................................................... 5',
      '2. Legal framework ................................................................ 8',
      '',
      '1. Introduction',
      '',
      'This report covers military service in Russia between January 2024 and',
      'March 2025. It was drafted by the EUAA COI Sector in Valletta.',
      '',
      '2. Legal framework',
      '',
      'Men aged 18 to 30 are liable for conscription under the Federal Law. The',
      'Age limit was raised from 27 to 30 on 1 January 2024 by the State Duma.',
      '',
    ].join('\n')
    const ps = seg(text)
    const body = ps.filter(([kind]) => kind === 'paragraph').map(([, t]) => t)
    expect(body).toContain('This report covers military service in Russia between January 2024 and March 2025. It was drafted by the EUAA COI Sector in Valletta.')
    expect(body.some((t) => t.startsWith('Men aged 18 to 30') && t.endsWith('by the State Duma.'))).toBe(true)
    expect(ps.filter(([kind]) => kind === 'heading').map(([, t]) => t)).toEqual(['Country Focus', '1. Introduction', '2. Legal framework'])
    // The table of contents goes, its title with it.
    expect(ps.map(([, t]) => t)).not.toContain('Contents')
  })

  it('still joins a paragraph across an empty line where the extraction double-spaces its lines mid-sentence', () => {
    const text = [
      'Conscripts are called up twice a year, in spring and in',
      '',
      'autumn, and they serve for twelve months in a unit that the',
      '',
      'General Staff chooses for them. The law forbids sending them.',
      '',
      'Abroad is another matter: they may go to the front if they sign a',
      '',
      'contract, which many do after a few months of service there.',
      '',
    ].join('\n')
    const ps = seg(text)
    expect(ps).toHaveLength(1)
    expect(ps[0][1]).toMatch(/^Conscripts are called up .* months of service there\.$/)
  })
})

describe('metadata of a plain-text note', () => {
  const note = [
    'Russia: Treatment of draft evaders',
    'Country of origin information note, 12 March 2025',
    '',
    '1. Introduction',
    '',
    'This note describes how the authorities treat men who evade the draft, as reported on 3 January 2024.',
    '',
    'It is based on public sources and on interviews with lawyers.',
    '',
    'It does not cover reservists.',
    '',
  ].join('\n')

  it('takes a "Country: topic" line as the title and the date of the line under it', async () => {
    const read = await readReport('note.txt', new TextEncoder().encode(note))
    expect(read.meta.title).toBe('Russia: Treatment of draft evaders')
    expect(read.meta.date).toBe('2025-03-12')
    expect(read.passages[0]).toMatchObject({ kind: 'heading', text: 'Russia: Treatment of draft evaders' })
  })

  it('still skips a block of labelled fields, and never takes a date from a sentence', async () => {
    const memo = [
      'To: Asylum unit', 'From: COI desk', '', 'Military service in Russia', '',
      'The law on military service changed on 3 January 2024.', '', 'Conscripts now serve in any region of the country.', '',
    ].join('\n')
    const read = await readReport('memo.txt', new TextEncoder().encode(memo))
    expect(read.meta.title).toBe('Military service in Russia')
    expect(read.meta.date).toBeUndefined()
  })
})
