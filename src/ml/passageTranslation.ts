// The glossary around machine translation of one passage: terms that are not translated (transliterated
// Russian terms, acronyms) go in as placeholders and come back out, and the result is checked against
// the glossary of the target language. Pure: the model call is passed in, so it runs anywhere and is
// unit-tested without a model.
import type { Glossary, Lang } from '../core/model'
import type { Matcher } from '../core/matcher'
import { applyFix, checkTranslation, protectTerms, restoreTerms, type ProtectedSlot, type TranslationFinding } from '../core/suggest'

/** What the glossary steps need: the consistency checker's matcher and the glossary it was built from. */
export interface GlossaryContext {
  matcher: Pick<Matcher, 'match'>
  glossary: Glossary
}

/** A passage made ready for the model. */
export interface ProtectedPassage {
  /** The text the model gets (protected terms replaced by placeholders). */
  text: string
  slots: ProtectedSlot[]
}

/** A finished passage translation. */
export interface PassageResult {
  /** The translation with protected terms restored (and fixes applied, when any). */
  text: string
  /** Glossary findings in `text` (offsets into `text`). */
  findings: TranslationFinding[]
  /** Protected terms the model dropped (they are not in `text`). */
  dropped: string[]
}

/** Protects the passage's do-not-translate terms (transliterations and acronyms), in the target's spelling. */
export function protectPassage(text: string, src: Lang, tgt: Lang, ctx: GlossaryContext | null): ProtectedPassage {
  if (!ctx) return { text, slots: [] }
  return protectTerms(text, src, ctx.matcher, ctx.glossary, { tgt })
}

/** Restores protected terms in (possibly partial, streamed) model output. */
export function restorePassage(output: string, p: ProtectedPassage, tgt: Lang): { text: string; missing: ProtectedSlot[] } {
  return p.slots.length ? restoreTerms(output, p.slots, tgt) : { text: output, missing: [] }
}

/** Checks a translation of `source` against the glossary; no findings without a glossary. */
export function checkPassage(source: string, target: string, src: Lang, tgt: Lang, ctx: GlossaryContext | null): TranslationFinding[] {
  if (!ctx || !target) return []
  return checkTranslation({ source, target, srcLang: src, tgtLang: tgt, matcher: ctx.matcher, glossary: ctx.glossary })
}

/**
 * Translates one passage with the glossary respected: protect → `translate` (which may stream the raw
 * output so far to `onRaw`) → restore → check. `onPartial` receives the restored text so far.
 */
export async function translatePassage(
  source: string,
  src: Lang,
  tgt: Lang,
  ctx: GlossaryContext | null,
  translate: (protectedText: string, onRaw: (textSoFar: string) => void) => Promise<string>,
  onPartial?: (text: string) => void,
): Promise<PassageResult> {
  const p = protectPassage(source, src, tgt, ctx)
  const raw = await translate(p.text, (sofar) => onPartial?.(restorePassage(sofar, p, tgt).text))
  const { text, missing } = restorePassage(raw, p, tgt)
  return { text, findings: checkPassage(source, text, src, tgt, ctx), dropped: missing.map((s) => s.replacement) }
}

/** Applies a finding's one-click fix (the preferred term, inflected like the text it replaces) and checks again. */
export function fixPassage(source: string, current: string, finding: TranslationFinding, src: Lang, tgt: Lang, ctx: GlossaryContext | null): PassageResult {
  const text = applyFix(current, finding)
  return { text, findings: checkPassage(source, text, src, tgt, ctx), dropped: [] }
}

/** A piece of a translated text: plain, or the span of a finding. */
export interface FindingSegment {
  text: string
  finding?: TranslationFinding
}

/** Cuts `text` into plain pieces and finding spans (overlaps: the earlier finding wins), for rendering as text. */
export function findingSegments(text: string, findings: readonly TranslationFinding[]): FindingSegment[] {
  const spans = findings.filter((f) => f.start !== undefined && f.end !== undefined && f.end > f.start).sort((a, b) => a.start! - b.start!)
  const out: FindingSegment[] = []
  let pos = 0
  for (const f of spans) {
    if (f.start! < pos || f.end! > text.length) continue
    if (f.start! > pos) out.push({ text: text.slice(pos, f.start) })
    out.push({ text: text.slice(f.start, f.end), finding: f })
    pos = f.end!
  }
  if (pos < text.length) out.push({ text: text.slice(pos) })
  return out
}
