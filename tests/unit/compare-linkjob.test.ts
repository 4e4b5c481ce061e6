// The linking job of the analysis worker as a plain function: chunked linking gives exactly what linkDocuments gives (with and
// without embeddings), reports its phases in order, honours a cancel, and "find" ranks across reports.
import { describe, expect, it } from 'vitest'
import { buildMatcher } from '../../src/core/matcher'
import { linkDocuments, type LinkPassage } from '../../src/core/link'
import { findAcross, prepareFindTarget, runLinkJob, type LinkJobProgress } from '../../src/workers/linkJob'
import { JobCancelledError } from '../../src/workers/jobProtocol'
import { corpusAvailable, loadDoc, loadStarterGlossary } from '../bench/linkGold'

const glossary = loadStarterGlossary()
const matcher = glossary ? buildMatcher(glossary) : null

const fr: LinkPassage[] = [
  { text: 'Introduction', kind: 'heading', lang: 'fr' },
  { text: 'Le 24 février 2022, la Russie a lancé une invasion à grande échelle.', kind: 'paragraph', lang: 'fr' },
  { text: 'Selon Mediazona, 1 200 conscrits ont été envoyés à Koursk en août 2024.', kind: 'paragraph', lang: 'fr' },
  { text: 'Le service civil alternatif dure 21 mois.', kind: 'paragraph', lang: 'fr' },
  { text: '1 https://example.org/footnote', kind: 'footnote', lang: 'fr' },
]
const en: LinkPassage[] = [
  { text: 'Introduction', kind: 'heading', lang: 'en' },
  { text: 'Alternative civil service lasts 21 months, longer than military service.', kind: 'paragraph', lang: 'en' },
  { text: 'On 24 February 2022 Russia launched a full-scale invasion of Ukraine.', kind: 'paragraph', lang: 'en' },
  { text: 'Mediazona reported that 1,200 conscripts were sent to Kursk in August 2024.', kind: 'paragraph', lang: 'en' },
  { text: 'Meeting minutes', kind: 'heading', lang: 'en' },
]

/** Deterministic pseudo-embeddings (a few dimensions), one per passage. */
const vectors = (n: number, seed: number) => Array.from({ length: n }, (_, i) => Float32Array.from({ length: 8 }, (_, k) => Math.sin(seed + i * 7 + k * 3)))

describe('runLinkJob', () => {
  it('gives what linkDocuments gives, in chunks, with progress phases in order', async () => {
    const seen: LinkJobProgress[] = []
    const got = await runLinkJob({ a: fr, b: en, langA: 'fr', langB: 'en', top: 3 }, matcher, { chunk: 2, onProgress: (p) => seen.push(p) })
    expect(got).toEqual(linkDocuments(fr, en, { matcher, langA: 'fr', langB: 'en', top: 3 }))
    expect(got.map((r) => r.source)).toEqual([0, 1, 2, 3, 4])
    expect(got[1].candidates[0].index).toBe(2)
    expect(got[2].candidates[0].index).toBe(3)
    expect(got[3].candidates[0].index).toBe(1)
    expect(got[4].candidates).toEqual([])
    const phases = seen.map((p) => p.phase)
    expect([...new Set(phases)]).toEqual(['features', 'index', 'link'])
    expect(seen.at(-1)).toEqual({ phase: 'link', done: 5, total: 5 })
    for (let i = 1; i < seen.length; i++) if (seen[i].phase === seen[i - 1].phase) expect(seen[i].done).toBeGreaterThanOrEqual(seen[i - 1].done)
  })

  it('keeps the evidence of a link: shared numbers and names', async () => {
    const [, , mediazona] = await runLinkJob({ a: fr, b: en, langA: 'fr', langB: 'en' }, matcher)
    const ev = mediazona.candidates[0].evidence
    expect(ev.numbers.map((n) => n.b.surface)).toEqual(expect.arrayContaining(['1,200']))
    expect(ev.names.map((n) => n.a.surface).join(' ')).toMatch(/Mediazona|Koursk/)
    expect(ev.lexical).toBeGreaterThan(0)
  })

  it('with embeddings, chunks give the hybrid result of linkDocuments', async () => {
    const embeddings = { a: vectors(fr.length, 1), b: vectors(en.length, 2) }
    const got = await runLinkJob({ a: fr, b: en, langA: 'fr', langB: 'en', top: 3, embeddings }, matcher, { chunk: 2 })
    expect(got).toEqual(linkDocuments(fr, en, { matcher, langA: 'fr', langB: 'en', top: 3, embeddings }))
    expect(got[1].candidates[0].method).toBe('hybrid')
    expect(got[1].candidates[0].evidence.neural).toBeTypeOf('number')
  })

  it('stops with JobCancelledError when its flag is raised between chunks', async () => {
    let chunks = 0
    const job = runLinkJob({ a: fr, b: en, langA: 'fr', langB: 'en' }, matcher, { chunk: 1, pause: async () => void chunks++, isCancelled: () => chunks >= 3 })
    await expect(job).rejects.toBeInstanceOf(JobCancelledError)
    expect(chunks).toBe(3)
  })

  it.runIf(corpusAvailable)('links report 003 (fr) to 004 (en) exactly as linkDocuments does', async () => {
    const a = loadDoc('003_69196824feca6e36.txt')
    const b = loadDoc('004_2311294a2fc5f756.txt')
    const got = await runLinkJob({ a: a.passages, b: b.passages, langA: 'fr', langB: 'en', top: 5 }, matcher)
    expect(got).toEqual(linkDocuments(a.passages, b.passages, { matcher, langA: 'fr', langB: 'en', top: 5 }))
    expect(got.some((r) => r.candidates.some((c) => c.evidence.concepts.length > 0))).toBe(glossary !== null)
  })
})

describe('findAcross', () => {
  it('ranks the passages of several reports for one passage, best first, with evidence', () => {
    const other: LinkPassage[] = [{ text: 'Kursk, August 2024: 1,200 conscripts (Mediazona).', kind: 'paragraph', lang: 'en' }, { text: 'Nothing shared here.', kind: 'paragraph', lang: 'en' }]
    const targets = [prepareFindTarget('dEN', en, 'en', matcher), prepareFindTarget('dX', other, 'en', matcher)]
    const found = findAcross(fr[2], 'fr', targets, matcher, 3)
    expect(found.length).toBeGreaterThanOrEqual(2)
    expect(found.slice(0, 2).map((f) => `${f.docId}:${f.index}`).sort()).toEqual(['dEN:3', 'dX:0'])
    for (let i = 1; i < found.length; i++) expect(found[i].score).toBeLessThanOrEqual(found[i - 1].score)
    expect(found[0].evidence.numbers.length).toBeGreaterThan(0)
    expect(findAcross(fr[2], 'fr', [], matcher)).toEqual([])
  })
})
