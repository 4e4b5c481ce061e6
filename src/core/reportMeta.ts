// A report's title, publisher and date for every picker: from the file's own metadata first, then
// from the first page (title-like lines, labelled dates, a month and year near the top, the
// running header), then the file name. A date mentioned in the body is never taken; the date a
// PDF or Word file was made comes after the first page's and the header's unless it falls within it.
import type { SegmentedPassage } from './model'
import type { FileMeta } from './extract/blocks'

const MONTHS: Record<string, number> = {}
;[
  ['january', 'janvier', 'januar', 'tammikuu', 'januari', 'jan'],
  ['february', 'février', 'februar', 'helmikuu', 'februari', 'feb'],
  ['march', 'mars', 'marts', 'maaliskuu', 'mar'],
  ['april', 'avril', 'huhtikuu', 'apr'],
  ['may', 'mai', 'toukokuu', 'maj'],
  ['june', 'juin', 'juni', 'kesäkuu', 'jun'],
  ['july', 'juillet', 'juli', 'heinäkuu', 'jul'],
  ['august', 'août', 'elokuu', 'augusti', 'aug'],
  ['september', 'septembre', 'syyskuu', 'sep', 'sept'],
  ['october', 'octobre', 'oktober', 'lokakuu', 'oct', 'okt'],
  ['november', 'novembre', 'marraskuu', 'nov'],
  ['december', 'décembre', 'desember', 'joulukuu', 'dec', 'des'],
].forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)))

const pad = (n: number) => String(n).padStart(2, '0')
/** A month's number from its name, Finnish partitive ("maaliskuuta") and inessive ("kesäkuussa") forms included. */
const monthOf = (w: string): number | undefined => MONTHS[w.toLowerCase()] ?? MONTHS[w.toLowerCase().replace(/(?:ta|ssa)$/, '')]

/** "30.12.2025", and "14/03/2025" (day first; month first only when the day could not be a month). */
const NUMERIC = /\b(\d{1,2})([./])\s?(\d{1,2})\2\s?((?:19|20)\d\d)\b/
const ISO = /\b((?:19|20)\d\d)-(\d\d)(?:-(\d\d))?(?!\d)/
/** "10 octobre 2025", "10. februar 2025", "1er novembre 2024", "June 2024". */
const NAMED = /\b(?:(\d{1,2})(?:\.|er)?\s+)?([\p{L}]{3,12})\.?\s+((?:19|20)\d\d)\b/gu
/** "November 1, 2024". */
const MONTH_FIRST = /\b([\p{L}]{3,12})\.?\s+(\d{1,2}),\s+((?:19|20)\d\d)\b/u
const PDF_DATE = /^D:((?:19|20)\d\d)(\d\d)?(\d\d)?/

/**
 * A date written in `s` as YYYY-MM-DD or YYYY-MM (ISO, "30.12.2025", "14/03/2025", "10 octobre 2025",
 * "November 1, 2024", "June 2024", "kesäkuussa 2024", PDF's "D:20240615…"); undefined when `s` holds none.
 */
export function normalizeDate(s: string): string | undefined {
  const pdf = PDF_DATE.exec(s.trim())
  if (pdf) return pdf[3] ? `${pdf[1]}-${pdf[2]}-${pdf[3]}` : pdf[2] ? `${pdf[1]}-${pdf[2]}` : undefined
  const found: { at: number; value: string }[] = []
  const iso = ISO.exec(s)
  if (iso && +iso[2] >= 1 && +iso[2] <= 12) found.push({ at: iso.index, value: iso[3] ? `${iso[1]}-${iso[2]}-${iso[3]}` : `${iso[1]}-${iso[2]}` })
  const num = NUMERIC.exec(s)
  if (num) {
    const [a, b] = num[2] === '/' && +num[1] <= 12 && +num[3] > 12 ? [+num[3], +num[1]] : [+num[1], +num[3]]
    if (b >= 1 && b <= 12 && a >= 1 && a <= 31) found.push({ at: num.index, value: `${num[4]}-${pad(b)}-${pad(a)}` })
  }
  const first = MONTH_FIRST.exec(s)
  const firstMonth = first && monthOf(first[1])
  if (first && firstMonth && +first[2] >= 1 && +first[2] <= 31) found.push({ at: first.index, value: `${first[3]}-${pad(firstMonth)}-${pad(+first[2])}` })
  NAMED.lastIndex = 0
  for (let m = NAMED.exec(s); m; m = NAMED.exec(s)) {
    const month = monthOf(m[2])
    if (!month) continue
    found.push({ at: m.index, value: m[1] && +m[1] <= 31 ? `${m[3]}-${pad(month)}-${pad(+m[1])}` : `${m[3]}-${pad(month)}` })
    break
  }
  return found.sort((a, b) => a.at - b.at)[0]?.value
}

