// Matches the glossary in every passage of every report once, so that all checks share the hits (with original offsets).
import { buildMatcher, type Matcher, type TermHit } from '../matcher'
import type { Glossary, Lang, Term } from '../model'
import { insideAny, mapPassages, toOriginal, type MappedPassage, type QaDocument } from './document'
import { GlossaryInfo, isAdmittedStatus } from './glossaryInfo'
import { glossGap } from './surface'

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

/** True when a hit of a term of another language than the passage's is distinctive enough to keep ("private" is not: Danish has it). */
function distinctive(h: TermHit): boolean {
  return /\s/.test(h.surface.trim()) || [...h.surface].filter((c) => /\p{L}/u.test(c)).length >= 8
}

/** A few function words per language: a passage with none of a language's is not matched in that language too. */
const FUNCTION_WORDS: Record<Lang, RegExp> = {
  en: /\b(?:the|and|of|is|are|was|were|with|which)\b/i,
  da: /(?:^|[^\p{L}])(?:og|af|det|der|til|ikke|som|har|blev)(?![\p{L}])/iu,
  nb: /(?:^|[^\p{L}])(?:og|av|det|til|ikke|som|har|ble)(?![\p{L}])/iu,
  sv: /(?:^|[^\p{L}])(?:och|att|det|som|är|inte|har|blev)(?![\p{L}])/iu,
  fi: /(?:^|[^\p{L}])(?:ja|on|että|oli|ovat|myös|ei)(?![\p{L}])/iu,
  fr: /(?:^|[^\p{L}])(?:les|des|est|une|dans|pour|qui|sont)(?![\p{L}])/iu,
  ru: /[\u0400-\u04ff]/,
}

/** The second language a passage is matched in: the report's when the passage is in another, else English (reports quote it). */
function secondLanguage(docLang: Lang, passageLang: Lang): Lang | null {
  if (passageLang !== docLang) return docLang
  return docLang === 'en' ? null : 'en'
}

/**
 * Matches one report, passage by passage, in each passage's check language, and again in a second language
 * (the report's for a quoted passage, English for the others: reports quote English sources inside their own
 * sentences) when the passage has a function word of that language, keeping only distinctive second-language
 * hits (a phrase or a word of eight letters or more) that overlap no first-language hit. URLs are skipped.
 */
export function scanDocument(matcher: Matcher, glossary: GlossaryInfo, doc: QaDocument): ScannedDoc {
  const passages = mapPassages(doc)
  const hits: QaHit[] = []
  for (const mp of passages) {
    if (!mp.text) continue
    const local: QaHit[] = []
    const add = (h: TermHit, lang: Lang) => {
      if (mp.urls.length && insideAny(mp.urls, h.start, h.end)) return
      const term = glossary.termById.get(h.termId)
      if (!term) return
      const span = toOriginal(doc.text, mp, h.start, h.end)
      // Built property by property (a spread of the matcher's hit costs more than the rest of this function).
      const hit: QaHit = {
        conceptId: h.conceptId, termId: h.termId, lang: h.lang, start: span.start, end: span.end,
        surface: doc.text.slice(span.start, span.end), matchedBy: h.matchedBy, term, docId: doc.id,
        passageIndex: mp.index, passageLang: lang, quoted: lang !== doc.lang, local: { start: h.start, end: h.end },
      }
      if (h.compound !== undefined) hit.compound = h.compound
      if (h.part) {
        const p = toOriginal(doc.text, mp, h.part.start, h.part.end)
        hit.part = { start: p.start, end: p.end, surface: doc.text.slice(p.start, p.end) }
      }
      if (h.mixedScript !== undefined) hit.mixedScript = h.mixedScript
      if (h.convention !== undefined) hit.convention = h.convention
      local.push(hit)
    }
    const first = matcher.match(mp.text, mp.lang)
    for (const h of first) add(h, mp.lang)
    const second = secondLanguage(doc.lang, mp.lang)
    if (second && FUNCTION_WORDS[second].test(mp.text)) {
      for (const h of matcher.match(mp.text, second, { termLangs: [second] })) {
        if (distinctive(h) && !first.some((f) => f.start < h.end && f.end > h.start)) add(h, second)
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
  return { glossary: info, matcher, docs: documents.map((d) => scanDocument(matcher, info, d)) }
}
