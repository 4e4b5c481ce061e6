// The words a misspelling may be a misspelling of: admitted glossary words (and their stems and transliterations), per language, in a deletion index.
import { compileEntry, COMPOUNDING_LANGS, stemWord, termWordKeys } from '../../matcher'
import type { Lang } from '../../model'
import { isAdmittedStatus, isShortForm, type GlossaryInfo } from '../glossaryInfo'
import { DeletionIndex, type NearWord } from './symspell'

/** The key of the index shared by transliterations, which any Latin-script text may use. */
const TRANSLIT = '*'

/** A glossary word a text word may be a misspelling of. */
export interface TargetWord {
  /** The folded word (or stem) indexed. */
  key: string
  /** How the glossary writes the word when `key` is the whole word, else undefined (a stem). */
  display?: string
  conceptId: string
  termId: string
  /** True for a generated transliteration (not itself in the glossary). */
  generated: boolean
  /** True for a transliteration of Russian (a glossary transliteration or a generated spelling). */
  translit?: boolean
}

/** Shortest glossary word (or stem) indexed. */
export const MIN_TARGET_LENGTH = 5

/**
 * The shape of a word for pre-filtering: a misspelling worth reporting keeps the first and the last letter (see
 * `differsByInflection`) and is one letter longer or shorter at most.
 */
function shapeOf(word: string, length: number): number {
  return shapeKey(word.charCodeAt(0), word.charCodeAt(word.length - 1), length)
}

/** A shape as one number: first unit, last unit, length. */
function shapeKey(first: number, last: number, length: number): number {
  return (first * 65536 + last) * 1024 + Math.min(length, 1023)
}

/** The first word of a term as written. */
function rawWord(text: string): string {
  return /[\p{L}\p{M}]+/u.exec(text)?.[0] ?? text
}

/**
 * A deletion index per language over the words of single-word admitted terms of that language (multi-word
 * terms are left out: their words are ordinary words, "military", "service"), with their inflection keys
 * (Finnish oblique stems), plus every language's transliterations of Russian terms and the generated spellings
 * of those; Cyrillic words are compared with the Russian terms. Built in one pass over the glossary.
 */
export class MisspellingTargets {
  private readonly indexes = new Map<Lang | typeof TRANSLIT, DeletionIndex<TargetWord>>()
  /** Every key indexed per language, to tell a known spelling from a near miss. */
  private readonly known = new Map<Lang | typeof TRANSLIT, Set<string>>()
  private readonly seen = new Set<string>()
  /** (first letter, last letter, length) of every indexed key, ±1 in length, per index: a query outside is one edit from nothing. */
  private readonly shapes = new Map<Lang | typeof TRANSLIT, Set<number>>()

  constructor(glossary: GlossaryInfo) {
    const opts = { translitVariants: true, compoundLangs: new Set(COMPOUNDING_LANGS), minCompoundPart: 4 }
    for (const entry of glossary.glossary.entries) {
      const conceptId = entry.concept.id
      const admitted = new Map(entry.terms.filter((t) => isAdmittedStatus(t.status) && !isShortForm(t)).map((t) => [t.id, t]))
      if (!admitted.size) continue
      const hasTranslit = entry.terms.some((t) => t.type === 'transliteration' && t.lang !== 'ru')
      const forms = compileEntry(hasTranslit ? entry : { concept: entry.concept, terms: [...admitted.values()] }, opts)
      for (const f of forms) {
        if (f.words.length !== 1 || f.acronym[0]) continue
        const generated = f.source === 'variant'
        const term = admitted.get(f.termId)
        if (!generated && !term) continue
        const word = f.words[0]
        const translit = generated || term?.type === 'transliteration'
        const target = { key: word, display: generated ? undefined : rawWord(f.text), conceptId, termId: f.termId, generated, translit }
        if (f.lang === 'ru') {
          this.add('ru', target)
          continue
        }
        this.add(translit ? TRANSLIT : f.lang, target)
        if (!generated) for (const k of termWordKeys(word, f.lang)) if (k !== word) this.add(f.lang, { ...target, key: k, display: undefined })
      }
    }
  }

