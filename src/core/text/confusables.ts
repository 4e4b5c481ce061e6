// Folds letters of another script typed inside a Latin word ("Voенkomat", "Voenkوماتs") and detects such mixed-script words.
import { astralClass, charClass } from './charClass'

/** Scripts we tell apart; anything else that is a letter is 'Other'. */
export type Script = 'Latin' | 'Cyrillic' | 'Greek' | 'Arabic' | 'Other'

/**
 * Cyrillic letters that turn up inside Latin words. Lowercase н and в have no Latin twin, so they come
 * from a switched keyboard layout and fold by sound (н→n, в→v: "Voенkomat" → "Voenkomat"); с р х у
 * have exact Latin twins and fold by shape (с→c, р→p, х→x, у→y), which is how homoglyph typos arise.
 */
const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a', е: 'e', ё: 'e', о: 'o', с: 'c', р: 'p', х: 'x', у: 'y', і: 'i', ј: 'j', к: 'k', м: 'm', т: 't',
  н: 'n', в: 'v', ѕ: 's', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l',
  А: 'A', Е: 'E', Ё: 'E', О: 'O', С: 'C', Р: 'P', Х: 'X', У: 'Y', І: 'I', Ј: 'J', К: 'K', М: 'M', Т: 'T',
  Н: 'N', В: 'V', Ѕ: 'S', Һ: 'H', Ԁ: 'D', Ԛ: 'Q', Ԝ: 'W', Ӏ: 'I',
}

/** Greek look-alikes inside Latin words. */
const GREEK_TO_LATIN: Record<string, string> = {
  α: 'a', ε: 'e', ο: 'o', ι: 'i', κ: 'k', ν: 'v', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ϲ: 'c',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
}

/** Arabic (and Persian) letters inside Latin words fold like a rough transliteration: "Voenkومات" → "Voenkomat". */
const ARABIC_TO_LATIN: Record<string, string> = {
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ب: 'b', ت: 't', ث: 't', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'z', ر: 'r',
  ز: 'z', س: 's', ش: 'sh', ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: '', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l',
  م: 'm', ن: 'n', ه: 'h', و: 'o', ي: 'y', ى: 'a', ة: 'a', ء: '', پ: 'p', چ: 'ch', ژ: 'zh', ک: 'k', گ: 'g', ی: 'i',
}

/** Latin look-alikes inside a word that is mostly Cyrillic ("вoенкомат" with a Latin o). */
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а', e: 'е', o: 'о', c: 'с', p: 'р', x: 'х', y: 'у', k: 'к', m: 'м', t: 'т',
  A: 'А', B: 'В', E: 'Е', H: 'Н', K: 'К', M: 'М', O: 'О', P: 'Р', C: 'С', T: 'Т', X: 'Х', Y: 'У',
}

const LETTER = /\p{L}/u
const WORD = /[\p{L}\p{M}]+/gu
const FOREIGN_RUNS = /[\u0370-\u06FF\u0750-\u077F\u1F00-\u1FFF\uFB50-\uFDFF\uFE70-\uFEFF\uA640-\uA69F]+/g
const FOREIGN_HINT = /[\u0370-\u06FF\u0750-\u077F\u1F00-\u1FFF\uFB50-\uFDFF\uFE70-\uFEFF\uA640-\uA69F]/

/** The script of one character, or null when it is not a letter (digits, marks, punctuation). */
export function scriptOf(ch: string): Script | null {
  const c = ch.codePointAt(0) ?? 0
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return 'Latin'
  if (c < 0x80) return null
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x250 && c <= 0x2af))
    return 'Latin'
  if ((c >= 0x400 && c <= 0x52f) || (c >= 0x1c80 && c <= 0x1c8f) || (c >= 0xa640 && c <= 0xa69f)) return 'Cyrillic'
  if ((c >= 0x370 && c <= 0x3ff) || (c >= 0x1f00 && c <= 0x1fff)) return LETTER.test(ch) ? 'Greek' : null
  if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff))
    return LETTER.test(ch) ? 'Arabic' : null
  return LETTER.test(ch) ? 'Other' : null
}

/** What `detectMixedScript` found in one word. */
export interface MixedScriptInfo {
  /** Scripts of the word's letters, most frequent first. */
  scripts: Script[]
  /** True when letters of more than one script occur. */
  mixed: boolean
  /** The script most letters belong to (Latin wins a tie); null when the word has no letters. */
  majority: Script | null
  /** UTF-16 offsets (into the word) of letters not in the majority script. */
  offending: number[]
}

