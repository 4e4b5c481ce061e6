// New-term discovery (core/suggest/newTerms.ts): abbreviations with the long form a report defines (Schwartz & Hearst),
// Russian in Cyrillic with its gloss, undefined abbreviations used twice; what the glossary knows left out or offered
// to its concept; and an accepted candidate as a glossary entry (core/suggest/newTermEntry.ts).
import { describe, expect, it } from 'vitest'
import { findNewTerms, type NewTermPassage } from '../../src/core/suggest/newTerms'
import { bestLongForm, isAbbreviation } from '../../src/core/suggest/abbreviations'
import { candidateEntry } from '../../src/core/suggest/newTermEntry'
import { buildMatcher } from '../../src/core/matcher'
import { runNewTermsJob } from '../../src/workers/newTermsJob'
import { runConceptsInJob } from '../../src/workers/conceptsInJob'
import { entry } from '../db/helpers'

const p = (text: string, lang: NewTermPassage['lang'] = 'en', doc = 'r1', kind = 'paragraph'): NewTermPassage => ({ doc, index: 0, lang, kind, text, start: 100 })

describe('Schwartz & Hearst long forms', () => {
  it('finds the shortest end of the text that spells the abbreviation, in Latin and Cyrillic letters', () => {
    expect(bestLongForm('SCP', 'men must report to the Single Conscription Point')).toBe('Single Conscription Point')
    expect(bestLongForm('ВУС', 'указана военно-учетная специальность')).toBe('военно-учетная специальность')
    expect(bestLongForm('FSB', 'the Federal Security Service')).toBeNull()
    expect(bestLongForm('NGO', 'NGO')).toBeNull()
  })

  it('tells abbreviations from capitalised words', () => {
    expect(['SCP', 'SOCh', 'MoD', 'NGOs', 'N53-FZ', 'ВУС'].map(isAbbreviation)).toEqual([true, true, true, true, true, true])
    expect(['Full-Scale', 'OVD-Info', 'XIV', 'Moscow', 'A', 'USD'].map(isAbbreviation)).toEqual([false, false, false, false, false, false])
  })
})

