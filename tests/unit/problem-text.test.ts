// Termbase rule problems reach the user in the interface language, naming the term, text and language at fault.
import { beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import i18next from 'i18next'
import { validateEntry } from '../../src/core/validateEntry'
import { problemText, writeErrorText } from '../../src/i18n/problemText'
import { EntryValidationError } from '../../src/db/termbase'
import type { ConceptEntry, Term } from '../../src/core/model'

const LOCALES = ['en', 'fi', 'nb', 'da', 'sv', 'fr']
const detail = (l: string) => (JSON.parse(readFileSync(`src/i18n/locales/${l}.json`, 'utf8')) as { problemDetail: Record<string, string> }).problemDetail
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

const term = (over: Partial<Term>): Term =>
  ({ conceptId: 'c1', lang: 'fi', text: 'asevelvollinen', status: 'admitted', type: 'fullForm', sources: [], created: '', modified: '', ...over }) as Term
const entry = (terms: Term[]): ConceptEntry =>
  ({ concept: { id: 'c1', subjectField: '', definition: {}, note: '', related: [], created: '', modified: '' }, terms }) as unknown as ConceptEntry

beforeAll(async () => {
  await i18next.init({ lng: 'fi', fallbackLng: 'en', interpolation: { escapeValue: false }, resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: { problemDetail: detail(l) } }])) })
})

describe('problem texts', () => {
  it('every locale has a text for every code, with the placeholders of the English one', () => {
    const en = detail('en')
    for (const l of LOCALES.slice(1)) {
      const d = detail(l)
      expect(Object.keys(d).sort(), l).toEqual(Object.keys(en).sort())
      for (const [k, v] of Object.entries(en)) expect(placeholders(d[k]), `${l}.${k}`).toEqual(placeholders(v))
    }
  })

  it('names the terms and the language of two preferred terms, in Finnish', async () => {
    await i18next.changeLanguage('fi')
    const problems = validateEntry(entry([term({ text: 'asevelvollinen', status: 'preferred' }), term({ text: 'kutsunta-asevelvollinen', status: 'preferred' })]))
    expect(problems.map((p) => p.code)).toEqual(['twoPreferred'])
    expect(problemText(problems[0], 'c1')).toBe('Käsite c1: Kaksi suositettavaa termiä kielellä fi: ”asevelvollinen” ja ”kutsunta-asevelvollinen”. Muuta toinen hyväksyttäväksi.')
  })

  it('gives every code a sentence with its values filled in (no placeholder left), in every language', async () => {
    const problems = validateEntry(entry([term({ text: ' ' }), term({ lang: 'xx' as Term['lang'], status: 'odd' as Term['status'], type: 'odd' as Term['type'], partOfSpeech: 'odd' as Term['partOfSpeech'] }), term({}), term({})]))
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(['emptyTerm', 'badLang', 'badStatus', 'badType', 'badPos', 'duplicateTerm']))
    for (const l of LOCALES) {
      await i18next.changeLanguage(l)
      for (const p of problems) {
        const s = problemText(p)
        expect(s, `${l} ${p.code}`).not.toMatch(/\{\{|\}\}|problemDetail/)
        if (p.code === 'badStatus') expect(s).toContain('odd')
        if (p.code === 'emptyTerm') expect(s).toContain('1')
      }
    }
  })

  it('translates a validation error thrown by a write, and leaves other errors as they are', async () => {
    await i18next.changeLanguage('sv')
    const problems = validateEntry(entry([]))
    expect(writeErrorText(new EntryValidationError(problems, 'c9'))).toBe('Begrepp c9: Ett begrepp måste ha minst en term.')
    expect(writeErrorText(new Error('disk full'))).toBe('disk full')
  })
})