/** Reports the scripts in a word and where the letters of the minority scripts are. */
export function detectMixedScript(word: string): MixedScriptInfo {
  const counts = new Map<Script, number>()
  const perChar: Array<[number, Script]> = []
  for (let i = 0; i < word.length; ) {
    const cp = word.codePointAt(i) ?? 0
    const ch = String.fromCodePoint(cp)
    const sc = scriptOf(ch)
    if (sc) {
      counts.set(sc, (counts.get(sc) ?? 0) + 1)
      perChar.push([i, sc])
    }
    i += ch.length
  }
  const scripts = [...counts.keys()].sort(
    (a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || (a === 'Latin' ? -1 : b === 'Latin' ? 1 : 0),
  )
  const majority = scripts[0] ?? null
  const offending = perChar.filter(([, sc]) => sc !== majority).map(([i]) => i)
  return { scripts, mixed: scripts.length > 1, majority, offending }
}

/**
 * Plans the confusable fold of one word: offsets (into the word) and their replacements. In a word that is
 * mostly Latin, Cyrillic, Greek and Arabic letters fold to Latin; in a word that is mostly Cyrillic, Latin
 * look-alikes fold to Cyrillic, but only when every Latin letter has a twin. A word in one script (a real
 * Russian word) is left alone: returns null.
 */
export function planConfusableFold(word: string): Map<number, string> | null {
  const info = detectMixedScript(word)
  if (!info.mixed) return null
  const plan = new Map<number, string>()
  if (info.majority === 'Latin') {
    for (const i of info.offending) {
      const ch = String.fromCodePoint(word.codePointAt(i) ?? 0)
      const to = CYRILLIC_TO_LATIN[ch] ?? GREEK_TO_LATIN[ch] ?? ARABIC_TO_LATIN[ch]
      if (to !== undefined) plan.set(i, to)
    }
  } else if (info.majority === 'Cyrillic') {
    for (const i of info.offending) {
      const to = LATIN_TO_CYRILLIC[word[i]]
      if (to === undefined) return null
      plan.set(i, to)
    }
  }
  return plan.size ? plan : null
}

/**
 * Plans the confusable fold of a whole text: original UTF-16 offset → replacement, for every letter that
 * `planConfusableFold` would change in its word. Returns null when nothing needs folding (the usual case).
 */
export function planConfusableFoldText(text: string): Map<number, string> | null {
  if (!FOREIGN_HINT.test(text)) return null
  let all: Map<number, string> | null = null
  let done = -1
  // Runs of foreign units, not one match per unit: Russian titles in footnotes are long Cyrillic runs.
  for (const m of text.matchAll(FOREIGN_RUNS)) {
    const runEnd = m.index + m[0].length
    for (let pos = Math.max(m.index, done); pos < runEnd; pos = Math.max(pos + 1, done)) {
      const { start, end } = wordAround(text, pos)
      done = end
      // Only a word with a Latin letter can fold (see planConfusableFold): most foreign words are plain Russian.
      if (!hasLatinLetter(text, start, end)) continue
      const plan = planConfusableFold(text.slice(start, end))
      if (!plan) continue
      all ??= new Map()
      for (const [i, to] of plan) all.set(start + i, to)
    }
  }
  return all
}

/** True when `text[start, end)` has a letter `scriptOf` calls Latin. */
function hasLatinLetter(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i)
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
      (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x250 && c <= 0x2af)) return true
  }
  return false
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff
const isLowUnit = (c: number) => c >= 0xdc00 && c <= 0xdfff

/** Length (1 or 2) of the letter or mark starting at `i`, or 0 when none does (a lone surrogate is none). */
function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if (isHigh(c)) return i + 1 < text.length && isLowUnit(text.charCodeAt(i + 1)) && astralClass(text, i) === 1 ? 2 : 0
  return !isLowUnit(c) && charClass(c) === 1 ? 1 : 0
}

/** The word (letters and marks) around offset `at`. */
function wordAround(text: string, at: number): { start: number; end: number } {
  let start = at
  while (start > 0) {
    const k = isLow(text, start - 1) && start > 1 ? start - 2 : start - 1
    if (letterAt(text, k) !== start - k) break
    start = k
  }
  let end = at
  for (let n = end < text.length ? letterAt(text, end) : 0; n > 0; n = end < text.length ? letterAt(text, end) : 0) end += n
  return { start, end }
}

function isLow(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  return c >= 0xdc00 && c <= 0xdfff
}

/** Folds confusables in every mixed-script word of `s`, keeping case: "Voенkomat" → "Voenkomat". */
export function foldConfusables(s: string): string {
  const plan = planConfusableFoldText(s)
  if (!plan) return s
  let out = ''
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i) ?? 0
    const len = cp > 0xffff ? 2 : 1
    out += plan.get(i) ?? s.slice(i, i + len)
    i += len
  }
  return out
}

/** A mixed-script word found in a text, for the QA check. */
export interface MixedScriptWord {
  word: string
  /** UTF-16 offsets into the text. */
  start: number
  end: number
  info: MixedScriptInfo
  /** The word with confusables folded (what was probably meant). */
  suggestion: string
}

/** Finds every word that mixes Latin with Cyrillic, Greek or Arabic letters. */
export function findMixedScriptWords(text: string): MixedScriptWord[] {
  const out: MixedScriptWord[] = []
  if (!FOREIGN_HINT.test(text)) return out
  for (const m of text.matchAll(WORD)) {
    if (!FOREIGN_HINT.test(m[0])) continue
    const info = detectMixedScript(m[0])
    if (!info.mixed || !info.scripts.includes('Latin')) continue
    out.push({ word: m[0], start: m.index, end: m.index + m[0].length, info, suggestion: foldConfusables(m[0]) })
  }
  return out
}
