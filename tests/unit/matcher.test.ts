// Term matching on real corpus sentences: folding, confusables, inflection, Finnish stems, Nordic compounds, transliterations.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import type { ConceptEntry, Glossary, Lang, Term } from '../../src/core/model'
import {
  AhoCorasick, buildMatcher, finnishObliqueStems, isFinnishEnding, type TermHit,
} from '../../src/core/matcher'
import { sameLetters } from '../../src/core/matcher/hits'
import { naiveRegexMatch } from '../bench/naive'

const T = '2025-01-01T00:00:00.000Z'
type Row = [Lang, string, Term['type']?]

/** A concept with terms, ids `${id}/${lang}/${i}`. */
function concept(id: string, rows: Row[]): ConceptEntry {
  return {
    concept: { id, definitions: {}, related: [], created: T, modified: T },
    terms: rows.map(([lang, text, type], i) => ({
      id: `${id}/${lang}/${i}`, conceptId: id, lang, text, status: 'preferred', type: type ?? 'fullForm', sources: [], created: T, modified: T,
    })),
  }
}

const GLOSSARY: Glossary = {
  entries: [
    concept('voenkomat', [
      ['ru', 'военкомат'], ['en', 'voenkomat', 'transliteration'], ['en', 'military commissariat'],
      ['nb', 'vojenkomat', 'transliteration'], ['fi', 'sotilaskomissariaatti'], ['fi', 'voenkomat', 'transliteration'],
      ['fr', 'voenkomat', 'transliteration'], ['da', 'voenkomat', 'transliteration'], ['sv', 'militärkommissariat'],
    ]),
    concept('dedovshchina', [
      ['ru', 'дедовщина'], ['en', 'dedovshchina', 'transliteration'], ['en', 'hazing'], ['nb', 'dedovsjtsjina', 'transliteration'],
      ['fr', 'dedovchtchina', 'transliteration'],
    ]),
    concept('contract-soldier', [
      ['ru', 'контрактник'], ['en', 'contract soldier'], ['en', 'kontraktnik', 'transliteration'], ['nb', 'kontraktsoldat'],
      ['da', 'kontraktsoldat'], ['fi', 'sopimussotilas'], ['sv', 'kontraktssoldat'], ['fr', 'soldat sous contrat'],
    ]),
    concept('acs', [
      ['en', 'alternative civil service'], ['fr', 'service civil alternatif'], ['da', 'alternativ militærtjeneste'],
      ['nb', 'alternativ siviltjeneste'], ['sv', 'vapenfri tjänst'], ['fi', 'siviilipalvelus'],
    ]),
    concept('conscription', [
      ['en', 'conscription'], ['da', 'værnepligt'], ['nb', 'verneplikt'], ['fi', 'asevelvollisuus'], ['sv', 'värnplikt'],
    ]),
    concept('service', [['nb', 'tjeneste'], ['da', 'tjeneste']]),
  ],
}

const brief = (hits: TermHit[]) => hits.map((h) => [h.conceptId, h.surface, h.matchedBy])

