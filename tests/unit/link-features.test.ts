// Passage linking: each evidence feature, the inverted index (only passages sharing a feature are scored),
// passage kinds, sentence windows, background document frequency and the neural hook.
import { describe, expect, it } from 'vitest'
import type { ConceptEntry, Glossary, Lang } from '../../src/core/model'
import { buildMatcher } from '../../src/core/matcher'
import { searchKeyWord } from '../../src/core/text'
import {
  type CalibrationModel,
  buildLinkIndex, extractFeatures, extractQueryFeatures, idf, linkDocuments, searchLinkIndex, summarize, type LinkPassage,
} from '../../src/core/link'

function entry(id: string, terms: [Lang, string][]): ConceptEntry {
  const t = '2025-01-01T00:00:00.000Z'
  return {
    concept: { id, definitions: {}, related: [], created: t, modified: t },
    terms: terms.map(([lang, text], i) => ({ id: `${id}-${i}`, conceptId: id, lang, text, status: 'preferred', type: 'fullForm', sources: [], created: t, modified: t })),
  }
}
const glossary: Glossary = {
  entries: [
    entry('c-summons', [['en', 'summons'], ['fr', 'convocation'], ['fi', 'kutsu'], ['nb', 'innkalling'], ['da', 'indkaldelse'], ['sv', 'inkallelse']]),
    entry('c-alternative-service', [['en', 'alternative civil service'], ['fr', 'service civil alternatif'], ['da', 'alternativ tjeneste']]),
  ],
}
const matcher = buildMatcher(glossary)
const keysOf = (text: string, lang: Lang) => [...extractFeatures(text, lang, matcher).tf.keys()]

describe('extractFeatures', () => {
  it('finds glossary concepts through the matcher', () => {
    expect(keysOf('Il a reçu une convocation.', 'fr')).toContain('c:c-summons')
    expect(keysOf('He received a summons.', 'en')).toContain('c:c-summons')
    expect(keysOf('Han fik en indkaldelse.', 'da')).toContain('c:c-summons')
  })
  it('combines concepts, numbers, names and cognates with offsets into the passage', () => {
    const text = 'Selon Huseyn Aliyev, 901 affaires en 2023 (mobilisation).'
    const f = extractFeatures(text, 'fr', matcher)
    const kinds = new Set(f.features.map((x) => x.kind))
    for (const k of ['number', 'year', 'name', 'phrase', 'cognate'] as const) expect(kinds.has(k), k).toBe(true)
    for (const x of f.features) expect(text.slice(x.start, x.end)).toBe(x.surface)
    expect(f.length).toBe(f.features.length)
  })
  it('adds windows of sentences to long query passages only', () => {
    const long: LinkPassage = { text: 'Un. Deux 2023. Trois 2024. Quatre 2025.', sentences: ['Un.', 'Deux 2023.', 'Trois 2024.', 'Quatre 2025.'].map((text) => ({ text })) }
    const q = extractQueryFeatures(long, 'fr', null, { window: 3 })
    expect(q.windows).toHaveLength(2)
    expect([...q.windows![1].tf.keys()].filter((k) => k.startsWith('y:'))).toEqual(['y:2023', 'y:2024', 'y:2025'])
    expect(extractQueryFeatures({ text: 'Un. Deux 2023.' }, 'fr', null, { window: 3 }).windows).toBeUndefined()
  })
})

