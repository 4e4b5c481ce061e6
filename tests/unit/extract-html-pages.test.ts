// Web pages built without <nav>/<footer>/<p>, as many COI sites are: menus made of links and "footer" blocks are
// left out, two line breaks end a paragraph, a bold line of its own is a heading, and content with links stays;
// an old site's layout table is read by its regions.
import { describe, expect, it } from 'vitest'
import { readReport } from '../../src/core/extract/report'

async function passages(html: string): Promise<[string, string][]> {
  const r = await readReport('page.html', new TextEncoder().encode(html))
  return r.passages.map((p) => [p.kind, p.text])
}

const PAGE = `<html><head><title>Russia: Mobilisation</title></head><body>
<div class="header"><a href="/">ecoi.net</a> | <a href="/search">Search</a></div>
<div id="breadcrumbs"><a href="/">Home</a> › <a href="/ru">Russia</a></div>
<div class="content">
<div class="text">On 21 September 2022 President Putin announced a partial mobilisation.<br><br>About 300,000 reservists were
to be called up.<br>Men with combat experience came first.<br><br><b>Exemptions</b><br>Students and IT workers were later exempted.</div>
<ul class="sources"><li><a href="/a">Meduza</a>, report of 3 October 2022</li><li><a href="/b">BBC Russian</a>, 1 November 2022</li></ul>
<ul><li><a href="/c">Landinfo: Russland, militærtjeneste og mobilisering</a></li><li><a href="/d">EUAA: The Russian Federation, military service</a></li></ul>
</div>
<div class="site-footer">Contact | Imprint | Data protection</div>
</body></html>`

describe('a web page without semantic elements', () => {
  it('takes the page title without the site domain after it', async () => {
    const r = await readReport('page.html', new TextEncoder().encode(PAGE.replace('<title>Russia: Mobilisation</title>', '<title>Russia: Mobilisation - ecoi.net</title>')))
    expect(r.meta.title).toBe('Russia: Mobilisation')
  })

  it('keeps the content and leaves out link menus, breadcrumbs and the footer block', async () => {
    const ps = await passages(PAGE)
    const text = ps.map(([, t]) => t).join('\n')
    expect(text).not.toMatch(/ecoi\.net|Search|Home|Imprint/)
    expect(text).toContain('Meduza, report of 3 October 2022')
    expect(text).toContain('BBC Russian, 1 November 2022')
    // A list of nothing but links to whole documents is content, not a menu.
    expect(text).toContain('EUAA: The Russian Federation, military service')
  })

  it('ends a paragraph at two line breaks, joins lines at one, and makes a bold line of its own a heading', async () => {
    const ps = await passages(PAGE)
    expect(ps.slice(0, 4)).toEqual([
      ['paragraph', 'On 21 September 2022 President Putin announced a partial mobilisation.'],
      ['paragraph', 'About 300,000 reservists were to be called up. Men with combat experience came first.'],
      ['heading', 'Exemptions'],
      ['paragraph', 'Students and IT workers were later exempted.'],
    ])
  })
})

describe('an old site laid out with a table', () => {
  const OLD = `<html><body><table width="100%"><tr><td class="menu"><a href="/">Home</a><br><a href="/x">Countries</a></td>
<td><font size="4"><b>Russia: Alternative civilian service</b></font><p>Alternative civilian service (ACS) lasts 21 months.</p>
<p>Applications must be filed six months before the call-up.</p></td></tr></table>
<table><tr><td><p>Year</p></td><td><p>Conscripts</p></td></tr><tr><td><p>2024</p></td><td><p>150,000</p></td></tr></table></body></html>`

  it('reads the text column as paragraphs, leaves the menu column out, and keeps a data table in rows', async () => {
    expect(await passages(OLD)).toEqual([
      ['paragraph', 'Russia: Alternative civilian service'],
      ['paragraph', 'Alternative civilian service (ACS) lasts 21 months.'],
      ['paragraph', 'Applications must be filed six months before the call-up.'],
      ['paragraph', 'Year | Conscripts'],
      ['paragraph', '2024 | 150,000'],
    ])
  })

  it('does not take "civilian service (ACS)" in the text for the publisher', async () => {
    const r = await readReport('old.html', new TextEncoder().encode(OLD))
    expect(r.meta.publisher).toBeUndefined()
  })
})