/** What {@link guessMeta} reads. */
export interface MetaInput {
  /** Metadata stated by the file itself. */
  file?: FileMeta
  /** The stored text (running headers are looked for here). */
  text: string
  passages: SegmentedPassage[]
  fileName: string
}

/** A report's metadata; fields the document does not state are left out. */
export interface ReportMeta {
  title: string
  publisher?: string
  date?: string
}

const DATE_LABEL = /^(?:\*\*)?(?:date|dated|dato|datum|päivämäärä|päiväys|publication date|published|publisert|udgivet|publicerad|publié le|date de publication)\s*:?\s*(?:\*\*)?\s*(.+)$/iu
const ID_LABEL = /^(?:asiakirjan tunnus|document id|reference|ref\.?|dokument-id|journalnummer)\s*:\s*(.{2,30})$/iu
const FIELD_LABEL = /^[\p{L} ]{1,29}\p{L}:\s*\S.{0,40}$/u
const GENERIC = /^(?:contents|table of contents|sisällys(?:luettelo)?|indhold(?:sfortegnelse)?|innhold(?:sfortegnelse)?|innehåll(?:sförteckning)?|sommaire|table des matières|summary|executive summary|abstract|introduction|johdanto|indledning|innledning|inledning|disclaimer|preface|forord|foreword)$/iu
const SECTION = /^\d{1,2}(?:\.\d{1,2})*\.?\s/
const PAGE_OF = /\s*[-–—|]?\s*(?:page|side|sida|sivu|seite|p\.)\s*\d+\s*(?:de|of|af|av|sur|\/)\s*\d+\s*$/i
const MARKUP = /<\/?[a-z]+>|[*_#]/g

const clean = (s: string) => s.replace(MARKUP, '').replace(/\s+/g, ' ').trim()

/** The body passages that make up the first page: up to the first numbered section. */
function firstPage(passages: SegmentedPassage[]): SegmentedPassage[] {
  const body = passages.filter((p) => p.kind !== 'footnote').slice(0, 25)
  const firstSection = body.findIndex((p, i) => i > 0 && p.kind === 'heading' && SECTION.test(clean(p.text)))
  return firstSection > 0 ? body.slice(0, firstSection) : body.slice(0, 12)
}

/** Repeated short lines of the stored text that carry a date or a page counter (running headers). */
function runningHeaders(text: string): string[] {
  const counts = new Map<string, number>()
  for (const raw of text.slice(0, 400_000).split('\n')) {
    const l = clean(raw)
    if (l.length < 8 || l.length > 140 || !(PAGE_OF.test(l) || normalizeDate(l))) continue
    const key = l.replace(PAGE_OF, '')
    counts.set(key, (counts.get(key) ?? 0) + (PAGE_OF.test(l) ? 2 : 1))
  }
  return [...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1]).map(([k]) => k)
}

/** Splits "Title – 10 octobre 2025" / "Title, juni 2024" into its title and date. */
function splitHeader(h: string): { title?: string; date?: string } {
  const date = normalizeDate(h)
  const m = /^(.{4,}?)\s*(?:[–—|,]|\s-\s)\s*(?:\d{1,2}\.?\s+)?[\p{L}]+\.?\s+(?:19|20)\d\d\s*$/u.exec(h)
  return { title: m ? m[1].trim() : undefined, date }
}

function titleScore(t: string, heading: boolean, i: number, field: boolean): number {
  if (t.length < 4 || t.length > 220 || SECTION.test(t) || GENERIC.test(t) || DATE_LABEL.test(t) || field) return -1
  if (/^(?:©|\(c\))/i.test(t) || /https?:|www\./.test(t) || (/[.;,]$/.test(t) && t.length > 60)) return -1
  const words = t.split(' ').length
  let s = 10 - i
  if (heading) s += 4
  if (/[/:–]/.test(t)) s += 2
  if (words >= 3) s += 3
  if (words === 1) s -= 6
  if (/[.;,]$/.test(t)) s -= 8
  if (t.length > 140) s -= 4
  if (/\d{3,}/.test(t)) s -= 4
  return s
}

