// The readable glossary page: every text escaped and nothing that runs, sorted by the chosen language with its
// collation, a subset of languages, links between related concepts, and each term's status.
import { describe, expect, it } from 'vitest'
import { escapeHtml, exportHtmlGlossary, type HtmlGlossaryLabels } from '../../src/core/htmlGlossary'
import { writeGlossaryFile } from '../../src/workers/glossaryFile'
import { SUPPORTED_LANGS, TERM_STATUSES, type ConceptEntry, type Lang, type Term, type TermStatus } from '../../src/core/model'

const labels: HtmlGlossaryLabels = {
  title: 'Sanasto', summary: '3 käsitettä', index: 'Hakemisto', definition: 'Määritelmä', note: 'Huomautus', subjectField: 'Aihealue', related: 'Liittyvät',
  langs: Object.fromEntries(SUPPORTED_LANGS.map((l) => [l, `kieli-${l}`])) as Record<Lang, string>,
  statuses: Object.fromEntries(TERM_STATUSES.map((s) => [s, `tila-${s}`])) as Record<TermStatus, string>,
}
const term = (conceptId: string, lang: Lang, text: string, status: TermStatus = 'preferred', note?: string): Term =>
  ({ id: `${conceptId}-${lang}-${text}`, conceptId, lang, text, status, type: 'fullForm', note, sources: [], created: '', modified: '' })
const entry = (id: string, terms: Term[], over: Partial<ConceptEntry['concept']> = {}): ConceptEntry =>
  ({ concept: { id, definitions: {}, related: [], created: '', modified: '', ...over }, terms })

const glossary = {
  entries: [
    entry('c3', [term('c3', 'en', 'oil'), term('c3', 'fi', 'öljy')]),
    entry('c1', [term('c1', 'en', 'sound'), term('c1', 'fi', 'ääni'), term('c1', 'ru', 'звук')], { related: ['c2', 'gone'] }),
    entry('c2', [term('c2', 'en', 'car'), term('c2', 'fi', 'auto'), term('c2', 'fi', 'kaara', 'deprecated', 'puhekieltä')]),
    entry('c4', [term('c4', 'en', '<img src=x onerror=alert(1)>')], { definitions: { en: 'He said "no" & left <b>' }, note: "it's <script>alert(2)</script>" }),
  ],
}

describe('the readable glossary page', () => {
  const html = exportHtmlGlossary(glossary, { labels, sortLang: 'fi', uiLang: 'fi' })

  it('shows every text as text: escaped, no element from the data, no script, and a policy that forbids them', () => {
    expect(html).not.toMatch(/<img|<script|<b>/)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('He said &quot;no&quot; &amp; left &lt;b&gt;')
    expect(html).toContain('it&#39;s &lt;script&gt;alert(2)&lt;/script&gt;')
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/)
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
  })

  it('sorts by the chosen language with its alphabet (ä and ö after z in Finnish), concepts without a term in it last', () => {
    const titles = [...html.matchAll(/<h2>([^<]*)<\/h2><dl>/g)].map((m) => m[1])
    expect(titles).toEqual(['auto', 'ääni', 'öljy', '&lt;img src=x onerror=alert(1)&gt;'])
    const index = [...html.matchAll(/<li><a href="#(c-[^"]+)">/g)].map((m) => m[1])
    expect(index).toEqual(['c-c2', 'c-c1', 'c-c3', 'c-c4'])
  })

  it('lists each language\'s terms preferred first with their status and note, and links related concepts that exist', () => {
    expect(html).toContain('<dd lang="fi"><span class="term preferred">auto <span class="status">(tila-preferred)</span></span> <span class="term deprecated">kaara <span class="status">(tila-deprecated)</span> <span class="note">— puhekieltä</span></span></dd>')
    expect(html).toContain('<dt>Liittyvät</dt><dd><a href="#c-c2">auto</a></dd>')
    expect(html).not.toContain('gone')
    expect(html).toMatch(/^<!doctype html>\n<html lang="fi">/)
  })

  it('keeps only the chosen languages', () => {
    const some = exportHtmlGlossary(glossary, { labels, sortLang: 'en', langs: ['en', 'fi'] })
    expect(some).not.toContain('звук')
    expect(some).not.toContain('kieli-ru')
    expect(some).toContain('ääni')
  })

  it('is written by the export worker as an .html file, subset and all', async () => {
    const file = await writeGlossaryFile({ kind: 'html', glossary, langs: ['en'], conceptIds: ['c1', 'c2'], html: { labels, sortLang: 'en' } })
    expect(file.fileName).toMatch(/^glossary-\d{4}-\d{2}-\d{2}\.html$/)
    expect(file.mime).toBe('text/html')
    expect([...file.text!.matchAll(/<h2>([^<]*)<\/h2><dl>/g)].map((m) => m[1])).toEqual(['car', 'sound'])
    await expect(writeGlossaryFile({ kind: 'html', glossary })).rejects.toThrow(/labels/)
  })
})
