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

// eslint-disable-next-line no-misleading-character-class -- single code points tested one at a time (ZWJ among them)
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
    // Lower case again after NFKD: compatibility forms decompose to capitals ("𝐀" → "A").
    const d = seg.toLowerCase().normalize('NFKD').toLowerCase()
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

/** 0, 1, 2, …: identity offset maps are views of it (grown as needed). */
let identity = Int32Array.from({ length: 4097 }, (_, i) => i)

function identityUpTo(n: number): Int32Array {
  if (identity.length <= n) identity = Int32Array.from({ length: Math.max(n + 1, 2 * identity.length) }, (_, i) => i)
  return identity
}

/** True for a unit that `\s` matches (what `collapseWhitespace` folds). */
function isWhite(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && isWhiteUnit(code))
}

/**
 * Folds `s` under `fold` and maps every folded character back to its original offset. Case is folded,
 * diacritics are folded as the profile says (for 'search' all of them), confusables inside Latin words are
 * folded (see confusables.ts), soft hyphens and zero-width characters vanish, typographic apostrophes
 * become "'" and (optionally) white space runs become one space.
 *
 * Most text folds unit for unit (a capital to its small letter, "’" to "'"): while it does, only the folded
 * units are written, and if the whole text does, the maps are views of one shared identity array. The first
 * unit that does not (a mark, a deletion, an expansion, a second blank) switches to writing the maps.
 */
export function normalizeWithMap(s: string, fold: FoldProfile, opts: NormalizeOptions = {}): NormalizedText {
  const collapse = opts.collapseWhitespace ?? false
  const reuse = opts.reuseBuffers ?? false
  const plan = planConfusableFoldText(s)
  const len = s.length
  const units = unitTable(fold)
  if (scratch.length < len + 16) scratch = new Uint16Array(Math.max(len + 16, 2 * scratch.length))
  const out = scratch
  // Phase 1: unit for unit, maps left implicit.
  let i = 0
  if (!plan) {
    let lastSpace = false
    for (; i < len; i++) {
      const c = s.charCodeAt(i)
      let f: number
      if (c < 0x80) {
        if (collapse && (c === 32 || (c >= 9 && c <= 13))) {
          if (lastSpace) break
          lastSpace = true
          f = 32
        } else {
          lastSpace = false
          f = c >= 65 && c <= 90 ? c + 32 : c
        }
      } else {
        if ((c >= 0xd800 && c <= 0xdfff) || (collapse && isWhiteUnit(c))) break
        const folded = (units[c] ??= foldSegment(String.fromCharCode(c), fold))
        if (folded.length !== 1) break
        f = folded.charCodeAt(0)
        if (collapse && isWhite(f)) break
        lastSpace = false
      }
      // A combining mark after this unit makes one segment of both: leave it to phase 2.
      if (i + 1 < len) {
        const d = s.charCodeAt(i + 1)
        if (d >= 0x300 && MARK.test(s[i + 1])) break
      }
      out[i] = f
    }
    if (i === len) {
      const id = identityUpTo(len)
      return { text: UTF16.decode(out.subarray(0, len)), map: id.subarray(0, len), ends: id.subarray(1, len + 1) }
    }
  }
  // Phase 2: from unit i on, segment by segment, with the maps written (units before i map to themselves).
  let cap = len + 16
  if (reuse && sharedMap.length < cap) {
    sharedMap = new Int32Array(Math.max(cap, 2 * sharedMap.length))
    sharedEnds = new Int32Array(sharedMap.length)
  }
  let map = reuse ? sharedMap : new Int32Array(cap)
  let ends = reuse ? sharedEnds : new Int32Array(cap)
  let buf = out
  cap = Math.min(buf.length, map.length)
  for (let k = 0; k < i; k++) {
    map[k] = k
    ends[k] = k + 1
  }
  let n = i
  let lastSpace = n > 0 && buf[n - 1] === 32 && collapse
  const planned = plan ? [...plan.keys()].sort((a, b) => a - b) : []
  let p = 0
  let nextPlanned = planned.length ? planned[0] : -1
  while (i < len) {
    const c = s.charCodeAt(i)
    while (nextPlanned >= 0 && nextPlanned < i) nextPlanned = ++p < planned.length ? planned[p] : -1
    let replaced: string | undefined
    if (i === nextPlanned) {
      replaced = plan!.get(i)
      nextPlanned = ++p < planned.length ? planned[p] : -1
    }
    let j = i + (c >= 0xd800 && c <= 0xdbff && i + 1 < len ? 2 : 1)
    while (j < len && s.charCodeAt(j) >= 0x300 && MARK.test(s[j])) j++
    let folded: string
    if (replaced === undefined && j === i + 1) {
      if (c < 0x80) folded = c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : ASCII[c]
      else folded = units[c] ??= foldSegment(String.fromCharCode(c), fold)
    } else folded = foldSegment(replaced ?? s.slice(i, j), fold)
    if (n + folded.length > cap) {
      const grown = Math.max(2 * cap, n + folded.length + 16)
      const o = new Uint16Array(grown), m = new Int32Array(grown), e = new Int32Array(grown)
      o.set(buf.subarray(0, n)), m.set(map.subarray(0, n)), e.set(ends.subarray(0, n))
      buf = scratch = o, map = m, ends = e, cap = grown
      if (reuse) sharedMap = m, sharedEnds = e
    }
    for (let k = 0; k < folded.length; k++) {
      let code = folded.charCodeAt(k)
      if (collapse && isWhite(code)) {
        if (lastSpace) {
          ends[n - 1] = j
          continue
        }
        lastSpace = true
        code = 32
      } else lastSpace = false
      buf[n] = code
      map[n] = i
      ends[n] = j
      n++
    }
    i = j
  }
  const text = UTF16.decode(buf.subarray(0, n))
  return { text, map: map.subarray(0, n), ends: ends.subarray(0, n) }
}

