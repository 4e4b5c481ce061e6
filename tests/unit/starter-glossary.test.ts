// Checks the hand-written starter glossary (glossary/starter.json) against the domain model and against
// the five corpus reports it was researched from: required concepts, one preferred term per language,
// notes on deprecated terms, unique ids, and every attested quote really occurring in its report.
import { describe, it, expect } from 'vitest'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { PARTS_OF_SPEECH, SUPPORTED_LANGS, TERM_STATUSES, TERM_TYPES } from '../../src/core/model'

interface StarterSource {
  doc: string
  quote?: string
}
interface StarterTerm {
  id: string
  lang: string
  text: string
  status: string
  type: string
  partOfSpeech?: string
  note?: string
  sources: StarterSource[]
}
interface StarterEntry {
  concept: { id: string; subjectField?: string; definitions: Record<string, string>; note?: string; related: string[] }
  terms: StarterTerm[]
}

const glossaryUrl = new URL('../../glossary/starter.json', import.meta.url)
const corpusUrl = new URL('../../../shared/corpus/', import.meta.url)

const starter = JSON.parse(readFileSync(glossaryUrl, 'utf8')) as { entries: StarterEntry[] }
const entries = starter.entries

const manifest = JSON.parse(readFileSync(new URL('manifest.json', corpusUrl), 'utf8')) as {
  documents: { file: string; lang: string }[]
}

/** Collapses every run of whitespace to one space, as quotes are compared. */
const collapse = (s: string): string => s.replace(/\s+/g, ' ')

const reportText = new Map<string, string>()
for (const d of manifest.documents) {
  const path = fileURLToPath(new URL(d.file, corpusUrl))
  if (existsSync(path)) reportText.set(d.file, collapse(readFileSync(path, 'utf8')))
}

/** Normalises Russian for lookups: lower case, ё → е, single spaces. */
const normRu = (s: string): string => collapse(s.trim().toLowerCase().replace(/ё/g, 'е'))

/** Concepts that must exist, each found by any one of its Russian term texts. */
const REQUIRED: Record<string, string[]> = {
  voenkomat: ['военкомат'],
  'contract soldier': ['контрактник'],
  dedovshchina: ['дедовщина'],
  'SOCh (AWOL)': ['СОЧ', 'самовольное оставление части'],
  'AGS (alternative civilian service)': ['АГС', 'альтернативная гражданская служба'],
  conscript: ['призывник', 'срочник'],
  mobilisation: ['мобилизация'],
  summons: ['повестка'],
  Gosuslugi: ['Госуслуги'],
  'National Guard': ['Росгвардия'],
  refusenik: ['отказник'],
  desertion: ['дезертирство'],
  'draft evasion': ['уклонение от призыва'],
  deferral: ['отсрочка'],
  exemption: ['освобождение от призыва'],
  'military registration': ['воинский учёт'],
  'register of summonses': ['реестр повесток'],
  'special military operation': ['СВО', 'специальная военная операция'],
  'partial mobilisation': ['частичная мобилизация'],
  reservist: ['резервист'],
  'military ID': ['военный билет'],
  'fitness category': ['категория годности'],
  'conscription campaign': ['призывная кампания'],
  'Ministry of Defence': ['Министерство обороны', 'Минобороны'],
  'Criminal Code art. 328': ['статья 328 УК РФ'],
  'Criminal Code art. 337': ['статья 337 УК РФ'],
  'Criminal Code art. 338': ['статья 338 УК РФ'],
  'unified register of military registration': ['единый реестр воинского учёта'],
  'occupied territories': ['оккупированные территории'],
  'exit ban': ['запрет на выезд'],
  'Wagner / PMC': ['ЧВК «Вагнер»', 'частная военная компания'],
}

const allTerms = entries.flatMap((e) => e.terms.map((t) => ({ conceptId: e.concept.id, term: t })))

