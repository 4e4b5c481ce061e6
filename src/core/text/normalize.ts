// Folds text for search and for per-language term matching, keeping a map back to the original offsets.
import type { Lang } from '../model'
import { planConfusableFoldText } from './confusables'

/** How to fold: 'search' folds every diacritic away; a language keeps the letters that language treats as letters. */
export type FoldProfile = 'search' | Lang

/** Folded text plus, for each of its UTF-16 units, where it came from in the original. */
export interface NormalizedText {
  text: string
  /** map[i]: original offset of the character (segment) that produced text[i]. */
  map: Int32Array
  /** ends[i]: original offset just after that segment, so that a span [a, b) maps to [map[a], ends[b-1]). */
  ends: Int32Array
}

/** Options of `normalizeWithMap`. */
export interface NormalizeOptions {
  /** Fold every run of white space (including line breaks) into one space. */
  collapseWhitespace?: boolean
  /**
   * Return `map` and `ends` as views of shared buffers, valid only until the next call that reuses them: for
   * a caller that is done with the result before it normalises again (the matcher, once per passage).
   */
  reuseBuffers?: boolean
}

const COMB_DIAERESIS = '\u0308'
const COMB_RING = '\u030a'
const COMB_CARON = '\u030c'
const COMB_BREVE = '\u0306'

/** Marks a profile keeps on a base letter (after NFKD): Finnish ä ö å š ž, Swedish ä ö å, Norwegian/Danish å. */
function keepsMark(profile: FoldProfile, base: string, mark: string): boolean {
  // Cyrillic is folded by Russian rules whatever the profile: й stays, ё becomes е.
  if (base === 'и' && mark === COMB_BREVE) return profile !== 'search'
  switch (profile) {
    case 'fi':
      return (mark === COMB_DIAERESIS && (base === 'a' || base === 'o')) || (mark === COMB_RING && base === 'a') ||
        (mark === COMB_CARON && (base === 's' || base === 'z'))
    case 'sv':
      return (mark === COMB_DIAERESIS && (base === 'a' || base === 'o')) || (mark === COMB_RING && base === 'a')
    case 'nb':
    case 'da':
      return mark === COMB_RING && base === 'a'
    default:
      return false
  }
}

