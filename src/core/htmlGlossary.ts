// A glossary as one self-contained HTML page to read, print or send to colleagues without the workbench: an
// index and one entry per concept, sorted by one language, every term with its status; text only, no script.
import { SUPPORTED_LANGS, type ConceptEntry, type Glossary, type Lang, type Term, type TermStatus } from './model'

/** The words of the page in the reader's language (the app passes its interface texts; core knows no i18n). */
export interface HtmlGlossaryLabels {
  title: string
  /** e.g. "58 concepts · exported 2026-12-04". */
  summary: string
  index: string
  definition: string
  note: string
  subjectField: string
  related: string
  /** Names of the languages, by code. */
  langs: Record<Lang, string>
  statuses: Record<TermStatus, string>
}

export interface HtmlGlossaryOptions {
  labels: HtmlGlossaryLabels
  /** The language concepts are named and sorted by (default en); a concept without a term in it comes last. */
  sortLang?: Lang
  /** The interface language, for the page's `lang` and the sort order's collation. */
  uiLang?: string
  /** Only these languages (default all). */
  langs?: readonly Lang[]
}

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

const STATUS_ORDER: Record<TermStatus, number> = { preferred: 0, admitted: 1, deprecated: 2, forbidden: 3 }

/** The name of a concept in a language: its preferred term, else its first admitted one, else any. */
function nameIn(e: ConceptEntry, lang: Lang): string | undefined {
  const terms = e.terms.filter((t) => t.lang === lang).sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status])
  return terms[0]?.text
}

/** An id for an anchor: the concept id with anything but letters, digits, '-' and '_' replaced. */
const anchor = (id: string) => 'c-' + id.replace(/[^\p{L}\p{N}_-]/gu, '_')

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
h1{margin:0 0 .25rem}.muted{color:#57606a}nav ol{columns:16rem;padding-left:1.2rem}
section{border-top:1px solid #d0d7de;padding:.6rem 0;break-inside:avoid}h2{font-size:1.1rem;margin:0 0 .3rem}
dl{display:grid;grid-template-columns:minmax(6rem,max-content) 1fr;gap:.2rem .8rem;margin:.3rem 0}dt{font-weight:600}dd{margin:0}
.term{margin-right:.6rem}.preferred{font-weight:700}.deprecated,.forbidden{text-decoration:line-through;color:#8c2f39}
.status{font-size:.8em;color:#57606a}.note{font-size:.9em;color:#57606a}
@media print{body{margin:0;max-width:none}nav{break-after:page}a{color:inherit;text-decoration:none}}`

function termHtml(t: Term, labels: HtmlGlossaryLabels): string {
  const note = t.note ? ` <span class="note">— ${escapeHtml(t.note)}</span>` : ''
  return `<span class="term ${t.status}">${escapeHtml(t.text)} <span class="status">(${escapeHtml(labels.statuses[t.status])})</span>${note}</span>`
}

function entryHtml(e: ConceptEntry, title: string, langs: readonly Lang[], labels: HtmlGlossaryLabels, names: Map<string, string>): string {
  const c = e.concept
  const rows: string[] = []
  if (c.subjectField) rows.push(`<dt>${escapeHtml(labels.subjectField)}</dt><dd>${escapeHtml(c.subjectField)}</dd>`)
  for (const l of langs) {
    const def = c.definitions[l]
    if (def) rows.push(`<dt>${escapeHtml(labels.definition)} (${l})</dt><dd lang="${l}">${escapeHtml(def)}</dd>`)
  }
  for (const l of langs) {
    const terms = e.terms.filter((t) => t.lang === l).sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status])
    if (terms.length) rows.push(`<dt>${escapeHtml(labels.langs[l])}</dt><dd lang="${l}">${terms.map((t) => termHtml(t, labels)).join(' ')}</dd>`)
  }
  if (c.note) rows.push(`<dt>${escapeHtml(labels.note)}</dt><dd>${escapeHtml(c.note)}</dd>`)
  const related = c.related.filter((id) => names.has(id))
  if (related.length)
    rows.push(`<dt>${escapeHtml(labels.related)}</dt><dd>${related.map((id) => `<a href="#${anchor(id)}">${escapeHtml(names.get(id)!)}</a>`).join(', ')}</dd>`)
  return `<section id="${anchor(c.id)}"><h2>${escapeHtml(title)}</h2><dl>${rows.join('')}</dl></section>`
}

/**
 * The page. Every text of the glossary is escaped, the page carries no script, and its Content-Security-Policy
 * forbids scripts and any request, so whatever a term holds it is shown as text.
 */
export function exportHtmlGlossary(glossary: Glossary, opts: HtmlGlossaryOptions): string {
  const { labels } = opts
  const sortLang = opts.sortLang ?? 'en'
  const langs = SUPPORTED_LANGS.filter((l) => !opts.langs || opts.langs.includes(l))
  const collator = new Intl.Collator(sortLang, { sensitivity: 'base', numeric: true })
  const titled = glossary.entries.map((e) => {
    const own = nameIn(e, sortLang)
    return { e, own, title: own ?? langs.map((l) => nameIn(e, l)).find(Boolean) ?? e.concept.id }
  })
  titled.sort((a, b) => Number(!a.own) - Number(!b.own) || collator.compare(a.title, b.title) || a.e.concept.id.localeCompare(b.e.concept.id))
  const names = new Map(titled.map((x) => [x.e.concept.id, x.title]))
  const index = titled.map((x) => `<li><a href="#${anchor(x.e.concept.id)}">${escapeHtml(x.title)}</a></li>`).join('')
  const body = titled.map((x) => entryHtml(x.e, x.title, langs, labels, names)).join('\n')
  return `<!doctype html>
<html lang="${escapeHtml(opts.uiLang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(labels.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(labels.title)}</h1><p class="muted">${escapeHtml(labels.summary)}</p></header>
<nav aria-label="${escapeHtml(labels.index)}"><h2>${escapeHtml(labels.index)}</h2><ol>${index}</ol></nav>
<main>
${body}
</main>
</body>
</html>
`
}
