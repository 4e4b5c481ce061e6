// Keeps terms that must not be translated (transliterations, acronyms) out of machine translation: placeholders in, terms back out.
//
// Placeholder styles, and why the default is XML-ish:
//   'xml'     <x1/>  ASCII only, so every SentencePiece vocabulary (Opus-MT/Marian, NLLB) has its pieces and
//                    none becomes <unk>; inline tags like it are frequent in the software-localisation parts of
//                    OPUS that Opus-MT is trained on, so the models tend to copy them through. Default.
//   'brace'   {1}    ICU/printf-style placeholders, equally frequent in localisation data; shortest.
//   'bracket' ⟦1⟧    unmistakable in text and easy to find, but ⟦ ⟧ may be outside a model's vocabulary
//                    (Marian vocabularies have no byte fallback), in which case they come back as <unk> or not
//                    at all and only the digit is left; offered for models known to keep them.
// Restoring does not trust the model to keep the placeholder intact: it accepts every style, case and
// spacing ("< X1 / >", "{ 1 }", "[[1]]", "&lt;x1/&gt;"), puts back the spaces the source had around the
// term, joins a case ending a model glued to an acronym the way the target language writes it ("SVO:ssa",
// "SVO-en"), and reports the placeholders it could not find.
import type { Glossary, Lang, TermType } from '../model'
import type { TermHit } from '../matcher'

/** How placeholders are written. */
export type PlaceholderStyle = 'xml' | 'brace' | 'bracket'

/** One protected occurrence. */
export interface ProtectedSlot {
  /** Placeholder number (1-based). */
  n: number
  placeholder: string
  conceptId: string
  termId: string
  /** The occurrence as the source wrote it. */
  surface: string
  /** What goes back in: the surface, or the target language's own spelling of the same term. */
  replacement: string
  /** Offsets of the occurrence in the source text. */
  start: number
  end: number
  /** Whether the source had white space right before / right after the term. */
  spaceBefore: boolean
  spaceAfter: boolean
  type: TermType
}

/** Options of `protectTerms`. */
export interface ProtectOptions {
  style?: PlaceholderStyle
  /** Target language: where the concept has a transliteration or acronym there, it replaces the source's ("Voenkomat" → nb "Vojenkomat"). */
  tgt?: Lang
  /** Term types kept out of translation (default transliteration and acronym). */
  types?: readonly TermType[]
}

/** What `matcher.match` must offer (`buildMatcher(glossary)` fits). */
export interface ProtectMatcher {
  match(text: string, lang: Lang): readonly TermHit[]
}

/** The placeholder number `n` in a style. */
export function placeholder(n: number, style: PlaceholderStyle = 'xml'): string {
  return style === 'brace' ? `{${n}}` : style === 'bracket' ? `⟦${n}⟧` : `<x${n}/>`
}

/** Every placeholder spelling restoring accepts, with the number in group 1 (or 2, 3, 4). */
const ANY_PLACEHOLDER = /<\s*\/?\s*x\s*(\d+)\s*\/?\s*>|&lt;\s*\/?\s*x\s*(\d+)\s*\/?\s*&gt;|[⟦〚]\s*(\d+)\s*[⟧〛]|\{\s*(\d+)\s*\}|\[\[\s*(\d+)\s*\]\]/gi

/**
 * Replaces the glossary terms of `text` (in `lang`) whose type says they are not translated — transliterated
 * Russian terms and acronyms by default — by numbered placeholders. Numbering starts above any number a
 * placeholder-like string in the text already has, so that restoring never confuses the two.
 */
export function protectTerms(
  text: string,
  lang: Lang,
  matcher: ProtectMatcher,
  glossary: Glossary,
  opts: ProtectOptions = {},
): { text: string; slots: ProtectedSlot[] } {
  const style = opts.style ?? 'xml'
  const types = new Set<TermType>(opts.types ?? ['transliteration', 'acronym'])
  const terms = new Map(glossary.entries.flatMap((e) => e.terms.map((t) => [t.id, t] as const)))
  const entries = new Map(glossary.entries.map((e) => [e.concept.id, e]))
  let n = 0
  for (const m of text.matchAll(ANY_PLACEHOLDER)) n = Math.max(n, Number(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]))
  const slots: ProtectedSlot[] = []
  let out = ''
  let at = 0
  for (const h of matcher.match(text, lang)) {
    const term = terms.get(h.termId)
    if (!term || !types.has(term.type) || h.start < at || h.compound) continue
    const replacement = targetSpelling(h, term.type, opts.tgt, entries.get(h.conceptId)?.terms ?? [])
    const ph = placeholder(++n, style)
    slots.push({
      n, placeholder: ph, conceptId: h.conceptId, termId: h.termId, surface: h.surface, replacement, start: h.start, end: h.end,
      spaceBefore: h.start === 0 || /\s/.test(text[h.start - 1]), spaceAfter: h.end === text.length || /\s/.test(text[h.end]), type: term.type,
    })
    out += text.slice(at, h.start) + ph
    at = h.end
  }
  return { text: out + text.slice(at), slots }
}

/** The spelling to restore: the target language's term of the same type when the source wrote the plain term. */
function targetSpelling(h: TermHit, type: TermType, tgt: Lang | undefined, terms: readonly { lang: Lang; type: TermType; status: string; text: string }[]): string {
  if (!tgt || !['exact', 'folded', 'translit'].includes(h.matchedBy)) return h.surface
  const rank = (s: string) => ['preferred', 'admitted', 'deprecated', 'forbidden'].indexOf(s)
  const own = terms.filter((t) => t.lang === tgt && t.type === type && rank(t.status) <= 1).sort((a, b) => rank(a.status) - rank(b.status))[0]
  return own ? own.text : h.surface
}

/** How a language joins a case ending to an acronym ("SVO:ssa", "SVO:n", "SVO-en", "SVO'en"). */
const ACRONYM_JOIN: Partial<Record<Lang, string>> = { fi: ':', sv: ':', nb: '-', da: "'" }

/**
 * Puts the protected terms back into a machine translation. Placeholders are found in any style, case and
 * spacing; a placeholder the model glued to a neighbouring word gets the source's space back, except where a
 * target-language ending follows an acronym, which is joined as the language writes it. Placeholders the
 * model dropped are returned in `missing` (their terms are not in the text); a placeholder the model
 * repeated is restored every time.
 */
export function restoreTerms(translated: string, slots: readonly ProtectedSlot[], tgt?: Lang): { text: string; missing: ProtectedSlot[] } {
  const byN = new Map(slots.map((s) => [s.n, s]))
  const found = new Set<number>()
  const text = translated.replace(ANY_PLACEHOLDER, (m, a, b, c, d, e, offset: number, whole: string) => {
    const slot = byN.get(Number(a ?? b ?? c ?? d ?? e))
    if (!slot) return m
    found.add(slot.n)
    const prev = whole[offset - 1]
    const next = whole[offset + m.length]
    const glued = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch)
    let s = slot.replacement
    if (glued(prev) && slot.spaceBefore) s = ' ' + s
    if (glued(next)) {
      const join = slot.type === 'acronym' && tgt ? ACRONYM_JOIN[tgt] : undefined
      if (join !== undefined) s += join
      else if (slot.spaceAfter && !/^\p{Ll}{1,4}\b/u.test(whole.slice(offset + m.length))) s += ' '
    }
    return s
  })
  return { text, missing: slots.filter((s) => !found.has(s.n)) }
}
