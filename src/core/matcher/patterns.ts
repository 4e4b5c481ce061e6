// Compiles glossary entries into matchable forms (terms plus transliteration variants) and per-language indexes.
import type { ConceptEntry, Lang, Term } from '../model'
import { normalizeWithMap, toOriginalSpan } from '../text/normalize'
import { attributeConvention, transliterationVariants, type TranslitConvention } from '../text/translit'
import { AhoCorasick, KeyTrie, type TrieCursor } from './automaton'
import { WordMemo } from './wordMemo'
import { ACRONYM_KEY, minStemLength, termWordKeys, termWordLooseKeys, TRANSLIT_KEY, translitTermWordKeys } from './stem'

/** One spelling the matcher looks for: a term's own text, or a generated transliteration of its concept's Russian term. */
export interface TermForm {
  conceptId: string
  termId: string
  /** Language of the term (the index it lives in). */
  lang: Lang
  /** The spelling as written (term text or generated variant). */
  text: string
  /** Folded words of the spelling. */
  words: string[]
  /** Per word: written as an acronym (two or more capitals: "SVO", "MoD"), so matched only in capitals and never inflected. */
  acronym: boolean[]
  source: 'term' | 'variant'
  /** True for transliterations of Russian (terms of type transliteration and generated variants): they also take Russian endings. */
  translit: boolean
  /** For transliterations: the convention that produces this spelling. */
  convention?: TranslitConvention
}

/** A pattern of the compound automaton: a form's folded word, or one of its stems. */
export interface CompoundPattern {
  form: TermForm
  /** 'full': the folded word; 'stem': a stem that must be followed by an inflection ending. */
  kind: 'full' | 'stem'
}

/** Options that shape compilation. */
export interface CompileOptions {
  /** Add generated transliteration variants for transliteration terms (default true). */
  translitVariants: boolean
  /** Languages whose words are compounds worth searching inside. */
  compoundLangs: ReadonlySet<Lang>
  /** Shortest glossary word (in letters) searched inside compounds. */
  minCompoundPart: number
}

const WORD = /[\p{L}\p{M}]+|\p{N}+/gu

/** Folded words of a phrase under a language's profile. */
export function foldedWords(text: string, lang: Lang): string[] {
  return foldedWordsWithRaw(text, lang).words
}

/** Folded words of a phrase and the original spelling of each. */
function foldedWordsWithRaw(text: string, lang: Lang): { words: string[]; raw: string[] } {
  const n = normalizeWithMap(text, lang, { collapseWhitespace: true })
  const words: string[] = []
  const raw: string[] = []
  for (const m of n.text.matchAll(WORD)) {
    words.push(m[0])
    const span = toOriginalSpan(n, m.index, m.index + m[0].length)
    raw.push(text.slice(span.start, span.end))
  }
  return { words, raw }
}

/** True when a word is written like an acronym: two or more capital letters ("SVO", "MoD", "СВО", "SOCh"). */
export function looksLikeAcronym(raw: string, from = 0, to = raw.length): boolean {
  let upper = 0
  for (let i = from; i < to; i++) {
    const c = raw.charCodeAt(i)
    // ASCII decided by code; other letters (Cyrillic СОЧ, accented capitals) by case mapping. Runs on every word.
    const isUpper = c < 0x80 ? c >= 65 && c <= 90 : c >= 0xc0 && String.fromCharCode(c) !== String.fromCharCode(c).toLowerCase()
    if (isUpper && ++upper >= 2) return true
  }
  return false
}

/** Conventions a language's own writers use, to name the convention of a spelling several conventions share. */
const HOME_CONVENTIONS: Partial<Record<Lang, readonly TranslitConvention[]>> = {
  en: ['bgn', 'simpleEn'], fr: ['french'], fi: ['sfs4900'], nb: ['scandinavian'], da: ['scandinavian'], sv: ['scandinavian'],
}

/** The convention to report for `spelling` of `cyr` in a text of `lang`: a home convention when one fits. */
function conventionFor(spelling: string, cyr: string, lang: Lang, fallback?: TranslitConvention): TranslitConvention | undefined {
  const home = HOME_CONVENTIONS[lang] ?? []
  if (fallback && home.includes(fallback)) return fallback
  return attributeConvention(spelling, cyr, home)[0] ?? fallback ?? attributeConvention(spelling, cyr)[0]
}

