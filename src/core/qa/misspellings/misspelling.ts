// Check: likely misspellings of glossary terms, one edit away ("Voenkamat", "refusniki"), with a report's own word frequencies as its dictionary.
import { textWordKeys } from '../../matcher'
import { TRANSLIT_KEY } from '../../matcher/stem'
import type { Lang } from '../../model'
import { insideAny, toOriginal, type MappedPassage } from '../document'
import { makeFinding, type Finding } from '../findings'
import { matchCase } from '../glossaryInfo'
import type { QaContext, ScannedDoc } from '../scan'
import { differsByInflection, MisspellingTargets, type TargetWord } from './targets'
import { readReportWords, type Vocabulary } from './vocabulary'
import { lowerBound } from '../context'

/** Options of `checkMisspellings`. */
export interface MisspellingOptions {
  /** Shortest word (and stem) checked (default 6). */
  minLength?: number
  /**
   * A spelling used at least `frequentMin` times and at least `frequentRatio` times as often as the glossary
   * word it is near is taken for a word of the report's language, not a typo (defaults 3 and 0.5).
   */
  frequentMin?: number
  frequentRatio?: number
  /** Targets built beforehand (they depend on the glossary only); built once per context otherwise. */
  targets?: MisspellingTargets
}

/** One word occurrence in a passage: folded form, check language and passage-text span. */
interface WordAt {
  folded: string
  lang: Lang
  passage: MappedPassage
  start: number
  end: number
}

/**
 * Keys a text word is compared by: itself and itself minus inflection or Russian endings (each a prefix of the
 * word, so a key is known by its length). Fills `out` with the key lengths, the word's own first; returns how many.
 */
function wordKeyLengths(word: string, lang: Lang, min: number, out: Int32Array): number {
  out[0] = word.length
  let n = 1
  for (const k of textWordKeys(word, lang)) {
    const from = k.startsWith(TRANSLIT_KEY) ? 1 : 0
    const len = k.length - from
    if (len < min || len >= word.length || !word.startsWith(from ? k.slice(1) : k)) continue
    let dup = false
    for (let i = 1; i < n; i++) if (out[i] === len) dup = true
    if (!dup && n < out.length) out[n++] = len
  }
  return n
}

/** True when `word` has a key (see `wordKeyLengths`) of `len` letters, its prefix of that length. */
function hasKeyOfLength(word: string, lang: Lang, len: number): boolean {
  const n = wordKeyLengths(word, lang, len, scratchLengths)
  for (let i = 0; i < n; i++) if (scratchLengths[i] === len) return true
  return false
}

/** Scratch space of `wordKeyLengths` (a word has a handful of keys). */
const scratchLengths = new Int32Array(32)
const judgeLengths = new Int32Array(32)

/** How often a word family occurs in a vocabulary: the words that are `key` plus an ending (found by prefix). */
function familyCount(v: Vocabulary, key: string, lang: Lang): number {
  const sorted = (v.sorted ??= [...v.counts.keys()].sort())
  const lo = lowerBound(sorted, key)
  let n = 0
  for (let i = lo; i < sorted.length && sorted[i].startsWith(key); i++) {
    const w = sorted[i]
    if (w === key || (w.length - key.length <= 6 && hasKeyOfLength(w, lang, key.length))) n += v.counts.get(w)!
  }
  return n
}

/** A near miss of one word: the glossary word it is near and the ending cut off the text word. */
interface Near {
  target: TargetWord
  rest: string
}

/** Targets per glossary object (a glossary edit makes a new object: see `updateConcepts` callers). */
const targetsCache = new WeakMap<object, MisspellingTargets>()

/**
 * Finds words one edit (Damerau-Levenshtein 1) away from an admitted glossary word, comparing the word and its
 * stems (the word minus inflection or Russian endings) with glossary words and stems through a deletion index.
 * For precision: the word and stem are at least `minLength` letters; the word is matched by no glossary term
 * anywhere in the report; the difference is not inflection or derivation (a shared prefix or Snowball stem,
 * an edit in the last three letters) nor a first-letter change; and the spelling is not an established word of
 * the report (frequent in it, see `MisspellingOptions`). The suggestion is the glossary word with the text
 * word's ending and case.
 */
