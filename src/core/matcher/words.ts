// Cuts folded text into words with offsets: the units that phrase matching walks over.
import { astralClass, charClass } from '../text/charClass'
import { FNV_OFFSET, FNV_PRIME } from '../text/hash'
import type { NormalizedText } from '../text/normalize'
import { looksLikeAcronym } from './patterns'

/** The words of a folded text, with their offsets (folded) and script. */
export interface Words {
  text: string
  /** The original spelling of word i. */
  raw: (i: number) => string
  /** True when the original spelling of word i has two capitals or more (acronyms: "SOCh", "AGS"). */
  acronymLike: (i: number) => boolean
  /** Number of words; the arrays below are shared buffers, valid up to `count` until the next `splitWords`. */
  count: number
  starts: Int32Array
  ends: Int32Array
  /** hash[i]: a 32-bit hash of word i's folded units (`hashWord`), computed while splitting: see `WordMemo`. */
  hash: Int32Array
  /** Word i as a string (cut from `text` on first use: most words are only ever looked up by hash). */
  word: (i: number) => string
  /** 1 for a Cyrillic word. */
  cyr: Uint8Array
  /** True when some word is Cyrillic (else Russian terms need not be looked for). */
  anyCyr: boolean
}

// Shared by every `splitWords` call (the matcher is done with one text's words before it splits the next):
// reusing them spares the garbage collector most of a scan's allocations.
let sharedStarts = new Int32Array(1024)
let sharedEnds = new Int32Array(1024)
let sharedCyr = new Uint8Array(1024)
let sharedHash = new Int32Array(1024)
/** Words cut so far, valid where `sharedCut[i]` is the current generation (one per `splitWords` call). */
const sharedWords: string[] = []
let sharedCut = new Int32Array(1024)
let generation = 0


/** Index of the word containing folded offset `pos`, or −1 (binary search: compound hits are few). */
export function wordAt(w: Words, pos: number): number {
  let lo = 0
  let hi = w.count - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (w.starts[mid] > pos) hi = mid - 1
    else if (w.ends[mid] <= pos) lo = mid + 1
    else return mid
  }
  return -1
}

/**
 * Cuts folded text into words: runs of letters (with marks) or runs of digits, so that a footnote number
 * glued to a word ("mobilisering168") is a word of its own. Hand-rolled, as this runs on every character.
 */
export function splitWords(norm: NormalizedText, original: string): Words {
  const text = norm.text
  const gen = ++generation
  const w: Words = {
    text, count: 0, starts: sharedStarts, ends: sharedEnds, hash: sharedHash, cyr: sharedCyr, anyCyr: false,
    raw: (i) => original.slice(norm.map[w.starts[i]], norm.ends[w.ends[i] - 1]),
    acronymLike: (i) => looksLikeAcronym(original, norm.map[w.starts[i]], norm.ends[w.ends[i] - 1]),
    word: (i) => {
      if (sharedCut[i] !== gen) {
        sharedWords[i] = text.slice(w.starts[i], w.ends[i])
        sharedCut[i] = gen
      }
      return sharedWords[i]
    },
  }
  let start = -1
  let kind = 0
  let cyr = false
  let h = FNV_OFFSET
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32
    if (c >= 0xdc00 && c <= 0xdfff) continue // low surrogate: belongs to the character before
    let k: number // 0: not in a word, 1: letter or mark, 2: digit
    if (c < 0x80) k = c >= 97 && c <= 122 ? 1 : c >= 48 && c <= 57 ? 2 : c >= 65 && c <= 90 ? 1 : 0
    else {
      const cls = c >= 0xd800 && c <= 0xdbff ? astralClass(text, i) : charClass(c)
      k = cls === 3 ? 0 : cls
    }
    if (start >= 0 && k !== kind) {
      const n = w.count++
      if (n === w.starts.length) grow(w)
      w.starts[n] = start
      w.ends[n] = i
      w.hash[n] = h
      w.cyr[n] = cyr ? 1 : 0
      if (cyr) w.anyCyr = true
      start = -1
    }
    if (k && start < 0) {
      start = i
      kind = k
      cyr = false
      h = FNV_OFFSET
    }
    if (k) h = Math.imul(h ^ c, FNV_PRIME)
    if (c >= 0x400 && c <= 0x4ff) cyr = true
  }
  return w
}

/** Doubles the shared word buffers (keeping what `w` holds so far). */
function grow(w: Words): void {
  const size = 2 * w.starts.length
  const starts = new Int32Array(size)
  const ends = new Int32Array(size)
  const cyr = new Uint8Array(size)
  const hash = new Int32Array(size)
  const cut = new Int32Array(size)
  starts.set(w.starts)
  ends.set(w.ends)
  cyr.set(w.cyr)
  hash.set(w.hash)
  cut.set(sharedCut)
  w.starts = sharedStarts = starts
  w.ends = sharedEnds = ends
  w.cyr = sharedCyr = cyr
  w.hash = sharedHash = hash
  sharedCut = cut
}
