// Decides whether a glossary word found inside a longer word is a compound part (kontraktsoldat in kontraktsoldatene is not; tjeneste in verneplikttjenesten is).
import type { Lang } from '../model'
import { isInflectionEnding } from './stem'

/** Languages that write compounds as one word, so that glossary words are searched inside words. */
export const COMPOUNDING_LANGS: readonly Lang[] = ['fi', 'nb', 'da', 'sv']

/** Where a glossary word sits inside a compound, in folded-text offsets. */
export interface CompoundPart {
  start: number
  end: number
}

/** Shortest part of a compound before a glossary word at its end ("sotilas|komissariaatti"). */
const MIN_PREFIX = 3
/** Shortest material after a glossary word at the start of a compound ("værnepligt|ige", "kontrakt|soldat"). */
const MIN_SUFFIX = 2
/** Shortest glossary word accepted in the middle of a compound. */
const MIN_MIDDLE_WORD = 6

/**
 * Classifies an occurrence [hitStart, hitEnd) of a glossary word (`kind` 'full') or of one of its stems
 * (`kind` 'stem', which must be followed by an inflection ending) inside the word [wordStart, wordEnd) of
 * `text`. Returns the part's span, or null when it is no compound part: the whole word (plain or inflected,
 * left to phrase matching) or an implausible split.
 */
export function classifyCompoundHit(
  text: string,
  wordStart: number,
  wordEnd: number,
  hitStart: number,
  hitEnd: number,
  kind: 'full' | 'stem',
  lang: Lang,
): CompoundPart | null {
  const before = hitStart - wordStart
  const rest = text.slice(hitEnd, wordEnd)
  const restIsEnding = isInflectionEnding(rest, lang)
  if (before === 0) {
    if (restIsEnding || kind !== 'full' || rest.length < MIN_SUFFIX) return null
    return { start: hitStart, end: hitEnd }
  }
  if (before < MIN_PREFIX) return null
  if (restIsEnding) return { start: hitStart, end: wordEnd }
  if (kind === 'full' && rest.length >= MIN_SUFFIX && hitEnd - hitStart >= MIN_MIDDLE_WORD) return { start: hitStart, end: hitEnd }
  return null
}
