// Word look-ups without cutting words out of the text: a 32-bit hash per word and a map probed by it.

import { FNV_OFFSET, FNV_PRIME } from '../text/hash'

/** The hash `splitWords` gives a word: FNV-1a over its UTF-16 units, low surrogates left out. */
export function hashWord(word: string): number {
  let h = FNV_OFFSET
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i)
    if (c < 0xdc00 || c > 0xdfff) h = Math.imul(h ^ c, FNV_PRIME)
  }
  return h
}

/** True when `text` holds `word` at `start` (compared unit by unit: `startsWith` with a position may cut a string). */
function sameUnits(word: string, text: string, start: number): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false
  return true
}

/**
 * A hash map from words to values that is looked up by a word's place in a text and its `hashWord` hash, so that
 * the word need not be cut out as a string: open addressing over the hashes, the key compared in place on a hit.
 */
export class WordMemo<T> {
  /** Per slot: 1 + the index of the entry stored there, or 0 when empty (open addressing, linear probing). */
  private slots: Int32Array
  /** Per slot: the hash of its entry. */
  private hashes: Int32Array
  /** Entries in the order stored (dense arrays, so that a new table costs two typed arrays only). */
  private readonly words: string[] = []
  private readonly values: T[] = []

  /** `expected`: about how many words will be stored (the table is sized for them, to spare growing it). */
  constructor(expected = 512) {
    let capacity = 1024
    while (capacity < 2 * expected) capacity *= 2
    this.slots = new Int32Array(capacity)
    this.hashes = new Int32Array(capacity)
  }

  /** Number of words stored. */
  get size(): number {
    return this.words.length
  }

  /** The value stored for the word `text[start, end)` whose hash is `h`. */
  get(h: number, text: string, start: number, end: number): T | undefined {
    const mask = this.slots.length - 1
    const len = end - start
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const e = this.slots[i]
      if (e === 0) return undefined
      if (this.hashes[i] === h) {
        const k = this.words[e - 1]
        if (k.length === len && sameUnits(k, text, start)) return this.values[e - 1]
      }
    }
  }

  /** Stores `value` for `word`, whose hash is `h` (`hashWord(word)`); the word must not be stored yet. */
  set(h: number, word: string, value: T): void {
    if (2 * (this.words.length + 1) > this.slots.length) this.rehash(2 * this.slots.length)
    this.words.push(word)
    this.values.push(value)
    this.place(h, this.words.length)
  }

  /** Forgets every word. */
  clear(): void {
    this.slots = new Int32Array(1024)
    this.hashes = new Int32Array(1024)
    this.words.length = 0
    this.values.length = 0
  }

  private place(h: number, entry: number): void {
    const mask = this.slots.length - 1
    let i = h & mask
    while (this.slots[i] !== 0) i = (i + 1) & mask
    this.slots[i] = entry
    this.hashes[i] = h
  }

  private rehash(capacity: number): void {
    const { slots, hashes } = this
    this.slots = new Int32Array(capacity)
    this.hashes = new Int32Array(capacity)
    for (let i = 0; i < slots.length; i++) if (slots[i] !== 0) this.place(hashes[i], slots[i])
  }
}
