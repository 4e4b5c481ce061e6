// Term candidates from each source — co-occurrence over linked passages, machine translation (fake), cognates — and accepting one.
import { describe, expect, it } from 'vitest'
import type { ConceptEntry, Glossary, Lang } from '../../src/core/model'
import { segmentDocument } from '../../src/core/segment'
import {
  candidateToTerm, mineByTranslation, mineCandidates, mineCognates, nordicSkeleton, prepareMining, sameTerm, type SuggestDocument, type TranslateFn,
} from '../../src/core/suggest'
import { buildMatcher } from '../../src/core/matcher'
import { runCandidates } from '../../src/cliCommands/candidates'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const T = '2025-01-01T00:00:00.000Z'
function entry(id: string, terms: [Lang, string][], quote?: string): ConceptEntry {
  return {
    concept: { id, definitions: {}, related: [], created: T, modified: T },
    terms: terms.map(([lang, text], i) => ({
      id: `${id}-${lang}-${i}`, conceptId: id, lang, text, status: 'preferred', type: 'fullForm', created: T, modified: T,
      sources: quote && lang === 'en' ? [{ doc: 'x.txt', quote }] : [],
    })),
  }
}
const glossary: Glossary = {
  entries: [
    entry('summons', [['en', 'summons'], ['da', 'indkaldelse']], 'The summons was delivered by hand.'),
    entry('deferral', [['en', 'deferral'], ['nb', 'utsettelse'], ['da', 'udsættelse']]),
    entry('conscript', [['en', 'conscript'], ['da', 'værnepligtig'], ['sv', 'värnpliktig']]),
  ],
}

const names = ['Ivanov', 'Petrov', 'Sidorov', 'Kuznetsov', 'Smirnov', 'Popov']
const cities = ['Kazan', 'Samara', 'Omsk', 'Tomsk', 'Perm', 'Ufa']
const others = ['Volkov', 'Sokolov', 'Lebedev', 'Kozlov', 'Novikov', 'Morozov']
const towns = ['Tver', 'Kursk', 'Orel', 'Tula', 'Vologda', 'Kirov']
const months = ['January', 'March', 'May', 'July', 'September', 'November']
const maaneder = ['januar', 'mars', 'mai', 'juli', 'september', 'november']
const waits = ['hadde {n} dager på seg', 'skulle møte innen {n} døgn', 'fikk {n} dagers frist', 'måtte møte etter {n} dager', 'ble gitt {n} døgn', 'hadde en frist på {n} dager']
function doc(file: string, lang: Lang, paras: string[]): SuggestDocument {
  const text = paras.join('\n\n') + '\n'
  return { file, text, passages: segmentDocument(text, { lang }).passages }
}
// English report: six facts about a summons, six about a deferral, a few without either.
const en = doc('en.txt', 'en', [
  ...names.map((n, i) => `On ${i + 3} ${months[i]} 2024 a summons reached ${n} in ${cities[i]}, who had ${i + 20} days to report.`),
  ...others.map((n, i) => `In ${2010 + i} ${n} asked the office in ${towns[i]} for a deferral of ${i + 2} years.`),
  'Many men left Russia in 2022 after the announcement.',
])
// Norwegian report: the same facts, in other words; "innkalling" never appears in the glossary.
const nb = doc('nb.txt', 'nb', [
  ...names.map((n, i) => `Den ${i + 3}. ${maaneder[i]} 2024 fikk ${n} i ${cities[i]} en innkalling og ${waits[i].replace('{n}', String(i + 20))}.`),
  ...others.map((n, i) => `I ${2010 + i} søkte ${n} kontoret i ${towns[i]} om utsettelse i ${i + 2} år.`),
  'Mange menn forlot Russland i 2022 etter kunngjøringen.',
  'Rapporten bygger på åpne kilder og intervjuer med vernepliktige i flere regioner.',
  'Ifølge kildene er vernepliktige ofte usikre på sine rettigheter.',
])

describe('co-occurrence over linked passages', () => {
  const { candidates, stats } = mineCandidates([en, nb], glossary, 'nb', { conceptIds: ['summons'], cognates: false })
  it('ranks the Norwegian rendering first, with evidence into the file', () => {
    const list = candidates.get('summons')!
    expect(stats.units).toBeGreaterThan(10)
    expect(sameTerm(list[0].text, 'innkalling', 'nb')).toBe(true)
    expect(list[0].source).toBe('cooccurrence')
    const ev = list[0].evidence[0]
    expect(ev.file).toBe('nb.txt')
    expect(nb.text.slice(ev.start, ev.end)).toBe(list[0].text)
    expect(ev.text).toContain(list[0].text)
  })
  it('never proposes a term another concept already has', () => {
    expect(candidates.get('summons')!.some((c) => sameTerm(c.text, 'utsettelse', 'nb'))).toBe(false)
  })
})