// Word files as LibreOffice writes them, read through mammoth's HTML: notes carry ids from 2 while their markers
// show 1, 2…; a table of contents is a paragraph per line ending in a tab and a page number.
describe('Word files written by LibreOffice', () => {
  const MAMMOTH = `<h1>Russland: Verneplikt</h1><p>1 Innledning\t2</p><p>1.1 Kommissariatene\t3</p><h1>1 Innledning</h1>
<p>Dette notatet handler om verneplikt.<sup><a href="#footnote-2" id="footnote-ref-2">[1]</a></sup> Mer tekst.<sup><a href="#footnote-3" id="footnote-ref-3">[2]</a></sup></p>
<ol><li id="footnote-2"><p>\tLandinfo, samtale, 2024. <a href="#footnote-ref-2">↑</a></p></li><li id="footnote-3"><p>\tMeduza, 2024. <a href="#footnote-ref-3">↑</a></p></li></ol>`

  it('labels each note as its marker shows it, and leaves out the table of contents', async () => {
    expect(await passages(MAMMOTH)).toEqual([
      ['heading', 'Russland: Verneplikt'],
      ['heading', '1 Innledning'],
      ['paragraph', 'Dette notatet handler om verneplikt. Mer tekst.'],
      ['footnote', 'Landinfo, samtale, 2024.'],
      ['footnote', 'Meduza, 2024.'],
    ])
    const r = await readReport('notat.html', new TextEncoder().encode(MAMMOTH))
    expect(r.passages[2].footnotes).toEqual(['1', '2'])
    expect(r.passages.filter((p) => p.kind === 'footnote').map((p) => p.footnotes?.[0])).toEqual(['1', '2'])
  })
})

// Reports saved as web pages by Word ("Web page, filtered") and LibreOffice: their own footnote links and ids.
describe('footnotes of Word and LibreOffice web pages', () => {
  const WORD = `<html><body><div class=WordSection1><h1>Verneplikt</h1>
<p class=MsoNormal>Verneplikten gjelder menn.<a href="#_ftn1" name="_ftnref1" title=""><span class=MsoFootnoteReference><span class=MsoFootnoteReference><span lang=NO-BOK style='font-size:11.0pt'>[1]</span></span></span></a> Mer tekst.</p></div>
<div><br clear=all><hr align=left size=1 width="33%"><div id=ftn1><p class=MsoFootnoteText><a href="#_ftnref1" name="_ftn1" title=""><span class=MsoFootnoteReference><span class=MsoFootnoteReference><span lang=NO-BOK>[1]</span></span></span></a> Landinfo, samtale, 2024.</p></div></div></body></html>`
  const LIBRE = `<html><body><h1>Verneplikt</h1><p>Verneplikten gjelder menn.<a class="sdfootnoteanc" name="sdfootnote1anc" href="#sdfootnote1sym"><sup>1</sup></a> Mer tekst.</p>
<div id="sdfootnote1"><p class="sdfootnote"><a class="sdfootnotesym" name="sdfootnote1sym" href="#sdfootnote1anc">1</a>Landinfo, samtale, 2024.</p></div></body></html>`

  for (const [who, html] of [['Word', WORD], ['LibreOffice', LIBRE]]) {
    it(`links ${who}'s markers to its notes, and leaves the notes' back-links out`, async () => {
      expect(await passages(html), who).toEqual([
        ['heading', 'Verneplikt'],
        ['paragraph', 'Verneplikten gjelder menn. Mer tekst.'],
        ['footnote', 'Landinfo, samtale, 2024.'],
      ])
      const r = await readReport('notat.html', new TextEncoder().encode(html))
      expect(r.passages[1].footnotes, who).toEqual(['1'])
    })
  }
})

describe('titles of word-processor web pages', () => {
  it("reads Word's MsoTitle paragraph and LibreOffice's 26 pt title paragraph as headings, not body text in a large font", async () => {
    const word = `<html><body><p class=MsoTitle>Russland: Verneplikt</p><p class=MsoNormal>Temanotat, februar 2025</p><h1>1 Innledning</h1><p class=MsoNormal>Dette notatet handler om verneplikt.</p></body></html>`
    const libre = `<html><body><p style="margin-bottom: 0.21in"><font color="#17365d"><font face="Calibri, serif"><font size="6" style="font-size: 26pt">Russland:\nVerneplikt</font></font></font></p><p>Temanotat, februar 2025</p><h1 class="western">1 Innledning</h1><p><span style="font-size: 18pt">Dette notatet handler om verneplikt i Russland, skrevet stort.</span></p></body></html>`
    for (const html of [word, libre])
      expect((await passages(html)).map(([kind]) => kind)).toEqual(['heading', 'paragraph', 'heading', 'paragraph'])
  })
})

describe('Google Docs web pages', () => {
  it('reads the title, and links footnote markers to the notes whose back-link carries their id', async () => {
    const html = `<html><body><p class="c4 title" id="h.x1"><span class="c5">Russland: Verneplikt</span></p><h1 class="c2" id="h.x2"><span>1 Innledning</span></h1>
<p class="c1"><span class="c0">Verneplikten gjelder menn.</span><sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup><span class="c0"> Mer tekst.</span></p><hr class="c3"><div><p class="c1"><a href="#ftnt_ref1" id="ftnt1">[1]</a><span class="c0">&nbsp;Landinfo, samtale, 2024.</span></p></div></body></html>`
    expect(await passages(html)).toEqual([
      ['heading', 'Russland: Verneplikt'],
      ['heading', '1 Innledning'],
      ['paragraph', 'Verneplikten gjelder menn. Mer tekst.'],
      ['footnote', 'Landinfo, samtale, 2024.'],
    ])
    expect((await readReport('notat.html', new TextEncoder().encode(html))).passages[2].footnotes).toEqual(['1'])
  })
})
