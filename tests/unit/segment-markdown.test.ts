// Markdown as pandoc and wiki exports write it, unlike the corpus's converted 004: setext headings ("===", "---"
// under the title), pipe tables with their header rule, and "[^N]" footnotes with "[^N]: …" definitions.
import { describe, expect, it } from 'vitest'
import { reconstruct, segmentDocument } from '../../src/core/segment'

const MD = [
  'Military service in Russia',
  '==========================',
  '',
  'Conscription',
  '------------',
  '',
  'Conscripts are called up twice a year[^1].',
  '',
  '| Year | Conscripts |',
  '|------|-----------:|',
  '| 2023 | 147,000 |',
  '',
  '- First point',
  '- Second point',
  '',
  '[^1]: Federal Law No. 53-FZ.',
  '',
].join('\n')

describe('markdown from pandoc and wikis', () => {
  const { passages } = segmentDocument(MD, { format: 'md' })
  it('reads setext headings, keeps table rows apart without their rule, and links [^N] notes', () => {
    for (const p of passages) expect(reconstruct(MD, p)).toBe(p.text)
    expect(passages.map((p) => [p.kind, p.text])).toEqual([
      ['heading', 'Military service in Russia'],
      ['heading', 'Conscription'],
      ['paragraph', 'Conscripts are called up twice a year.'],
      ['list', '| Year | Conscripts |'],
      ['list', '| 2023 | 147,000 |'],
      ['list', 'First point'],
      ['list', 'Second point'],
      ['footnote', 'Federal Law No. 53-FZ.'],
    ])
    // "===" is a level above "---": the second heading is a section of the first.
    expect(passages[2].sectionPath).toEqual(['Military service in Russia', 'Conscription'])
    expect(passages[2].footnotes).toEqual(['1'])
  })

  it('keeps a rule after an empty line a rule, not a heading underline', () => {
    const text = 'A paragraph that ends here.\n\n---\n\nAnother paragraph.\n'
    expect(segmentDocument(text, { format: 'md' }).passages.map((p) => [p.kind, p.text])).toEqual([
      ['paragraph', 'A paragraph that ends here.'],
      ['paragraph', 'Another paragraph.'],
    ])
  })
})
