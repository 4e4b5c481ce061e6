// The cross-lingual features of a passage (glossary concepts, numbers and dates, names, cognates) that linking indexes.
import type { Lang, PassageKind } from '../model'
import { extractNames, type LexicalKind, type NameOptions } from './names'
import { extractNumbers, type NumericKind } from './numbers'
import { matchLexicon } from './lexicon'
import { matchDictionary, type LinkDictionary } from './dictionary'
import { splitSentences } from '../segment/sentences'
import { isReferenceLike, leadingEnumeratorLength } from './references'

/**
 * Every kind of link feature. `lexicon`: a meaning of the built-in everyday-word lexicon (see lexicon.ts), or,
 * under keys `x:` (see `isDictionaryKey`), an English word stem a word translates to, or is, by the bilingual
 * dictionary (see dictionary.ts).
 */
export type FeatureKind = 'concept' | NumericKind | LexicalKind | 'lexicon'

/** True for the key of a bilingual dictionary feature (`x:<English stem>`, kind `lexicon`). */
export function isDictionaryKey(key: string): boolean {
  return key.startsWith('x:')
}

/** One feature occurrence: a language-neutral key, what it is, and where it was found (offsets into the passage text). */
export interface LinkFeature {
  key: string
  kind: FeatureKind
  start: number
  end: number
  surface: string
}

/** The features of one passage, ready to index or to query with. */
export interface PassageFeatures {
  /** Passage kind, when known: headings link to headings, footnotes are skipped by default. */
  passageKind?: PassageKind
  /** The language the passage is written in (its own, else its report's), when known: cognates within one language are checked by stem. */
  lang?: Lang
  /** A bibliography entry or source list (see `isReferenceLike`): linked only to others of its kind. */
  reference?: boolean
  /** Characters of the passage text (0 when unknown). */
  chars?: number
  /** Every feature occurrence, in text order. */
  features: LinkFeature[]
  /** Occurrences per key. */
  tf: Map<string, number>
  /** The first occurrence of each key (what evidence shows). */
  first: Map<string, LinkFeature>
  /** Number of feature occurrences (the passage length BM25 normalises by). */
  length: number
  /**
   * Feature counts of windows of consecutive sentences, when the passage is used as a query: a long passage
   * that summarises several facts is scored by its best-matching window (see `extractQueryFeatures`).
   */
  windows?: FeatureCounts[]
}

/** Occurrences per key of a span of text, without the occurrences themselves (what a query window needs). */
export interface FeatureCounts {
  tf: Map<string, number>
  length: number
}

/** What linking needs of a glossary matcher: `buildMatcher(glossary)` from core/matcher satisfies it. */
export interface ConceptMatcherLike {
  match(text: string, lang: Lang): readonly { conceptId: string; start: number; end: number; surface: string }[]
}

/** A passage as linking sees it; `SegmentedPassage` fits. */
export interface LinkPassage {
  text: string
  kind?: PassageKind
  lang?: Lang | 'und'
  /** Sentences of the passage, in order (split from the text when missing). */
  sentences?: readonly { text: string }[]
}

/** Options of `extractFeatures`. */
export interface FeatureOptions extends NameOptions {
  /** Leave out cognate stems (names, numbers and concepts only). */
  noCognates?: boolean
  /** Leave out the built-in everyday-word lexicon. */
  noLexicon?: boolean
  /** A bilingual dictionary (`buildDictionary`): words become `x:<English stem>` keys. None by default. */
  dictionary?: LinkDictionary | null
  /** Sentences per query window (default 3; 0 scores whole passages only). */
  window?: number
}

/** The kind of a key, from its prefix. */
export function kindOfKey(key: string): FeatureKind {
  const p = key.slice(0, key.indexOf(':'))
  switch (p) {
    case 'c': return 'concept'
    case 'd': return 'date'
    case 'm': return 'month'
    case 'y': return 'year'
    case 'p': return 'percent'
    case 'r': return 'range'
    case 'n': return 'number'
    case 'e': return 'name'
    case 'e2': return 'phrase'
    case 'w': case 'x': return 'lexicon'
    default: return 'cognate'
  }
}

