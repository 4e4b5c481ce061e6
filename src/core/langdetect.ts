// Language identification for the seven termbase languages: eld n-gram scores restricted to
// fi, nb, da, sv, fr, en, ru, plus script counting and Norwegian/Danish/Swedish word evidence.
import { eld } from 'eld/small'
import type { Lang } from './model'

/** Ranked language scores (higher is better), restricted to supported languages. */
export type LangScores = Array<[Lang, number]>

/** A function that scores a text; lets the heuristics run on top of another library. */
export type RawDetector = (text: string) => LangScores

/** A detection with its confidence. */
export interface LangGuess {
  lang: Lang | 'und'
  /** False when the text is too short, too weak (names, numbers) or the scores too close to trust. */
  reliable: boolean
  /** The n-gram scores behind the guess (empty for Cyrillic and empty text). */
  scores: LangScores
  /** True when word evidence, not n-grams, chose between Bokmål, Danish and Swedish. */
  settled?: boolean
}

const NORDIC = new Set<Lang>(['nb', 'da', 'sv'])
const ELD_CODES: Record<string, Lang> = { en: 'en', fi: 'fi', no: 'nb', da: 'da', sv: 'sv', fr: 'fr', ru: 'ru' }
/**
 * Languages the workbench does not support but that reports quote or that users may import (German above all:
 * its n-grams otherwise come out as Swedish). They compete in the n-gram scores so that a text in one of them
 * is called 'und' instead of the nearest supported language.
 */
const OTHER_CODES = ['de', 'nl', 'es', 'it', 'pt', 'pl', 'et', 'uk']
const detector = eld.newInstance()
detector.setLanguageSubset([...Object.keys(ELD_CODES), ...OTHER_CODES])
const OTHER = new Set(OTHER_CODES)
/** How far an unsupported language must lead the best supported one for a text to be called 'und'. */
const OTHER_LEAD = 1.15

/** True when an unsupported language clearly wins the n-gram scores of `text` (enough letters to tell). */
function unsupported(text: string, letters: number): boolean {
  if (letters < 40) return false
  const scores = Object.entries(detector.detect(text).getScores()).sort((a, b) => b[1] - a[1])
  const [code, top] = scores[0] ?? ['', 0]
  if (!OTHER.has(code)) return false
  const best = scores.find(([c]) => !OTHER.has(c))?.[1] ?? 0
  return top >= best * OTHER_LEAD
}

/** eld's scores for `text`, mapped to our codes (eld says "no" for Norwegian Bokmål). */
export const eldScores: RawDetector = (text) => {
  const scores = detector.detect(text).getScores()
  const out: LangScores = []
  for (const [code, score] of Object.entries(scores)) {
    const lang = ELD_CODES[code]
    if (lang) out.push([lang, score])
  }
  return out.sort((a, b) => b[1] - a[1])
}

/**
 * Words that tell Bokmål, Danish and Swedish apart (the n-gram models confuse them on short
 * text): infinitive "å" against "at"/"att", "av" against "af", "-het" against "-hed", and so on.
 */
