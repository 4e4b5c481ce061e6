// Matches the glossary in every passage of every report once, so that all checks share the hits (with original offsets).
import { buildMatcher, type Matcher, type TermHit } from '../matcher'
import type { Glossary, Lang, Term } from '../model'
import { insideAny, mapPassages, toOriginal, type MappedPassage, type QaDocument } from './document'
import { GlossaryInfo, isAdmittedStatus } from './glossaryInfo'
import { cleanSurface, glossGap } from './surface'

/** A glossary hit in a report, with offsets into the report's original text. */
export interface QaHit extends TermHit {
  /** The glossary term matched (the term whose generated variant matched, for 'translit' hits). */
  term: Term
  docId: string
  passageIndex: number
  /** The language the passage is checked in. */
  passageLang: Lang
  /** True when the passage is in another language than the report. */
  quoted: boolean
  /** The hit's span in the passage text (for compounds: the whole word). */
  local: { start: number; end: number }
  /** True when the same span also matched other concepts and the passage gave no reason to prefer one. */
  ambiguous?: boolean
}

/** A report after matching: its mapped passages and its hits in text order. */
export interface ScannedDoc {
  doc: QaDocument
  passages: MappedPassage[]
  hits: QaHit[]
}

/** Everything the checks share: glossary lookups, the matcher and the scanned reports. */
export interface QaContext {
  glossary: GlossaryInfo
  matcher: Matcher
  docs: ScannedDoc[]
}

/** Options of `createQaContext`. */
export interface QaContextOptions {
  /** A matcher already built from the same glossary (the worker keeps one and updates it). */
  matcher?: Matcher
}

/**
 * Keeps, where one span matched several concepts, the concept that (in this order) the span glosses ("military
 * enlistment office or draft board": the concept of the rendering just before), that admits the spelling when
 * the others deprecate it ("draft board" is admitted for the conscription commission, deprecated for the
 * Voenkomat), or that the rest of the passage speaks of (the one with other hits there). When none of these
 * decides, all are kept, marked ambiguous.
 */
function disambiguate(hits: QaHit[], text: string): QaHit[] {
  if (hits.length < 2 || !sharesSpan(hits)) return hits
  const core = (h: QaHit) => (h.part ? `${h.part.start}:${h.part.end}` : `${h.start}:${h.end}`)
  const bySpan = new Map<string, QaHit[]>()
  for (const h of hits) {
    const k = core(h)
    const list = bySpan.get(k)
    if (list) list.push(h)
    else bySpan.set(k, [h])
  }
  const support = (conceptId: string, span: string) => hits.filter((h) => h.conceptId === conceptId && core(h) !== span).length
  const glossed = (conceptId: string, h: QaHit) =>
    hits.some((p) => p.conceptId === conceptId && p.local.end <= h.local.start && glossGap(text.slice(p.local.end, h.local.start)))
  const out: QaHit[] = []
  for (const [span, group] of bySpan) {
    let concepts = [...new Set(group.map((h) => h.conceptId))]
    if (concepts.length > 1) {
      const byGloss = concepts.filter((c) => glossed(c, group[0]))
      if (byGloss.length) concepts = byGloss
    }
    if (concepts.length > 1) {
      const admitted = concepts.filter((c) => group.some((h) => h.conceptId === c && isAdmittedStatus(h.term.status)))
      if (admitted.length) concepts = admitted
    }
    if (concepts.length > 1) {
      const scores = concepts.map((c) => support(c, span))
      const max = Math.max(...scores)
      const winners = concepts.filter((_, i) => scores[i] === max)
      if (max > 0 && winners.length === 1) concepts = winners
    }
    const keep = group.filter((h) => concepts.includes(h.conceptId))
    out.push(...(concepts.length > 1 ? keep.map((h) => ({ ...h, ambiguous: true })) : keep))
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end)
}

/**
 * True when two hits (sorted by start, longer first, as the matcher and `scanDocument` leave them) share their
 * span (for compounds, their part's span): the only case `disambiguate` has anything to decide. Hits sharing a
 * span share their start, so only neighbours with the same start are compared.
 */
function sharesSpan(hits: readonly QaHit[]): boolean {
  for (let i = 0; i < hits.length; i++) {
    const a = hits[i].part ?? hits[i]
    for (let j = i + 1; j < hits.length && hits[j].start === hits[i].start; j++) {
      const b = hits[j].part ?? hits[j]
      if (a.start === b.start && a.end === b.end) return true
    }
  }
  return false
}

/**
 * True for terms that are the same word in every language and so match in passages of any language:
 * transliterations of Russian, names and acronyms.
 */
export function isUniversalTerm(t: Term): boolean {
  return t.type === 'transliteration' || t.type === 'acronym' || t.partOfSpeech === 'properNoun'
}

