// The QA job the worker runs: the same findings as the core's runQa, progress per report and per check,
// cancellation between steps, passage indexes as the reader knows them, a matcher kept across runs, and
// the store's pure helpers (variant spelling, quote, CSV with neutralised cells).
import { MatcherCache } from '../../src/core/matcher'
import { describe, expect, it } from 'vitest'
import { JobCancelledError } from '../../src/workers/jobProtocol'
import type { ConceptEntry, Glossary, Lang, Term, TermStatus, TermType } from '../../src/core/model'
import { parseCsv } from '../../src/core/csv'
import { DEFAULT_CHECKS, runQa, type Finding } from '../../src/core/qa'
import {
  FINDINGS_CSV_COLUMNS, findingsToCsv, quoteAround, reportLanguage, runQaJob, spellingLanguage, spellingOf,
  type QaJobDocument, type QaJobProgress,
} from '../../src/workers/qaJob'

const TS = '2025-01-01T00:00:00.000Z'
function entry(id: string, terms: [Lang, string, TermStatus, TermType?][]): ConceptEntry {
  return {
    concept: { id, definitions: {}, related: [], created: TS, modified: TS },
    terms: terms.map(([lang, text, status, type], i): Term => ({ id: `${id}-${i}`, conceptId: id, lang, text, status, type: type ?? 'fullForm', sources: [], created: TS, modified: TS })),
  }
}
const GLOSSARY: Glossary = {
  entries: [
    entry('c-voenkomat', [
      ['ru', 'военкомат', 'preferred'], ['en', 'military commissariat', 'preferred'], ['en', 'Voenkomat', 'admitted', 'transliteration'],
      ['en', 'draft board', 'deprecated'], ['fr', 'commissariat militaire', 'preferred'], ['fr', 'voenkomat', 'admitted', 'transliteration'],
    ]),
    entry('c-conscript', [['ru', 'призывник', 'preferred'], ['en', 'conscript', 'preferred'], ['fr', 'conscrit', 'preferred']]),
  ],
}

/** A report made of paragraphs, one sentence each; passage indexes start at `base`. */
function doc(id: string, lang: Lang | 'und', paras: string[], base = 0): QaJobDocument {
  let text = ''
  const passages: QaJobDocument['passages'] = []
  for (const [i, p] of paras.entries()) {
    const start = text.length
    text += p + '\n\n'
    passages.push({ index: base + i, kind: 'paragraph', lang, text: p, start, end: start + p.length, sentences: [{ text: p, start, end: start + p.length }] })
  }
  return { id, fileName: `${id}.txt`, lang, text, passages }
}
const EN = doc('d-en', 'en', [
  'Military commissariat',
  'The Voенkomat sends the summons to every conscript. The draft board of the Voenkomat keeps the records.',
  'Every conscript reports to the Voenkamat office. The Voenkomat decides.',
])
const FR = doc('d-fr', 'fr', ['Le commissariat militaire envoie la convocation au conscrit.', 'Le Wojenkomat et le voenkomat tiennent les registres du conscrit.'])
const noPause = () => Promise.resolve()
const byCheck = (fs: Finding[], check: string) => fs.filter((f) => f.check === check)
/** The job adds each finding's sentence (context) to what the core finds; the rest must be the same. */
const withoutContext = (fs: Finding[]) => fs.map(({ context: _c, ...f }) => f)