/** The one-unit strings of ASCII, for phase 2's ASCII units. */
const ASCII = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c))

/** Maps a span [start, end) of folded text back to the original text's offsets. */
export function toOriginalSpan(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = start < n.map.length ? n.map[start] : n.ends.length ? n.ends[n.ends.length - 1] : 0
    return { start: at, end: at }
  }
  return { start: n.map[start], end: n.ends[end - 1] }
}

/**
 * Folds of short texts (terms, queries), remembered: an import folds each term to match it against the
 * termbase, again to index it, and the search folds it a third time. Bounded; long texts are not kept.
 */
const searchFolds = new Map<string, string>()
const SEARCH_FOLD_MAX_LENGTH = 80
const SEARCH_FOLDS_KEPT = 150_000

/**
 * Folds for the search box: NFKD, case fold, every diacritic stripped (e = é, ä → a, ø → o), confusables
 * folded, white space collapsed and trimmed.
 */
export function foldForSearch(s: string): string {
  const cached = s.length <= SEARCH_FOLD_MAX_LENGTH ? searchFolds.get(s) : undefined
  if (cached !== undefined) return cached
  const folded = normalizeWithMap(s, 'search', { collapseWhitespace: true }).text.trim()
  if (s.length <= SEARCH_FOLD_MAX_LENGTH) {
    if (searchFolds.size >= SEARCH_FOLDS_KEPT) searchFolds.clear()
    searchFolds.set(s, folded)
  }
  return folded
}

/**
 * Folds for term matching in one language: case folding and confusables always; diacritics per language
 * (fi/sv keep ä ö å, fi also š ž; nb/da keep æ ø å; fr and en fold é è ê à ç … to base letters; Cyrillic
 * keeps й and folds ё to е).
 */
export function foldForMatch(s: string, lang: Lang): string {
  return normalizeWithMap(s, lang).text
}
