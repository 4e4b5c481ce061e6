// The documents QA checks read: passages mapped back to the original text, the language each passage is checked in, and URLs to skip.
import { isLang, type Lang, type PassageKind } from '../model'
import { projectMapOf } from '../segment/reconstruct'
import type { Exclusion } from '../segment/types'

/** A passage as the checks need it; `SegmentedPassage` and the segmenter's `Passage` fit. */
export interface QaPassage {
  text: string
  /** Span of the passage in the original text. */
  start: number
  end: number
  lang?: Lang | 'und'
  kind?: PassageKind
  /** Sub-spans of [start, end) the text leaves out (the segmenter's `Passage.excluded`): makes offsets exact. */
  excluded?: readonly Exclusion[]
  sentences?: readonly { text: string }[]
}

/** A report to check: its id (file name or database id), language, original text and passages. */
export interface QaDocument {
  id: string
  lang: Lang
  text: string
  /** Passages from `segmentDocument`; when missing or empty, the whole text is one passage. */
  passages?: readonly QaPassage[]
}

/** A passage ready for checking: its text, the language it is checked in, and the map back to the original. */
export interface MappedPassage {
  /** Position in the document's passage list. */
  index: number
  text: string
  kind?: PassageKind
  /** The language the passage is matched and judged in (see `checkLanguage`). */
  lang: Lang
  /** True when the passage is in another language than the report (a quote, a translated block). */
  quoted: boolean
  start: number
  end: number
  /** map[i]: offset in the original text of text[i] (computed on first use). */
  readonly map: Int32Array
  /** Spans of URLs in the passage text: checks skip what lies inside. */
  urls: Array<[number, number]>
}

const NORDIC: ReadonlySet<Lang> = new Set<Lang>(['nb', 'da', 'sv'])

/**
 * The language a passage is checked in. A passage detected as another language than the report is checked in
 * that language (English quotes in a French report, English blocks in a Finnish one), except that Nordic
 * languages are not told apart inside a Nordic report (detection confuses Danish and Norwegian) and Russian
 * passages (footnote titles) keep the report's language (Russian terms are always looked for).
 */
export function checkLanguage(docLang: Lang, passageLang: Lang | 'und' | undefined): Lang {
  if (!passageLang || passageLang === 'und' || !isLang(passageLang) || passageLang === 'ru') return docLang
  if (NORDIC.has(passageLang) && NORDIC.has(docLang)) return docLang
  return passageLang
}

/**
 * Maps every code unit of a passage's text to its offset in the original text. Exact through `excluded` when
 * the passage has it; otherwise by aligning the passage text as a subsequence of its span (whitespace may be
 * collapsed, hyphens and markers dropped); identity when the text is the span itself.
 */
export function passageOffsetMap(original: string, p: QaPassage, into: Int32Array = new Int32Array(p.text.length)): Int32Array {
  if (p.end - p.start === p.text.length && original.startsWith(p.text, p.start)) {
    for (let i = 0; i < into.length; i++) into[i] = p.start + i
    return into
  }
  return (p.excluded && projectMapOf(original, p.start, p.end, p.excluded, p.text, into)) || alignSubsequence(original, p, into)
}

const isBlank = (c: string) => /\s/.test(c)

/** Greedy alignment of the passage text onto its span; characters that cannot be placed map to the last placed one. */
function alignSubsequence(original: string, p: QaPassage, map: Int32Array): Int32Array {
  let j = p.start
  let last = p.start
  for (let i = 0; i < p.text.length; i++) {
    const c = p.text[i]
    let k = j
    const limit = Math.min(original.length, p.end + 64)
    while (k < limit && !(original[k] === c || (isBlank(c) && isBlank(original[k])))) k++
    if (k < limit) {
      map[i] = k
      last = k
      j = k + 1
      if (isBlank(c)) while (j < limit && isBlank(original[j]) && i + 1 < p.text.length && !isBlank(p.text[i + 1])) j++
    } else map[i] = last
  }
  return map
}

/** Original span of the passage-text span [a, b), through the passage's map. */
export function toOriginal(original: string, mp: MappedPassage, a: number, b: number): { start: number; end: number } {
  if (b <= a) return { start: mp.map[a] ?? mp.end, end: mp.map[a] ?? mp.end }
  const start = mp.map[a]
  const lastAt = mp.map[b - 1]
  const c = original.charCodeAt(lastAt)
  return { start, end: lastAt + (c >= 0xd800 && c <= 0xdbff ? 2 : 1) }
}