const NORDIC_WORDS: Record<'nb' | 'da' | 'sv', string[]> = {
  nb: ['å', 'av', 'etter', 'mellom', 'noen', 'noe', 'hva', 'hvordan', 'blir', 'ble', 'gjennom', 'mot', 'seg', 'enn', 'bare', 'nå', 'sier', 'vært', 'hadde', 'slik', 'møte', 'møter', 'kjente', 'russland', 'ukraina', 'fylke', 'fylker', 'myndighetene'],
  da: ['at', 'af', 'efter', 'mellem', 'nogen', 'nogle', 'noget', 'hvad', 'bliver', 'blev', 'gennem', 'mod', 'sig', 'end', 'siger', 'været', 'havde', 'sådan', 'møde', 'møder', 'herunder', 'bl', 'jf', 'heraf', 'vedrørende', 'således', 'rusland', 'ukraine', 'fremgår', 'endvidere', 'desuden', 'myndighederne'],
  sv: ['att', 'och', 'av', 'inte', 'efter', 'mellan', 'några', 'vad', 'blir', 'blev', 'genom', 'mot', 'sig', 'än', 'också', 'från', 'bara', 'nu', 'endast', 'säger', 'varit', 'dessa', 'till', 'för', 'är', 'om', 'har', 'ska', 'enligt', 'ryssland', 'ukraina', 'myndigheterna'],
}
const NORDIC_SUFFIX: Record<'nb' | 'da' | 'sv', RegExp> = {
  nb: /(?:heten|hetene|ene)$/,
  da: /(?:hed|heden|hederne|erne)$/,
  sv: /(?:heterna|arna|orna)$/,
}
const NORDIC_SETS = { nb: new Set(NORDIC_WORDS.nb), da: new Set(NORDIC_WORDS.da), sv: new Set(NORDIC_WORDS.sv) }

/** Weighted word and spelling evidence for nb, da and sv ("æ/ø" against "ä/ö" counts too). */
export function nordicEvidence(text: string): Record<'nb' | 'da' | 'sv', number> {
  const score = { nb: 0, da: 0, sv: 0 }
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? []
  for (const w of words) {
    for (const k of ['nb', 'da', 'sv'] as const) {
      if (NORDIC_SETS[k].has(w)) score[k] += 1
      if (w.length > 5 && NORDIC_SUFFIX[k].test(w)) score[k] += 0.5
    }
    if (/[æø]/.test(w)) score.sv -= 1
    if (/[äö]/.test(w)) score.sv += 1.5
  }
  return score
}

/** The letter count of a text and how many of its letters are Cyrillic. */
export function scriptStats(text: string): { letters: number; cyrillic: number } {
  let letters = 0
  let cyrillic = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) {
      if ((c | 32) >= 97 && (c | 32) <= 122) letters++
    } else if (c >= 0x400 && c <= 0x4ff) {
      letters++
      cyrillic++
    } else if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || LETTER.test(text[i])) letters++
  }
  return { letters, cyrillic }
}
const LETTER = /\p{L}/u

/** Options of {@link detectLang}. */
export interface DetectOptions {
  /** Fewer letters than this make the guess unreliable (default 40). */
  minLetters?: number
  /** The scorer; eld by default. */
  raw?: RawDetector
  /** A language to prefer among Bokmål, Danish and Swedish when the evidence cannot tell them apart. */
  prefer?: Lang | 'und'
}

/**
 * Detects the language of `text` among the seven supported languages. Cyrillic text is Russian;
 * Bokmål/Danish/Swedish are settled by word evidence; short text or close scores are flagged
 * unreliable so that callers can fall back to context.
 */