describe('cognates of related languages', () => {
  it('folds Danish, Norwegian and Swedish spellings to one skeleton', () => {
    expect(nordicSkeleton('værnepligt')).toBe(nordicSkeleton('verneplikt'))
    expect(nordicSkeleton('udrejseforbud')).toBe(nordicSkeleton('utreiseforbud'))
    expect(nordicSkeleton('kommission')).toBe(nordicSkeleton('kommisjon'))
    expect(nordicSkeleton('ockuperade')).toBe(nordicSkeleton('okkuperade'))
  })
  it('finds the Norwegian respelling of a Danish/Swedish term in the corpus', () => {
    const idx = prepareMining([en, nb], 'nb', buildMatcher(glossary), { glossary })
    const c = mineCognates([en, nb], idx, glossary, { conceptIds: ['conscript'] }).get('conscript')!
    expect(sameTerm(c[0].text, 'vernepliktig', 'nb')).toBe(true)
    expect(c[0]).toMatchObject({ source: 'cognate', lang: 'nb' })
    expect(c[0].score).toBeGreaterThan(0.5)
    expect(nb.text.slice(c[0].evidence[0].start, c[0].evidence[0].end)).toBe(c[0].text)
  })
})

describe('machine translation of known terms and contexts', () => {
  const dictionary: Record<string, string> = {
    summons: 'innkalling',
    'The summons was delivered by hand.': 'Innkallingen ble levert for hånd.',
    indkaldelse: 'innkalling',
  }
  const calls: [Lang, Lang, number][] = []
  const translate: TranslateFn = async (texts, src, tgt) => {
    calls.push([src, tgt, texts.length])
    return texts.map((t) => dictionary[t] ?? t)
  }
  it('proposes the translation, confirmed by the translated context, agreeing languages and the corpus', async () => {
    const r = await mineByTranslation({ glossary, lang: 'nb', conceptIds: ['summons'], translate, corpus: [{ file: 'nb.txt', text: nb.text }] })
    const c = r.get('summons')!
    expect(c).toHaveLength(1)
    expect(c[0]).toMatchObject({ text: 'innkalling', source: 'mt', lang: 'nb' })
    expect(c[0].score).toBe(1)
    expect(nb.text.slice(c[0].evidence[0].start, c[0].evidence[0].end).toLowerCase()).toBe('innkalling')
    expect(calls).toEqual([['en', 'nb', 2], ['da', 'nb', 1]])
  })
})

describe('candidateToTerm', () => {
  it('builds an admitted term with its sources', () => {
    const t = candidateToTerm(
      { conceptId: 'summons', lang: 'nb', text: 'innkalling', score: 12.5, source: 'cooccurrence', evidence: [{ file: 'nb.txt', start: 3, end: 13, text: 'Den 3. mars fikk han en innkalling.' }, { file: 'nb.txt', start: 90, end: 100, text: 'Den 3. mars fikk han en innkalling.' }] },
      'summons',
      { id: 't1', now: T },
    )
    expect(t).toMatchObject({ id: 't1', conceptId: 'summons', lang: 'nb', text: 'innkalling', status: 'admitted', type: 'fullForm', created: T, modified: T })
    expect(t.sources).toEqual([{ doc: 'nb.txt', quote: 'Den 3. mars fikk han en innkalling.' }])
    expect(t.note).toMatch(/co-occurrence/)
  })
})

describe('runCandidates (CLI)', () => {
  it('prints candidates as JSON with offsets into the files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cand-'))
    writeFileSync(join(dir, 'en.txt'), en.text)
    writeFileSync(join(dir, 'nb.txt'), nb.text)
    writeFileSync(join(dir, 'g.json'), JSON.stringify({ entries: glossary.entries.map((e) => ({ concept: e.concept, terms: e.terms })) }))
    const out = JSON.parse(await runCandidates([join(dir, 'en.txt'), join(dir, 'nb.txt'), '--glossary', join(dir, 'g.json'), '--lang', 'nb', '--json']))
    const list = out.candidates.summons
    expect(sameTerm(list[0].text, 'innkalling', 'nb')).toBe(true)
    expect(list[0].evidence[0].file).toBe(join(dir, 'nb.txt'))
    expect(nb.text.slice(list[0].evidence[0].start, list[0].evidence[0].end)).toBe(list[0].text)
    // Concepts without Norwegian terms only: 'deferral' has one.
    expect(Object.keys(out.candidates).sort()).toEqual(['conscript', 'summons'])
  })
})