function formOf(t: Term, text: string, source: TermForm['source'], convention?: TranslitConvention): TermForm {
  const translit = source === 'variant' || (t.type === 'transliteration' && t.lang !== 'ru')
  const { words, raw } = foldedWordsWithRaw(text, t.lang)
  const acronym = raw.map((r) => looksLikeAcronym(r))
  const f: TermForm = { conceptId: t.conceptId, termId: t.id, lang: t.lang, text, words, acronym, source, translit }
  if (convention) f.convention = convention
  return f
}

/** Every form of one concept: each term's text, plus transliteration variants of the Russian term(s). */
export function compileEntry(entry: ConceptEntry, opts: CompileOptions): TermForm[] {
  const ru = entry.terms.filter((t) => t.lang === 'ru')
  const forms: TermForm[] = []
  const seenTerm = new Set<string>()
  const seenSpelling = new Set<string>()
  const push = (f: TermForm) => {
    const spelling = `${f.lang}\u0000${f.words.join(' ')}`
    if (!f.words.length) return
    if (f.source === 'term') {
      if (seenTerm.has(f.termId + spelling)) return
      seenTerm.add(f.termId + spelling)
    } else if (seenSpelling.has(spelling)) return
    seenSpelling.add(spelling)
    forms.push(f)
  }
  const translitTerms = entry.terms.filter((t) => t.type === 'transliteration' && t.lang !== 'ru')
  for (const t of entry.terms) {
    const conv = t.type === 'transliteration' && ru.length ? conventionFor(t.text, ru[0].text, t.lang) : undefined
    push(formOf({ ...t, conceptId: t.conceptId || entry.concept.id }, t.text, 'term', conv))
  }
  if (opts.translitVariants) {
    for (const t of translitTerms) {
      for (const r of ru) {
        for (const v of transliterationVariants(r.text)) {
          const conv = conventionFor(v.text, r.text, t.lang, v.convention)
          push(formOf({ ...t, conceptId: t.conceptId || entry.concept.id }, v.text, 'variant', conv))
        }
      }
    }
  }
  return forms
}

/** The matching structures of one language. */
export interface LangIndex {
  lang: Lang
  /** Phrases (one or more words) by word keys. */
  trie: KeyTrie<TermForm>
  /** Glossary words inside compounds; null for languages that do not compound. */
  compounds: AhoCorasick<CompoundPattern> | null
  formCount: number
  /** Memo of the first trie step per text word (most words start no phrase): filled while matching. */
  firstSteps: WordMemo<FirstStep>
  /** Memo of the keys of text words met inside phrases (`textWordKeys`), looked up without cutting the word out. */
  wordKeys: WordMemo<readonly string[]>
}

/** The first trie step of one text word: by its keys, and (when an acronym term starts with it) as an acronym too. */
export interface FirstStep {
  plain: Array<TrieCursor<TermForm>>
  /** The step when the word is written as an acronym ("SOCh"); null when that changes nothing. */
  acronym: Array<TrieCursor<TermForm>> | null
}

/** Builds the trie and (for compounding languages) the compound automaton of one language's forms. */
export function buildLangIndex(lang: Lang, forms: readonly TermForm[], opts: CompileOptions): LangIndex {
  const trie = new KeyTrie<TermForm>()
  const patterns: Array<[string, CompoundPattern]> = []
  const compounding = opts.compoundLangs.has(lang)
  const min = Math.max(opts.minCompoundPart, minStemLength(lang))
  for (const form of forms) {
    trie.insert(
      form.words.map((w, k) =>
        form.acronym[k]
          ? { primary: ACRONYM_KEY + w, keys: [ACRONYM_KEY + w] }
          : {
              primary: form.translit ? TRANSLIT_KEY + w : w,
              keys: form.translit ? [...termWordKeys(w, lang), ...translitTermWordKeys(w)] : termWordKeys(w, lang),
              loose: termWordLooseKeys(w, lang),
            },
      ),
      form,
    )
    if (compounding && form.words.length === 1 && !form.acronym[0] && form.words[0].length >= min) {
      const w = form.words[0]
      patterns.push([w, { form, kind: 'full' }])
      for (const k of termWordKeys(w, lang)) if (k !== w && k.length >= min) patterns.push([k, { form, kind: 'stem' }])
    }
  }
  return { lang, trie, compounds: compounding ? new AhoCorasick(patterns) : null, formCount: forms.length, firstSteps: new WordMemo(), wordKeys: new WordMemo() }
}