export function detectLang(text: string, opts: DetectOptions = {}): LangGuess {
  const sample = text.length > 600 ? text.slice(0, 600) : text
  const clean = sample.replace(/(?:https?:\/\/|www\.)\S+/g, ' ').replace(/\d+/g, ' ')
  const { letters, cyrillic } = scriptStats(clean)
  if (letters === 0) return { lang: 'und', reliable: false, scores: [] }
  if (cyrillic / letters >= 0.5) return { lang: 'ru', reliable: letters >= 3, scores: [] }
  const latinOnly = cyrillic > 0 ? clean.replace(/[\u0400-\u04ff]+/g, ' ') : clean
  const scores = (opts.raw ?? eldScores)(latinOnly).filter(([l]) => l !== 'ru')
  if (scores.length === 0) return { lang: 'und', reliable: false, scores }
  // German (or another language the workbench does not support): 'und', reliably so, rather than a near neighbour.
  if (!opts.raw && unsupported(latinOnly, letters)) return { lang: 'und', reliable: true, scores }
  const [lang, top] = scores[0]
  // n-grams tell Nordic from the rest well, but Bokmål, Danish and Swedish apart poorly: the
  // margin that makes a guess reliable is taken against the best language of the other group.
  const nordic = NORDIC.has(lang)
  const rival = scores.find(([l]) => l !== lang && (!nordic || !NORDIC.has(l)))?.[1] ?? 0
  const margin = top > 0 ? (top - rival) / top : 0
  // Lists of names ("Claus Mathiesen: 17; Sergey Krivenko: 31") score weakly in every language.
  const names = onlyNames(latinOnly)
  const strong = top >= (names ? 0.7 : 0.6)
  const reliable = strong && ((letters >= (opts.minLetters ?? 40) && margin > 0.08) || (letters >= 15 && margin >= 0.2))
  if (nordic) {
    const ev = nordicEvidence(latinOnly)
    const ranked = (['nb', 'da', 'sv'] as const).slice().sort((a, b) => ev[b] - ev[a])
    if (ev[ranked[0]] - ev[ranked[1]] >= 1.5) return { lang: ranked[0], reliable, scores, settled: true }
  }
  const guess: LangGuess = { lang, reliable, scores }
  return opts.prefer ? preferNordic(guess, opts.prefer) : guess
}

/**
 * Applies a context preference to a Nordic guess whose word evidence was not decisive: when the
 * preferred language (the document's) scores within 3 % of the winner, it wins.
 */
export function preferNordic(guess: LangGuess, prefer: Lang | 'und'): LangGuess {
  if (guess.settled || prefer === 'und' || !NORDIC.has(prefer) || guess.lang === 'und' || !NORDIC.has(guess.lang)) return guess
  const top = guess.scores[0]?.[1] ?? 0
  return scoreOf(guess.scores, prefer) >= top * 0.97 ? { ...guess, lang: prefer } : guess
}

/** The score of `lang` in `scores` (0 when absent). */
export function scoreOf(scores: LangScores, lang: Lang): number {
  return scores.find(([l]) => l === lang)?.[1] ?? 0
}

/** True when every word of two or more letters is capitalised: names, not prose. */
function onlyNames(text: string): boolean {
  return /\p{Lu}\p{L}/u.test(text) && !LOWER_WORD.test(text)
}
/** A word of two or more letters starting in lower case, other than "url", "et", "al". */
const LOWER_WORD = /(?<!\p{L})(?!(?:url|et|al)(?!\p{L}))\p{Ll}\p{L}/u

/** A text sample of a document and how much its vote counts. */
export interface LangSample {
  text: string
  weight?: number
}

/**
 * Detects the language of a whole document: reliable samples vote with their length (capped at
 * 2000) times their weight; with no reliable sample, the joined text decides.
 */
export function detectDocumentLang(samples: Array<string | LangSample>, opts: DetectOptions = {}): Lang | 'und' {
  const list = samples.map((s) => (typeof s === 'string' ? { text: s, weight: 1 } : s))
  const guesses = list.map((s) => detectLang(s.text, opts))
  return voteLanguage(list.map((s, i) => ({ guess: guesses[i], weight: Math.min(s.text.length, 2000) * (s.weight ?? 1) }))) ??
    (list.length ? detectLang(list.map((s) => s.text).join(' ').slice(0, 4000), opts).lang : 'und')
}

/** The language with most weight among reliable guesses, or null when none is reliable. */
export function voteLanguage(votes: Array<{ guess: LangGuess; weight: number }>): Lang | null {
  const tally = new Map<Lang, number>()
  for (const { guess, weight } of votes) {
    if (guess.lang !== 'und' && guess.reliable) tally.set(guess.lang, (tally.get(guess.lang) ?? 0) + weight)
  }
  let best: Lang | null = null
  let bestWeight = 0
  for (const [l, w] of tally) if (w > bestWeight) [best, bestWeight] = [l, w]
  return best
}
