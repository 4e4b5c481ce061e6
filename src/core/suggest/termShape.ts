// What makes a candidate a term rather than a word sequence: the noun-phrase shapes of each language
// (function words only as connectors inside, never a lone adjective), no word
// of an unrelated language, and the list ordered by one confidence in [0, 1] for every source (confidence.ts).
import type { Lang } from '../model'
import type { Candidate } from './candidates'
import { wordTokens } from './ngrams'
import { isForeignSentence, isStopwordIn } from '../text/stopwords'
import { confidenceOf } from './confidence'

/** Function words that may join the words of a term ("register over innkallinger", "report de l'incorporation"). */
const CONNECTORS: Partial<Record<Lang, ReadonlySet<string>>> = {
  en: new Set(['of', 'for', 'on', 'in', 'and', 'to', 'the', 'a', 'from', 'with', 'without']),
  fr: new Set(['de', 'du', 'des', 'd', 'à', 'au', 'aux', 'en', 'la', 'le', 'l', 'les', 'pour', 'sur', 'et', 'sous', 'non']),
  nb: new Set(['av', 'for', 'til', 'med', 'mot', 'i', 'på', 'om', 'og', 'over', 'fra', 'blant', 'seg', 'at']),
  da: new Set(['af', 'for', 'til', 'med', 'mod', 'i', 'på', 'om', 'og', 'over', 'fra', 'blandt', 'sig', 'at']),
  sv: new Set(['av', 'för', 'till', 'med', 'mot', 'i', 'på', 'om', 'och', 'över', 'från', 'bland', 'sig', 'att']),
}

/** Adjective endings: a lone adjective is not a term ("familiemæssige", "militære"). */
const ADJECTIVE_END: Partial<Record<Lang, RegExp>> = {
  da: /(?:mæssige?|iske)$/i,
  nb: /(?:messige?|iske)$/i,
  sv: /(?:mässiga?|iska)$/i,
  fr: /(?:ables?|ibles?)$/i,
  en: /(?:ous|ical|ful|less)$/i,
}

/** Common verbs that open or close word sequences without being terms (infinitives and finite forms). */
const VERBS: Partial<Record<Lang, ReadonlySet<string>>> = {
  da: new Set(['begrunde', 'begrunder', 'anvende', 'anvendes', 'fortsætte', 'modtage', 'modtager', 'oplyse', 'oplyser', 'skrive', 'skriver', 'sende', 'sendes', 'undgå', 'tjene', 'blive', 'give', 'giver', 'tage', 'tager']),
  nb: new Set(['begrunne', 'bruke', 'brukes', 'fortsette', 'motta', 'mottar', 'opplyse', 'opplyser', 'skrive', 'skriver', 'sende', 'sendes', 'unngå', 'tjene', 'gi', 'gir', 'ta', 'tar']),
  en: new Set(['said', 'says', 'reported', 'according', 'used', 'sent', 'received', 'avoid', 'serve', 'give', 'take']),
  fr: new Set(['peut', 'peuvent', 'doit', 'doivent', 'selon', 'indique', 'affirme', 'envoyé', 'reçu', 'éviter', 'servir']),
}

/**
 * True when `text` has the shape of a term in `lang`: no function word or verb at either edge, function
 * words inside only as connectors, and not a lone adjective.
 */
export function isTermShaped(text: string, lang: Lang): boolean {
  const words = wordTokens(text).map((t) => t.text.toLowerCase())
  if (!words.length) return false
  const edge = (w: string) => isStopwordIn(w, lang) || !!VERBS[lang]?.has(w)
  if (edge(words[0]) || edge(words[words.length - 1])) return false
  const connectors = CONNECTORS[lang]
  for (const w of words.slice(1, -1)) if (isStopwordIn(w, lang) && !connectors?.has(w)) return false
  if (words.length === 1 && !/^\p{Lu}{2,}/u.test(text.trim()) && ADJECTIVE_END[lang]?.test(words[0])) return false
  return true
}

/**
 * True when most of the sentences a candidate was found in are written in another language than `lang`
 * (English quoted inside a Danish report: "conscripts" is not a Danish term).
 */
export function isForeignCandidate(c: Candidate, lang: Lang): boolean {
  const texts = c.evidence.map((e) => e.text).filter((t): t is string => !!t)
  if (!texts.length) return false
  return texts.filter((t) => isForeignSentence(t, lang)).length * 2 > texts.length
}

/**
 * Keeps the term-shaped candidates of a concept's list that are not words of another language's
 * sentences, each with its confidence in [0, 1], most likely first (ties keep the list's order).
 */
export function refineCandidates(list: readonly Candidate[], lang: Lang): Candidate[] {
  const { kept, best } = termCandidates(list, lang)
  return kept.map((c) => ({ ...c, confidence: confidenceOf(c, best) })).sort((a, b) => b.confidence - a.confidence)
}

/** The candidates `refineCandidates` keeps, in the miner's order, and the best score of the co-occurrence ones among them. */
export function termCandidates(list: readonly Candidate[], lang: Lang): { kept: Candidate[]; best: number } {
  const kept = list.filter((c) => c.source === 'mt' || (isTermShaped(c.text, lang) && !isForeignCandidate(c, lang)))
  return { kept, best: Math.max(0, ...kept.filter((c) => c.source === 'cooccurrence').map((c) => c.score)) }
}