describe('starter glossary: shape', () => {
  it('has at least 40 concepts', () => {
    expect(entries.length).toBeGreaterThanOrEqual(40)
  })

  it('leaves out the fields filled at load time', () => {
    for (const e of entries) {
      expect(e.concept, e.concept.id).not.toHaveProperty('created')
      expect(e.concept, e.concept.id).not.toHaveProperty('modified')
      for (const t of e.terms) {
        expect(t, t.id).not.toHaveProperty('conceptId')
        expect(t, t.id).not.toHaveProperty('created')
        expect(t, t.id).not.toHaveProperty('modified')
      }
    }
  })

  it('contains every required concept (looked up by Russian term)', () => {
    const ruIndex = new Map<string, string>()
    for (const { conceptId, term } of allTerms) if (term.lang === 'ru') ruIndex.set(normRu(term.text), conceptId)
    const missing = Object.entries(REQUIRED)
      .filter(([, ru]) => !ru.some((r) => ruIndex.has(normRu(r))))
      .map(([name]) => name)
    expect(missing, `missing required concepts: ${missing.join(', ')}`).toEqual([])
  })

  it('gives every concept an English definition, a Russian and an English term', () => {
    for (const e of entries) {
      expect(e.concept.definitions?.en?.trim(), `${e.concept.id}: definitions.en`).toBeTruthy()
      expect(e.terms.some((t) => t.lang === 'ru'), `${e.concept.id}: no ru term`).toBe(true)
      expect(e.terms.some((t) => t.lang === 'en'), `${e.concept.id}: no en term`).toBe(true)
    }
  })

  it('has unique, readable ids', () => {
    const conceptIds = entries.map((e) => e.concept.id)
    expect(new Set(conceptIds).size).toBe(conceptIds.length)
    for (const id of conceptIds) expect(id).toMatch(/^c-[a-z0-9]+(-[a-z0-9]+)*$/)
    const termIds = allTerms.map(({ term }) => term.id)
    expect(new Set(termIds).size).toBe(termIds.length)
    for (const { conceptId, term } of allTerms) expect(term.id.startsWith(`${conceptId}-${term.lang}-`), term.id).toBe(true)
    const all = [...conceptIds, ...termIds]
    expect(new Set(all).size).toBe(all.length)
  })

  it('links related concepts that exist', () => {
    const ids = new Set(entries.map((e) => e.concept.id))
    for (const e of entries) {
      expect(Array.isArray(e.concept.related), e.concept.id).toBe(true)
      for (const r of e.concept.related) {
        expect(ids.has(r), `${e.concept.id} → ${r}`).toBe(true)
        expect(r, `${e.concept.id} relates to itself`).not.toBe(e.concept.id)
      }
    }
  })

  it('uses supported languages and picklist values only', () => {
    for (const { term } of allTerms) {
      expect(SUPPORTED_LANGS as readonly string[], term.id).toContain(term.lang)
      expect(TERM_STATUSES as readonly string[], term.id).toContain(term.status)
      expect(TERM_TYPES as readonly string[], term.id).toContain(term.type)
      if (term.partOfSpeech !== undefined) expect(PARTS_OF_SPEECH as readonly string[], term.id).toContain(term.partOfSpeech)
      expect(term.text.trim(), term.id).toBe(term.text)
      expect(term.text.length, term.id).toBeGreaterThan(0)
    }
  })

  it('covers every supported language somewhere', () => {
    const langs = new Set(allTerms.map(({ term }) => term.lang))
    for (const l of SUPPORTED_LANGS) expect(langs.has(l), l).toBe(true)
  })
})

