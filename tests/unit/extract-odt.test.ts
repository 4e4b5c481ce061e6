// OpenDocument text reports: structure (headings by outline level and by style, lists, table rows, footnotes
// linked to their markers, a text box's paragraphs), what is left out (table of contents, comments, tracked
// deletions, images), the
// metadata, and clear refusals of what is not an ODT or is too big.
import { describe, expect, it } from 'vitest'
import { readReport } from '../../src/core/extract/report'
import { makeOdt } from '../fixtures/makeFiles'

const BODY = `<text:p text:style-name="P1">Russland: Verneplikt og mobilisering</text:p>
<text:p text:style-name="Standard">Temanotat, 10. februar 2025</text:p>
<text:table-of-content text:name="Innhold"><text:index-body><text:p text:style-name="Contents_20_1">1 Innledning<text:tab/>2</text:p></text:index-body></text:table-of-content>
<text:h text:style-name="Heading_20_1" text:outline-level="1">1 Innledning</text:h>
<text:p text:style-name="Standard">Dette notatet handler om verneplikt.<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p text:style-name="Footnote">Landinfo, samtale med kilde, Moskva, 2024.</text:p></text:note-body></text:note> Verneplikten gjelder<text:s/>menn mellom 18 og 30 år.<office:annotation><dc:creator>Redaktør</dc:creator><text:p>Sjekk alderen.</text:p></office:annotation></text:p>
<text:p text:style-name="P2">1.1 Militærkommissariatene</text:p>
<text:p text:style-name="Standard">Militærkommissariatene (<text:span text:style-name="T1">voenkomat</text:span>) har ansvar for innkallingen.<text:line-break/>Papirinnkallinger brukes<text:soft-page-break/> fortsatt.<draw:frame draw:name="Bilde1"><draw:image/></draw:frame><draw:frame draw:name="Ramme1"><draw:text-box><text:p>Faktaboks: verneplikten varer i tolv måneder.</text:p></draw:text-box></draw:frame></text:p>
<text:list text:style-name="WWNum1"><text:list-item><text:p text:style-name="P3">Første punkt om siviltjeneste.</text:p></text:list-item><text:list-item><text:p text:style-name="P3">Andre punkt om kontraktsoldater.</text:p><text:list><text:list-item><text:p>Et underpunkt.</text:p></text:list-item></text:list></text:list-item></text:list>
<table:table table:name="Tabell1"><table:table-column table:number-columns-repeated="2"/><table:table-header-rows><table:table-row><table:table-cell office:value-type="string"><text:p>År</text:p></table:table-cell><table:table-cell><text:p>Innkalte</text:p></table:table-cell></table:table-row></table:table-header-rows><table:table-row><table:table-cell><text:p>2024</text:p></table:table-cell><table:table-cell><text:p>133 000</text:p></table:table-cell></table:table-row></table:table>
<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>Slettet tekst som ikke skal med.</text:p></text:deletion></text:changed-region></text:tracked-changes>
<text:section text:name="Del2"><text:p text:style-name="Standard">Ifølge Meduza ble mange innkalt.<text:note text:id="ftn2" text:note-class="footnote"><text:note-citation>2</text:note-citation><text:note-body><text:p>Meduza, 1. november 2024.</text:p></text:note-body></text:note></text:p></text:section>`

const read = (bytes: Uint8Array, name = 'notat.odt') => readReport(name, bytes)

describe('OpenDocument text reports', () => {
  it('reads headings, paragraphs, list items, table rows and footnotes with their markers', async () => {
    const r = await read(makeOdt(BODY, { title: 'Russland: Verneplikt', creator: 'Landinfo', created: '2013-12-23T23:15:00' }))
    expect(r.passages.map((p) => [p.kind, p.text])).toEqual([
      ['heading', 'Russland: Verneplikt og mobilisering'],
      ['paragraph', 'Temanotat, 10. februar 2025'],
      ['heading', '1 Innledning'],
      ['paragraph', 'Dette notatet handler om verneplikt. Verneplikten gjelder menn mellom 18 og 30 år.'],
      ['heading', '1.1 Militærkommissariatene'],
      ['paragraph', 'Militærkommissariatene (voenkomat) har ansvar for innkallingen. Papirinnkallinger brukes fortsatt.'],
      ['paragraph', 'Faktaboks: verneplikten varer i tolv måneder.'],
      ['list', 'Første punkt om siviltjeneste.'],
      ['list', 'Andre punkt om kontraktsoldater.'],
      ['list', 'Et underpunkt.'],
      ['paragraph', 'År | Innkalte'],
      ['paragraph', '2024 | 133 000'],
      ['paragraph', 'Ifølge Meduza ble mange innkalt.'],
      ['footnote', 'Landinfo, samtale med kilde, Moskva, 2024.'],
      ['footnote', 'Meduza, 1. november 2024.'],
    ])
    expect(r.passages[3].footnotes).toEqual(['1'])
    expect(r.passages[12].footnotes).toEqual(['2'])
    expect(r.lang).toBe('nb')
  })

  it('leaves out the table of contents, comments, tracked deletions and images', async () => {
    const r = await read(makeOdt(BODY))
    const all = r.passages.map((p) => p.text).join(' ')
    expect(all).not.toMatch(/Innledning 2|Sjekk alderen|Slettet tekst|Redaktør/)
  })

  it('takes the title and publisher from meta.xml, and its creation date only when no date is printed', async () => {
    const r = await read(makeOdt(BODY, { title: 'Russland: Verneplikt', creator: 'Landinfo', created: '2013-12-23T23:15:00' }))
    expect(r.meta).toEqual({ title: 'Russland: Verneplikt', publisher: 'Landinfo', date: '2025-02-10' })
    const undated = await read(makeOdt('<text:h text:outline-level="1">Notat</text:h><text:p>Kort notat om verneplikt i Russland.</text:p>', { created: '2024-06-14T10:00:00' }))
    expect(undated.meta.date).toBe('2024-06-14')
  })

  it('refuses another OpenDocument type, a package without content, bad XML and a DOCTYPE with entities, naming the file', async () => {
    await expect(read(makeOdt(BODY, {}, { mimetype: 'application/vnd.oasis.opendocument.spreadsheet' }), 'tabell.odt')).rejects.toThrow(/^tabell\.odt: not an OpenDocument text \(the package is application\/vnd\.oasis\.opendocument\.spreadsheet\)/)
    await expect(read(new TextEncoder().encode('plain text, not a package'))).rejects.toThrow(/^notat\.odt: not an \.odt file \(not a ZIP container\)/)
    await expect(read(makeOdt('<text:p>open paragraph'))).rejects.toThrow(/^notat\.odt: content\.xml: line 1, column \d+: /)
    const { makeZip } = await import('../fixtures/makeFiles')
    await expect(read(makeZip({ mimetype: 'application/vnd.oasis.opendocument.text', 'meta.xml': '<x/>' }))).rejects.toThrow(/no content\.xml/)
    const bomb = makeZip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<!DOCTYPE d [<!ENTITY a "aaaaaaaa">]><d>&a;</d>' })
    await expect(read(bomb)).rejects.toThrow(/^notat\.odt: content\.xml: .*(DOCTYPE|entit)/i)
  })

  it('refuses a package whose content inflates past what it declares before reading it', async () => {
    const lying = makeOdt(BODY + '<text:p>' + 'x'.repeat(200_000) + '</text:p>', {}, { deflate: true, declared: { 'content.xml': 1000 } })
    await expect(read(lying)).rejects.toThrow(/^notat\.odt: the part content\.xml inflates to more than the 1000 bytes it declares: refused as a zip bomb/)
  })
})