describe('matching English (004)', () => {
  const m = buildMatcher(GLOSSARY)
  it('finds the mixed-script "Voенkomat" by folding, flags it, and keeps the original span', () => {
    const s = 'Voенkomat (in English: military Commissariat) – often translated into English by military enlistment office'
    const hits = m.match(s, 'en')
    expect(brief(hits)).toEqual([
      ['voenkomat', 'Voенkomat', 'folded'],
      ['voenkomat', 'military Commissariat', 'exact'],
    ])
    expect(hits[0]).toMatchObject({ start: 0, end: 9, mixedScript: true, lang: 'en', termId: 'voenkomat/en/1' })
    expect(hits[1].mixedScript).toBeUndefined()
  })
  it('finds the Arabic-letter typo "Voenkومات" and the inflected "Voenkomats"', () => {
    const s = 'In certain cases, some of the Voenkومات are in favour of sending out summons. trends in the legal field and the weakening of control over Voenkomats affect'
    const hits = m.match(s, 'en')
    expect(brief(hits)).toEqual([
      ['voenkomat', 'Voenkومات', 'folded'],
      ['voenkomat', 'Voenkomats', 'stem'],
    ])
    expect(hits[0].mixedScript).toBe(true)
    expect(hits[1].convention).toBe('simpleEn')
  })
  it('matches a multi-word term with a derived modifier but does not confuse conscripts with conscription', () => {
    const s = 'to protect the rights of conscripts and military personnel, as well as to promote alternative civilian service (ACS) in Russia.'
    expect(brief(m.match(s, 'en'))).toEqual([['acs', 'alternative civilian service', 'stem']])
    expect(brief(m.match('about your conscription for military service', 'en'))).toEqual([['conscription', 'conscription', 'exact']])
  })
  it('finds Russian terms quoted in Cyrillic inside an English text', () => {
    const s = 'Mediazona, *Московские призывники, которые не явились в военкомат по повестке, получили СМС'
    const [hit] = m.match(s, 'en')
    expect(hit).toMatchObject({ conceptId: 'voenkomat', lang: 'ru', surface: 'военкомат', matchedBy: 'exact' })
    expect(s.slice(hit.start, hit.end)).toBe('военкомат')
  })
  it('finds another convention’s spelling as a transliteration variant', () => {
    const hits = m.match('This is based in the notion of dedovschina and applies to all low-level conscripts', 'en')
    expect(hits).toHaveLength(1)
    expect(hits[0]).toMatchObject({ conceptId: 'dedovshchina', surface: 'dedovschina', matchedBy: 'translit', convention: 'simpleEn' })
  })
  it('matches Russian case endings on transliterations (kontraktniki), in any convention', () => {
    const s = 'they wanted conscripts to then sign up as *kontraktniki*<sup>452</sup> after the end. Reports of dedovshchiny and dedovsjtsjiny.'
    const hits = m.match(s, 'en')
    expect(hits.map((h) => [h.conceptId, h.surface, h.matchedBy])).toEqual([
      ['contract-soldier', 'kontraktniki', 'stem'],
      ['dedovshchina', 'dedovshchiny', 'stem'],
      ['dedovshchina', 'dedovsjtsjiny', 'translit'],
    ])
    expect(m.match('the kontraktnikov', 'en')[0].surface).toBe('kontraktnikov')
  })
  it('only looks for the asked languages: English terms are not found in a Norwegian text', () => {
    expect(m.match('alternative civil service', 'nb')).toEqual([])
    expect(brief(m.match('alternative civil service', 'nb', { termLangs: ['en'] }))).toEqual([['acs', 'alternative civil service', 'exact']])
  })
})

describe('acronyms', () => {
  const m = buildMatcher({ entries: [concept('svo', [['ru', 'СВО'], ['en', 'SVO'], ['en', 'special military operation']]), concept('mod', [['en', 'MoD']])] })
  it('match only in capitals and are never inflected', () => {
    expect(brief(m.match('участвовать в СВО и своим', 'en'))).toEqual([['svo', 'СВО', 'exact']])
    expect(brief(m.match('the SVO, the svo; contracts with the MoD, a mod', 'en'))).toEqual([
      ['svo', 'SVO', 'exact'], ['mod', 'MoD', 'exact'],
    ])
  })
})

describe('British and American English spellings', () => {
  const m = buildMatcher({
    entries: [
      concept('mobilisation', [['en', 'mobilization']]), concept('militarisation', [['en', 'militarisation']]),
      concept('crime', [['en', 'organised crime']]), concept('defence', [['en', 'defence ministry']]), concept('labour', [['en', 'forced labour']]),
      concept('four', [['en', 'four']]),
    ],
  })
  it('finds a term written in the other spelling, inflected too', () => {
    expect(brief(m.match('The mobilisations of 2022 and the militarization of schools', 'en'))).toEqual([
      ['mobilisation', 'mobilisations', 'stem'], ['militarisation', 'militarization', 'stem'],
    ])
    expect(brief(m.match('organized crime, the Defense Ministry and forced labor', 'en'))).toEqual([
      ['crime', 'organized crime', 'stem'], ['defence', 'Defense Ministry', 'stem'], ['labour', 'forced labor', 'stem'],
    ])
  })
  it('leaves short words and other languages alone', () => {
    expect(brief(m.match('for four hours', 'en'))).toEqual([['four', 'four', 'exact']])
    expect(m.match('la mobilisation partielle', 'fr')).toEqual([])
  })
})