/** Letters that do not decompose, folded where the profile treats them as variants of base letters. */
function foldLetters(s: string, profile: FoldProfile): string {
  if (profile === 'nb' || profile === 'da') return s.replace(/œ/g, 'oe').replace(/ß/g, 'ss')
  return s.replace(/[æøœßđðþłı]/g, (c) => LETTER_FOLDS[c] ?? c)
}
const LETTER_FOLDS: Record<string, string> = { æ: 'ae', ø: 'o', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i' }

const DELETED = /^[\u00ad\u200b\u200c\u200d\u2060\ufeff]$/
const APOSTROPHES = /^[\u2018\u2019\u02bc\u2032]$/
const HYPHENS = /^[\u2010\u2011]$/
const MARK = /^\p{M}$/u

/** True for the non-ASCII code units that `\s` matches (no-break and typographic spaces, line separators, BOM). */
function isWhiteUnit(code: number): boolean {
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}

const segmentCache = new Map<FoldProfile, Map<string, string>>()

/** Folds one segment (a code point and the combining marks after it) under a profile. */
function foldSegment(seg: string, profile: FoldProfile): string {
  let cache = segmentCache.get(profile)
  if (!cache) segmentCache.set(profile, (cache = new Map()))
  const hit = cache.get(seg)
  if (hit !== undefined) return hit
  let out: string
  if (DELETED.test(seg)) out = ''
  else if (APOSTROPHES.test(seg)) out = "'"
  else if (HYPHENS.test(seg)) out = '-'
  else {
    const d = seg.toLowerCase().normalize('NFKD')
    let kept = ''
    let base = ''
    for (const ch of d) {
      if (MARK.test(ch)) {
        if (base && keepsMark(profile, base, ch)) kept += ch
      } else {
        base = ch === 'ё' ? 'е' : ch
        kept += ch
      }
    }
    out = foldLetters(kept.normalize('NFC'), profile).replace(/ё/g, 'е')
  }
  if (cache.size < 50_000) cache.set(seg, out)
  return out
}

/** Decodes the folded UTF-16 units in one native call (little-endian, as typed arrays are on every platform we run on; a lone surrogate becomes U+FFFD, one unit, so offsets hold). */
const UTF16 = new TextDecoder('utf-16le')

/** Scratch buffer of `normalizeWithMap`'s folded units (grown as needed, never shrunk). */
let scratch = new Uint16Array(4096)
/** Shared offset maps for `reuseBuffers` callers. */
let sharedMap = new Int32Array(4096)
let sharedEnds = new Int32Array(4096)

const unitCache = new Map<FoldProfile, Array<string | undefined>>()

/** The flat memo of `foldSegment` over single UTF-16 units (with no marks after them) of a profile. */
function unitTable(profile: FoldProfile): Array<string | undefined> {
  let cache = unitCache.get(profile)
  if (!cache) unitCache.set(profile, (cache = new Array(0x10000)))
  return cache
}

/**
 * Folds `s` under `fold` and maps every folded character back to its original offset. Case is folded,
 * diacritics are folded as the profile says (for 'search' all of them), confusables inside Latin words are
 * folded (see confusables.ts), soft hyphens and zero-width characters vanish, typographic apostrophes
 * become "'" and (optionally) white space runs become one space.
 */
export function normalizeWithMap(s: string, fold: FoldProfile, opts: NormalizeOptions = {}): NormalizedText {
  const collapse = opts.collapseWhitespace ?? false
  const plan = planConfusableFoldText(s)
  let cap = s.length + 16
  // The folded units are decoded into a string at the end, so they can live in a shared scratch buffer.
  if (scratch.length < cap) scratch = new Uint16Array(Math.max(cap, 2 * scratch.length))
  let out = scratch
  const reuse = opts.reuseBuffers ?? false
  if (reuse && sharedMap.length < cap) {
    sharedMap = new Int32Array(Math.max(cap, 2 * sharedMap.length))
    sharedEnds = new Int32Array(sharedMap.length)
  }
  let map = reuse ? sharedMap : new Int32Array(cap)
  let ends = reuse ? sharedEnds : new Int32Array(cap)
  let n = 0
  let lastSpace = false
  const grow = () => {
    cap *= 2
    const o = new Uint16Array(cap), m = new Int32Array(cap), e = new Int32Array(cap)
    o.set(out.subarray(0, n)), m.set(map.subarray(0, n)), e.set(ends.subarray(0, n))
    out = scratch = o, map = m, ends = e
    if (reuse) sharedMap = m, sharedEnds = e
  }
  /** Emits one folded UTF-16 unit produced by the original segment [from, to). */
  const unit = (code: number, from: number, to: number) => {
    if (collapse && (code === 32 || (code >= 9 && code <= 13) || (code > 127 && isWhiteUnit(code)))) {
      if (lastSpace) {
        ends[n - 1] = to
        return
      }
      lastSpace = true
      code = 32
    } else lastSpace = false
    if (n === cap) grow()
    out[n] = code
    map[n] = from
    ends[n] = to
    n++
  }
  const units = unitTable(fold)
  const planned = plan ? [...plan.keys()].sort((a, b) => a - b) : []
  let nextPlanned = planned.length ? planned[0] : -1
  let p = 0
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i)
    while (nextPlanned >= 0 && nextPlanned < i) nextPlanned = ++p < planned.length ? planned[p] : -1
    if (c < 0x80 && i !== nextPlanned && !(i + 1 < s.length && s.charCodeAt(i + 1) >= 0x300 && MARK.test(s[i + 1]))) {
      // Fast path for ASCII, which is most of every report.
      if (collapse && (c === 32 || (c >= 9 && c <= 13))) {
        if (lastSpace) {
          ends[n - 1] = ++i
          continue
        }
        lastSpace = true
        if (n === cap) grow()
        out[n] = 32
      } else {
        lastSpace = false
        if (n === cap) grow()
        out[n] = c >= 65 && c <= 90 ? c + 32 : c
      }
      map[n] = i
      ends[n++] = ++i
      continue
    }
    let replaced: string | undefined
    if (i === nextPlanned) {
      replaced = plan!.get(i)
      nextPlanned = ++p < planned.length ? planned[p] : -1
    }
    let j = i + (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1)
    while (j < s.length && s.charCodeAt(j) >= 0x300 && MARK.test(s[j])) j++
    const folded =
      replaced === undefined && j === i + 1 ? (units[c] ??= foldSegment(String.fromCharCode(c), fold)) : foldSegment(replaced ?? s.slice(i, j), fold)
    for (let k = 0; k < folded.length; k++) unit(folded.charCodeAt(k), i, j)
    i = j
  }
  const text = UTF16.decode(out.subarray(0, n))
  return { text, map: map.subarray(0, n), ends: ends.subarray(0, n) }
}

/** Maps a span [start, end) of folded text back to the original text's offsets. */
export function toOriginalSpan(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = start < n.map.length ? n.map[start] : n.ends.length ? n.ends[n.ends.length - 1] : 0
    return { start: at, end: at }
  }
  return { start: n.map[start], end: n.ends[end - 1] }
}

/**
 * Folds for the search box: NFKD, case fold, every diacritic stripped (e = é, ä → a, ø → o), confusables
 * folded, white space collapsed and trimmed.
 */
export function foldForSearch(s: string): string {
  return normalizeWithMap(s, 'search', { collapseWhitespace: true }).text.trim()
}

/**
 * Folds for term matching in one language: case folding and confusables always; diacritics per language
 * (fi/sv keep ä ö å, fi also š ž; nb/da keep æ ø å; fr and en fold é è ê à ç … to base letters; Cyrillic
 * keeps й and folds ё to е).
 */
export function foldForMatch(s: string, lang: Lang): string {
  return normalizeWithMap(s, lang).text
}
