// Checks a translation against the glossary: preferred target terms missing, other or deprecated terms used — each with a one-click fix.
import type { ConceptEntry, Glossary, Lang, Term } from '../model'
import type { TermHit } from '../matcher'
import { inflectLike } from './inflect'

/** What a finding is about. */
export type TranslationCheck = 'missing-preferred' | 'non-preferred' | 'deprecated-term' | 'forbidden-term'

/** One result of `checkTranslation`. Offsets are into the translated text. */
export interface TranslationFinding {
  /** Stable id (check, concept, span), for ignoring a finding. */
  id: string
  check: TranslationCheck
  severity: 'error' | 'warning' | 'info'
  conceptId: string
  lang: Lang
  /** The term found in the translation (not for 'missing-preferred' without a rendering). */
  termId?: string
  /** Span and text of the rendering found, when the matcher found one. */
  start?: number
  end?: number
  surface?: string
  /** The concept's preferred term in the target language. */
  preferred: string
  /** What the fix puts in: the preferred term inflected like the surface it replaces. */
  replacement?: string
  message: string
}

/** What checking needs of a glossary matcher (`buildMatcher(glossary)` fits). */
export interface CheckMatcher {
  match(text: string, lang: Lang, opts?: { termLangs?: Lang[] }): readonly TermHit[]
}

/** Input of `checkTranslation`. */
export interface CheckInput {
  source: string
  target: string
  srcLang: Lang
  tgtLang: Lang
  matcher: CheckMatcher
  glossary: Glossary
}

const RANK = { preferred: 0, admitted: 1, deprecated: 2, forbidden: 3 } as const

function preferredOf(entry: ConceptEntry | undefined, lang: Lang): Term | undefined {
  return entry?.terms.filter((t) => t.lang === lang).sort((a, b) => RANK[a.status] - RANK[b.status])[0]
}

/**
 * Checks `target`, a translation of `source` (srcLang → tgtLang). For every concept the matcher finds in the
 * source: where none of its preferred target terms occurs, a 'missing-preferred' finding, spanning the
 * rendering the matcher found through another of the concept's terms (with a fix), or without a span when
 * it found none. Wherever the translation uses a deprecated or forbidden term (of any concept), a finding
 * with its span and a fix. Admitted terms used instead of the preferred one are 'non-preferred' (info).
 */
export function checkTranslation(input: CheckInput): TranslationFinding[] {
  const { source, target, srcLang, tgtLang, matcher, glossary } = input
  const entries = new Map(glossary.entries.map((e) => [e.concept.id, e]))
  const terms = new Map(glossary.entries.flatMap((e) => e.terms.map((t) => [t.id, t] as const)))
  const srcConcepts = new Set(matcher.match(source, srcLang).map((h) => h.conceptId))
  const tgtHits = matcher.match(target, tgtLang, { termLangs: [tgtLang] }).filter((h) => h.lang === tgtLang)
  const out: TranslationFinding[] = []
  const flagged = new Set<TermHit>()
  const finding = (check: TranslationCheck, h: TermHit | null, conceptId: string, preferred: Term): TranslationFinding => {
    const f: TranslationFinding = {
      id: `${check}:${conceptId}:${h ? `${h.start}-${h.end}` : 'none'}`,
      check,
      severity: check === 'forbidden-term' ? 'error' : check === 'non-preferred' ? 'info' : 'warning',
      conceptId,
      lang: tgtLang,
      preferred: preferred.text,
      message: '',
    }
    if (h) {
      const span = h.part && h.compound ? h.part : h
      const matched = terms.get(h.termId)?.text ?? span.surface
      Object.assign(f, { termId: h.termId, start: span.start, end: span.end, surface: span.surface })
      f.replacement = inflectLike(preferred.text, h.part && h.compound ? h.part.surface + target.slice(h.part.end, h.end) : h.surface, matched, tgtLang)
      if (h.part && h.compound) f.replacement = stripTail(f.replacement, target.slice(h.part.end, h.end))
    }
    f.message =
      check === 'missing-preferred'
        ? h
          ? `“${f.surface}” renders the concept; the glossary prefers “${preferred.text}”.`
          : `The source mentions this concept, but “${preferred.text}” is not in the translation.`
        : check === 'non-preferred'
          ? `“${f.surface}” is admitted; the preferred term is “${preferred.text}”.`
          : `“${f.surface}” is ${check === 'forbidden-term' ? 'forbidden' : 'deprecated'}; use “${preferred.text}”.`
    return f
  }
  for (const h of tgtHits) {
    const t = terms.get(h.termId)
    const pref = preferredOf(entries.get(h.conceptId), tgtLang)
    if (!t || !pref || (t.status !== 'deprecated' && t.status !== 'forbidden')) continue
    out.push(finding(t.status === 'forbidden' ? 'forbidden-term' : 'deprecated-term', h, h.conceptId, pref))
    flagged.add(h)
  }
  for (const c of srcConcepts) {
    const pref = preferredOf(entries.get(c), tgtLang)
    if (!pref || pref.status !== 'preferred') continue
    const hits = tgtHits.filter((h) => h.conceptId === c)
    if (hits.some((h) => terms.get(h.termId)?.status === 'preferred')) continue
    const other = hits.filter((h) => !flagged.has(h))
    if (!hits.length) out.push(finding('missing-preferred', null, c, pref))
    for (const h of other) out.push(finding(terms.get(h.termId)?.status === 'admitted' ? 'non-preferred' : 'missing-preferred', h, c, pref))
  }
  return out.sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity) || a.id.localeCompare(b.id))
}

/** The inflected replacement of a compound part, without the rest of the compound word the inflection was read from. */
function stripTail(replacement: string, tail: string): string {
  return tail && replacement.toLowerCase().endsWith(tail.toLowerCase()) ? replacement.slice(0, -tail.length) : replacement
}

/**
 * Applies a finding's fix: its span gets the replacement (the preferred term, inflected like the surface).
 * When the text changed since the check, the surface is looked for near its old place. Findings without a
 * span or replacement leave the text as it is.
 */
export function applyFix(text: string, f: TranslationFinding): string {
  if (f.start === undefined || f.end === undefined || f.replacement === undefined || f.surface === undefined) return text
  let start = f.start
  if (text.slice(start, f.end) !== f.surface) {
    const near = text.indexOf(f.surface, Math.max(0, start - 200))
    if (near < 0) return text
    start = near
  }
  return text.slice(0, start) + f.replacement + text.slice(start + f.surface.length)
}