describe('matching Norwegian (001)', () => {
  const m = buildMatcher(GLOSSARY)
  it('finds «Vojenkomat» and «dedovsjina» with their conventions', () => {
    const s = '«Vojenkomat» eller militærsenter innen 20 dager, kan få forbud. mishandling av nye rekrutter og «dedovsjina». Dette'
    const hits = m.match(s, 'nb')
    expect(brief(hits)).toEqual([
      ['voenkomat', 'Vojenkomat', 'exact'],
      ['dedovshchina', 'dedovsjina', 'translit'],
    ])
    expect(hits.map((h) => h.convention)).toEqual(['scandinavian', 'scandinavian'])
  })
  it('finds inflected kontraktsoldater / kontraktsoldatene by stem', () => {
    const s = 'I dag er kontraktsoldater ofte uten militær erfaring. Kontraktsoldatene tjenestegjør i Ukraina.'
    expect(brief(m.match(s, 'nb')).slice(0, 2)).toEqual([
      ['contract-soldier', 'kontraktsoldater', 'stem'],
      ['contract-soldier', 'Kontraktsoldatene', 'stem'],
    ])
  })
  it('finds both glossary words inside the compound verneplikttjenesten (and vernepliktstjenesten)', () => {
    for (const word of ['verneplikttjenesten', 'vernepliktstjenesten']) {
      const s = `${word} blitt den kanskje største arenaen for verving av kontraktsoldater`
      const hits = m.match(s, 'nb').filter((h) => h.compound)
      expect(hits.map((h) => [h.conceptId, h.surface, h.part?.surface, h.matchedBy])).toEqual([
        ['conscription', word, 'verneplikt', 'compound'],
        ['service', word, 'tjenesten', 'compound'],
      ])
      expect(hits.every((h) => h.start === 0 && h.end === word.length)).toBe(true)
    }
  })
})

describe('matching Danish (002)', () => {
  it('reports værnepligtige as a compound containing værnepligt, and a multi-word term across a line break', () => {
    const m = buildMatcher(GLOSSARY)
    const s = 'reglerne for udsendelse af værnepligtige til krigszoner. mulighederne for alternativ \n\nmilitærtjeneste i Rusland.'
    const hits = m.match(s, 'da')
    expect(hits.map((h) => [h.conceptId, h.surface, h.matchedBy, h.compound ?? false, h.part?.surface])).toEqual([
      ['conscription', 'værnepligtige', 'compound', true, 'værnepligt'],
      ['acs', 'alternativ \n\nmilitærtjeneste', 'exact', false, undefined],
    ])
  })
  it('matches the inflected head of a multi-word term; "all" also keeps the part inside it', () => {
    const m = buildMatcher(GLOSSARY)
    const s = 'Han søgte om alternativ militærtjenesten.'
    expect(brief(m.match(s, 'da'))).toEqual([['acs', 'alternativ militærtjenesten', 'stem']])
    const all = m.match(s, 'da', { overlaps: 'all' })
    expect(all.map((h) => h.conceptId).sort()).toEqual(['acs', 'service'])
  })
  it('updates concepts incrementally: a new, longer term wins over the compound part', () => {
    const m = buildMatcher(GLOSSARY)
    const s = 'udsendelse af værnepligtige til krigszoner'
    expect(m.match(s, 'da')[0].conceptId).toBe('conscription')
    m.updateConcepts([concept('conscript', [['en', 'conscript'], ['da', 'værnepligtig']])])
    expect(brief(m.match(s, 'da'))).toEqual([['conscript', 'værnepligtige', 'stem']])
    m.updateConcepts([], ['conscript'])
    expect(m.match(s, 'da')[0].conceptId).toBe('conscription')
    expect(m.stats.concepts).toBe(GLOSSARY.entries.length)
  })
})