const isWordUnit = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45

/**
 * False when `text` cannot hold a URL of `URL_RE`: every form it knows has "://", "www." or a dotted name right
 * before a "/" ("example.org/…"). Most passages have none of them (a "/" in "and/or" or a date is no URL), and
 * the regex is costly, so this cheap test runs first.
 */
function mayHoldUrl(text: string): boolean {
  if (text.includes('://') || text.includes('www.')) return true
  for (let slash = text.indexOf('/'); slash >= 0; slash = text.indexOf('/', slash + 1)) {
    let i = slash - 1
    while (i >= 0 && isWordUnit(text.charCodeAt(i))) i--
    if (i < slash - 1 && i > 0 && text.charCodeAt(i) === 46 && isWordUnit(text.charCodeAt(i - 1))) return true
  }
  return false
}

const URL_RE = /(?:https?:\/\/|www\.)[^\s<>"\])]+|\b[\w-]+(?:\.[\w-]+)+\/[^\s<>"\])]*/g

/** Spans of URLs (with a scheme, www., or a domain followed by a path) in a text. */
export function findUrls(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  if (!mayHoldUrl(text)) return out
  for (const m of text.matchAll(URL_RE)) out.push([m.index, m.index + m[0].length])
  return out
}

/** True when [a, b) overlaps one of the spans. */
export function insideAny(spans: ReadonlyArray<[number, number]>, a: number, b: number): boolean {
  for (const [s, e] of spans) if (a < e && b > s) return true
  return false
}

/** The offset maps of a report's passages: views of one buffer, each filled on first use. */
class OffsetMaps {
  private pool: Int32Array | null = null
  private readonly bases: Int32Array

  constructor(private readonly original: string, private readonly passages: readonly QaPassage[]) {
    this.bases = new Int32Array(passages.length + 1)
    for (let k = 0; k < passages.length; k++) this.bases[k + 1] = this.bases[k] + passages[k].text.length
  }

  /** The map of passage `index` (see `passageOffsetMap`). */
  of(index: number): Int32Array {
    this.pool ??= new Int32Array(this.bases[this.passages.length])
    return passageOffsetMap(this.original, this.passages[index], this.pool.subarray(this.bases[index], this.bases[index + 1]))
  }
}

/** A passage of `mapPassages`: its map is computed on first use (a getter on the class, not a closure per passage). */
class LazyMappedPassage implements MappedPassage {
  private computed: Int32Array | null = null
  constructor(
    private readonly maps: OffsetMaps,
    readonly index: number,
    readonly text: string,
    readonly kind: PassageKind | undefined,
    readonly lang: Lang,
    readonly quoted: boolean,
    readonly start: number,
    readonly end: number,
    readonly urls: Array<[number, number]>,
  ) {}

  get map(): Int32Array {
    return (this.computed ??= this.maps.of(this.index))
  }
}

/**
 * The passages of a document, mapped and with their check language; the whole text when it has none. Every
 * passage's map is a view of one buffer for the report, filled on first use: thousands of small typed arrays
 * would each cost an ArrayBuffer, and their external memory drives the garbage collector.
 */
export function mapPassages(doc: QaDocument): MappedPassage[] {
  const passages: readonly QaPassage[] = doc.passages?.length ? doc.passages : [{ text: doc.text, start: 0, end: doc.text.length, lang: doc.lang }]
  const maps = new OffsetMaps(doc.text, passages)
  return passages.map((p, index) => {
    const lang = checkLanguage(doc.lang, p.lang)
    return new LazyMappedPassage(maps, index, p.text, p.kind, lang, lang !== doc.lang, p.start, p.end, findUrls(p.text))
  })
}

/** Index of the passage whose span contains original offset `at` (binary search over sorted spans), or −1. */
export function passageAt(passages: readonly MappedPassage[], at: number): number {
  let lo = 0
  let hi = passages.length - 1
  let best = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (passages[mid].start <= at) {
      best = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  if (best >= 0 && at < passages[best].end) return passages[best].index
  for (const p of passages) if (p.start <= at && at < p.end) return p.index
  return -1
}
