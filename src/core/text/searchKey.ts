// A transliteration-tolerant phonetic skeleton, so that every romanisation of one Russian word finds the same glossary entry.
//
// Pipeline, per word: fold confusables and case → romanise Cyrillic (simplified English) → spell out the
// caron letters (š → sh, č → ch, ž → zh, ŝ → shch) and strip other diacritics → collapse sound classes →
// j/y → i → w → v, ou → u, x → ks → drop doubled letters → drop a glide i between vowels → word-initial ie → e.
//
// Classes (upper-case letters are symbols no folded text contains):
//   S  ш/щ/ж: schtsch shtsh sjtsj chtch shch sjtj sch shh sj sh zh zj (and "ch" when the language is French)
//   C  ч:   tsch tsj tsh (tš) tch ch tj (Swedish)
//   h  х:   kh h
//   c  ц:   ts tz c
// ISO 9's â/û (я/ю) are spelt ia/iu (except in French text, where â is just a), and Cyrillic ё counts as е.
// Trade-offs, accepted because keys only rank search hits and never decide a match on their own: ш, щ and ж
// collide (dedovshchina = dedovsjina by design; Nordic and German spell ж like ш); ordinary words can collide where they differ only in those
// classes ("ship"/"chip" in French mode, "yes"/"es", "four"/"fur", "its"/"ic", "west"/"vest", doubled letters).
// Not unified: German х "ch" with kh/h, German з "s" with z, French ж "j" with zh, ё spelt yo/jo with e.
import type { Lang } from '../model'
import { foldConfusables } from './confusables'
import { transliterate } from './translit'

/** Options of `searchKey`. */
export interface SearchKeyOptions {
  /** Language of the text, when known: in French "ch" is ш, elsewhere ч. */
  lang?: Lang | 'und'
}

const CARON: Record<string, string> = { š: 'sh', č: 'ch', ž: 'zh', ŝ: 'shch', ĉ: 'ch', ǆ: 'dzh' }
const LETTERS: Record<string, string> = { æ: 'ae', ø: 'o', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i' }
const CLASS_RE = /schtsch|shtsh|sjtsj|chtch|shch|sjtj|tsch|sch|shh|tsj|tsh|tch|zh|zj|sj|sh|ch|tj|kh|ts|tz/g
const CLASSES: Record<string, string> = {
  schtsch: 'S', shtsh: 'S', sjtsj: 'S', chtch: 'S', shch: 'S', sjtj: 'S', sch: 'S', shh: 'S', sj: 'S', sh: 'S',
  zh: 'S', zj: 'S', tsch: 'C', tsj: 'C', tsh: 'C', tch: 'C', ch: 'C', tj: 'C', kh: 'h', ts: 'c', tz: 'c',
}
const WORD_RE = /[\p{L}\p{M}\p{N}'ʹʺʼˮ’]+/gu

/** The key of one word (no white space inside). */
export function searchKeyWord(word: string, opts: SearchKeyOptions = {}): string {
  let s = foldConfusables(word.normalize('NFC')).toLowerCase()
  if (/[\u0400-\u04ff]/.test(s)) s = transliterate(s.replace(/ё/g, 'е'), 'simpleEn')
  if (opts.lang !== 'fr') s = s.replace(/[âû]/g, (c) => (c === 'â' ? 'ia' : 'iu'))
  s = s.replace(/[šČčžŝĉǆ]/g, (c) => CARON[c] ?? c).normalize('NFKD').replace(/\p{M}/gu, '')
  s = s.replace(/[æøœßđðþłı]/g, (c) => LETTERS[c] ?? c).replace(/['ʹʺʼˮ’]/g, '')
  const fr = opts.lang === 'fr'
  s = s.replace(CLASS_RE, (m) => (fr && m === 'ch' ? 'S' : CLASSES[m]))
  s = s.replace(/[jy]/g, 'i').replace(/w/g, 'v').replace(/ou/g, 'u').replace(/x/g, 'ks')
  s = s.replace(/(.)\1+/gu, '$1')
  s = s.replace(/([aeiou])i(?=[aeiou])/g, '$1').replace(/(.)\1+/gu, '$1')
  return s.replace(/^ie/, 'e')
}

/** Keys of every word of `s`, in order. */
export function searchKeyTokens(s: string, opts: SearchKeyOptions = {}): string[] {
  const out: string[] = []
  for (const m of s.matchAll(WORD_RE)) {
    const k = searchKeyWord(m[0], opts)
    if (k) out.push(k)
  }
  return out
}

/**
 * A transliteration-tolerant key of `s` (word keys joined by one space): "dedovsjina", "dedovshchina",
 * "dedovštšina", "dedovchtchina", "dedovschina" and "дедовщина" share a key, as do "voenkomat",
 * "voyenkomat", "vojenkomat", "voïenkomat", "военкомат" and "Voенkomat".
 */
export function searchKey(s: string, opts: SearchKeyOptions = {}): string {
  return searchKeyTokens(s, opts).join(' ')
}