describe('matching Finnish (000)', () => {
  const m = buildMatcher(GLOSSARY)
  it('matches sopimussotilas through its oblique stems', () => {
    const s = 'Mobilisoituja halutaan sopimussotilaiksi, koska he ovat kokeneita. Ministeriö ei näytä olevan yhtä kiinnostunut rekrytoimaan sopimussotilaita.'
    expect(brief(m.match(s, 'fi'))).toEqual([
      ['contract-soldier', 'sopimussotilaiksi', 'stem'],
      ['contract-soldier', 'sopimussotilaita', 'stem'],
    ])
  })
  it('matches sotilaskomissariaatti through consonant gradation (-tti → -t-)', () => {
    const s = 'Ihmisoikeustoimija toteaa, että sotilaskomissariaatin viranomaisten huutamista. Sotilaskomissariaateissa heihin'
    expect(brief(m.match(s, 'fi'))).toEqual([
      ['voenkomat', 'sotilaskomissariaatin', 'stem'],
      ['voenkomat', 'Sotilaskomissariaateissa', 'stem'],
    ])
  })
  it('matches Finnish case endings on a transliteration and its SFS 4900 variant', () => {
    const hits = m.match('Hänet kutsuttiin voenkomatiin, ja vojenkomatissa hänelle kerrottiin', 'fi')
    expect(hits.map((h) => [h.surface, h.matchedBy, h.convention])).toEqual([
      ['voenkomatiin', 'stem', expect.any(String)],
      ['vojenkomatissa', 'translit', 'sfs4900'],
    ])
  })
  it('finds a Finnish glossary word inside a compound with a case ending', () => {
    const hits = m.match('Aluesotilaskomissariaatissa oli jonoa', 'fi')
    expect(hits.map((h) => [h.surface, h.part?.surface, h.matchedBy])).toEqual([
      ['Aluesotilaskomissariaatissa', 'sotilaskomissariaatissa', 'compound'],
    ])
  })
  it('matches a plural multi-word term in other cases', () => {
    const m2 = buildMatcher({ entries: [concept('occupied', [['fi', 'miehitetyt alueet']])] })
    const s = 'pakotettu työskenteleminen rintamalinja-alueilla tai uusilla miehitetyillä alueilla Ukrainassa. on ylipäätään lähtenyt miehitetyille alueille ja'
    expect(brief(m2.match(s, 'fi'))).toEqual([
      ['occupied', 'miehitetyillä alueilla', 'stem'],
      ['occupied', 'miehitetyille alueille', 'stem'],
    ])
  })
  it('knows oblique stems and endings', () => {
    expect(finnishObliqueStems('alueet')).toEqual(expect.arrayContaining(['aluee', 'alue']))
    expect(finnishObliqueStems('sopimussotilas')).toEqual(expect.arrayContaining(['sopimussotilaa', 'sopimussotilai']))
    expect(finnishObliqueStems('asevelvollinen')).toContain('asevelvollis')
    expect(finnishObliqueStems('asevelvollisuus')).toContain('asevelvollisuude')
    expect(isFinnishEnding('iksi')).toBe(true)
    expect(isFinnishEnding('ssakin')).toBe(true)
    expect(isFinnishEnding('nsa')).toBe(true)
    expect(isFinnishEnding('xyz')).toBe(false)
  })
})

describe('matching French (003)', () => {
  const m = buildMatcher(GLOSSARY)
  it('finds service civil alternatif across a blank line, Voenkomats and « dedovchtchina »', () => {
    const s = "les demandes de service civil \n\nalternatif. Il est également rapporté que le personnel médical des Voenkomats  (bureau de recrutement), sous le nom de « dedovchtchina »."
    const hits = m.match(s, 'fr')
    expect(brief(hits)).toEqual([
      ['acs', 'service civil \n\nalternatif', 'exact'],
      ['voenkomat', 'Voenkomats', 'stem'],
      ['dedovshchina', 'dedovchtchina', 'exact'],
    ])
    expect(hits[2].convention).toBe('french')
  })
  it('matches plural multi-word terms', () => {
    expect(brief(m.match('des services civils alternatifs', 'fr'))).toEqual([['acs', 'services civils alternatifs', 'stem']])
  })
  it('does not match across sentence punctuation', () => {
    expect(m.match('le service civil. Alternatif', 'fr')).toEqual([])
  })
})

describe('AhoCorasick', () => {
  it('finds overlapping patterns', () => {
    const ac = new AhoCorasick([['he', 1], ['she', 2], ['hers', 3], ['his', 4]] as const)
    const hits: Array<[number, number, number]> = []
    ac.scan('ushers', (s, e, p) => hits.push([s, e, p]))
    expect(hits).toEqual([[1, 4, 2], [2, 4, 1], [2, 6, 3]])
  })
  it('agrees with a brute-force search (property)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 4 })
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 30 }), (pats, text) => {
        const got: string[] = []
        new AhoCorasick(pats.map((p, i) => [p, i] as const)).scan(text, (s, e, i) => got.push(`${s}:${e}:${i}`))
        const want: string[] = []
        pats.forEach((p, i) => {
          for (let s = 0; s + p.length <= text.length; s++) if (text.startsWith(p, s)) want.push(`${s}:${s + p.length}:${i}`)
        })
        expect(got.sort()).toEqual(want.sort())
      }),
    )
  })
})

