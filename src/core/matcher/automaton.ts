// The two automata behind term matching: Aho-Corasick over characters (terms inside compounds) and a trie over word keys (phrases).

/**
 * An Aho-Corasick automaton over UTF-16 code units. Built once from (pattern, payload) pairs; `scan` finds
 * every occurrence of every pattern in time linear in the text length plus the number of hits.
 */
export class AhoCorasick<T> {
  private readonly children: Array<Map<number, number>> = [new Map()]
  private readonly fail: number[] = [0]
  /** Payloads of patterns ending exactly at a node, with their lengths. */
  private readonly out: Array<Array<{ len: number; payload: T }> | undefined> = [undefined]
  /** Nearest node on the failure chain that has output (−1: none). */
  private readonly dict: number[] = [-1]
  /** Number of patterns added. */
  readonly patternCount: number

  constructor(patterns: Iterable<readonly [string, T]>) {
    let count = 0
    for (const [pattern, payload] of patterns) {
      if (!pattern) continue
      let node = 0
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charCodeAt(i)
        let next = this.children[node].get(c)
        if (next === undefined) {
          next = this.children.length
          this.children.push(new Map())
          this.fail.push(0)
          this.out.push(undefined)
          this.dict.push(-1)
          this.children[node].set(c, next)
        }
        node = next
      }
      ;(this.out[node] ??= []).push({ len: pattern.length, payload })
      count++
    }
    this.patternCount = count
    this.link()
  }

  /** Number of states. */
  get nodeCount(): number {
    return this.children.length
  }

  /** Breadth-first pass computing failure and dictionary-suffix links. */
  private link(): void {
    const queue: number[] = []
    for (const child of this.children[0].values()) queue.push(child)
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]
      for (const [c, child] of this.children[node]) {
        let f = this.fail[node]
        while (f !== 0 && !this.children[f].has(c)) f = this.fail[f]
        const target = this.children[f].get(c)
        this.fail[child] = target !== undefined && target !== child ? target : 0
        const fc = this.fail[child]
        this.dict[child] = this.out[fc] ? fc : this.dict[fc]
        queue.push(child)
      }
    }
  }

  /** Calls `onHit(start, end, payload)` for every occurrence of every pattern in `text`. */
  scan(text: string, onHit: (start: number, end: number, payload: T) => void): void {
    let node = 0
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      let next = this.children[node].get(c)
      while (next === undefined && node !== 0) {
        node = this.fail[node]
        next = this.children[node].get(c)
      }
      node = next ?? 0
      for (let o = this.out[node] ? node : this.dict[node]; o > 0; o = this.dict[o]) {
        for (const { len, payload } of this.out[o]!) onHit(i + 1 - len, i + 1, payload)
      }
    }
  }
}

/** A node of a `KeyTrie`. */
export interface KeyTrieNode<T> {
  /** Children by their primary key, so that phrases with the same words share a path. */
  byPrimary: Map<string, KeyTrieNode<T>>
  /** Every key (surface, stem, oblique stems) that leads to a child. */
  edges: Map<string, Array<KeyTrieNode<T>>>
  /** Keys a modifier word may match by prefix ("civil" in "civilian"); only for words that are not last. */
  loose: Map<string, Array<KeyTrieNode<T>>>
  /** Payloads of the phrases that end here. */
  terms: T[]
}

/** One word of a phrase as inserted into a `KeyTrie`. */
export interface KeyedWord {
  /** Identifies the word (its folded surface); words with the same primary share a node. */
  primary: string
  /** Keys that match this word. */
  keys: readonly string[]
  /** Keys that match it loosely (used only when the word is not the phrase's last). */
  loose?: readonly string[]
}

function newNode<T>(): KeyTrieNode<T> {
  return { byPrimary: new Map(), edges: new Map(), loose: new Map(), terms: [] }
}

function addEdge<T>(map: Map<string, Array<KeyTrieNode<T>>>, key: string, node: KeyTrieNode<T>): void {
  const list = map.get(key)
  if (!list) map.set(key, [node])
  else if (!list.includes(node)) list.push(node)
}

/** A trie over word keys: a phrase is a path of words, each reachable by any of its keys. */
export class KeyTrie<T> {
  readonly root: KeyTrieNode<T> = newNode()
  /** Number of phrases inserted. */
  size = 0

  /** Inserts a phrase (one or more words) with its payload. */
  insert(words: readonly KeyedWord[], payload: T): void {
    let node = this.root
    words.forEach((w, i) => {
      let child = node.byPrimary.get(w.primary)
      if (!child) node.byPrimary.set(w.primary, (child = newNode()))
      for (const k of w.keys) addEdge(node.edges, k, child)
      if (i < words.length - 1) for (const k of w.loose ?? []) addEdge(node.loose, k, child)
      node = child
    })
    node.terms.push(payload)
    this.size++
  }
}

/** A position while walking a `KeyTrie`: the node and whether the last step was loose (then it cannot end a phrase). */
export interface TrieCursor<T> {
  node: KeyTrieNode<T>
  loose: boolean
}

/** Advances every cursor by one word, given that word's keys and loose keys; returns the new cursors. */
export function stepTrie<T>(
  cursors: ReadonlyArray<TrieCursor<T>>,
  keys: readonly string[],
  looseKeys: () => readonly string[],
): Array<TrieCursor<T>> {
  let next: Array<TrieCursor<T>> | undefined
  let seen: Set<KeyTrieNode<T>> | undefined
  const add = (child: KeyTrieNode<T>, loose: boolean) => {
    if (!next) {
      next = [{ node: child, loose }]
      return
    }
    if (!seen) seen = new Set(next.map((c) => c.node))
    if (seen.has(child)) return
    seen.add(child)
    next.push({ node: child, loose })
  }
  for (const { node } of cursors) {
    if (node.edges.size === 0) continue
    for (const k of keys) {
      const children = node.edges.get(k)
      if (children) for (const child of children) add(child, false)
    }
  }
  let loose: readonly string[] | undefined
  for (const { node } of cursors) {
    if (node.loose.size === 0) continue
    for (const k of (loose ??= looseKeys())) {
      const children = node.loose.get(k)
      if (children) for (const child of children) add(child, true)
    }
  }
  return next ?? NO_CURSORS
}

// Shared empty result: most words start no phrase. Callers never mutate what stepTrie returns.
const NO_CURSORS: never[] = []