export function checkMisspellings(ctx: QaContext, opts: MisspellingOptions = {}): Finding[] {
  const min = opts.minLength ?? 6
  const frequentMin = opts.frequentMin ?? 3
  const frequentRatio = opts.frequentRatio ?? 0.5
  let targets = opts.targets ?? targetsCache.get(ctx.glossary.glossary)
  if (!targets) targetsCache.set(ctx.glossary.glossary, (targets = new MisspellingTargets(ctx.glossary)))
  const out: Finding[] = []
  for (const sd of ctx.docs) {
    const { table, vocab, folded } = readReportWords(sd, min)
    const nearBy = new Map<Lang, Map<string, Near>>()
    for (const [lang, v] of vocab) {
      const near = new Map<string, Near>()
      for (const [word] of v.counts) {
        if (word.length < min || v.covered.has(word)) continue
        const n = judge(targets, v, word, lang, min, frequentMin, frequentRatio)
        if (n) near.set(word, n)
      }
      if (near.size) nearBy.set(lang, near)
    }
    if (!nearBy.size) continue
    const nearOf = folded.map((f, id) => nearBy.get(table.langs[id])?.get(f))
    for (let o = 0; o < 3 * table.occCount; o += 3) {
      const id = table.occ[o]
      const near = id >= 0 ? nearOf[id] : undefined
      if (!near) continue
      const mp = sd.passages[table.occ[o + 1]]
      const start = table.occ[o + 2]
      const end = start + table.words[id].length
      if (mp.urls.length && insideAny(mp.urls, start, end)) continue
      const lang = table.langs[id]
      const w: WordAt = { folded: folded[id], lang, passage: mp, start, end }
      out.push(finding(ctx, sd, w, near, vocab.get(lang)!.counts.get(folded[id]) ?? 1))
    }
  }
  return out
}

/** The glossary word a report word is a likely misspelling of, or null (see `checkMisspellings`). */
function judge(targets: MisspellingTargets, v: Vocabulary, word: string, lang: Lang, min: number, frequentMin: number, frequentRatio: number): Near | null {
  let best: Near | null = null
  // Every key is a prefix of the word of `min` letters or more. Most words have no such prefix with the shape of
  // a glossary word, and then nothing below can find one: that is decided before the word's keys are looked up.
  let shaped = false
  for (let len = min; len <= word.length && !shaped; len++) shaped = targets.mayBeNear(lang, word, len)
  if (!shaped) return null
  const n = wordKeyLengths(word, lang, min, judgeLengths)
  for (let i = 0; i < n; i++) {
    const len = judgeLengths[i]
    const key = len === word.length ? word : word.slice(0, len)
    if (targets.isKnown(lang, key)) return null
    const nears = targets.lookup(lang, key)
    if (!nears.length) continue
    const rest = word.slice(len)
    for (const near of nears) {
      if (near.distance !== 1 || differsByInflection(key, near.word, lang, near.payload.translit)) continue
      const mine = familyCount(v, key, lang)
      if (mine >= frequentMin && mine >= frequentRatio * familyCount(v, near.word, lang)) continue
      if (!best || (best.target.generated && !near.payload.generated) || rest.length < best.rest.length) best = { target: near.payload, rest }
    }
  }
  return best
}

/** False when `spelling` is a deprecated or forbidden glossary term ("refusenikis"), so not to be suggested. */
function admittedSpelling(ctx: QaContext, spelling: string, lang: Lang): boolean {
  return !ctx.glossary.termsSpelt(spelling, lang).some((t) => t.status === 'deprecated' || t.status === 'forbidden')
}

function finding(ctx: QaContext, sd: ScannedDoc, w: WordAt, near: Near, count: number): Finding {
  const span = toOriginal(sd.doc.text, w.passage, w.start, w.end)
  const surface = sd.doc.text.slice(span.start, span.end)
  const t = near.target
  const term = ctx.glossary.termById.get(t.termId)
  const base = t.display ?? t.key
  const rest = near.rest && surface.length === w.folded.length ? surface.slice(surface.length - near.rest.length) : near.rest
  return makeFinding({
    check: 'misspelling', severity: w.passage.quoted ? 'info' : 'warning',
    conceptId: t.conceptId, termId: t.termId, ...(term ? { term: term.text } : {}),
    docId: sd.doc.id, passageIndex: w.passage.index, ...span, surface,
    suggestion: matchCase(admittedSpelling(ctx, base + rest, w.lang) ? base + rest : base, surface),
    detail: `one edit from «${base}»${t.generated ? ' (a transliteration)' : ''} (${ctx.glossary.label(t.conceptId)}); «${w.folded}» occurs ${count}× in this report`,
  })
}
