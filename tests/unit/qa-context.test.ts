// A finding shows the clean sentence it stands in, split around its span.
import { describe, expect, it } from 'vitest'
import { findingContext, mapPassages } from '../../src/core/qa'
import { segmentDocument } from '../../src/core/segment'

describe('findingContext', () => {
  it('cuts the sentence of the span out of the clean passage text, across a line break and a marker', () => {
    const text = 'Indledning.\n\nDen første sætning. Den unge mand fik en indkaldelse<sup>4</sup> fra\nVoenko-\nmatet i maj. Sidste sætning.\n'
    const seg = segmentDocument(text, { format: 'md' })
    const passages = mapPassages({ id: 'd', lang: 'da', text, passages: seg.passages })
    const start = text.indexOf('Voenko')
    const end = text.indexOf('matet') + 'matet'.length
    const p = passages.find((x) => x.start <= start && start < x.end)!
    expect(findingContext(p, start, end)).toEqual({ before: 'Den unge mand fik en indkaldelse fra ', span: 'Voenkomatet', after: ' i maj.' })
  })
})
