// Finds glossary terms in a text — folded, inflected, inside compounds, transliterated — with spans into the original text.
import type { ConceptEntry, Glossary, Lang } from '../model'
import { findMixedScriptWords } from '../text/confusables'
import { normalizeWithMap, toOriginalSpan } from '../text/normalize'
import type { TranslitConvention } from '../text/translit'
import { stepTrie, type TrieCursor } from './automaton'
import { classifyCompoundHit, COMPOUNDING_LANGS } from './compounds'
import { buildLangIndex, compileEntry, type CompileOptions, type FirstStep, type LangIndex, type TermForm } from './patterns'
import { ACRONYM_KEY, textWordKeys, textWordLooseKeys } from './stem'
import { sameLetters, selectHits } from './hits'
import { splitWords, wordAt, type Words } from './words'

/** How a hit was found, from most to least literal. */
export type MatchKind = 'exact' | 'folded' | 'stem' | 'compound' | 'translit'

/** One occurrence of a glossary term in a text. Offsets are UTF-16 code units into the ORIGINAL text. */
export interface TermHit {
  conceptId: string
  termId: string
  /** Language of the matched term. */
  lang: Lang
  start: number
  end: number
  /** text.slice(start, end): for compounds the whole compound word. */
  surface: string
  /** 'exact': same letters, case aside; 'folded': same after diacritic/confusable folding; 'stem': inflected;
   * 'compound': part of a longer word; 'translit': a generated transliteration of the concept's Russian term. */
  matchedBy: MatchKind
  /** True when the term was found inside a compound word. */
  compound?: boolean
  /** For compounds: the span of the glossary word inside the compound. */
  part?: { start: number; end: number; surface: string }
  /** True when the surface mixes scripts ("Voенkomat"): a typo worth a QA finding. */
  mixedScript?: boolean
  /** For transliterations: the convention that spells the matched form. */
  convention?: TranslitConvention
}

/** Options of `buildMatcher`. */
export interface MatcherOptions {
  /** Generate transliteration variants of Russian terms for transliteration terms (default true). */
  translitVariants?: boolean
  /** Languages searched inside compound words (default fi, nb, da, sv). */
  compoundLangs?: Lang[]
  /** Shortest glossary word searched inside compounds (default 4). */
  minCompoundPart?: number
  /** Let a modifier of a multi-word term match a derived word ("civil" ~ "civilian"; default true). */
  looseModifiers?: boolean
}

/** Options of `Matcher.match`. */
export interface MatchOptions {
  /** 'longest' (default): keep the longest hits, dropping hits inside them; 'all': keep every hit. */
  overlaps?: 'longest' | 'all'
  /** Languages whose terms are looked for (default: the text's language and Russian). */
  termLangs?: Lang[]
}

/** Size figures of a matcher, for the UI and benchmarks. */
export interface MatcherStats {
  concepts: number
  forms: number
  variants: number
  byLang: Partial<Record<Lang, { forms: number; phrases: number; compoundPatterns: number; compoundStates: number }>>
  /** Milliseconds spent building indexes so far. */
  buildMs: number
}

/** A glossary compiled for matching. */
export interface Matcher {
  /** Every glossary term in `text`, a text in language `lang`, sorted by position. */
  match(text: string, lang: Lang, opts?: MatchOptions): TermHit[]
  /** Replaces the given concepts (added or edited) and drops removed ones; only touched languages are rebuilt. */
  updateConcepts(changed: readonly ConceptEntry[], removedConceptIds?: readonly string[]): void
  readonly stats: MatcherStats
}

/** True when text[from, to) may stand between two words of a phrase: one to three spaces, hyphens, apostrophes or slashes. */
function isGap(text: string, from: number, to: number): boolean {
  if (to - from < 1 || to - from > 3) return false
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c !== 32 && c !== 45 && c !== 39 && c !== 47) return false
  }
  return true
}
class GlossaryMatcher implements Matcher {
  private readonly forms = new Map<string, TermForm[]>()
  private readonly indexes = new Map<Lang, LangIndex>()
  private readonly dirty = new Set<Lang>()
  private readonly compile: CompileOptions
  private readonly loose: boolean
  private buildMs = 0