describe('runQaJob', () => {
  it('finds what the core finds, the mixed-script Voенkomat among it', async () => {
    const job = await runQaJob({ glossary: GLOSSARY, documents: [EN, FR] }, { pause: noPause })
    const core = runQa(GLOSSARY, [EN, FR].map((d) => ({ id: d.id, lang: d.lang as Lang, text: d.text, passages: d.passages })))
    expect(withoutContext(job.findings)).toEqual(core.findings)
    expect(job.findings.filter((f) => f.passageIndex !== undefined).every((f) => f.context && f.context.span.length > 0)).toBe(true)
    expect(job.matrix).toEqual(core.matrix)
    const mixed = byCheck(job.findings, 'mixed-script')
    expect(mixed.map((f) => f.surface)).toEqual(['Voенkomat'])
    expect(EN.text.slice(mixed[0].start, mixed[0].end)).toBe('Voенkomat')
    expect(mixed[0]).toMatchObject({ docId: 'd-en', passageIndex: 1, conceptId: 'c-voenkomat', suggestion: 'Voenkomat' })
    expect(byCheck(job.findings, 'misspelling').map((f) => f.surface)).toEqual(['Voenkamat'])
    expect(byCheck(job.findings, 'translit-convention').map((f) => f.surface)).toEqual(['Wojenkomat'])
  })

  it('reports progress before each step: prepare, each report, each check (linked-absent per pair), matrix', async () => {
    const seen: QaJobProgress[] = []
    const checks = [...DEFAULT_CHECKS, 'linked-absent' as const]
    await runQaJob({ glossary: GLOSSARY, documents: [EN, FR, doc('d-en2', 'en', ['A conscript.'])], checks }, { pause: noPause, onProgress: (p) => seen.push(p) })
    const names = seen.map((p) => (p.phase === 'scan' ? `scan:${p.docId}` : p.phase === 'check' ? `check:${p.check}${p.part ? `:${p.part}/${p.parts}` : ''}` : p.phase))
    expect(names).toEqual([
      'prepare', 'scan:d-en', 'scan:d-fr', 'scan:d-en2', 'check:deprecated-term', 'check:variants', 'check:translit-convention', 'check:mixed-script',
      'check:misspelling', 'check:linked-absent:1/2', 'check:linked-absent:2/2', 'matrix', 'matrix',
    ])
    expect(seen.map((p) => p.done)).toEqual([...Array(13).keys()])
    expect(new Set(seen.map((p) => p.total))).toEqual(new Set([12]))
  })

  it('runs the core’s default checks unless told otherwise; linked-absent when asked, as the core runs it', async () => {
    const docs = [EN, FR]
    const core = (checks?: typeof DEFAULT_CHECKS) => runQa(GLOSSARY, docs.map((d) => ({ id: d.id, lang: d.lang as Lang, text: d.text, passages: d.passages })), { checks }).findings
    const plain = await runQaJob({ glossary: GLOSSARY, documents: docs }, { pause: noPause })
    expect(byCheck(plain.findings, 'linked-absent')).toEqual([])
    const all = [...DEFAULT_CHECKS, 'linked-absent' as const]
    const linked = await runQaJob({ glossary: GLOSSARY, documents: docs, checks: all }, { pause: noPause })
    expect(withoutContext(linked.findings)).toEqual(core(all))
  })

  it('runs only the chosen checks', async () => {
    const r = await runQaJob({ glossary: GLOSSARY, documents: [EN, FR], checks: ['mixed-script', 'forbidden-term'] }, { pause: noPause })
    expect(new Set(r.findings.map((f) => f.check))).toEqual(new Set(['mixed-script']))
  })

  it('stops between steps when cancelled, and reports nothing further', async () => {
    const seen: QaJobProgress[] = []
    let cancel = false
    const run = runQaJob({ glossary: GLOSSARY, documents: [EN, FR] }, {
      pause: noPause,
      isCancelled: () => cancel,
      onProgress: (p) => {
        seen.push(p)
        if (p.phase === 'scan') cancel = true
      },
    })
    await expect(run).rejects.toBeInstanceOf(JobCancelledError)
    expect(seen.map((p) => p.phase)).toEqual(['prepare', 'scan'])
  })

  it('gives findings the passages’ own indexes (what the reader’s ?passage= names)', async () => {
    const shifted = doc('d-en', 'en', ['Military commissariat', 'The Voенkomat sends the summons.'], 40)
    const r = await runQaJob({ glossary: GLOSSARY, documents: [shifted] }, { pause: noPause })
    const f = byCheck(r.findings, 'mixed-script')[0]
    expect(f.passageIndex).toBe(41)
    expect(shifted.text.slice(f.start, f.end)).toBe('Voенkomat')
  })

  it('skips a report with no known language; takes an undetermined report’s language from its passages', async () => {
    const none = doc('d-x', 'und', ['The Voенkomat.'])
    const fromPassages: QaJobDocument = { ...doc('d-y', 'und', ['The Voенkomat.']), passages: doc('d-y', 'en', ['The Voенkomat.']).passages }
    expect(reportLanguage(none)).toBeNull()
    expect(reportLanguage(fromPassages)).toBe('en')
    const r = await runQaJob({ glossary: GLOSSARY, documents: [none, fromPassages] }, { pause: noPause })
    expect(r.skipped).toEqual(['d-x'])
    expect(byCheck(r.findings, 'mixed-script').map((f) => f.docId)).toEqual(['d-y'])
  })

  it('keeps one matcher across runs and sees an added variant: the finding is gone', async () => {
    const matchers = new MatcherCache()
    const first = await runQaJob({ glossary: GLOSSARY, documents: [EN] }, { pause: noPause, matchers })
    expect(byCheck(first.findings, 'misspelling')).toHaveLength(1)
    const [voenkomat, conscript] = GLOSSARY.entries
    const variant: Term = { ...voenkomat.terms[2], id: 'c-voenkomat-new', text: 'Voenkamat', type: 'variant', status: 'admitted' }
    const edited: Glossary = { entries: [{ concept: { ...voenkomat.concept, modified: '2025-02-01T00:00:00.000Z' }, terms: [...voenkomat.terms, variant] }, conscript] }
    const second = await runQaJob({ glossary: edited, documents: [EN] }, { pause: noPause, matchers })
    expect(byCheck(second.findings, 'misspelling')).toHaveLength(0)
    const back = await runQaJob({ glossary: GLOSSARY, documents: [EN] }, { pause: noPause, matchers })
    expect(back.findings).toEqual(first.findings)
  })
})