describe('linkDocuments evidence', () => {
  const en: LinkPassage[] = [
    { text: 'Reporting on alternative civil service in Russia.', kind: 'paragraph' },
    { text: 'In 2023, there were 901 such cases, out of which 894 resulted in fines.', kind: 'paragraph' },
    { text: 'According to Huseyn Aliyev, conscripts were detained in Donetsk and Luhansk.', kind: 'paragraph' },
    { text: 'The summons must be delivered in person.', kind: 'paragraph' },
    { text: 'Draft evasion', kind: 'heading' },
    { text: 'Huseyn Aliyev: 33', kind: 'footnote' },
    { text: 'The mobilisation of reservists was announced.', kind: 'paragraph' },
  ]
  const fr: LinkPassage[] = [
    { text: 'Les demandes de service civil alternatif ont été ignorées.', kind: 'paragraph' },
    { text: 'Pour 2023, on dénombre 901 affaires, dont 894 amendes.', kind: 'paragraph' },
    { text: 'Selon Huseyn Aliyev, des conscrits ont été détenus à Donetsk et Louhansk.', kind: 'paragraph' },
    { text: 'La convocation doit être remise en personne.', kind: 'paragraph' },
    { text: 'Évasion de la conscription', kind: 'heading' },
    { text: 'Huseyn Aliyev: 33', kind: 'footnote' },
    { text: 'La mobilisation des réservistes a été annoncée.', kind: 'paragraph' },
  ]
  const links = linkDocuments(fr, en, { matcher, langA: 'fr', langB: 'en', top: 3 })
  const top = (i: number) => links[i].candidates[0]

  it('returns one entry per source passage, in order', () => {
    expect(links.map((l) => l.source)).toEqual([0, 1, 2, 3, 4, 5, 6])
  })
  it('links by a shared glossary concept', () => {
    expect(top(0).index).toBe(0)
    expect(top(0).evidence.concepts.map((c) => c.key)).toContain('c:c-alternative-service')
    expect(top(3).index).toBe(3)
    expect(top(3).evidence.concepts[0].a.surface).toBe('convocation')
    expect(top(3).evidence.concepts[0].b.surface).toBe('summons')
  })
  it('links by shared numbers and years', () => {
    expect(top(1).index).toBe(1)
    expect(top(1).evidence.numbers.map((n) => n.key).sort()).toEqual(['n:894', 'n:901', 'y:2023'])
  })
  it('links by shared names, transliterated ("Louhansk" = "Luhansk")', () => {
    expect(top(2).index).toBe(2)
    const names = top(2).evidence.names.map((n) => n.key)
    expect(names).toContain('e2:husein aliev')
    expect(names).toContain('e:luhansk')
  })
  it('links by cognates', () => {
    expect(top(6).index).toBe(6)
    expect(top(6).evidence.cognates.map((c) => c.a.surface)).toContain('mobilisation')
  })
  it('links headings to headings only and skips footnotes', () => {
    for (const c of links[4].candidates) expect(en[c.index].kind).toBe('heading')
    expect(links[5].candidates).toEqual([])
    for (const l of links) for (const c of l.candidates) expect(en[c.index].kind).not.toBe('footnote')
  })
  it('scores in [0, 1] and ranks by score', () => {
    for (const l of links)
      l.candidates.forEach((c, i) => {
        expect(c.score).toBeGreaterThan(0)
        expect(c.score).toBeLessThanOrEqual(1)
        if (i) expect(c.score).toBeLessThanOrEqual(l.candidates[i - 1].score)
        expect(c.method).toBe('lexical')
      })
  })
  /** A calibration that reads the embedding cosine only, so that these tests check retrieval, not fitted weights. */
  const byCosine: CalibrationModel = {
    features: ['cosine'], mean: [0], std: [1], weights: [12], bias: -6, strong: 0.9, weak: 0.05, trainedOn: 'test',
  }
  it('keeps the lexical evidence of a candidate the neural tier re-ranks', () => {
    const neural = (a: number, b: number) => (a === 0 && b === 6 ? 1 : 0)
    const hybrid = linkDocuments(fr, en, { matcher, langA: 'fr', langB: 'en', top: 3, neural, calibration: byCosine, pool: 10 })
    const c = hybrid[0].candidates
    expect(c[0].method).toBe('hybrid')
    expect(c[0].index).toBe(6)
    expect(c[0].strength).toBe('strong')
    const lexicalOne = c.find((x) => x.index === 0)
    if (lexicalOne) expect(lexicalOne.evidence.concepts.length).toBeGreaterThan(0)
  })
  it('retrieves by embedding a passage that shares no feature (dense retrieval joins the pool)', () => {
    const vec = (i: number) => Array.from({ length: 7 }, (_, d) => (d === i ? 1 : 0))
    const embeddings = { a: fr.map((_, i) => vec(i === 4 ? 0 : i)), b: en.map((_, i) => vec(i)) }
    const hybrid = linkDocuments(fr, en, { langA: 'fr', langB: 'en', top: 2, embeddings, noCognates: true, calibration: byCosine })
    expect(hybrid[6].candidates[0].index).toBe(6)
    expect(hybrid[6].candidates[0].evidence.neural).toBeCloseTo(1)
    expect(hybrid[6].candidates[0].evidence.concepts).toEqual([])
  })
  it('gives no candidate at all to a passage whose best match is below the weak floor', () => {
    const embeddings = { a: fr.map(() => [1, 0]), b: en.map(() => [0, 1]) }
    const hybrid = linkDocuments(fr, en, { langA: 'fr', langB: 'en', top: 2, embeddings, noCognates: true, calibration: byCosine })
    for (const l of hybrid) expect(l.candidates).toEqual([])
  })
})

describe('the inverted index', () => {
  const docs = ['by Aliyev 2023', 'by Krivenko 2024', 'by Mathiesen 2023 and Aliyev', 'by Galeotti', 'by Aliyev'].map((t) => extractFeatures(t, 'en'))
  const index = buildLinkIndex(docs)
  it('scores only passages that share a feature with the query', () => {
    const hits = searchLinkIndex(index, extractFeatures('by Aliyev', 'en'), { top: 10 }).map((h) => h.index)
    expect(hits.sort()).toEqual([0, 2, 4])
  })
  it('weighs rare features above common ones (IDF)', () => {
    expect(idf(index, 'e:aliev')).toBeLessThan(idf(index, 'e:' + searchKeyWord('Galeotti')))
    expect(idf(index, 'e:nobody')).toBe(0)
  })
  it('counts background passages in document frequency', () => {
    const bg = [extractFeatures('by Galeotti', 'en'), extractFeatures('by Galeotti again', 'en')]
    const key = 'e:' + searchKeyWord('Galeotti')
    expect(idf(buildLinkIndex(docs, { background: bg }), key)).toBeLessThan(idf(index, key))
  })
  it('bounds the postings traversed per feature', () => {
    const many = Array.from({ length: 50 }, (_, i) => summarize(extractFeatures(`by Aliyev ${'x'.repeat(i)}`, 'en').features))
    const big = buildLinkIndex(many)
    expect(searchLinkIndex(big, extractFeatures('by Aliyev', 'en'), { top: 100, maxPostings: 7 })).toHaveLength(7)
  })
})
