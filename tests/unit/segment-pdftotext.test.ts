// Text as pdftotext writes it from a PDF: pages ending in form feeds with the running header and the page counter
// at their edges, numbered headings right above their paragraphs after an empty line, and list bullets on lines of
// their own. Headers and counters go, headings stand, bullets are dropped and the items kept.
import { describe, expect, it } from 'vitest'
import { segmentDocument } from '../../src/core/segment'

const PAGE = (n: number, body: string) => `Landinfo – Russland: Verneplikt\n\n${body}\n\n${n} / 3\n\f`
const TEXT = [
  PAGE(1, `Russland: Verneplikt og mobilisering\nTemanotat, 10. februar 2025\n\n1 Innledning\nDette notatet handler om verneplikt i Russland. Verneplikten gjelder menn\nmellom 18 og 30 år, og den varer i tolv måneder. Notatet bygger på åpne\nkilder og samtaler med kilder i Moskva.`),
  PAGE(2, `1.1 Militærkommissariatene\nMilitærkommissariatene (voenkomat) har ansvar for innkallingen.\nElektroniske innkallinger ble innført i november 2024, men\npapirinnkallinger brukes fortsatt i mange regioner.\n\uf0b7\n\uf0b7\n\nFørste punkt om alternativ siviltjeneste.\nAndre punkt om kontraktsoldater.`),
  PAGE(3, `2 Mobilisering\nDen delvise mobiliseringen ble kunngjort 21. september 2022, og ifølge\nflere kilder ble rundt 300 000 menn innkalt i løpet av de første ukene.`),
].join('')

describe('pdftotext output', () => {
  const ps = segmentDocument(TEXT, { lang: 'nb' }).passages

  it('drops the running header and the page counter at the edges of form-feed pages', () => {
    expect(ps.some((p) => /Landinfo – Russland|\d \/ 3/.test(p.text))).toBe(false)
  })

  it('keeps numbered headings that follow an empty line, even after a line with no full stop', () => {
    expect(ps.filter((p) => p.kind === 'heading').map((p) => p.text)).toEqual(['1 Innledning', '1.1 Militærkommissariatene', '2 Mobilisering'])
    expect(ps.find((p) => p.text.startsWith('Dette notatet'))?.text).toBe('Dette notatet handler om verneplikt i Russland. Verneplikten gjelder menn mellom 18 og 30 år, og den varer i tolv måneder. Notatet bygger på åpne kilder og samtaler med kilder i Moskva.')
  })

  it('drops bullets standing alone on their lines and keeps the items', () => {
    const all = ps.map((p) => p.text)
    expect(all.some((t) => t.includes('\uf0b7'))).toBe(false)
    expect(all.join(' ')).toContain('Første punkt om alternativ siviltjeneste.')
  })
})