/** "# Russia" + "*Conscription*": a one- or two-word title with its subtitle under it, else the text alone. */
function withSubtitle(page: SegmentedPassage[], i: number, text: string): string {
  const t = clean(page[i].text)
  const sub = page[i + 1]
  const next = sub ? clean(sub.text) : ''
  // The subtitle stands out: a heading, or set in emphasis.
  const after = page[i + 2] ? clean(page[i + 2].text) : ''
  const letterhead = FIELD_LABEL.test(after) || ID_LABEL.test(after) || DATE_LABEL.test(after)
  const marked = !!sub && !letterhead && (sub.kind === 'heading' || /^[*_#]/.test(text.slice(sub.start, sub.end)))
  const short = marked && page[i].kind === 'heading' && t.split(' ').length <= 2 && next.length <= 60 && next.split(' ').length <= 6
  return short && !/[.;:]$/.test(next) && !normalizeDate(next) && !DATE_LABEL.test(next) ? `${t} – ${next}` : t
}

/** A labelled field ("To: …", "Emne: …") among other labelled lines; one "Russia: Military service" alone is a title. */
function inFieldBlock(page: SegmentedPassage[], i: number): boolean {
  const labelled = (k: number) => {
    const t = page[k] ? clean(page[k].text) : ''
    return FIELD_LABEL.test(t) || DATE_LABEL.test(t) || ID_LABEL.test(t)
  }
  return FIELD_LABEL.test(clean(page[i].text)) && (labelled(i - 1) || labelled(i + 1))
}

/** A title from the first page: the most title-like line, with a subtitle or document id added. */
function pageTitle(page: SegmentedPassage[], text: string): string | undefined {
  let best = 2
  let title: string | undefined
  page.forEach((p, i) => {
    const t = withSubtitle(page, i, text)
    const s = titleScore(t, p.kind === 'heading', i, inFieldBlock(page, i))
    if (s > best) [best, title] = [s, t]
  })
  if (!title) return undefined
  const id = page.map((p) => ID_LABEL.exec(clean(p.text))?.[1]).find(Boolean)
  return id && !title.includes(id) ? `${title} (${id.trim()})` : title
}

/** A date stated on the first page: labelled, on a line of its own, or a month and year in a short passage. */
function pageDate(page: SegmentedPassage[]): string | undefined {
  for (const p of page) {
    const t = clean(p.text)
    const label = DATE_LABEL.exec(t)
    if (label && normalizeDate(label[1])) return normalizeDate(label[1])
  }
  for (const p of page) {
    const t = clean(p.text)
    const d = normalizeDate(t)
    if (!d) continue
    const rest = t.replace(/\b(?:\d{1,2}\.?\s*)?[\p{L}]+\.?\s+(?:19|20)\d\d\b|\b\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\b|\b\d{4}-\d\d(?:-\d\d)?\b/u, '')
    if (rest.replace(/[^\p{L}]/gu, '').length <= 12) return d
    if (d.length === 7 && t.length <= 80 && !/\d{1,2}\.?\s+[\p{L}]+\s+(?:19|20)\d\d/u.test(t)) return d
  }
  // A subtitle line at the very top carrying the full date: "Country of origin information note, 12 March 2025".
  // Or "Publisher – what it is, 2025-03-14": a longer line that ends with the date.
  for (const p of page.slice(0, 3)) {
    const t = clean(p.text)
    const d = normalizeDate(t)
    const tail = /(?:,|\s[–—-])\s*([^,–—]{6,25})$/u.exec(t)?.[1]
    const atEnd = t.length <= 140 && !!tail && normalizeDate(tail) === d
    if (d?.length === 10 && (t.length <= 80 || atEnd) && !/[.!?]$/.test(t)) return d
  }
  return undefined
}

/** A publisher named on the first page: after "©" and a year, or an organisation with its acronym. */
function pagePublisher(page: SegmentedPassage[], text: string): string | undefined {
  const head = text.slice(0, 6000)
  const copy = /©\s*(?:(?:19|20)\d\d\s*)?(?:the\s+)?([^\n.]{3,120})/i.exec(head)
  if (copy) return clean(copy[1]).replace(/\bthe\s+/gi, '')
  for (const p of page.slice(0, 6)) {
    // The organisation word capitalised: "Organisation suisse d'aide aux réfugiés (OSAR)", not "civilian service (ACS)".
    const org = /\b(?:[lL]['‘’]\s?|[Tt]he\s+)?((?:Organi[sz]ation|Service|Agency|Office|Committee|Council|Centre|Center|Ministry|Institute|Board|Commission|Landinfo|Migrationsverket|Maahanmuuttovirasto)\b[^().\n]{0,60}?)\s*\(([\p{Lu}]{2,8})\)/u.exec(clean(p.text))
    if (org) return `${org[1].trim()} (${org[2]})`
  }
  // A COI publisher named on the first page: on a cover or header line, or opening a passage that presents it
  // ("DRC Dansk Flygtningehjælps landerapporter er…"); never one a sentence cites ("According to Landinfo, …").
  for (const p of page.slice(0, 8)) {
    const t = clean(p.text)
    const known = KNOWN_PUBLISHER.exec(t)
    if (known && ((t.length <= 140 && !/[.!?]$/.test(t)) || known.index <= 12)) return known[1]
  }
  return undefined
}

/**
 * Country-of-origin publishers by the names they print on their reports (full names, and acronyms no other word
 * spells): agencies, NGOs and their COI units in the app's languages and German.
 */
const KNOWN_PUBLISHER = new RegExp(
  '\\b(' +
    [
      'Landinfo', 'Lifos', 'Migrationsverket', 'Swedish Migration Agency', 'Maahanmuuttovirasto', 'Finnish Immigration Service', 'Maatietopalvelu', 'Migri',
      'Udlændingestyrelsen', 'Danish Immigration Service', 'Utlendingsdirektoratet', 'Dansk Flygtningehjælp', 'Danish Refugee Council',
      'European Union Agency for Asylum', 'EUAA', 'European Asylum Support Office', 'EASO',
      "Office français de protection des réfugiés et apatrides", 'OFPRA', 'Cour nationale du droit d.asile', 'CNDA',
      "Organisation suisse d.aide aux réfugiés", 'Schweizerische Flüchtlingshilfe', 'Swiss Refugee Council',
      'Commissariat général aux réfugiés et aux apatrides', 'Cedoca', 'Bundesamt für Migration und Flüchtlinge', 'BAMF',
      'Austrian Centre for Country of Origin (?:and|&) Asylum Research and Documentation', 'Immigration and Refugee Board of Canada',
      'UK Home Office', 'Home Office', 'UNHCR', 'Den norske Helsingforskomit[ée]', 'Norwegian Helsinki Committee',
    ].join('|') +
    // A Nordic or English genitive ("Dansk Flygtningehjælps landerapporter", "Landinfo's report") still names it.
    ")(?:s|['’]s)?\\b",
  'u',
)

/** A date in the file name ("report-2024-06-15.pdf", "kt1256_30.12.2025.docx"). */
function fileNameDate(name: string): string | undefined {
  const compact = /(?:^|\D)((?:19|20)\d\d)(\d\d)(\d\d)(?:\D|$)/.exec(name)
  if (compact && +compact[2] >= 1 && +compact[2] <= 12) return `${compact[1]}-${compact[2]}-${compact[3]}`
  return normalizeDate(name.replace(/[_]/g, ' '))
}

const USABLE_TITLE = (t?: string) => !!t && t.length >= 4 && !/^(?:untitled|document\d*|microsoft word\b.*|title)$/i.test(t) && !/\.(?:docx?|pdf|html?)$/i.test(t)

/** Title, publisher and date of a report (see the file header for the order of sources). */
export function guessMeta(input: MetaInput): ReportMeta {
  const page = firstPage(input.passages)
  const header = [...(input.file?.running ?? []), ...runningHeaders(input.text)].map(splitHeader).find((h) => h.title || h.date) ?? {}
  const fileTitle = input.file?.title?.replace(/^Microsoft Word\s*-\s*/i, '').trim()
  const title = (USABLE_TITLE(fileTitle) ? fileTitle : undefined) ?? pageTitle(page, input.text) ?? header.title ?? input.fileName.replace(/\.[^.]+$/, '')
  const printed = pageDate(page) ?? header.date
  const created = input.file?.created
  // The file's own date when it agrees with a printed month ("juni 2024" and 2024-06-14): it is the more precise.
  const date = input.file?.date ?? (printed && created?.startsWith(printed) ? created : printed) ?? created ?? fileNameDate(input.fileName)
  const publisher = input.file?.publisher ?? pagePublisher(page, input.text)
  return { title: title.slice(0, 200), ...(publisher ? { publisher } : {}), ...(date ? { date } : {}) }
}
