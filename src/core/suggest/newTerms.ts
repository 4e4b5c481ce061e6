// New-term discovery: terms the reports use that the glossary lacks, so the termbase grows with each report (as
// memoQ's term extraction and MultiTerm Extract propose them). Three kinds of evidence a reader trusts:
//  - an abbreviation with the long form the report defines for it, found by Schwartz & Hearst's algorithm
//    ("Single Conscription Point (SCP)", "SCP (Single Conscription Point)"), or, when its letters spell another
//    language's words ("Federal Security Service (FSB)"), the capitalised name before it;
//  - a Russian word or phrase quoted in Cyrillic inside a text of another language, with the gloss beside it;
//  - a word the report sets in quotes as the name of a thing («Vojenkomat»), or a quoted phrase used twice;
//  - an abbreviation used at least twice and never defined;
//  - a Russian word written in Latin letters ("povestka") that a report also writes in Cyrillic (transliterated.ts).
// A candidate whose every term the glossary knows is left out; one whose other term a concept has is offered as a
// new term of that concept. Pure, and linear in the length of the reports.
import type { Lang, TermType } from '../model'
import type { Matcher } from '../matcher'
import { bestLongForm, capitalisedName, cleanLongForm, isAbbreviation, singular } from './abbreviations'
import { glossesOf } from './gloss'
import { phraseKey } from './ngrams'
import { isStopwordIn } from '../text/stopwords'
import { transliterationVariants } from '../text/translit'
import { damerauLevenshtein } from '../text/editDistance'
import { cyrillicStems, transliteratedWords, translitStem, type WordCheck } from './transliterated'

/** How a candidate was found. */
export type NewTermKind = 'defined' | 'cyrillic' | 'transliterated' | 'quoted' | 'abbreviation'

/** One proposed term of a candidate. */
export interface ProposedTerm {
  text: string
  lang: Lang
  type: TermType
}

/** A passage to read: its report, its number in the report, language, kind and text. */
export interface NewTermPassage {
  doc: string
  index: number
  lang: Lang | 'und'
  kind: string
  text: string
  /** Where the passage starts in its report's text (for the example's offsets); 0 when unknown. */
  start?: number
}

/** One candidate: its terms (the new one first), how often and where it occurs, and a sentence that shows it. */
export interface NewTermCandidate {
  /** Stable across runs: what ignoring a candidate stores. */
  key: string
  kind: NewTermKind
  terms: ProposedTerm[]
  /** The concept that already has one of the terms (the candidate then adds the others to it). */
  conceptId?: string
  count: number
  docs: string[]
  /** A sentence that shows the term: its report, passage, text, and the term's span in the report's text. */
  example: { doc: string; passage: number; text: string; start: number; end: number }
  /** For ranking: kind, occurrences and reports. */
  score: number
}

/** An example shorter than this (a heading, a list item) gives way to a longer sentence of the same term. */
const SHORT_EXAMPLE = 40
const KIND_WEIGHT: Record<NewTermKind, number> = { defined: 3, cyrillic: 2, transliterated: 1.5, abbreviation: 1, quoted: 0.8 }
const CYRILLIC_RUN = /[\u0400-\u04ff]+(?:[-‐][\u0400-\u04ff]+)*(?:[ \u00a0]+[\u0400-\u04ff]+(?:[-‐][\u0400-\u04ff]+)*)*/gu
const PAREN = /\(([^()]{2,120})\)/g

/** The sentence of `text` around [start, end), for the example. */
function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(0, start)
  const from = Math.max(before.search(/[^.!?]*$/), 0)
  const tail = /[.!?](\s|$)/.exec(text.slice(end))
  const to = tail ? end + tail.index + 1 : text.length
  return text.slice(from, to).trim().slice(0, 400)
}

/** A term's language: Russian when written in Cyrillic, else the passage's. */
const langOf = (text: string, passage: Lang): Lang => (/[\u0400-\u04ff]/.test(text) ? 'ru' : passage)

/** True when the glossary knows the whole of `text` as one term of `lang`; returns its concept. */
function knownConcept(matcher: Matcher | null, text: string, lang: Lang): string | undefined {
  if (!matcher) return undefined
  const hit = matcher.match(text, lang, { termLangs: [lang] }).find((h) => h.start === 0 && h.end === text.length)
  return hit?.conceptId
}

interface Found { kind: NewTermKind; terms: ProposedTerm[]; p: NewTermPassage; start: number; end: number }

/** The example of an occurrence: its sentence, and its span in the report. */
function exampleOf(f: Found): NewTermCandidate['example'] {
  const start = Math.max(0, f.start)
  const at = f.p.start ?? 0
  return { doc: f.p.doc, passage: f.p.index, text: sentenceAround(f.p.text, start, f.end), start: at + start, end: at + f.end }
}

