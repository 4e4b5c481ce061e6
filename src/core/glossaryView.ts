// What the glossary grid shows: filters (status, missing language, subject field, deprecated terms,
// no source, modified since, a term shared with another concept, found in a report), sorting by a language column, and both as URL query values so that a
// view can be bookmarked. Pure; the store applies it to the termbase.
import { type ConceptEntry, type Lang, type TermStatus, TERM_STATUSES, isLang } from './model'

/** The grid's filters; an absent field does not filter. */
export interface GridFilters {
  /** Concepts with at least one term of this status. */
  status?: TermStatus
  /** Concepts with no term in this language. */
  missing?: Lang
  /** Concepts of this subject field (case-insensitive, exact). */
  subject?: string
  /** Concepts with a deprecated or forbidden term. */
  hasDeprecated?: boolean
  /** Concepts none of whose terms has a source. */
  noSource?: boolean
  /** Concepts changed (the concept or one of its terms) on or after this day (YYYY-MM-DD). */
  modifiedSince?: string
  /** Concepts with a term another concept has too (same language and spelling): duplicates to merge, or homonyms. */
  sharesTerm?: boolean
  /** Concepts a term of which occurs in this report (its id): the report's own glossary, to export for its translator. */
  inReport?: string
}

/** What some filters read beyond the concepts shown: sets the store computes over the whole termbase or a report. */
export interface FilterSets {
  /** Ids of the concepts that have a term another concept has. */
  sharing?: ReadonlySet<string>
  /** Ids of the concepts found in the `inReport` report (undefined while they are being found: nothing passes). */
  inReport?: ReadonlySet<string>
}

/** Sorting by the terms of one language column; `desc` reverses. */
export interface GridSort {
  lang: Lang
  desc: boolean
}

/** True when no filter is set. */
export function noFilters(f: GridFilters): boolean {
  return !f.status && !f.missing && !f.subject && !f.hasDeprecated && !f.noSource && !f.modifiedSince && !f.sharesTerm && !f.inReport
}

/** The concepts that pass every set filter, in their order (`sets`: what "shares a term" and "in report" read). */
export function filterEntries(entries: readonly ConceptEntry[], f: GridFilters, sets: FilterSets = {}): ConceptEntry[] {
  if (noFilters(f)) return entries as ConceptEntry[]
  const subject = f.subject?.trim().toLowerCase()
  return entries.filter((e) => {
    if (f.status && !e.terms.some((t) => t.status === f.status)) return false
    if (f.missing && e.terms.some((t) => t.lang === f.missing)) return false
    if (subject && (e.concept.subjectField ?? '').trim().toLowerCase() !== subject) return false
    if (f.hasDeprecated && !e.terms.some((t) => t.status === 'deprecated' || t.status === 'forbidden')) return false
    if (f.noSource && e.terms.some((t) => t.sources.length > 0)) return false
    if (f.modifiedSince && !(e.concept.modified >= f.modifiedSince || e.terms.some((t) => t.modified >= f.modifiedSince!))) return false
    if (f.sharesTerm && !sets.sharing?.has(e.concept.id)) return false
    if (f.inReport && !sets.inReport?.has(e.concept.id)) return false
    return true
  })
}

/** The term a concept is sorted by in a language: its preferred term, else its first term there. */
export function sortKey(e: ConceptEntry, lang: Lang): string | undefined {
  return (e.terms.find((t) => t.lang === lang && t.status === 'preferred') ?? e.terms.find((t) => t.lang === lang))?.text
}

/** Sorts by a language column (base-letter comparison); concepts without a term there come last either way. */
export function sortEntries(entries: readonly ConceptEntry[], sort: GridSort): ConceptEntry[] {
  const collator = new Intl.Collator(sort.lang === 'nb' ? 'nb' : sort.lang, { sensitivity: 'base', numeric: true })
  const keyed = entries.map((e) => ({ e, k: sortKey(e, sort.lang) }))
  keyed.sort((a, b) => {
    if (a.k === undefined || b.k === undefined) return a.k === b.k ? 0 : a.k === undefined ? 1 : -1
    const c = collator.compare(a.k, b.k)
    return sort.desc ? -c : c
  })
  return keyed.map((x) => x.e)
}

/** The filters and sort as URL query values (only what is set). */
export function viewToQuery(f: GridFilters, sort: GridSort | null): Record<string, string> {
  const q: Record<string, string> = {}
  if (f.status) q.status = f.status
  if (f.missing) q.missing = f.missing
  if (f.subject) q.subject = f.subject
  if (f.hasDeprecated) q.deprecated = '1'
  if (f.noSource) q.nosource = '1'
  if (f.modifiedSince) q.since = f.modifiedSince
  if (f.sharesTerm) q.shared = '1'
  if (f.inReport) q.report = f.inReport
  if (sort) q.sort = (sort.desc ? '-' : '') + sort.lang
  return q
}

/** Reads filters and sort from URL query values; invalid values are ignored. */
export function viewFromQuery(q: Record<string, unknown>): { filters: GridFilters; sort: GridSort | null } {
  const s = (k: string) => (typeof q[k] === 'string' ? (q[k] as string) : undefined)
  const filters: GridFilters = {}
  const status = s('status')
  if (status && (TERM_STATUSES as readonly string[]).includes(status)) filters.status = status as TermStatus
  const missing = s('missing')
  if (missing && isLang(missing)) filters.missing = missing
  if (s('subject')) filters.subject = s('subject')
  if (s('deprecated') === '1') filters.hasDeprecated = true
  if (s('nosource') === '1') filters.noSource = true
  const since = s('since')
  if (since && /^\d{4}-\d{2}-\d{2}$/.test(since)) filters.modifiedSince = since
  if (s('shared') === '1') filters.sharesTerm = true
  if (s('report')) filters.inReport = s('report')
  const rawSort = s('sort')
  const lang = rawSort?.replace(/^-/, '')
  const sort = lang && isLang(lang) ? { lang, desc: rawSort!.startsWith('-') } : null
  return { filters, sort }
}
