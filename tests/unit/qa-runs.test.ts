// QA kept per report and glossary version: the version stamps (what changes them and what does not), the plan
// of which reports to check again, a result split into per-report parts and put together again (the same as one
// run over every report), pruning of old parts, and the stored ignore rules' matching.
import { describe, expect, it } from 'vitest'
import type { Glossary, Lang, Term } from '../../src/core/model'
import { entry } from '../db/helpers'
import {
  assembleQaRuns, compileIgnoreRules, corpusVersion, DEFAULT_CHECKS, glossaryVersion, planQaRuns, prunableRuns, reportVersion,
  ruleConditions, ruleForFinding, ruleMatches, sameConditions, splitQaResult, type CheckId, type Finding, type QaIgnoreRule, type QaReportRun,
} from '../../src/core/qa'
import { runQaJob, type QaJobDocument } from '../../src/workers/qaJob'

function glossary(): Glossary {
  const voenkomat = entry('c-voenkomat', [['ru', 'военкомат', 'preferred'], ['en', 'military commissariat', 'preferred'], ['en', 'Voenkomat', 'admitted'], ['en', 'draft board', 'deprecated']])
  voenkomat.terms[2].type = 'transliteration'
  return { entries: [voenkomat, entry('c-conscript', [['ru', 'призывник', 'preferred'], ['en', 'conscript', 'preferred'], ['fr', 'conscrit', 'preferred']])] }
}
const GLOSSARY = glossary()

function doc(id: string, lang: Lang | 'und', paras: string[]): QaJobDocument {
  let text = ''
  const passages: QaJobDocument['passages'] = []
  for (const [i, p] of paras.entries()) {
    const start = text.length
    text += p + '\n\n'
    passages.push({ index: i, kind: 'paragraph', lang, text: p, start, end: start + p.length, sentences: [{ text: p, start, end: start + p.length }] })
  }
  return { id, fileName: `${id}.txt`, lang, text, passages }
}
const A = doc('d-a', 'en', ['The Voенkomat sends the summons to every conscript.', 'The draft board and the Voenkamat office.', 'Each conscript reports to the military commissariat.'])
const B = doc('d-b', 'en', ['The military commissariat calls every conscript.', 'A draft board of the Voenkomat.'])
const C = doc('d-c', 'und', ['?'])
const quick = { pause: () => Promise.resolve() }
const checks: CheckId[] = [...DEFAULT_CHECKS]
const v = (d: QaJobDocument, lang = d.lang) => ({ id: d.id, version: reportVersion(`hash-${d.id}`, lang, d.passages.map((p) => [`${d.id}:${p.index}`, p.lang] as const)) })

describe('QA versions', () => {
  it('a glossary version ignores order, notes, sources and dates, and changes with any term', () => {
    const g = glossaryVersion(GLOSSARY.entries)
    const reordered = [...GLOSSARY.entries].reverse().map((e) => ({ ...e, terms: [...e.terms].reverse() }))
    expect(glossaryVersion(reordered)).toBe(g)
    const noted = GLOSSARY.entries.map((e) => ({
      concept: { ...e.concept, note: 'checked', modified: '2026-01-01' },
      terms: e.terms.map((t) => ({ ...t, note: 'n', sources: [{ doc: 'x', quote: 'y' }], modified: '2026-01-01' })),
    }))
    expect(glossaryVersion(noted)).toBe(g)
    const edit = (f: (t: Term) => Term) => glossaryVersion(GLOSSARY.entries.map((e) => ({ ...e, terms: e.terms.map(f) })))
    expect(edit((t) => (t.text === 'draft board' ? { ...t, status: 'forbidden' } : t))).not.toBe(g)
    expect(edit((t) => (t.text === 'conscript' ? { ...t, text: 'conscripts' } : t))).not.toBe(g)
    expect(edit((t) => (t.text === 'Voenkomat' ? { ...t, type: 'variant' } : t))).not.toBe(g)
    expect(glossaryVersion(GLOSSARY.entries.slice(1))).not.toBe(g)
    expect(glossaryVersion([...GLOSSARY.entries, entry('c-new', [])])).not.toBe(g)
  })

  it('a report version changes with its hash, its language and any passage language, not with passage order', () => {
    const base = reportVersion('h', 'en', [['d:0', 'en'], ['d:1', 'en']])
    expect(reportVersion('h', 'en', [['d:1', 'en'], ['d:0', 'en']])).toBe(base)
    expect(reportVersion('h2', 'en', [['d:0', 'en'], ['d:1', 'en']])).not.toBe(base)
    expect(reportVersion('h', 'fr', [['d:0', 'en'], ['d:1', 'en']])).not.toBe(base)
    expect(reportVersion('h', 'en', [['d:0', 'en'], ['d:1', 'fr']])).not.toBe(base)
    expect(corpusVersion([{ id: 'a', version: '1' }, { id: 'b', version: '2' }])).toBe(corpusVersion([{ id: 'b', version: '2' }, { id: 'a', version: '1' }]))
  })
})

