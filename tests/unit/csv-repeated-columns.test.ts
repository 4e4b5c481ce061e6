// A wide CSV may give a language several term columns (memoQ's CSV export writes one per term): every term is
// kept, in order, the first preferred by default, each with the attribute columns that follow its own column;
// memoQ's entry fields (Entry_ID, Entry_Subject, Entry_Note) land in the concept.
import { describe, expect, it } from 'vitest'
import { importCsv } from '../../src/core/csv'

const terms = (csv: string) => {
  const r = importCsv(csv)
  expect(r.errors).toEqual([])
  return r.entries.map((e) => ({ id: e.concept.id, subject: e.concept.subjectField, note: e.concept.note, terms: e.terms.map((t) => `${t.lang}:${t.text}:${t.status}`) }))
}

describe('repeated language columns', () => {
  it('keeps every term of a memoQ export, and its entry fields', () => {
    const csv = [
      'Entry_ID;Entry_Subject;Entry_Domain;Entry_Note;English_Def;English;Term_Info;Term_Example;Finnish_Def;Finnish;Term_Info;Term_Example;Finnish;Term_Info;Term_Example',
      '1;Military;;checked 2025;A person called up;conscript;;;;varusmies;;;asevelvollinen;;',
      '2;Military;;;;military commissariat;;;;sotilaskomissariaatti;;;;;',
    ].join('\r\n')
    expect(terms(csv)).toEqual([
      { id: '1', subject: 'Military', note: 'checked 2025', terms: ['en:conscript:preferred', 'fi:varusmies:preferred', 'fi:asevelvollinen:admitted'] },
      { id: '2', subject: 'Military', note: undefined, terms: ['en:military commissariat:preferred', 'fi:sotilaskomissariaatti:preferred'] },
    ])
  })

  it('gives each term column its own attribute columns, whether they follow it or come first', () => {
    const csv = ['en,fi,fi_status,fi,fi_status', 'exit ban,maastapoistumiskielto,preferred,matkustuskielto,deprecated'].join('\r\n')
    expect(terms(csv)[0].terms).toEqual(['en:exit ban:preferred', 'fi:maastapoistumiskielto:preferred', 'fi:matkustuskielto:deprecated'])
    const first = ['fi_status,fi,en', 'deprecated,matkustuskielto,travel ban'].join('\r\n')
    expect(terms(first)[0].terms).toEqual(['fi:matkustuskielto:deprecated', 'en:travel ban:preferred'])
  })
})