  private add(lang: Lang | typeof TRANSLIT, t: TargetWord): void {
    if (t.key.length < MIN_TARGET_LENGTH || /\s/.test(t.key)) return
    let known = this.known.get(lang)
    if (!known) {
      this.known.set(lang, (known = new Set()))
      this.indexes.set(lang, new DeletionIndex())
    }
    known.add(t.key)
    let shapes = this.shapes.get(lang)
    if (!shapes) this.shapes.set(lang, (shapes = new Set()))
    for (let d = -1; d <= 1; d++) shapes.add(shapeOf(t.key, t.key.length + d))
    const k = `${lang}\u0000${t.key}\u0000${t.conceptId}`
    if (this.seen.has(k)) return
    this.seen.add(k)
    this.indexes.get(lang)!.add(t.key, t)
  }

  /**
   * Glossary words within one edit of `key` in a text of `lang` (the language's words and, for Latin text, every
   * transliteration) that keep its first and last letter: edits there are not reported anyway.
   */
  lookup(lang: Lang, key: string): Array<NearWord<TargetWord>> {
    const shape = shapeOf(key, key.length)
    const own = this.shapes.get(lang)?.has(shape) ? (this.indexes.get(lang)?.lookup(key) ?? []) : []
    if (lang === 'ru') return own
    const translit = this.shapes.get(TRANSLIT)?.has(shape) ? (this.indexes.get(TRANSLIT)?.lookup(key) ?? []) : []
    return own.length ? (translit.length ? [...own, ...translit] : own) : translit
  }

  /**
   * False when no key of `lang` (nor, for Latin text, a transliteration) has the shape of the prefix of `word` of
   * `length` units: then `lookup` of that prefix finds nothing. Tested without cutting the prefix out.
   */
  mayBeNear(lang: Lang, word: string, length: number): boolean {
    const shape = shapeKey(word.charCodeAt(0), word.charCodeAt(length - 1), length)
    return (this.shapes.get(lang)?.has(shape) ?? false) || (lang !== 'ru' && (this.shapes.get(TRANSLIT)?.has(shape) ?? false))
  }

  /** True when `key` is itself an indexed glossary word or stem of `lang` (or a transliteration, for Latin text). */
  isKnown(lang: Lang, key: string): boolean {
    return (this.known.get(lang)?.has(key) ?? false) || (lang !== 'ru' && (this.known.get(TRANSLIT)?.has(key) ?? false))
  }

  /** Number of (word, concept) pairs indexed. */
  get size(): number {
    let n = 0
    for (const idx of this.indexes.values()) n += idx.size
    return n
  }
}

/** Lengths of the common prefix and of the common suffix (not overlapping the prefix) of two words. */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  let prefix = 0
  const n = Math.min(a.length, b.length)
  while (prefix < n && a[prefix] === b[prefix]) prefix++
  let suffix = 0
  while (suffix < n - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++
  return { prefix, suffix }
}

/**
 * True when a one-edit difference between a text word (or stem) and a glossary word looks like inflection or
 * derivation rather than a typo: one is a prefix of the other, they share a Snowball stem, or the edit falls in
 * the last three letters, where endings and derivational suffixes live ("kieltäytyne-" ~ "kieltäytyje-",
 * "fritatt" ~ "fritak", "militærregistret" ~ "militærregister"). An edit of the first letter is taken for
 * another word ("referral" ~ "deferral", "crafts" ~ "drafts"): typists rarely get the first letter wrong. For a
 * transliterated word (`transliteration`) the report language's endings do not apply: only the last letter is
 * spared ("voenkomet" is a misspelling of "voenkomat").
 */
export function differsByInflection(a: string, b: string, lang: Lang, transliteration = false): boolean {
  if (a.startsWith(b) || b.startsWith(a)) return true
  const { prefix, suffix } = commonEnds(a, b)
  if (prefix === 0 || suffix < (transliteration ? 1 : 3)) return true
  return lang !== 'ru' && stemWord(a, lang) === stemWord(b, lang)
}