describe('QA store helpers', () => {
  it('turns a surface into a glossary spelling', () => {
    expect(spellingOf(' Voen-\nkomat ')).toBe('Voenkomat')
    expect(spellingOf('draft\n  board')).toBe('draft board')
    expect(spellingOf('Voen\u00adkomat')).toBe('Voenkomat')
  })

  it('judges a spelling in the report’s language, or in a quoted passage’s own', () => {
    expect(spellingLanguage(FR, FR.passages[0])).toBe('fr')
    expect(spellingLanguage(FR, { lang: 'en' })).toBe('en')
    expect(spellingLanguage(FR, { lang: 'ru' })).toBe('fr')
  })

  it('quotes the sentence around a span, else a window of the passage', () => {
    const text = 'First sentence here. The Voenkamat keeps records.\n\nNext.'
    const at = text.indexOf('Voenkamat')
    const p = { start: 0, end: 49, sentences: [{ text: 'First sentence here.', start: 0, end: 20 }, { text: 'The Voenkamat keeps records.', start: 21, end: 49 }] }
    expect(quoteAround(text, p, at, at + 9)).toBe('The Voenkamat keeps records.')
    expect(quoteAround(text, { start: 0, end: 49 }, at, at + 9)).toBe('First sentence here. The Voenkamat keeps records.')
    const long = 'x '.repeat(400) + 'Voenkamat' + ' y'.repeat(400)
    const q = quoteAround(long, undefined, 800, 809)
    expect(q).toContain('Voenkamat')
    expect(q.length).toBeLessThanOrEqual(310)
  })

  it('exports findings as CSV with a BOM, stable columns and formula cells neutralised', () => {
    const f: Finding = {
      id: 'abc', check: 'misspelling', severity: 'warning', conceptId: 'c1', term: 'Voenkomat', docId: 'd1', passageIndex: 3, start: 10, end: 19,
      surface: '=HYPERLINK("http://x")', suggestion: '+Voenkomat', detail: 'one edit',
    }
    const csv = findingsToCsv([f], { conceptLabel: () => '@label', report: () => ({ title: 'Report, "one"', fileName: 'r.txt' }), ignored: new Set(['abc']) })
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const { records } = parseCsv(csv.slice(1))
    expect(records[0].fields).toEqual([...FINDINGS_CSV_COLUMNS])
    const row = Object.fromEntries(FINDINGS_CSV_COLUMNS.map((c, i) => [c, records[1].fields[i]]))
    expect(row).toMatchObject({
      id: 'abc', report: 'Report, "one"', file: 'r.txt', passage: '3', start: '10', end: '19', concept: "'@label",
      surface: `'=HYPERLINK("http://x")`, suggestion: "'+Voenkomat", ignored: 'yes',
    })
  })
})
