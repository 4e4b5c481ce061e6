// The term-candidate job the worker runs: progress before each step, cancellation between steps, the
// result's shape (every concept lacking the language, candidates with evidence located in the reports:
// passage index, offsets, snippet around the occurrence), on small input and on the real corpus; and the
// store's pure helpers (snippets, merging machine-translation candidates, the accepted term).
import { describe, expect, it } from 'vitest'
import { JobCancelledError } from '../../src/workers/jobProtocol'
import type { ConceptEntry, Glossary, Lang } from '../../src/core/model'
import { hydrateStarter } from '../../src/core/starterGlossary'
import type { Candidate } from '../../src/core/suggest'
import {
  acceptedTerm, describeCandidate, mergeTranslated, passageAt, runCandidatesJob, snippetOf,
  type CandidatesJobDocument, type CandidatesJobProgress,
} from '../../src/workers/candidatesJob'
import { loadCorpus, loadStarterGlossary } from '../bench/linkGold'

const TS = '2025-01-01T00:00:00.000Z'
function entry(id: string, terms: [Lang, string][]): ConceptEntry {
  return {
    concept: { id, definitions: {}, related: [], created: TS, modified: TS },
    terms: terms.map(([lang, text], i) => ({ id: `${id}-${lang}-${i}`, conceptId: id, lang, text, status: 'preferred', type: 'fullForm', sources: [], created: TS, modified: TS })),
  }
}
const GLOSSARY: Glossary = {
  entries: [
    entry('c-mobilisation', [['en', 'mobilisation'], ['nb', 'mobilisering'], ['sv', 'mobilisering']]),
    entry('c-conscript', [['en', 'conscript'], ['da', 'værnepligtig'], ['nb', 'vernepliktig']]),
    entry('c-ru-only', [['ru', 'военкомат']]),
  ],
}

/** A report of one-sentence paragraphs; passage indexes start at `base`. */
function doc(id: string, lang: Lang, paras: string[], base = 0): CandidatesJobDocument {
  let text = ''
  const passages: CandidatesJobDocument['passages'] = []
  for (const [i, p] of paras.entries()) {
    const start = text.length
    text += p + '\n\n'
    passages.push({ index: base + i, kind: 'paragraph', lang, text: p, start, end: start + p.length, sentences: [{ text: p, start, end: start + p.length }] })
  }
  return { id, text, passages }
}
const DA = doc('d-da', 'da', [
  'Rusland og værnepligten',
  'Den delvise mobilisering blev erklæret i september 2022 af præsidenten.',
  'Hver værnepligtig skal møde op, og efter mobiliseringen blev mange sendt til fronten.',
], 10)
const EN = doc('d-en', 'en', ['Russia and conscription', 'The partial mobilisation was declared in September 2022 by the president.', 'Every conscript must report, and after the mobilisation many were sent to the front.'])
const noPause = () => Promise.resolve()

describe('runCandidatesJob', () => {
  it('reports progress before each step and once more at the end', async () => {
    const seen: CandidatesJobProgress[] = []
    await runCandidatesJob({ glossary: GLOSSARY, documents: [DA, EN], lang: 'da' }, { pause: noPause, onProgress: (p) => seen.push(p) })
    expect(seen.map((p) => `${p.phase} ${p.done}/${p.total}`)).toEqual(['prepare 0/3', 'mine 1/3', 'evidence 2/3', 'evidence 3/3'])
    expect(seen[1]).toMatchObject({ phase: 'mine', concepts: 1, reports: 2 })
  })

  it('stops between steps when cancelled, and mines nothing more', async () => {
    const seen: string[] = []
    let cancel = false
    const run = runCandidatesJob(
      { glossary: GLOSSARY, documents: [DA, EN], lang: 'da' },
      { pause: noPause, isCancelled: () => cancel, onProgress: (p) => (seen.push(p.phase), (cancel = p.phase === 'mine')) },
    )
    await expect(run).rejects.toBeInstanceOf(JobCancelledError)
    expect(seen).toEqual(['prepare', 'mine'])
  })

  it('lists every concept lacking the language, with candidates located in the reports', async () => {
    const r = await runCandidatesJob({ glossary: GLOSSARY, documents: [DA, EN], lang: 'da' }, { pause: noPause })
    expect(r.lang).toBe('da')
    // c-conscript has a Danish term; c-ru-only has nothing but Russian: neither lacks Danish.
    expect(r.concepts.map((c) => c.conceptId)).toEqual(['c-mobilisation'])
    expect(r.stats?.concepts).toBe(1)
    const cands = r.concepts[0].candidates
    const mob = cands.find((c) => c.text.toLowerCase().startsWith('mobilisering'))
    expect(mob, cands.map((c) => c.text).join(', ')).toBeDefined()
    expect(mob!.sources).toContain(mob!.source)
    expect(mob!.evidence.length).toBeGreaterThan(0)
    for (const ev of mob!.evidence) {
      expect(ev.docId).toBe('d-da')
      expect(DA.text.slice(ev.start, ev.end).toLowerCase()).toContain('mobilisering')
      const p = DA.passages.find((x) => x.index === ev.passageIndex)!
      expect(p.start <= ev.start && ev.end <= p.end).toBe(true)
      expect(ev.match).toBe(DA.text.slice(ev.start, ev.end))
      expect(p.text).toBe(ev.before + ev.match + ev.after)
    }
    // Keys are unique in a concept's list (what "reject" hides by).
    expect(new Set(cands.map((c) => c.key)).size).toBe(cands.length)
  })

  it('returns the lacking concepts without candidates when there is no report', async () => {
    const r = await runCandidatesJob({ glossary: GLOSSARY, documents: [], lang: 'da' }, { pause: noPause })
    expect(r.concepts).toEqual([{ conceptId: 'c-mobilisation', candidates: [] }])
    expect(r.stats).toBeNull()
  })

  it('finds "mobilisering" among the top 3 for c-mobilisation in the real corpus once its Danish terms are gone', { timeout: 60_000 }, async () => {
    const starter = hydrateStarter(loadStarterGlossary()!)
    const glossary = { entries: starter.entries.map((e) => (e.concept.id === 'c-mobilisation' ? { ...e, terms: e.terms.filter((t) => t.lang !== 'da') } : e)) }
    const documents = loadCorpus().map((d): CandidatesJobDocument => ({ id: d.file, text: d.text, passages: d.passages.map((p, index) => ({ ...p, index })) }))
    const r = await runCandidatesJob({ glossary, documents, lang: 'da' }, { pause: noPause })
    const mob = r.concepts.find((c) => c.conceptId === 'c-mobilisation')!
    const top = mob.candidates.slice(0, 3)
    expect(top.map((c) => c.text.toLowerCase()), mob.candidates.map((c) => c.text).join(', ')).toContain('mobilisering')
    const hit = top.find((c) => c.text.toLowerCase() === 'mobilisering')!
    const danish = documents.find((d) => d.id.startsWith('002_'))!
    expect(hit.evidence.some((e) => e.docId === danish.id && e.match.toLowerCase().startsWith('mobilisering'))).toBe(true)
    expect(hit.evidence.every((e) => e.passageIndex !== undefined)).toBe(true)
  })
})