/** The abbreviations a passage defines, and its brackets' other abbreviations. */
function definitions(p: NewTermPassage, lang: Lang, out: Found[]): void {
  for (const m of p.text.matchAll(PAREN)) {
    const inner = m[1].trim()
    const before = p.text.slice(Math.max(0, m.index - 160), m.index).replace(/^.*[.;:!?]\s/s, '')
    const innerWords = inner.split(/\s+/)
    const first = innerWords[0].replace(/[,;]$/, '')
    if (innerWords.length <= 2 && isAbbreviation(first)) {
      const short = singular(first)
      const maxWords = Math.min(short.length + 5, short.length * 2)
      const window = before.trim().split(/\s+/).slice(-maxWords).join(' ')
      // An abbreviation of another language's words ("FSB" for the Federal Security Service) is all capitals, and
      // its name has about as many words as it has letters.
      const name = /^\p{Lu}{2,6}$/u.test(short) ? capitalisedName(window, short.length + 1) : ''
      const named = name && Math.abs(name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).length - short.length) <= 1 ? name : null
      const long = cleanLongForm(bestLongForm(short, window) ?? named)
      if (long) out.push({ kind: 'defined', terms: [{ text: short, lang: langOf(short, lang), type: 'acronym' }, { text: long, lang: langOf(long, lang), type: 'fullForm' }], p, start: m.index - long.length - 1, end: m.index + m[0].length })
    } else if (innerWords.length >= 2) {
      // "SCP (Single Conscription Point)": the abbreviation before the bracket.
      const prev = /(\S+)\s*$/.exec(before)?.[1]?.replace(/[«"“]/g, '')
      const long = prev && isAbbreviation(prev) && bestLongForm(prev, inner) === inner ? cleanLongForm(inner) : ''
      if (prev && long)
        out.push({ kind: 'defined', terms: [{ text: singular(prev), lang: langOf(prev, lang), type: 'acronym' }, { text: long, lang: langOf(long, lang), type: 'fullForm' }], p, start: m.index - prev.length - 1, end: m.index + m[0].length })
    }
  }
}

/** Cyrillic words and phrases (up to four words) in a text of another language, each with its gloss when it has one. */
function cyrillic(p: NewTermPassage, lang: Lang, out: Found[]): void {
  for (const m of p.text.matchAll(CYRILLIC_RUN)) {
    // Russian function words at either edge belong to the sentence, not the term ("Федеральный закон от").
    const trimmed = /^(?:(?:в|во|и|на|по|с|со|о|об|от|до|для|за|из|к|у|не)\s+)*(.*?)(?:\s+(?:в|во|и|на|по|с|со|о|об|от|до|для|за|из|к|у|не))*$/iu.exec(m[0])![1]
    const words = trimmed.split(/\s+/)
    if (words.length > 4 || trimmed.length < 3) continue
    const start = m.index + m[0].indexOf(trimmed)
    const end = start + trimmed.length
    // A bracket after the term is its gloss as a whole; a phrase before the bracket that holds the term only when it
    // spells the term in Latin letters ("voennyj komissariat (военный комиссариат)"): which words before a bracket
    // gloss it cannot be told otherwise.
    const glosses = glossesOf(p.text, start, end, lang, 6)
    const after = glosses.filter((g) => g.start >= end).sort((a, b) => b.end - a.end)[0]
    const spelt = after ? undefined : glosses.find((g) => g.end <= start && spellsCyrillic(p.text.slice(g.start, g.end), trimmed))
    const gloss = after ?? spelt
    const terms: ProposedTerm[] = [{ text: trimmed, lang: 'ru', type: words.length === 1 && isAbbreviation(trimmed) ? 'acronym' : 'fullForm' }]
    const glossText = gloss ? cleanGloss(p.text.slice(gloss.start, gloss.end)) : ''
    if (glossText) terms.push({ text: glossText, lang, type: spelt ? 'transliteration' : isAbbreviation(glossText) ? 'acronym' : 'fullForm' })
    out.push({ kind: 'cyrillic', terms, p, start, end })
  }
}

/** True when `latin` is a romanisation of `cyr` under some convention, up to a fifth of its letters. */
function spellsCyrillic(latin: string, cyr: string): boolean {
  const l = latin.toLowerCase()
  return transliterationVariants(cyr.toLowerCase()).some((v) => damerauLevenshtein(l, v.text.toLowerCase(), Math.ceil(l.length / 5)) <= Math.ceil(l.length / 5))
}

/** A gloss as a term: a phrase of letters, not a clause (at most six words, no digits). */
function cleanGloss(gloss: string): string {
  const t = gloss.trim()
  return /^[\p{L}][\p{L}\p{M} '’‐-]*$/u.test(t) && t.split(/\s+/).length <= 6 ? t : ''
}

/** A phrase of one to three words between double quotes or guillemets ("dedovshchina", «Vojenkomat»). */
const QUOTED = /[«“„"]([\p{L}][\p{L}\p{M}'’-]*(?: [\p{L}][\p{L}\p{M}'’-]*){0,2})[»”“"]/gu

/**
 * Words a report sets in quotes as the name of a thing ("the so-called «Vojenkomat»"): one to three words in Latin
 * letters (Cyrillic is read above), not only function words.
 */
function quoted(p: NewTermPassage, lang: Lang, out: Found[]): void {
  for (const m of p.text.matchAll(QUOTED)) {
    const t = m[1]
    if (/[\u0400-\u04ff]/.test(t) || t.split(' ').every((w) => isStopwordIn(w.toLowerCase(), lang))) continue
    out.push({ kind: 'quoted', terms: [{ text: t, lang, type: 'fullForm' }], p, start: m.index + 1, end: m.index + 1 + t.length })
  }
}

/**
 * Every word of a passage that has the shape of an abbreviation, except a word set in capitals for emphasis: one
 * the reports also write in small letters ("WAR", "LAW"), or a function word ("THE").
 */
function abbreviations(p: NewTermPassage, lang: Lang, lower: ReadonlySet<string>, covered: readonly Found[], out: Found[]): void {
  for (const m of p.text.matchAll(/[\p{L}\d][\p{L}\d&]*(?:-[\p{L}\d&]+)*/gu)) {
    const w = m[0]
    if (covered.some((f) => m.index >= f.start && m.index < f.end)) continue
    if (!isAbbreviation(w) || /[\u0400-\u04ff]/.test(w) || /^\d/.test(w)) continue
    const small = singular(w).toLowerCase()
    if (w === w.toUpperCase() && (lower.has(small) || isStopwordIn(small, lang) || isStopwordIn(small, 'en'))) continue
    out.push({ kind: 'abbreviation', terms: [{ text: singular(w), lang, type: 'acronym' }], p, start: m.index, end: m.index + w.length })
  }
}

/** How often `phrase` (lower case) occurs in `text` as whole words. */
function occurrences(text: string, phrase: string): number {
  let n = 0
  const letter = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c)
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + 1)) if (!letter(text[i - 1]) && !letter(text[i + phrase.length])) n++
  return n
}

