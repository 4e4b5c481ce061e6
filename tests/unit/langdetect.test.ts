// Language detection: the seven languages on single texts, and per passage on the corpus against
// the hand-checked gold (at least 99 % right, English blocks of the Finnish report found).
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { detectDocumentLang, detectLang, nordicEvidence, preferNordic } from '../../src/core/langdetect'
import type { Lang } from '../../src/core/model'
import { segmentDocument, type Passage } from '../../src/core/segment'

const CORPUS = process.env.COI_CORPUS ?? '/work/shared/corpus'

describe('detectLang', () => {
  it('identifies each supported language on a sentence from the corpus', () => {
    const samples: Array<[Lang, string]> = [
      ['fi', 'Käytettävissä olevan lähdeaineiston perusteella pakkovärväyksen kohdistumisesta tiettyihin ammattiryhmiin ei ole raportoitu.'],
      ['nb', 'Russiske myndigheter venter ikke bare passivt på at vernepliktige skal melde seg.'],
      ['da', 'Rapporten er baseret på en gennemgang af tilgængelige rapporter, nyhedsartikler og andet materiale fra statslige og ikke-statslige kilder.'],
      ['sv', 'Migrationsverket: Ryssland: Nytt system för delgivning av militära kallelser m.m. (15.05.23), side 6-8 url'],
      ['fr', 'Le présent document a été rédigé par l’analyse-pays de l’Organisation suisse d’aide aux réfugiés.'],
      ['en', 'Academic studies are a common reason for deferral. Furthermore, corruption plays a significant part.'],
      ['ru', 'Федеральный закон "О воинской обязанности и военной службе" от 28.03.1998 N 53-ФЗ'],
    ]
    for (const [lang, text] of samples) expect(detectLang(text), text).toMatchObject({ lang, reliable: true })
  })

  it('tells Bokmål from Danish by their own words', () => {
    expect(detectLang('Det er underforstått at kontraktsoldater, russiske så vel som utenlandske, sendes til Ukraina.').lang).toBe('nb')
    expect(detectLang('Det er vanskeligt at finde pålidelige tal på, hvor mange personer der faktisk er blevet mobiliseret.').lang).toBe('da')
    const ev = nordicEvidence('Mange tok seg over grensa til Georgia og Kasakhstan for å unngå mobilisering etter at de ble innkalt.')
    expect(ev.nb).toBeGreaterThan(ev.da)
  })

  it('flags short text and lists of names as unreliable', () => {
    expect(detectLang('Questions').reliable).toBe(false)
    expect(detectLang('Claus Mathiesen: 17; Sergey Krivenko: 31').reliable).toBe(false)
    expect(detectLang('2024-05-18, 12').lang).toBe('und')
  })

  it('prefers the document language among Nordic languages when the scores tie', () => {
    const g = detectLang('3.2 Mobilisering i praksis – rapporterede afvigelser og metoder')
    expect(['nb', 'da']).toContain(g.lang)
    expect(preferNordic(g, 'da').lang).toBe('da')
    expect(preferNordic({ ...g, lang: 'en' }, 'da').lang).toBe('en')
  })

  it('votes a document language from its samples', () => {
    expect(detectDocumentLang(['Le présent document a été rédigé par l’analyse-pays.', { text: 'The report at hand does not include any policy recommendations.', weight: 0.1 }])).toBe('fr')
  })

  it('calls German and Dutch text "und" (not supported) instead of the nearest supported language', () => {
    const de = 'Die Wehrpflicht in Russland betrifft alle Männer zwischen 18 und 30 Jahren. Das Militärkommissariat verschickt die Einberufungsbescheide zweimal im Jahr.'
    expect(detectLang(de)).toMatchObject({ lang: 'und', reliable: true })
    expect(detectLang('De dienstplicht in Rusland geldt voor alle mannen tussen 18 en 30 jaar. Het militaire commissariaat verstuurt de oproepen twee keer per jaar.').lang).toBe('und')
    expect(detectDocumentLang([de, 'Wer den Wehrdienst verweigert, muss mit einer Strafe rechnen, so die Menschenrechtsorganisation.'])).toBe('und')
    // Its neighbours stay what they are.
    expect(detectLang('Värnplikten i Ryssland omfattar alla män mellan 18 och 30 år. Militärkommissariatet skickar ut kallelser två gånger om året.').lang).toBe('sv')
    expect(detectLang('Værnepligten i Rusland omfatter alle mænd mellem 18 og 30 år. Militærkommissariatet sender indkaldelser ud to gange om året.').lang).toBe('da')
  })
})

interface Gold {
  reports: Record<string, { default: Lang; exceptions: Record<string, Lang | Lang[]> }>
}
const gold = JSON.parse(readFileSync(new URL('../fixtures/lang-gold.json', import.meta.url), 'utf8')) as Gold
const goldKey = (t: string) => t.slice(0, 40) + (t.length > 60 ? '…' + t.slice(-20) : t.slice(40))

describe.skipIf(!existsSync(CORPUS))('passage languages on the corpus', () => {
  const docs = Object.keys(gold.reports).map((file) => ({ file, ...segmentDocument(readFileSync(`${CORPUS}/${file}`, 'utf8')) }))
  const expected = (file: string, p: Passage): Lang[] => {
    const v = gold.reports[file].exceptions[goldKey(p.text)] ?? gold.reports[file].default
    return Array.isArray(v) ? v : [v]
  }

  it('gets the document language of every report', () => {
    for (const d of docs) expect(d.lang, d.file).toBe(gold.reports[d.file].default)
  })

  it('labels at least 99 % of the passages as the gold does', () => {
    let ok = 0
    let total = 0
    const wrong: string[] = []
    for (const d of docs) {
      for (const p of d.passages) {
        total++
        if (expected(d.file, p).includes(p.lang as Lang)) ok++
        else wrong.push(`${d.file.slice(0, 3)} #${p.index} ${p.lang}: ${p.text.slice(0, 50)}`)
      }
    }
    expect(total).toBeGreaterThan(2000)
    expect(ok / total, wrong.join('\n')).toBeGreaterThanOrEqual(0.99)
  })

  it('detects the English blocks of the Finnish report as English', () => {
    const fi = docs.find((d) => d.file.startsWith('000'))!
    const english = [
      'Russia / Forced recruitment into civilian and military service',
      'Questions',
      '1. Have there been reports of forced recruitment into armed forces',
      '2. Have there been reports of forced recruitment targeting',
      'Information on the response',
      'This response has been compiled by the Country Information Service',
    ]
    for (const start of english) {
      const p = fi.passages.find((q) => q.text.startsWith(start))
      expect(p, start).toBeDefined()
      expect(p!.lang, start).toBe('en')
    }
    const finnish = fi.passages.filter((p) => ['Kysymykset', 'Tietoja vastauksesta', 'Lääkäri,'].includes(p.text))
    expect(finnish.map((p) => p.lang)).toEqual(['fi', 'fi', 'fi'])
  })

  it('finds Norwegian and Swedish quotations and titles inside the Danish report', () => {
    const da = docs.find((d) => d.file.startsWith('002'))!
    expect(da.passages.find((p) => p.text.startsWith('”Ingen av kildene Landinfo intervjuet'))!.lang).toBe('nb')
    expect(da.passages.find((p) => p.text.startsWith('Migrationsverket: Ryssland: Nytt system för delgivning') && p.text.length < 110)!.lang).toBe('sv')
  })
})