describe('helpers', () => {
  const cand = (text: string, source: Candidate['source'], evidence: Candidate['evidence'] = []): Candidate => ({ conceptId: 'c', lang: 'da', text, score: 1, source, evidence })
  const docs = new Map([[DA.id, DA]])

  it('snippetOf marks the occurrence in the quote, else the candidate text, else nothing', () => {
    const s = snippetOf('xx Mobilisering yy', { file: 'f', start: 3, end: 15, text: 'Her er Mobilisering i teksten.' }, 'mobilisering')
    expect(s).toEqual({ before: 'Her er ', match: 'Mobilisering', after: ' i teksten.' })
    expect(snippetOf(undefined, { file: 'f', start: 0, end: 0, text: 'Den delvise MOBILISERING.' }, 'mobilisering').match).toBe('MOBILISERING')
    expect(snippetOf(undefined, { file: 'f', start: 0, end: 0, text: 'Intet her.' }, 'mobilisering')).toEqual({ before: 'Intet her.', match: '', after: '' })
    const long = snippetOf(undefined, { file: 'f', start: 0, end: 0, text: 'ord '.repeat(100) + 'mobilisering' + ' slut'.repeat(100) }, 'mobilisering')
    expect(long.before.startsWith('… ')).toBe(true)
    expect(long.after.endsWith(' …')).toBe(true)
    expect(long.before.length).toBeLessThan(130)
  })

  it('passageAt prefers body text to a footnote covering the same offset', () => {
    const d = { passages: [{ index: 4, kind: 'footnote' as const, lang: 'da' as const, text: 'x', start: 0, end: 50 }, { index: 5, kind: 'paragraph' as const, lang: 'da' as const, text: 'y', start: 10, end: 40 }] }
    expect(passageAt(d, 20)).toBe(5)
    expect(passageAt(d, 45)).toBe(4)
    expect(passageAt(d, 60)).toBeUndefined()
  })

  it('mergeTranslated marks agreement and appends new translations', () => {
    const at = DA.text.indexOf('mobilisering')
    const mined = [describeCandidate(cand('mobilisering', 'cognate', [{ file: 'd-da', start: at, end: at + 12 }]), docs, 'da')]
    const mt = [describeCandidate(cand('Mobiliseringen', 'mt'), docs, 'da'), describeCandidate(cand('indkaldelse', 'mt'), docs, 'da')]
    const out = mergeTranslated(mined, mt)
    expect(out.map((c) => [c.text, c.sources])).toEqual([['mobilisering', ['cognate', 'mt']], ['indkaldelse', ['mt']]])
    expect(out[0].evidence).toHaveLength(1)
    expect(mined[0].sources).toEqual(['cognate']) // the input is left as it was
  })

  it('acceptedTerm names the report by its file name and keeps the quote, status admitted', () => {
    const c = cand('mobilisering', 'cognate', [{ file: 'd-da', start: 5, end: 17, text: 'Den delvise mobilisering blev erklæret.' }])
    const t = acceptedTerm(c, 'c-mobilisation', (id) => (id === 'd-da' ? '002_rapport.txt' : id))
    expect(t).toMatchObject({ conceptId: 'c-mobilisation', lang: 'da', text: 'mobilisering', status: 'admitted' })
    expect(t.sources).toEqual([{ doc: '002_rapport.txt', quote: 'Den delvise mobilisering blev erklæret.' }])
  })
})