describe('starter glossary: term rules', () => {
  it('has exactly one preferred term per language that has any usable term, and never two', () => {
    const problems: string[] = []
    for (const e of entries) {
      for (const lang of new Set(e.terms.map((t) => t.lang))) {
        const terms = e.terms.filter((t) => t.lang === lang)
        const preferred = terms.filter((t) => t.status === 'preferred').length
        const usable = terms.some((t) => t.status !== 'deprecated' && t.status !== 'forbidden')
        if (preferred > 1) problems.push(`${e.concept.id}/${lang}: ${preferred} preferred terms`)
        if (usable && preferred !== 1) problems.push(`${e.concept.id}/${lang}: no preferred term`)
      }
    }
    expect(problems).toEqual([])
  })

  it('has no duplicate term text within a concept and language', () => {
    const problems: string[] = []
    for (const e of entries) {
      const seen = new Set<string>()
      for (const t of e.terms) {
        const key = `${t.lang}\u0000${t.text}`
        if (seen.has(key)) problems.push(`${e.concept.id}/${t.lang}: "${t.text}"`)
        seen.add(key)
      }
    }
    expect(problems).toEqual([])
  })

  it('explains every deprecated or forbidden term in a note', () => {
    const problems = allTerms
      .filter(({ term }) => (term.status === 'deprecated' || term.status === 'forbidden') && !term.note?.trim())
      .map(({ term }) => `${term.id} "${term.text}"`)
    expect(problems).toEqual([])
  })

  it('writes Russian terms in Cyrillic and flags mixed-script words as deprecated', () => {
    const problems: string[] = []
    const mixed = (w: string): boolean => {
      const scripts = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u, /\p{Script=Arabic}/u, /\p{Script=Greek}/u]
      return scripts.filter((re) => re.test(w)).length > 1
    }
    for (const { term } of allTerms) {
      if (term.lang === 'ru' && !/\p{Script=Cyrillic}/u.test(term.text)) problems.push(`${term.id}: ru term without Cyrillic`)
      const hasMixedWord = term.text.split(/[\s\-/.]+/).some(mixed)
      const nonRuCyrillic = term.lang !== 'ru' && /\p{Script=Cyrillic}/u.test(term.text)
      if ((hasMixedWord || nonRuCyrillic) && term.status !== 'deprecated' && term.status !== 'forbidden')
        problems.push(`${term.id} "${term.text}": mixed or foreign script but ${term.status}`)
    }
    expect(problems).toEqual([])
  })
})

describe('starter glossary: sources', () => {
  it('finds all five corpus reports', () => {
    expect(reportText.size).toBe(manifest.documents.length)
    expect(reportText.size).toBe(5)
  })

  it('cites only corpus reports, with short quotes', () => {
    const problems: string[] = []
    for (const { conceptId, term } of allTerms) {
      for (const s of term.sources) {
        if (!reportText.has(s.doc)) problems.push(`${conceptId} ${term.id}: unknown doc ${s.doc}`)
        const words = (s.quote ?? '').trim().split(/\s+/).filter(Boolean).length
        if (words < 5 || words > 25) problems.push(`${conceptId} ${term.id} [${s.doc}]: quote has ${words} words`)
      }
    }
    expect(problems).toEqual([])
  })

  it('quotes text that really occurs in the report (whitespace collapsed)', () => {
    const failures: string[] = []
    for (const { conceptId, term } of allTerms) {
      for (const s of term.sources) {
        const text = reportText.get(s.doc)
        const quote = collapse(s.quote ?? '').trim()
        if (!text || !quote || !text.includes(quote))
          failures.push(`${conceptId} (${term.lang} "${term.text}") in ${s.doc}: "${s.quote}"`)
      }
    }
    expect(failures, `quotes not found:\n${failures.join('\n')}`).toEqual([])
  })

  it('attests terms that occur in the report of their own language', () => {
    // A term with no sources must not occur verbatim in the report written in its language.
    const byLang = new Map<string, string[]>()
    for (const d of manifest.documents) byLang.set(d.lang, [...(byLang.get(d.lang) ?? []), d.file])
    const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const problems: string[] = []
    for (const { conceptId, term } of allTerms) {
      if (term.sources.length > 0) continue
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(term.text)}(?![\\p{L}\\p{N}])`, 'iu')
      for (const doc of byLang.get(term.lang) ?? []) {
        if (re.test(reportText.get(doc) ?? '')) problems.push(`${conceptId} ${term.lang} "${term.text}" occurs in ${doc}`)
      }
    }
    expect(problems).toEqual([])
  })

  it('attests most report-language terms and every deprecated variant taken from a report', () => {
    const reportLangs = new Set(manifest.documents.map((d) => d.lang))
    const attested = allTerms.filter(({ term }) => reportLangs.has(term.lang) && term.sources.length > 0).length
    expect(attested).toBeGreaterThanOrEqual(150)
    // Deprecated variants are report usages a careful translator avoids, so each must point to the report.
    const unsourcedDeprecated = allTerms
      .filter(({ term }) => term.status === 'deprecated' && term.sources.length === 0)
      .map(({ term }) => term.id)
    expect(unsourcedDeprecated).toEqual([])
  })
})