describe('naive baseline', () => {
  it('finds only literal whole-word occurrences', () => {
    const s = 'Voенkomat, Voenkomat and Voenkomats; alternative civil service'
    expect(naiveRegexMatch(GLOSSARY, s).map((h) => h.surface)).toEqual(['Voenkomat', 'Voenkomat', 'Voenkomat', 'Voenkomat', 'alternative civil service'])
    expect(buildMatcher(GLOSSARY).match(s, 'en').map((h) => h.surface)).toEqual(['Voенkomat', 'Voenkomat', 'Voenkomats', 'alternative civil service'])
  })
})

const CORPUS = '/work/shared/corpus'
const CORPUS_LANGS: Record<string, Lang> = { '000': 'fi', '001': 'nb', '002': 'da', '003': 'fr', '004': 'en' }

describe.skipIf(!existsSync(CORPUS))('whole corpus', () => {
  const files = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.txt')) : []
  it('gives spans that slice the original text to the surface, parts inside their compounds', () => {
    const m = buildMatcher(GLOSSARY)
    let total = 0
    for (const f of files) {
      const text = readFileSync(`${CORPUS}/${f}`, 'utf8')
      const hits = m.match(text, CORPUS_LANGS[f.slice(0, 3)])
      total += hits.length
      for (const h of hits) {
        expect(text.slice(h.start, h.end)).toBe(h.surface)
        if (h.part) {
          expect(h.part.start).toBeGreaterThanOrEqual(h.start)
          expect(h.part.end).toBeLessThanOrEqual(h.end)
          expect(text.slice(h.part.start, h.part.end)).toBe(h.part.surface)
        }
      }
    }
    expect(total).toBeGreaterThan(500)
  })
})

const STARTER = 'glossary/starter.json'

describe.skipIf(!existsSync(STARTER))('starter glossary', () => {
  it('builds and finds the voenkomat concept in real sentences', () => {
    const raw = JSON.parse(readFileSync(STARTER, 'utf8')) as { entries: Array<{ concept: { id: string }; terms: Array<Partial<Term>> }> }
    const entries: ConceptEntry[] = raw.entries.map((e) => ({
      concept: { definitions: {}, related: [], created: T, modified: T, ...e.concept },
      terms: e.terms.map((t, i) => ({
        status: 'preferred', type: 'fullForm', sources: [], created: T, modified: T, ...t,
        id: t.id ?? `${e.concept.id}-${i}`, conceptId: e.concept.id, lang: t.lang as Lang, text: t.text ?? '',
      })),
    }))
    const m = buildMatcher({ entries })
    const en = m.match('Voенkomat (in English: military Commissariat) – often translated', 'en')
    expect(en.some((h) => h.surface === 'Voенkomat' && h.mixedScript)).toBe(true)
    const nb = m.match('«Vojenkomat» eller militærsenter innen 20 dager', 'nb')
    expect(nb.some((h) => h.surface === 'Vojenkomat')).toBe(true)
    expect(new Set([...en, ...nb].map((h) => h.conceptId)).size).toBeGreaterThanOrEqual(1)
  })
})

describe('sameLetters', () => {
  const slow = (a: string, b: string) => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase()

  it('says what comparing the lower-cased, white-space-collapsed spellings says', () => {
    expect(sameLetters('Military  Service', 'military service')).toBe(true)
    expect(sameLetters(' alternative\ncivil service ', 'Alternative civil service')).toBe(true)
    expect(sameLetters('Voенkomat', 'voenkomat')).toBe(false)
    expect(sameLetters('militaryservice', 'military service')).toBe(false)
    expect(sameLetters('ΣΑΣ', 'σας')).toBe(slow('ΣΑΣ', 'σας'))
    const unit = fc.constantFrom('a', 'A', 'é', 'É', 'ß', 'İ', 'i', 'Σ', 'σ', 'ς', ' ', '  ', '\n', '\u00a0', 'е', 'Е', '𐐀', '𐐨', '-')
    const text = fc.array(unit, { maxLength: 12 }).map((u) => u.join(''))
    fc.assert(fc.property(text, text, (a, b) => sameLetters(a, b) === slow(a, b)), { numRuns: 5000 })
    fc.assert(fc.property(text, (a) => sameLetters(a, a.toUpperCase()) === slow(a, a.toUpperCase())), { numRuns: 2000 })
  })
})