describe('findNewTerms', () => {
  it('proposes a defined abbreviation with its long form, either way round, and where it was seen', () => {
    const found = findNewTerms([
      p('Since 2023 men report to the Single Conscription Point (SCP) in Moscow.'),
      p('The SCP (Single Conscription Point) replaced paper summonses.', 'en', 'r2'),
      p('Soldiers who go absent without leave (AWOL) are prosecuted.'),
    ], null)
    const scp = found.find((c) => c.terms[0].text === 'SCP')!
    expect(scp.kind).toBe('defined')
    expect(scp.terms).toEqual([{ text: 'SCP', lang: 'en', type: 'acronym' }, { text: 'Single Conscription Point', lang: 'en', type: 'fullForm' }])
    expect([scp.count, scp.docs]).toEqual([2, ['r1', 'r2']])
    expect(scp.example.text).toBe('Since 2023 men report to the Single Conscription Point (SCP) in Moscow.')
    expect(scp.example.start).toBe(100 + 'Since 2023 men report to the '.length)
    expect(found.find((c) => c.terms[0].text === 'AWOL')?.terms[1].text).toBe('absent without leave')
  })

  it('takes a capitalised name before an abbreviation of another language, and no article', () => {
    const found = findNewTerms([p('Officers of the Federal Security Service (FSB) visited.'), p("Selon l'Organisation suisse d’aide aux réfugiés (OSAR), les conscrits…", 'fr')], null)
    expect(found.find((c) => c.terms[0].text === 'FSB')?.terms[1].text).toBe('Federal Security Service')
    expect(found.find((c) => c.terms[0].text === 'OSAR')?.terms[1]).toEqual({ text: 'Organisation suisse d’aide aux réfugiés', lang: 'fr', type: 'fullForm' })
    // A name is taken only for an abbreviation of capitals with about as many words as letters.
    const law = findNewTerms([p('the Federal Law On Military Duty and Military Service (N53-FZ) and the Western Military District (WMD)')], null)
    expect(law.map((c) => c.terms.map((t) => t.text))).toEqual([['WMD', 'Western Military District']])
  })

  it('proposes Russian quoted in Cyrillic with its gloss, without the sentence words around it', () => {
    const found = findNewTerms([
      p('They were sent to the voennyj komissariat (военный комиссариат) at once.'), p('The военкомат (military commissariat) decides.'),
      p('He went to the office (призывной пункт) at once.'), p('Федеральный закон от 28 марта', 'en'), p('Федеральный закон от 1998 года', 'en'),
    ], null)
    const ru = found.filter((c) => c.kind === 'cyrillic').map((c) => c.terms.map((t) => `${t.lang}:${t.text}:${t.type}`))
    expect(ru).toContainEqual(['ru:военный комиссариат:fullForm', 'en:voennyj komissariat:transliteration'])
    expect(ru).toContainEqual(['ru:военкомат:fullForm', 'en:military commissariat:fullForm'])
    expect(ru).toContainEqual(['ru:Федеральный закон:fullForm'])
    // Words before a bracket that do not spell the term are no gloss, and one unglossed use is not enough.
    expect(ru.filter((t) => t[0].startsWith('ru:призывной'))).toEqual([])
  })

  it('needs a second use of an undefined abbreviation, and leaves capitals set for emphasis and footnote Cyrillic', () => {
    const found = findNewTerms([
      p('The FPV drones and the RTVI channel.'), p('More FPV drones.'), p('THE WAR IN UKRAINE: the war goes on in Ukraine.'), p('THE WAR again.'),
      p('Статья 328 УК РФ', 'en', 'r1', 'footnote'), p('Статья 59 Конституции', 'en', 'r1', 'footnote'),
    ], null)
    expect(found.map((c) => c.terms[0].text)).toEqual(['FPV'])
  })

  it('takes a word a report names in quotes, but not one it also writes without them, nor a phrase quoted once', () => {
    const found = findNewTerms([
      p('Records go to «Rosreestr», the property register.', 'nb'), p('It was a “huge mess” and a “mess” again.'),
      p('Nobody will clean up this mess.'), p('The “one-day drafts” continued; the “one-day drafts” are new.'),
    ], null)
    expect(found.filter((c) => c.kind === 'quoted').map((c) => [c.terms[0].text, c.terms[0].lang, c.count])).toEqual([['one-day drafts', 'en', 2], ['Rosreestr', 'nb', 1]])
  })

  it('leaves out what the glossary knows, and offers the other form to the concept that has one', () => {
    const matcher = buildMatcher({ entries: [entry('c-soch', [['en', 'AWOL', 'preferred']]), entry('c-scp', [['en', 'SCP'], ['en', 'Single Conscription Point']])] })
    const found = findNewTerms([p('Soldiers who go absent without leave (AWOL) are prosecuted.'), p('The Single Conscription Point (SCP) opened.')], matcher)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ conceptId: 'c-soch', terms: [{ text: 'absent without leave', lang: 'en', type: 'fullForm' }] })
  })

  it('runs in the worker without the candidates the user ignored', () => {
    const documents = [{ id: 'd1', text: '', passages: [{ index: 0, kind: 'paragraph' as const, lang: 'en' as const, text: 'The Single Conscription Point (SCP) and the Institute for the Study of War (ISW).', start: 0, end: 80 }] }]
    const all = runNewTermsJob({ documents, ignored: [] }, null)
    expect(all.map((c) => c.terms[0].text).sort()).toEqual(['ISW', 'SCP'])
    expect(runNewTermsJob({ documents, ignored: [all.find((c) => c.terms[0].text === 'SCP')!.key] }, null).map((c) => c.terms[0].text)).toEqual(['ISW'])
  })
})

describe('an accepted candidate', () => {
  const [scp] = findNewTerms([p('Men report to the Single Conscription Point (SCP) now.')], null)
  const source = { doc: 'r1.pdf', quote: scp.example.text }

  it('becomes a new concept whose full form is preferred, each term with the sentence as its source', () => {
    const e = candidateEntry(scp, undefined, source, '2026-12-05T00:00:00.000Z')
    expect(e.terms.map((t) => [t.text, t.lang, t.type, t.status])).toEqual([['SCP', 'en', 'acronym', 'admitted'], ['Single Conscription Point', 'en', 'fullForm', 'preferred']])
    expect(e.terms.every((t) => t.conceptId === e.concept.id && t.sources[0].doc === 'r1.pdf' && t.sources[0].quote === source.quote)).toBe(true)
  })

  it('adds only the terms a concept lacks, as admitted', () => {
    const existing = entry('c-scp', [['en', 'Single Conscription Point', 'preferred']])
    const e = candidateEntry(scp, existing, source, '2026-12-05T00:00:00.000Z')
    expect(e.concept.id).toBe('c-scp')
    expect(e.terms.map((t) => [t.text, t.status])).toEqual([['Single Conscription Point', 'preferred'], ['SCP', 'admitted']])
  })
})

describe('the concepts of one report (the glossary\'s "in report" filter)', () => {
  it('counts each concept the matcher finds, every passage in its own language, Russian terms too', () => {
    const matcher = buildMatcher({ entries: [entry('c-vk', [['en', 'military commissariat'], ['ru', 'военкомат'], ['nb', 'militærkommissariat']]), entry('c-x', [['en', 'exit ban']])] })
    const passages = [
      { lang: 'en' as const, text: 'The military commissariat (военкомат) sent it.' },
      { lang: 'und' as const, text: 'Militærkommissariatet ringte.' },
    ]
    expect(runConceptsInJob({ lang: 'nb', passages }, matcher)).toEqual({ 'c-vk': 3 })
    expect(runConceptsInJob({ lang: 'nb', passages }, null)).toEqual({})
  })
})
