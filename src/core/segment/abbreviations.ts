// Per-language abbreviations that end in a full stop but do not end a sentence, so that
// Intl.Segmenter's breaks after "f.eks.", "ven.", "p. ex.", "e.g." or "29.9.2025." can be undone.
import type { Lang } from '../model'

/**
 * Abbreviations never found at a sentence end (a break after them is always wrong), written
 * without their final stop, lower case; multi-word ones with a single space ("p. ex").
 */
const NEVER_FINAL: Record<Lang, string[]> = {
  nb: ['f.eks', 'bl.a', 'jf', 'ca', 'pr', 'nr', 'kl', 'hhv', 'evt', 'iflg', 'ifølge', 'inkl', 'ekskl', 'dvs', 'mht', 'vedr', 'pga', 'ift', 'f', 'st', 'mill', 'mrd', 'prof', 'dr', 'hr', 'ref', 'tlf', 'ang', 'avd', 'bl. a', 'f. eks'],
  da: ['f.eks', 'bl.a', 'jf', 'ca', 'pr', 'nr', 'kl', 'hhv', 'evt', 'iflg', 'inkl', 'ekskl', 'dvs', 'mht', 'vedr', 'pga', 'ift', 'fx', 'st', 'mio', 'mia', 'mill', 'prof', 'dr', 'hr', 'ref', 'tlf', 'ang', 'afd', 'bl. a', 'f. eks', 'sml'],
  sv: ['t.ex', 'bl.a', 'jfr', 'ca', 'pga', 'dvs', 'inkl', 'exkl', 'nr', 'kl', 'resp', 'st', 'milj', 'mdr', 'prof', 'dr', 's.k', 'fr.o.m', 't.o.m', 't. ex', 'bl. a'],
  fi: ['ks', 'transl', 'esim', 'mm', 'ns', 'nk', 'n', 'ts', 'vs', 's', 'ss', 'ven', 'suom', 'engl', 'ruots', 'saks', 'ransk', 'pl', 'ml', 'va', 'klo', 'nro', 'tri', 'prof', 'v', 'vrt', 'ent', 'os', 'puh', 'yl', 'ko', 'mrd', 'milj', 'kpl', 'lk'],
  fr: ['p. ex', 'm', 'mm', 'mme', 'mlle', 'dr', 'pr', 'me', 'art', 'cf', 'env', 'n°', 'no', 'p', 'pp', 'vol', 'éd', 'chap', 'av', 'apr', 'j.-c', 'c.-à-d', 'st', 'ste', 'min', 'max', 'réf', 'fig', 'tél', 'janv', 'févr', 'avr', 'juil', 'sept', 'oct', 'nov', 'déc', 'ibid', 'op', 'cit'],
  en: ['e.g', 'i.e', 'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no', 'nos', 'vs', 'cf', 'al', 'approx', 'art', 'p', 'pp', 'vol', 'ed', 'eds', 'fig', 'gen', 'col', 'lt', 'sgt', 'capt', 'adm', 'gov', 'sen', 'rep', 'jr', 'sr', 'mt', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'ibid', 'op', 'cit', 'para', 'paras', 'sec', 'ch'],
  ru: ['т.е', 'т.к', 'т.н', 'ст', 'им', 'ул', 'г-н', 'проф', 'см', 'напр', 'рис', 'стр', 'п', 'пп', 'ч'],
}

/** Abbreviations that may also end a sentence: a break after them stands before a capital. */
const MAYBE_FINAL: Record<Lang, string[]> = {
  nb: ['mv', 'm.m', 'osv', 'o.l', 'etc'],
  da: ['mv', 'm.m', 'osv', 'o.l', 'etc', 'mfl', 'm.fl'],
  sv: ['m.m', 'osv', 'etc', 'm.fl'],
  fi: ['jne', 'ym', 'yms', 'tms', 'etc', 'eaa', 'jaa', 'eKr', 'jKr'],
  fr: ['etc', 'coll'],
  en: ['etc', 'u.s', 'u.k', 'inc', 'ltd', 'co', 'corp', 'a.m', 'p.m'],
  ru: ['т.д', 'т.п', 'г', 'гг', 'др'],
}

const COMMON = ['etc', 'ibid', 'cf', 'vs', 'e.g', 'i.e', 'no', 'art']

function toSets(src: Record<Lang, string[]>): Record<Lang, Set<string>> {
  const out = {} as Record<Lang, Set<string>>
  for (const k of Object.keys(src) as Lang[]) out[k] = new Set([...src[k], ...COMMON])
  return out
}
const NEVER = toSets(NEVER_FINAL)
const MAYBE = toSets(MAYBE_FINAL)
const ALL_NEVER = new Set(Object.values(NEVER_FINAL).flat())

/** How a sentence fragment ending in a stop relates to abbreviations. */
export type AbbreviationEnd = 'never-final' | 'maybe-final' | null

/**
 * Classifies the end of `segment` (a candidate sentence): 'never-final' when it ends with an
 * abbreviation that cannot close a sentence, an initial after a name ("Vladimir V.") or a bare
 * number or date ("29.9.2025.", "3."); 'maybe-final' for "etc.", "mv.", "osv."; null otherwise.
 */
export function abbreviationEnd(segment: string, lang: Lang | 'und'): AbbreviationEnd {
  const s = segment.trimEnd()
  if (!s.endsWith('.')) return null
  // Only the last words matter; looking at the tail keeps this linear on long sentences.
  const whole = s.slice(0, -1)
  const body = whole.length > 80 ? whole.slice(whole.length - 80) : whole
  if (whole.length < 40 && !/\p{L}/u.test(s.replace(/^[·•–—-]\s*/, ''))) return 'never-final'
  const two = /(?:^|[\s(«“"'])(\S+\s\S+)$/u.exec(body)?.[1]?.replace(/^[(«“"'[]+/, '').toLowerCase()
  const one = /(?:^|[\s(«“"'/])([^\s(«“"'/]+)$/u.exec(body)?.[1]?.replace(/^[(«“"'[]+/, '') ?? ''
  const low = one.toLowerCase()
  const never = lang === 'und' ? ALL_NEVER : NEVER[lang]
  if ((two && never.has(two)) || never.has(low)) return 'never-final'
  // An initial inside a name ("Vladimir V. Putin", "A. B. Smith"), not "categories A, B, V, or D.".
  const before = /(\S+)\s+\S+$/u.exec(body)?.[1] ?? ''
  if (/^\p{Lu}$/u.test(one) && (before === '' || /^\p{Lu}[\p{Ll}.]/u.test(before))) return 'never-final'
  if ((lang === 'und' ? MAYBE.en : MAYBE[lang]).has(low)) return 'maybe-final'
  return null
}
