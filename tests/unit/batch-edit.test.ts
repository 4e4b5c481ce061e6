// Batch edit planning (core/batchEdit.ts): what each operation changes, what it leaves, and the concepts a rule keeps
// from changing; and the form that builds the operation.
import { describe, expect, it } from 'vitest'
import { planBatch, BatchOpError } from '../../src/core/batchEdit'
import { emptyForm, formOp } from '../../src/components/glossary/batchForm'
import { entry } from '../db/helpers'

const NOW = '2026-12-05T00:00:00.000Z'
const glossary = () => [
  entry('c1', [['en', 'military commissariat', 'preferred'], ['da', 'Voenkomat', 'admitted'], ['nb', 'Vojenkomat', 'admitted']], 'the Voenkomat registers conscripts'),
  entry('c2', [['en', 'hazing', 'preferred'], ['da', 'dedovsjtjina', 'admitted'], ['da', 'mobning', 'preferred']]),
  entry('c3', [['en', 'alternative civilian service', 'admitted']]),
]

describe('planBatch', () => {
  it('sets or clears the subject field, leaving concepts that already have it', () => {
    const list = glossary()
    list[2].concept.subjectField = 'military'
    const plan = planBatch(list, { kind: 'subject', value: ' military ' }, NOW)
    expect(plan.changes.map((c) => [c.after.concept.id, c.after.concept.subjectField, c.after.concept.modified])).toEqual([
      ['c1', 'military', NOW], ['c2', 'military', NOW],
    ])
    expect(plan.unchanged).toBe(1)
    expect(plan.changes[0].before.concept.subjectField).toBeUndefined()
    const cleared = planBatch(list, { kind: 'subject', value: '' }, NOW)
    expect(cleared.changes.map((c) => [c.after.concept.id, c.after.concept.subjectField])).toEqual([['c3', undefined]])
  })

  it('changes the status of the chosen language and status only, and refuses a second preferred term', () => {
    const plan = planBatch(glossary(), { kind: 'status', lang: 'da', from: 'admitted', to: 'deprecated' }, NOW)
    expect(plan.changes.map((c) => c.after.terms.map((t) => `${t.text}:${t.status}`))).toEqual([
      ['military commissariat:preferred', 'Voenkomat:deprecated', 'Vojenkomat:admitted'],
      ['hazing:preferred', 'dedovsjtjina:deprecated', 'mobning:preferred'],
    ])
    expect(plan.changes[0].after.terms[0]).toBe(plan.changes[0].before.terms[0])
    const promote = planBatch(glossary(), { kind: 'status', lang: 'da', from: null, to: 'preferred' }, NOW)
    expect(promote.changes.map((c) => c.after.concept.id)).toEqual(['c1'])
    expect(promote.refused.map((r) => [r.entry.concept.id, r.problems.map((p) => p.code)])).toEqual([['c2', ['twoPreferred']]])
    expect(promote.unchanged).toBe(1)
  })

  it('finds and replaces literally, in the chosen texts and language, counting the replacements', () => {
    const op = { kind: 'replace', find: 'voenkomat', replace: 'Vojenkomat', fields: ['term', 'definition'], lang: null, matchCase: false, wholeWord: true } as const
    const plan = planBatch(glossary(), op, NOW)
    expect(plan.replacements).toBe(2)
    const c1 = plan.changes[0].after
    expect(c1.terms.map((t) => t.text)).toEqual(['military commissariat', 'Vojenkomat', 'Vojenkomat'])
    expect(c1.concept.definitions.en).toBe('the Vojenkomat registers conscripts')
    // Whole words: "komat" inside "Voenkomat" is not a word; with matchCase, "voenkomat" finds nothing.
    expect(planBatch(glossary(), { ...op, find: 'komat', replace: 'x' }, NOW).changes).toEqual([])
    expect(planBatch(glossary(), { ...op, matchCase: true }, NOW).replacements).toBe(0)
    // Pattern characters are literal, and "$&" in the replacement is text, not the match.
    const dollar = planBatch(glossary(), { ...op, find: 'commissariat', replace: '$& (.*)', fields: ['term'], lang: 'en', wholeWord: false }, NOW)
    expect(dollar.changes[0].after.terms[0].text).toBe('military $& (.*)')
    expect(planBatch(glossary(), { ...op, find: '.*', wholeWord: false }, NOW).changes).toEqual([])
    // Only the chosen language's terms and definitions.
    expect(planBatch(glossary(), { ...op, lang: 'nb' }, NOW).replacements).toBe(0)
  })

  it('refuses a replacement that empties a term or makes two terms one, and rejects an empty find text', () => {
    const op = { kind: 'replace', find: 'mobning', replace: '', fields: ['term'], lang: 'da', matchCase: false, wholeWord: false } as const
    const emptied = planBatch(glossary(), op, NOW)
    expect(emptied.refused.map((r) => r.problems.map((p) => p.code))).toEqual([['emptyTerm']])
    expect(emptied.changes).toEqual([])
    const twice = planBatch(glossary(), { ...op, lang: 'nb', find: 'Vojenkomat', replace: 'Voenkomat', fields: ['term'] }, NOW)
    expect(twice.changes.length).toBe(1)
    const same = planBatch([entry('x', [['da', 'Voenkomat'], ['da', 'Vojenkomat']])], { ...op, find: 'Vojenkomat', replace: 'Voenkomat' }, NOW)
    expect(same.refused[0].problems.map((p) => p.code)).toEqual(['duplicateTerm'])
    expect(() => planBatch(glossary(), { ...op, find: '' }, NOW)).toThrow(BatchOpError)
  })

  it('edits the concept note only when every language is chosen, and drops a note the replacement empties', () => {
    const list = glossary()
    list[0].concept.note = 'check Voenkomat'
    list[0].terms[1].note = 'Voenkomat'
    const op = { kind: 'replace', find: 'Voenkomat', replace: '', fields: ['note'], lang: 'da', matchCase: true, wholeWord: true } as const
    const da = planBatch(list, op, NOW).changes[0].after
    expect([da.concept.note, da.terms[1].note, da.terms[1].text]).toEqual(['check Voenkomat', undefined, 'Voenkomat'])
    const all = planBatch(list, { ...op, lang: null }, NOW).changes[0].after
    expect(all.concept.note).toBe('check ')
  })
})

describe('the batch form', () => {
  it('builds the operation it shows, and none for delete or an empty find', () => {
    const f = emptyForm()
    expect(formOp({ ...f, subject: 'law' })).toEqual({ kind: 'subject', value: 'law' })
    expect(formOp({ ...f, kind: 'status', lang: 'fi', to: 'deprecated' })).toEqual({ kind: 'status', lang: 'fi', from: null, to: 'deprecated' })
    expect(formOp({ ...f, kind: 'replace' })).toBeNull()
    expect(formOp({ ...f, kind: 'replace', find: 'a', fields: [] })).toBeNull()
    expect(formOp({ ...f, kind: 'replace', find: 'a' })).toMatchObject({ kind: 'replace', find: 'a', lang: null, fields: ['term', 'definition', 'note'] })
    expect(formOp({ ...f, kind: 'delete' })).toBeNull()
  })
})