/** A matcher of the glossary's universal terms only (see {@link isUniversalTerm}), and their languages. */
export function buildUniversalMatcher(glossary: Glossary): { matcher: Matcher; langs: Lang[] } {
  const entries = glossary.entries
    .map((e) => ({ ...e, terms: e.terms.filter(isUniversalTerm) }))
    .filter((e) => e.terms.length)
  const langs = [...new Set(entries.flatMap((e) => e.terms.map((t) => t.lang)))].filter((l) => l !== 'ru')
  return { matcher: buildMatcher({ ...glossary, entries }, { translitVariants: false }), langs }
}

/** English rank nouns that are also common adjectives ("a private" vs "private companies"). */
const ADJECTIVE_HOMOGRAPHS = new Set(['private', 'general', 'major'])
/** Words that may follow the rank noun ("private first class", "private in Russian called…"). */
const AFTER_NOUN = /^(?:first|class|soldiers?|rank|in|is|was|who|and|or|of|at|to|with|from|\(|$)/

/** True when a one-word English rank term is used as an adjective here ("private security contractors", "public and private"). */
function adjectiveUse(h: TermHit, text: string): boolean {
  if (h.lang !== 'en' || !ADJECTIVE_HOMOGRAPHS.has(h.surface.toLowerCase())) return false
  const next = /^\s+(\(|[\p{L}]+)/u.exec(text.slice(h.end, h.end + 30))?.[1] ?? ''
  if (/^\p{Ll}/u.test(next) && !AFTER_NOUN.test(next)) return true
  return /\b(?:public|both)\s+(?:and|or)\s+$/i.test(text.slice(Math.max(0, h.start - 20), h.start))
}

/** Longest gap between a hit's clean surface and its span in the original (a hit must not reach over a footnote block). */
const MAX_SPAN_SLACK = 40

/**
 * Matches one report, passage by passage: a term of language L only in passages detected as L (Russian
 * terms and their transliterations everywhere); the universal terms of other languages (transliterations,
 * names, acronyms) everywhere too, attributed to the passage's language, where no passage-language hit is.
 * Each hit's surface is the clean passage text (no line breaks, markup or footnote text); a hit whose
 * original span reaches far beyond it (over an excluded block) is dropped. URLs are skipped.
 */
export function scanDocument(matcher: Matcher, glossary: GlossaryInfo, doc: QaDocument, universal?: { matcher: Matcher; langs: Lang[] }): ScannedDoc {
  const passages = mapPassages(doc)
  const hits: QaHit[] = []
  for (const mp of passages) {
    if (!mp.text) continue
    const local: QaHit[] = []
    const add = (h: TermHit, lang: Lang) => {
      if (mp.urls.length && insideAny(mp.urls, h.start, h.end)) return
      if (adjectiveUse(h, mp.text)) return
      const term = glossary.termById.get(h.termId)
      if (!term) return
      const span = toOriginal(doc.text, mp, h.start, h.end)
      if (span.end - span.start > h.end - h.start + MAX_SPAN_SLACK) return
      // Built property by property (a spread of the matcher's hit costs more than the rest of this function).
      const hit: QaHit = {
        conceptId: h.conceptId, termId: h.termId, lang: h.lang, start: span.start, end: span.end,
        surface: cleanSurface(h.surface), matchedBy: h.matchedBy, term, docId: doc.id,
        passageIndex: mp.index, passageLang: lang, quoted: lang !== doc.lang, local: { start: h.start, end: h.end },
      }
      if (h.compound !== undefined) hit.compound = h.compound
      if (h.part) {
        const p = toOriginal(doc.text, mp, h.part.start, h.part.end)
        hit.part = { start: p.start, end: p.end, surface: cleanSurface(h.part.surface) }
      }
      if (h.mixedScript !== undefined) hit.mixedScript = h.mixedScript
      if (h.convention !== undefined) hit.convention = h.convention
      local.push(hit)
    }
    const first = matcher.match(mp.text, mp.lang)
    for (const h of first) add(h, mp.lang)
    if (universal) {
      for (const L of universal.langs) {
        if (L === mp.lang) continue
        for (const h of universal.matcher.match(mp.text, L, { termLangs: [L] })) {
          if (!first.some((f) => f.start < h.end && f.end > h.start) && !local.some((f) => f.start === h.start && f.end === h.end && f.conceptId === h.conceptId)) add(h, mp.lang)
        }
      }
      local.sort((a, b) => a.start - b.start || b.end - a.end)
    }
    for (const h of disambiguate(local, mp.text)) hits.push(h)
  }
  return { doc, passages, hits }
}

/** Builds the shared context of a QA run: glossary lookups, the matcher (built unless given) and every report scanned. */
export function createQaContext(glossary: Glossary, documents: readonly QaDocument[], opts: QaContextOptions = {}): QaContext {
  const info = new GlossaryInfo(glossary)
  const matcher = opts.matcher ?? buildMatcher(glossary)
  const universal = buildUniversalMatcher(glossary)
  return { glossary: info, matcher, docs: documents.map((d) => scanDocument(matcher, info, d, universal)) }
}