describe('QA runs kept per report and glossary version', () => {
  it('parts of runs over single reports put together equal one run over all of them', async () => {
    const whole = await runQaJob({ glossary: GLOSSARY, documents: [A, B, C], checks }, quick)
    const g = glossaryVersion(GLOSSARY.entries)
    const parts: QaReportRun[] = []
    for (const d of [A, B, C]) {
      const r = await runQaJob({ glossary: GLOSSARY, documents: [d], checks }, quick)
      parts.push(...splitQaResult(r, [v(d)], { glossary: g, checks, ranAt: `2026-01-0${parts.length + 1}` }))
    }
    const all = assembleQaRuns(parts)
    expect(whole.findings.length).toBeGreaterThan(3)
    expect(all.findings).toEqual(whole.findings)
    expect(all.matrix).toEqual(whole.matrix)
    expect(all.skipped).toEqual(['d-c'])
    expect(all.ranAt).toBe('2026-01-03')
    expect(parts.find((p) => p.docId === 'd-c')).toMatchObject({ skipped: true, findings: [], cells: [] })
    expect(assembleQaRuns([])).toMatchObject({ findings: [], ranAt: null, matrix: { concepts: [], reports: [], cells: [] } })
  })

  it('plans to check again only the reports whose text, languages or glossary changed', async () => {
    const g = glossaryVersion(GLOSSARY.entries)
    const r = await runQaJob({ glossary: GLOSSARY, documents: [A, B], checks }, quick)
    const stored = splitQaResult(r, [v(A), v(B)], { glossary: g, checks, ranAt: '2026-01-01' })
    expect(stored.map((p) => [p.docId, p.findings.every((f) => f.docId === p.docId)])).toEqual([['d-a', true], ['d-b', true]])

    const same = planQaRuns({ glossary: g, checks, reports: [v(A), v(B)] }, stored)
    expect(same).toEqual({ rerun: [], shown: stored, outdated: [], unchecked: [] })
    // A language override of report B: only B, and its old part shows meanwhile (out of date).
    const bFr = v(B, 'fr')
    const changed = planQaRuns({ glossary: g, checks, reports: [v(A), bFr] }, stored)
    expect(changed.rerun).toEqual(['d-b'])
    expect(changed.outdated).toEqual(['d-b'])
    expect(changed.shown.map((p) => p.docId)).toEqual(['d-a', 'd-b'])
    // A new report: checked, nothing to show for it yet; a deleted one is simply not shown.
    const added = planQaRuns({ glossary: g, checks, reports: [v(B), v(C)] }, stored)
    expect(added).toMatchObject({ rerun: ['d-c'], outdated: [], unchecked: ['d-c'] })
    expect(added.shown.map((p) => p.docId)).toEqual(['d-b'])
    // Another glossary: every report; other checks: every report.
    expect(planQaRuns({ glossary: 'g-other', checks, reports: [v(A), v(B)] }, stored).rerun).toEqual(['d-a', 'd-b'])
    expect(planQaRuns({ glossary: g, checks: ['variants'], reports: [v(A), v(B)] }, stored).rerun).toEqual(['d-a', 'd-b'])
    // Back to the first glossary after an undo: the stored parts are current again.
    const other = splitQaResult(r, [v(A), v(B)], { glossary: 'g-other', checks, ranAt: '2026-01-02' })
    expect(planQaRuns({ glossary: g, checks, reports: [v(A), v(B)] }, [...stored, ...other])).toMatchObject({ rerun: [], shown: stored })
    // The newest out-of-date part is the one shown.
    expect(planQaRuns({ glossary: 'g-third', checks, reports: [v(A)] }, [...stored, ...other]).shown).toEqual([other[0]])
  })

  it("with 'linked-absent' a change to any report checks all of them again", async () => {
    const linked: CheckId[] = [...checks, 'linked-absent']
    const g = glossaryVersion(GLOSSARY.entries)
    const r = await runQaJob({ glossary: GLOSSARY, documents: [A, B], checks: linked }, quick)
    const stored = splitQaResult(r, [v(A), v(B)], { glossary: g, checks: linked, ranAt: '2026-01-01', peers: corpusVersion([v(A), v(B)]) })
    expect(planQaRuns({ glossary: g, checks: linked, reports: [v(A), v(B)] }, stored).rerun).toEqual([])
    expect(planQaRuns({ glossary: g, checks: linked, reports: [v(A), v(B, 'fr')] }, stored).rerun).toEqual(['d-a', 'd-b'])
    expect(planQaRuns({ glossary: g, checks: linked, reports: [v(A)] }, stored).rerun).toEqual(['d-a'])
  })

  it('prunes the parts of deleted reports and all but the newest few per report', () => {
    const part = (docId: string, glossary: string, ranAt: string): QaReportRun => ({
      docId, glossary, report: 'r', checks: [], peers: '', ranAt, skipped: false, findings: [], cells: [], labels: {},
    })
    const rows = [part('a', 'g1', '1'), part('a', 'g2', '2'), part('a', 'g3', '3'), part('a', 'g4', '4'), part('gone', 'g1', '5')]
    expect(prunableRuns(rows, new Set(['a']), 3).map((r) => `${r.docId}/${r.glossary}`).sort()).toEqual(['a/g1', 'gone/g1'])
    expect(prunableRuns(rows, new Set(['a', 'gone']), 1).map((r) => r.glossary).sort()).toEqual(['g1', 'g2', 'g3'])
  })
})