/**
 * Extracts the link features of a passage written in `lang`: glossary concepts (`c:<conceptId>`, when a
 * matcher is given), numeric keys (`d:`, `m:`, `y:`, `n:`, `p:`, `r:`, see `extractNumbers`), names (`e:`,
 * `e2:`), cognate stems (`g:`, `k:`, see `extractNames`), everyday words of the built-in lexicon (`w:`) and, with
 * a dictionary, the English stems of words (`x:`).
 */
export function extractFeatures(
  passage: LinkPassage | string,
  lang: Lang | 'und',
  matcher?: ConceptMatcherLike | null,
  opts: FeatureOptions = {},
): PassageFeatures {
  const p = typeof passage === 'string' ? { text: passage } : passage
  const text = p.text
  const useLang = p.lang && p.lang !== 'und' ? p.lang : lang
  const features: LinkFeature[] = []
  if (matcher && useLang !== 'und') {
    for (const h of matcher.match(text, useLang))
      features.push({ key: 'c:' + h.conceptId, kind: 'concept', start: h.start, end: h.end, surface: h.surface })
  }
  // A section or paragraph number that opens the passage ("2.1", "76.") says where it stands, not what it states.
  const lead = leadingEnumeratorLength(text)
  for (const m of extractNumbers(text)) if (m.start >= lead) features.push({ ...m })
  for (const m of extractNames(text, useLang, opts)) {
    if (opts.noCognates && m.kind === 'cognate') continue
    features.push({ ...m })
  }
  if (!opts.noLexicon)
    for (const h of matchLexicon(text, useLang)) features.push({ key: 'w:' + h.id, kind: 'lexicon', start: h.start, end: h.end, surface: h.surface })
  if (opts.dictionary)
    for (const h of matchDictionary(text, useLang, opts.dictionary))
      for (const k of h.keys) features.push({ key: 'x:' + k, kind: 'lexicon', start: h.start, end: h.end, surface: h.surface })
  features.sort((a, b) => a.start - b.start || a.end - b.end)
  const out = summarize(features, p.kind)
  out.chars = text.length
  if (useLang !== 'und') out.lang = useLang
  if (p.kind !== 'heading' && isReferenceLike(text)) out.reference = true
  return out
}

/** Builds tf, first-occurrence and length from a list of feature occurrences. */
export function summarize(features: LinkFeature[], passageKind?: PassageKind): PassageFeatures {
  const tf = new Map<string, number>()
  const first = new Map<string, LinkFeature>()
  for (const f of features) {
    tf.set(f.key, (tf.get(f.key) ?? 0) + 1)
    if (!first.has(f.key)) first.set(f.key, f)
  }
  return { passageKind, features, tf, first, length: features.length }
}

/**
 * Features of a passage used as a query: the passage's own features plus those of every window of `window`
 * consecutive sentences (stride 1). Passages of at most `window` sentences get no windows.
 */
export function extractQueryFeatures(
  passage: LinkPassage,
  lang: Lang | 'und',
  matcher?: ConceptMatcherLike | null,
  opts: FeatureOptions = {},
): PassageFeatures {
  const whole = extractFeatures(passage, lang, matcher, opts)
  const size = opts.window ?? 3
  if (size <= 0) return whole
  const useLang = passage.lang && passage.lang !== 'und' ? passage.lang : lang
  const flat = passage.text.replace(/\s+/g, ' ').trim()
  const sentences = passage.sentences?.length
    ? passage.sentences.map((s) => s.text)
    : splitSentences(flat, useLang).map(([a, b]) => flat.slice(a, b))
  if (sentences.length <= size) return whole
  const per = sentences.map((t) => extractFeatures({ text: t, kind: passage.kind, lang: useLang }, lang, matcher, opts).tf)
  const windows: FeatureCounts[] = []
  for (let i = 0; i + size <= per.length; i++) {
    const tf = new Map<string, number>()
    let length = 0
    for (let k = i; k < i + size; k++)
      for (const [key, n] of per[k]) {
        tf.set(key, (tf.get(key) ?? 0) + n)
        length += n
      }
    windows.push({ tf, length })
  }
  return { ...whole, windows }
}