  constructor(glossary: Glossary, opts: MatcherOptions) {
    this.compile = {
      translitVariants: opts.translitVariants ?? true,
      compoundLangs: new Set(opts.compoundLangs ?? COMPOUNDING_LANGS),
      minCompoundPart: opts.minCompoundPart ?? 4,
    }
    this.loose = opts.looseModifiers ?? true
    this.updateConcepts(glossary.entries)
  }

  updateConcepts(changed: readonly ConceptEntry[], removedConceptIds: readonly string[] = []): void {
    const t0 = performance.now()
    const drop = (id: string) => {
      for (const f of this.forms.get(id) ?? []) this.dirty.add(f.lang)
      this.forms.delete(id)
    }
    removedConceptIds.forEach(drop)
    for (const entry of changed) {
      drop(entry.concept.id)
      const forms = compileEntry(entry, this.compile)
      for (const f of forms) this.dirty.add(f.lang)
      this.forms.set(entry.concept.id, forms)
    }
    this.buildMs += performance.now() - t0
  }

  private index(lang: Lang): LangIndex {
    let idx = this.indexes.get(lang)
    if (!idx || this.dirty.has(lang)) {
      const t0 = performance.now()
      const forms = [...this.forms.values()].flatMap((fs) => fs.filter((f) => f.lang === lang))
      idx = buildLangIndex(lang, forms, this.compile)
      this.indexes.set(lang, idx)
      this.dirty.delete(lang)
      this.buildMs += performance.now() - t0
    }
    return idx
  }

  get stats(): MatcherStats {
    const all = [...this.forms.values()].flat()
    const byLang: MatcherStats['byLang'] = {}
    for (const lang of new Set(all.map((f) => f.lang))) {
      const idx = this.index(lang)
      byLang[lang] = {
        forms: idx.formCount,
        phrases: idx.trie.size,
        compoundPatterns: idx.compounds?.patternCount ?? 0,
        compoundStates: idx.compounds?.nodeCount ?? 0,
      }
    }
    return {
      concepts: this.forms.size,
      forms: all.length,
      variants: all.filter((f) => f.source === 'variant').length,
      byLang,
      buildMs: this.buildMs,
    }
  }

  match(text: string, lang: Lang, opts: MatchOptions = {}): TermHit[] {
    // The offset maps are shared buffers: every use of `norm` ends before this method returns.
    const norm = normalizeWithMap(text, lang, { collapseWhitespace: true, reuseBuffers: true })
    const w = splitWords(norm, text)
    const hits: TermHit[] = []
    const emit = (form: TermForm, s: number, e: number, kind: MatchKind, part?: { start: number; end: number }) => {
      const span = toOriginalSpan(norm, s, e)
      const surface = text.slice(span.start, span.end)
      const hit: TermHit = {
        conceptId: form.conceptId, termId: form.termId, lang: form.lang, start: span.start, end: span.end, surface,
        matchedBy: kind === 'folded' && sameLetters(surface, form.text) ? 'exact' : kind,
      }
      if (part) {
        const p = toOriginalSpan(norm, part.start, part.end)
        hit.compound = true
        hit.part = { ...p, surface: text.slice(p.start, p.end) }
      }
      if (form.convention) hit.convention = form.convention
      if (/[^\u0000-\u024f]/.test(hit.surface) && findMixedScriptWords(hit.surface).length) hit.mixedScript = true
      hits.push(hit)
    }
    const termLangs = [...new Set(opts.termLangs ?? [lang, 'ru' as Lang])]
    for (const L of termLangs) {
      if (L === 'ru' && !w.anyCyr) continue
      const idx = this.index(L)
      if (idx.formCount) {
        this.matchPhrases(idx, w, emit)
        this.matchCompounds(idx, w, emit)
      }
    }
    return selectHits(hits, opts.overlaps ?? 'longest')
  }

  /** The keys of word i of `w` in the index's language (its acronym key too when it is written as one). */
  private keysOf(idx: LangIndex, w: Words, i: number): readonly string[] {
    let keys = idx.wordKeys.get(w.hash[i], w.text, w.starts[i], w.ends[i])
    if (keys === undefined) {
      if (idx.wordKeys.size > 200_000) idx.wordKeys.clear()
      idx.wordKeys.set(w.hash[i], w.word(i), (keys = textWordKeys(w.word(i), idx.lang)))
    }
    return w.ends[i] - w.starts[i] <= 12 && w.acronymLike(i) ? [...keys, ACRONYM_KEY + w.word(i)] : keys
  }

