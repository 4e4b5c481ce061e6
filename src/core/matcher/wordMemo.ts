// Word look-ups without cutting words out of the text: a 32-bit hash per word and a map probed by it.

export const FNV_OFFSET = 0x811c9dc5 | 0
export const FNV_PRIME = 0x01000193

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
  private hashes = new Int32Array(1024)
  private keys: Array<string | undefined> = new Array(1024)
  private values: Array<T | undefined> = new Array(1024)
  /** Number of words stored. */
  size = 0

  /** The value stored for the word `text[start, end)` whose hash is `h`. */
  get(h: number, text: string, start: number, end: number): T | undefined {
    const mask = this.hashes.length - 1
    const len = end - start
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const k = this.keys[i]
      if (k === undefined) return undefined
      if (this.hashes[i] === h && k.length === len && sameUnits(k, text, start)) return this.values[i]
    }
  }

  /** Stores `value` for `word`, whose hash is `h` (`hashWord(word)`); the word must not be stored yet. */
  set(h: number, word: string, value: T): void {
    if (2 * (this.size + 1) > this.hashes.length) this.rehash(2 * this.hashes.length)
    this.place(h, word, value)
    this.size++
  }

  /** Forgets every word. */
  clear(): void {
    this.hashes = new Int32Array(1024)
    this.keys = new Array(1024)
    this.values = new Array(1024)
    this.size = 0
  }

  private place(h: number, word: string, value: T): void {
    const mask = this.hashes.length - 1
    let i = h & mask
    while (this.keys[i] !== undefined) i = (i + 1) & mask
    this.hashes[i] = h
    this.keys[i] = word
    this.values[i] = value
  }

  private rehash(capacity: number): void {
    const { hashes, keys, values } = this
    this.hashes = new Int32Array(capacity)
    this.keys = new Array(capacity)
    this.values = new Array(capacity)
    for (let i = 0; i < hashes.length; i++) if (keys[i] !== undefined) this.place(hashes[i], keys[i]!, values[i]!)
  }
}
