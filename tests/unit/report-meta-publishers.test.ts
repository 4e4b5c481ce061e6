// Report metadata from a first page as COI units lay it out: a known publisher on a cover or header line, or opening
// the passage that presents it (never one a sentence cites); the date that ends a "Publisher – what it is, date"
// line; and dates in the forms reports print them.
import { describe, expect, it } from 'vitest'
import { guessMeta } from '../../src/core/reportMeta'
import { segmentDocument } from '../../src/core/segment'

const meta = (text: string) => {
  const passages = segmentDocument(text, { format: 'txt' }).passages
  return guessMeta({ text, passages, fileName: 'notat.txt' })
}

describe('publishers and dates on a first page', () => {
  it('takes a known publisher and the date from the line that carries both', () => {
    const m = meta('Ryssland: Militärtjänst och mobilisering\n\nLifos – Centrum för landinformation och landanalys inom migrationsområdet, 2025-03-14\n\n1 Inledning\n\nDenna rapport behandlar militärtjänstgöring i Ryssland.\n')
    expect(m).toEqual({ title: 'Ryssland: Militärtjänst och mobilisering', publisher: 'Lifos', date: '2025-03-14' })
  })

  it('finds publishers in the languages they print their names in', () => {
    expect(meta('Rusland: Militærtjeneste\n\nDansk Flygtningehjælp\n\nDenne rapport handler om værnepligt i Rusland.\n').publisher).toBe('Dansk Flygtningehjælp')
    expect(meta('Venäjä: Asevelvollisuus\n\nMaatietopalvelu\n\nTämä raportti käsittelee asevelvollisuutta.\n').publisher).toBe('Maatietopalvelu')
    expect(meta("Russie : insoumission\n\nOffice français de protection des réfugiés et apatrides\n\nCe rapport traite de l'insoumission.\n").publisher).toBe('Office français de protection des réfugiés et apatrides')
  })

  it('takes a publisher that opens the passage presenting it', () => {
    const m = meta('DRC Dansk Flygtningehjælps landerapporter er et uddrag af aktuelle, asylrelevante baggrundsoplysninger om udvalgte lande, som anvendes i asylsager.\n\nRusland: Militærtjeneste\n')
    expect(m.publisher).toBe('Dansk Flygtningehjælp')
  })

  it('does not take an agency that a sentence of the body cites', () => {
    const m = meta('Russia: Conscription\n\nAccording to a report published by Landinfo in 2024, conscripts are often sent to the border regions, where several of them were wounded during the incursion into Kursk.\n')
    expect(m.publisher).toBeUndefined()
  })
})

describe('dates as reports print them', () => {
  it('reads Finnish inflected months, French ordinals, month-first English and slashed day-first dates', async () => {
    const { normalizeDate } = await import('../../src/core/reportMeta')
    const cases: [string, string | undefined][] = [
      ['12. maaliskuuta 2025', '2025-03-12'], ['Päivitetty marraskuussa 2024', '2024-11'], ['1er novembre 2024', '2024-11-01'],
      ['November 1, 2024', '2024-11-01'], ['14/03/2025', '2025-03-14'], ['03/14/2025', '2025-03-14'], ['05/04/2025', '2025-04-05'],
      ['14.3.2025', '2025-03-14'], ['31/13/2025', undefined],
    ]
    for (const [text, date] of cases) expect(normalizeDate(text), text).toBe(date)
  })
})