/**
 * The key that groups a term's occurrences: abbreviations as written in any language, romanised Russian words by their
 * Russian stem ("povestka", "povestki"), other terms inflection-tolerant.
 */
const termKey = (t: ProposedTerm) =>
  t.type === 'acronym' ? `*:${t.text}` : t.type === 'transliteration' ? `${t.lang}~${translitStem(t.text)}` : `${t.lang}:${phraseKey(t.text, t.lang)}`

/** Options of `findNewTerms`. */
export interface NewTermsOptions {
  /**
   * Whether a word is a word of some language's own (a dictionary's headword): such a word ("region", "kontrakt") is
   * no romanised Russian term. Without it, romanised Russian words are not looked for: loanwords shared with Russian
   * would drown them.
   */
  isWord?: WordCheck
}

/**
 * The new-term candidates of the given passages, best first. Bibliography-like passages (footnotes) count for
 * abbreviations but define nothing; Russian passages are not read for Cyrillic terms; the Cyrillic of every passage
 * (footnotes' source titles too) tells which Latin words are romanised Russian ones.
 */
export function findNewTerms(passages: readonly NewTermPassage[], matcher: Matcher | null, opts: NewTermsOptions = {}): NewTermCandidate[] {
  const stems = opts.isWord ? cyrillicStems(passages.map((p) => p.text)) : new Map<string, string>()
  const lower = new Set<string>()
  // Words also written other than in capitals ("Ukraine", "war"): in capitals they are emphasis, not abbreviations.
  // Words written with a small first letter somewhere are common nouns: a romanised Russian word that never is, is a
  // name ("Meduza", "Moskva").
  const common = new Set<string>()
  for (const p of passages) {
    for (const m of p.text.matchAll(/\p{L}+/gu)) if (/\p{Ll}/u.test(m[0])) lower.add(m[0].toLowerCase())
    // Only where romanised words are looked for. Addresses ("meduza.io/…") are not text.
    if (opts.isWord) for (const m of p.text.replace(/\S*\p{L}[./]\p{L}\S*/gu, ' ').matchAll(/\p{L}+/gu)) if (/^\p{Ll}/u.test(m[0])) common.add(m[0])
  }
  const found: Found[] = []
  for (const p of passages) {
    if (p.lang === 'und') continue
    const from = found.length
    if (p.kind !== 'footnote') definitions(p, p.lang, found)
    if (p.kind !== 'footnote' && p.lang !== 'ru') cyrillic(p, p.lang, found)
    if (p.kind !== 'footnote') quoted(p, p.lang, found)
    if (p.kind !== 'footnote' && p.lang !== 'ru' && opts.isWord)
      for (const h of transliteratedWords(p.text, p.lang, stems, opts.isWord))
        found.push({ kind: 'transliterated', terms: [{ text: h.latin, lang: p.lang, type: 'transliteration' }, { text: h.cyrillic, lang: 'ru', type: 'fullForm' }], p, start: h.start, end: h.end })
    // An abbreviation that this passage's definitions hold is counted there, once.
    abbreviations(p, p.lang, lower, found.slice(from), found)
  }
  // One candidate per first term; a definition or a gloss found anywhere joins it.
  const groups = new Map<string, { c: NewTermCandidate; docs: Set<string> }>()
  for (const f of found) {
    const head = termKey(f.terms[0])
    let g = groups.get(head)
    if (!g) {
      g = { c: { key: `${f.kind}|${head}`, kind: f.kind, terms: f.terms, count: 0, docs: [], example: exampleOf(f), score: 0 }, docs: new Set() }
      groups.set(head, g)
    } else if (f.terms.length > g.c.terms.length || KIND_WEIGHT[f.kind] > KIND_WEIGHT[g.c.kind]) {
      g.c = { ...g.c, key: `${f.kind}|${head}`, kind: f.kind, terms: f.terms, example: exampleOf(f) }
    } else if (g.c.example.text.length < SHORT_EXAMPLE) {
      // A heading or a list item that is only the term shows nothing: a longer sentence is a better example.
      const e = exampleOf(f)
      if (e.text.length > g.c.example.text.length) g.c.example = e
    }
    g.c.count++
    g.docs.add(f.p.doc)
  }
  // How often each word occurs (read once, when a quoted candidate asks); a phrase of several words is searched for.
  let words: Map<string, number> | undefined
  const wordCounts = () => {
    if (words) return words
    words = new Map()
    for (const p of passages) for (const m of p.text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) words.set(m[0], (words.get(m[0]) ?? 0) + 1)
    return words
  }
  let text = ''
  const uses = (phrase: string) =>
    /^[\p{L}\p{N}]+$/u.test(phrase) ? wordCounts().get(phrase) ?? 0 : occurrences((text ||= passages.map((p) => p.text.toLowerCase()).join('\n')), phrase)
  const out: NewTermCandidate[] = []
  for (const { c, docs } of groups.values()) {
    // An undefined abbreviation, a Russian word without a gloss, or a quoted phrase of several words needs a second
    // occurrence to be a term (one quoted word is the author naming a thing).
    const once = c.kind === 'abbreviation' || c.kind === 'transliterated' || (c.kind === 'cyrillic' && c.terms.length === 1) || (c.kind === 'quoted' && c.terms[0].text.includes(' '))
    if (once && c.count < 2) continue
    if (c.kind === 'transliterated' && !common.has(c.terms[0].text.toLowerCase())) continue
    // A word the reports also write without quotes is quoted for emphasis or irony ("a huge mess"), not named.
    if (c.kind === 'quoted' && uses(c.terms[0].text.toLowerCase()) > c.count) continue
    const known = c.terms.map((t) => knownConcept(matcher, t.text, t.lang))
    if (known.every(Boolean)) continue
    const conceptId = known.find(Boolean)
    const terms = conceptId ? c.terms.filter((_, i) => !known[i]) : c.terms
    out.push({ ...c, terms, ...(conceptId ? { conceptId } : {}), docs: [...docs].sort(), score: KIND_WEIGHT[c.kind] * Math.log2(1 + c.count) * (1 + 0.5 * (docs.size - 1)) })
  }
  // A word both quoted and found romanised is one candidate: the romanised one, which carries its Russian spelling.
  const romanised = new Set(out.filter((c) => c.kind === 'transliterated').map((c) => c.terms[0].text.toLowerCase()))
  return out.filter((c) => c.kind !== 'quoted' || !romanised.has(c.terms[0].text.toLowerCase())).sort((a, b) => b.score - a.score || a.terms[0].text.localeCompare(b.terms[0].text))
}
