// The link list's rows, filters, concept list and section heatmap, as pure functions over linker results.
import { describe, expect, it } from 'vitest'
import type { LinkCandidate, LinkEvidence, PassageLinks } from '../../src/core/link'
import type { LinkRow, PassageRow } from '../../src/db/schema'
import { buildLinkViews, conceptsIn, heatmapOf, sectionOf, unmatchedCount, type LinkFilters } from '../../src/stores/links'
import { linksToCsv } from '../../src/stores/linkViews'
import { parseCsv } from '../../src/core/csv'

function passage(docId: string, index: number, text: string, sectionPath: string[], kind: PassageRow['kind'] = 'paragraph'): PassageRow {
  return { id: `${docId}:${index}`, docId, index, kind, section: sectionPath.join(' > '), sectionPath, lang: 'en', detectedLang: 'en', text, start: 0, end: text.length, sentences: [], footnotes: [] }
}
const ev = (concepts: string[] = []): LinkEvidence => ({
  concepts: concepts.map((id) => ({ key: 'c:' + id, kind: 'concept', a: { surface: id, start: 0, end: 1 }, b: { surface: id, start: 0, end: 1 }, weight: 1 })),
  numbers: [], names: [], cognates: [], words: [], lexical: 0.5,
})
const cand = (index: number, score: number, concepts: string[] = []): LinkCandidate => ({ index, score, strength: score >= 0.6 ? 'strong' : 'weak', method: 'lexical', evidence: ev(concepts) })

const A = [passage('A', 0, '1 Intro', ['1 Intro'], 'heading'), passage('A', 1, 'a1', ['1 Intro']), passage('A', 2, '2 Law', ['2 Law'], 'heading'), passage('A', 3, 'a3', ['2 Law']), passage('A', 4, 'note', ['2 Law'], 'footnote')]
const B = [passage('B', 0, 'pre', []), passage('B', 1, 'Summary', ['Summary'], 'heading'), passage('B', 2, 'b2', ['Summary']), passage('B', 3, 'b3', ['Summary']), passage('B', 4, 'b4', ['Law'])]
const results: PassageLinks[] = [
  { source: 0, candidates: [cand(1, 0.9)] },
  { source: 1, candidates: [cand(2, 0.8, ['voenkomat']), cand(3, 0.5, ['voenkomat', 'summons']), cand(4, 0.1)] },
  { source: 2, candidates: [] },
  { source: 3, candidates: [cand(4, 0.7, ['summons']), cand(2, 0.3)] },
  { source: 4, candidates: [] },
]
const none = new Map<string, LinkRow>()
const base: LinkFilters = { concept: '', section: '', threshold: 0, strongOnly: false, perSource: 1, status: 'all' }
const ids = (f: Partial<LinkFilters>, statuses = none) => buildLinkViews(results, A, B, statuses, { ...base, ...f }).map((v) => v.id)
const stored = (id: string, status: LinkRow['status']) => [id, { id, status } as LinkRow] as const

describe('link views', () => {
  it('shows the best undecided candidate per source passage', () => {
    expect(ids({})).toEqual(['A:0|B:1', 'A:1|B:2', 'A:3|B:4'])
    expect(ids({ perSource: 2 })).toEqual(['A:0|B:1', 'A:1|B:2', 'A:1|B:3', 'A:3|B:4', 'A:3|B:2'])
  })

  it('always shows decided links, and the next candidate once the best is rejected', () => {
    const s = new Map([stored('A:1|B:2', 'rejected'), stored('A:3|B:2', 'confirmed')])
    const views = buildLinkViews(results, A, B, s, base)
    expect(views.map((v) => [v.id, v.status, v.rank])).toEqual([
      ['A:0|B:1', 'suggested', 0], ['A:1|B:2', 'rejected', 0], ['A:1|B:3', 'suggested', 1], ['A:3|B:4', 'suggested', 0], ['A:3|B:2', 'confirmed', 1],
    ])
    expect(ids({ status: 'confirmed' }, s)).toEqual(['A:3|B:2'])
  })

  it('filters by score threshold, concept and section of A', () => {
    expect(ids({ threshold: 0.75 })).toEqual(['A:0|B:1', 'A:1|B:2'])
    expect(ids({ concept: 'summons', perSource: 5 })).toEqual(['A:1|B:3', 'A:3|B:4'])
    expect(ids({ section: '2 Law', perSource: 5 })).toEqual(['A:3|B:4', 'A:3|B:2'])
  })

  it('shows strong links only when asked, keeps decided weak ones, and marks passages with no strong candidate', () => {
    expect(ids({ strongOnly: true, perSource: 5 })).toEqual(['A:0|B:1', 'A:1|B:2', 'A:3|B:4'])
    expect(ids({ strongOnly: true, perSource: 5 }, new Map([stored('A:3|B:2', 'confirmed')]))).toEqual(['A:0|B:1', 'A:1|B:2', 'A:3|B:4', 'A:3|B:2'])
    const weakOnly: PassageLinks[] = [{ source: 1, candidates: [cand(2, 0.3), cand(3, 0.2)] }, { source: 3, candidates: [cand(4, 0.7)] }]
    const views = buildLinkViews(weakOnly, A, B, none, { ...base, perSource: 5 })
    expect(views.map((v) => [v.id, v.strength, v.alone])).toEqual([['A:1|B:2', 'weak', true], ['A:1|B:3', 'weak', true], ['A:3|B:4', 'strong', false]])
    expect(unmatchedCount(weakOnly, A)).toBe(1)
    expect(unmatchedCount(results, A)).toBe(1)
  })

  it('lists the concepts of the evidence, most frequent first', () => {
    expect(conceptsIn(results)).toEqual(['summons', 'voenkomat'])
  })

  it('names sections by their top-level heading, and counts links per section pair', () => {
    expect(A.map(sectionOf)).toEqual(['1 Intro', '1 Intro', '2 Law', '2 Law', '2 Law'])
    expect(sectionOf(passage('X', 0, 'Lone heading', [], 'heading'))).toBe('Lone heading')
    const h = heatmapOf(buildLinkViews(results, A, B, none, { ...base, perSource: 5 }), A, B)
    expect(h.rows).toEqual(['1 Intro', '2 Law'])
    expect(h.cols).toEqual(['', 'Summary', 'Law'])
    expect(h.counts).toEqual([[0, 3, 1], [0, 1, 1]])
    expect(h.max).toBe(3)
  })

  it('exports the shown links as CSV with both passages, the decision and the evidence, formulas neutralised', () => {
    const hostile = [...B.slice(0, 2), passage('B', 2, '=HYPERLINK("http://x")', ['Summary']), ...B.slice(3)]
    const views = buildLinkViews(results, A, hostile, new Map([stored('A:1|B:2', 'confirmed')]), base)
    const csv = linksToCsv(views, 'Rapport A', 'Report B')
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const rows = parseCsv(csv.slice(1)).records.map((r) => r.fields)
    expect(rows[0]).toEqual(['status', 'strength', 'score', 'reportA', 'sectionA', 'passageA', 'textA', 'reportB', 'sectionB', 'passageB', 'textB', 'sharedConcepts', 'sharedNumbers', 'sharedNames'])
    expect(rows[2]).toEqual(['confirmed', 'strong', '0.800', 'Rapport A', '1 Intro', '1', 'a1', 'Report B', 'Summary', '2', "'=HYPERLINK(\"http://x\")", 'voenkomat', '', ''])
    expect(rows).toHaveLength(views.length + 1)
  })
})