  /** Advances the cursors by word i of `w`. (A method, not a closure in the loop: a closure over the loop's
   * index would make the loop allocate a context for every word.) */
  private step(idx: LangIndex, cursors: ReadonlyArray<TrieCursor<TermForm>>, w: Words, i: number): Array<TrieCursor<TermForm>> {
    return stepTrie(cursors, this.keysOf(idx, w, i), () => (this.loose ? textWordLooseKeys(w.word(i), idx.lang) : []))
  }

  /** The first trie step of word i, computed (see `FirstStep`). */
  private firstStep(idx: LangIndex, w: Words, i: number): FirstStep {
    const L = idx.lang
    const word = w.word(i)
    const keys = textWordKeys(word, L)
    const loose = () => (this.loose ? textWordLooseKeys(word, L) : [])
    const root: Array<TrieCursor<TermForm>> = [{ node: idx.trie.root, loose: false }]
    const acronymKey = ACRONYM_KEY + word
    return {
      plain: stepTrie(root, keys, loose),
      acronym: word.length <= 12 && idx.trie.root.edges.has(acronymKey) ? stepTrie(root, [...keys, acronymKey], loose) : null,
    }
  }

  /** Walks the phrase trie from every word; near-linear since phrases are a few words long. */
  private matchPhrases(idx: LangIndex, w: Words, emit: (f: TermForm, s: number, e: number, k: MatchKind) => void): void {
    const L = idx.lang
    const wantCyr = L === 'ru'
    const firstSteps = idx.firstSteps
    const text = w.text
    for (let i = 0; i < w.count; i++) {
      if ((w.cyr[i] === 1) !== wantCyr) continue
      // The first step depends on the word alone (and on whether it is written as an acronym): memoised by hash,
      // so that the many words that start no phrase are never cut out of the text.
      let first = firstSteps.get(w.hash[i], text, w.starts[i], w.ends[i])
      if (first === undefined) {
        first = this.firstStep(idx, w, i)
        if (firstSteps.size > 200_000) firstSteps.clear()
        firstSteps.set(w.hash[i], w.word(i), first)
      }
      let cursors = first.acronym && w.acronymLike(i) ? first.acronym : first.plain
      for (let j = i; cursors.length; ) {
        for (const c of cursors) {
          if (c.loose) continue
          for (const form of c.node.terms) {
            let same = true
            for (let k = 0; k < form.words.length && same; k++) same = form.words[k] === w.word(i + k)
            const kind: MatchKind = form.source === 'variant' ? 'translit' : same ? 'folded' : 'stem'
            emit(form, w.starts[i], w.ends[j], kind)
          }
        }
        j++
        if (j >= w.count || (w.cyr[j] === 1) !== wantCyr || !isGap(text, w.ends[j - 1], w.starts[j])) break
        cursors = this.step(idx, cursors, w, j)
      }
    }
  }

  /** Scans the folded text once with the compound automaton and keeps plausible compound parts. */
  private matchCompounds(
    idx: LangIndex,
    w: Words,
    emit: (f: TermForm, s: number, e: number, k: MatchKind, part?: { start: number; end: number }) => void,
  ): void {
    idx.compounds?.scan(w.text, (s, e, { form, kind }) => {
      const wi = wordAt(w, s)
      if (wi < 0 || w.ends[wi] < e || (w.cyr[wi] === 1) !== (idx.lang === 'ru')) return
      const part = classifyCompoundHit(w.text, w.starts[wi], w.ends[wi], s, e, kind, idx.lang)
      if (part) emit(form, w.starts[wi], w.ends[wi], 'compound', part)
    })
  }
}

/** Compiles a glossary (terms plus generated transliteration variants) into a matcher. */
export function buildMatcher(glossary: Glossary, opts: MatcherOptions = {}): Matcher {
  return new GlossaryMatcher(glossary, opts)
}