describe('QA ignore rules', () => {
  const f = (over: Partial<Finding>): Finding => ({ id: 'x', check: 'misspelling', severity: 'warning', docId: 'd-a', start: 0, end: 9, surface: 'Voenkamat', conceptId: 'c-voenkomat', ...over })
  const rule = (id: string, c: Partial<QaIgnoreRule>, created = '2026-01-01'): QaIgnoreRule => ({ id, created, ...c })

  it('ignores a term in its report or everywhere, by its normalised surface', () => {
    const inReport = ruleForFinding('term-report', f({ surface: 'Voen-\nkamat ' }))
    expect(inReport).toEqual({ surface: 'voenkamat', docId: 'd-a' })
    expect(ruleForFinding('term', f({}))).toEqual({ surface: 'voenkamat' })
    expect(ruleMatches(inReport, f({ surface: 'VOENKAMAT', check: 'translit-convention' }))).toBe(true)
    expect(ruleMatches(inReport, f({ docId: 'd-b' }))).toBe(false)
    expect(ruleMatches({ surface: 'voenkamat' }, f({ docId: 'd-b' }))).toBe(true)
    expect(ruleMatches({ surface: 'voenkamat' }, f({ surface: 'Voenkomat' }))).toBe(false)
    // Acronyms keep their case.
    expect(ruleForFinding('term', f({ surface: 'SOCh' }))).toEqual({ surface: 'SOCh' })
  })

  it('bulk rules by check, concept and report need every condition; a rule with none matches nothing', () => {
    expect(ruleMatches({ check: 'misspelling', docId: 'd-a' }, f({}))).toBe(true)
    expect(ruleMatches({ check: 'misspelling', docId: 'd-a' }, f({ check: 'variants' }))).toBe(false)
    expect(ruleMatches({ conceptId: 'c-voenkomat' }, f({ conceptId: undefined }))).toBe(false)
    expect(ruleMatches({}, f({}))).toBe(false)
    expect(ruleConditions({ check: undefined, docId: ' ', surface: '' })).toBeNull()
    expect(ruleConditions({ surface: ' Voen  Kamat ', docId: 'd-a', conceptId: '' })).toEqual({ surface: 'voen kamat', docId: 'd-a' })
    expect(sameConditions({ surface: 'a', docId: 'd' }, { docId: 'd', surface: 'a' })).toBe(true)
    expect(sameConditions({ surface: 'a' }, { surface: 'a', docId: 'd' })).toBe(false)
  })

  it('compiled rules name the oldest rule that ignores a finding', () => {
    const test = compileIgnoreRules([
      rule('r3', { check: 'misspelling' }, '2026-01-03'),
      rule('r1', { surface: 'voenkamat', docId: 'd-b' }, '2026-01-01'),
      rule('r2', { surface: 'voenkamat' }, '2026-01-02'),
      rule('empty', {}, '2025-01-01'),
    ])
    expect(test(f({}))?.id).toBe('r2')
    expect(test(f({ docId: 'd-b' }))?.id).toBe('r1')
    expect(test(f({ surface: 'other' }))?.id).toBe('r3')
    expect(test(f({ surface: 'other', check: 'variants' }))).toBeUndefined()
    expect(compileIgnoreRules([])(f({}))).toBeUndefined()
  })
})
