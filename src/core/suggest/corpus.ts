// The reports candidate mining reads: passages flattened into units, cross-language links into one language, and spans back into the files.
import type { Lang, PassageKind, SentenceSpan } from '../model'
import { CALIBRATION, linkPrepared, prepareLinkTarget, queryFeaturesOf, summarize, type LinkOptions, type LinkTarget, type PassageFeatures } from '../link'
import { project } from '../segment/reconstruct'
import type { Exclusion } from '../segment/types'

/** A passage as mining sees it (`segmentDocument`'s passages fit): text plus its span in the file. */
export interface SuggestPassage {
  text: string
  /** Offsets of the passage's span in the file text (UTF-16). */
  start: number
  end: number
  lang: Lang | 'und'
  kind?: PassageKind
  sentences?: readonly SentenceSpan[]
  /** Sub-spans of [start, end) that `text` leaves out (segmenter exclusions); needed to map offsets back exactly. */
  excluded?: readonly Exclusion[]
}

/** A report: its file name, its text as read, and its passages. */
export interface SuggestDocument {
  file: string
  text: string
  passages: readonly SuggestPassage[]
}

/** A passage by position: document index and passage index. */
export interface UnitRef {
  doc: number
  passage: number
}

/** A link from a passage in another language to a passage in the mined language. */
export interface LinkEdge {
  source: UnitRef
  target: UnitRef
  /** Link score in [0, 1]. */
  score: number
  /** 0 for the source's best candidate. */
  rank: number
}

/** Options of `linkToLanguage`. */
export interface LinkToLanguageOptions extends LinkOptions {
  /** Candidates kept per source passage (default 3). */
  top?: number
}

/** True for passages that take part in mining: body text and headings in a known language. */
export function isMinable(p: SuggestPassage): boolean {
  return p.kind !== 'footnote' && p.lang !== 'und' && p.text.length > 0
}

/** Links into one language, prepared once per report pair; queries can leave a concept out. */
export interface LanguageLinker {
  lang: Lang
  /**
   * The link edges of every source passage (or only of `sources`). With `ignoreConcept`, that concept's
   * feature is dropped from the queries, so links are what they would be if the concept had no terms in
   * `lang` (used by evaluations that hide a concept's terms without re-indexing the corpus).
   */
  edges(opts?: { sources?: readonly UnitRef[]; ignoreConcept?: string }): LinkEdge[]
}

/** A query without one feature key (in the passage and in its sentence windows). */
function withoutKey(q: PassageFeatures, key: string): PassageFeatures {
  if (!q.tf.has(key) && !q.windows?.some((w) => w.tf.has(key))) return q
  const out = summarize(q.features.filter((x) => x.key !== key), q.passageKind)
  if (q.windows)
    out.windows = q.windows.map((w) => {
      const tf = new Map(w.tf)
      tf.delete(key)
      return { ...w, tf, length: w.length - (w.tf.get(key) ?? 0) }
    })
  return out
}

/**
 * Prepares links from every passage written in another language (in any report, the same one included) to
 * the passages written in `lang`, once per report pair, with the link core (as `linkDocuments` does: the
 * source's features count as background for document frequencies). With a glossary matcher in
 * `opts.matcher`, shared concepts count as link evidence.
 */
export function prepareLanguageLinks(docs: readonly SuggestDocument[], lang: Lang, opts: LinkToLanguageOptions = {}): LanguageLinker {
  // The miner weighs passages by their lexical evidence and keeps its own cut: no calibrated floor.
  const o: LinkOptions = { top: 3, ...opts, langA: 'und', langB: lang, calibration: { ...CALIBRATION.lexical, weak: 0 } }
  const pick = (d: SuggestDocument, mine: boolean) => d.passages.flatMap((p, i) => (isMinable(p) && (p.lang === lang) === mine ? [i] : []))
  const targets = docs.map((d) => pick(d, true))
  const sources = docs.map((d) => pick(d, false))
  const queries = docs.map((d, a) => queryFeaturesOf(sources[a].map((i) => d.passages[i]), 'und', o))
  const position = docs.map((_, a) => new Map(sources[a].map((i, k) => [i, k])))
  const prepared: { a: number; b: number; target: LinkTarget }[] = []
  for (let b = 0; b < docs.length; b++) {
    if (!targets[b].length) continue
    const bPassages = targets[b].map((i) => docs[b].passages[i])
    for (let a = 0; a < docs.length; a++) if (sources[a].length) prepared.push({ a, b, target: prepareLinkTarget(bPassages, o, queries[a]) })
  }
  return {
    lang,
    edges({ sources: only, ignoreConcept } = {}) {
      const wanted = only ? docs.map((_, a) => only.filter((r) => r.doc === a).map((r) => position[a].get(r.passage)).filter((k): k is number => k !== undefined)) : null
      const edges: LinkEdge[] = []
      for (const { a, b, target } of prepared) {
        const ks = wanted ? wanted[a] : queries[a].map((_, k) => k)
        if (!ks.length) continue
        const qs = ks.map((k) => (ignoreConcept ? withoutKey(queries[a][k], 'c:' + ignoreConcept) : queries[a][k]))
        for (const l of linkPrepared(qs, target, o)) {
          const byLexical = [...l.candidates].sort((x, y) => y.evidence.lexical - x.evidence.lexical || x.index - y.index)
          byLexical.forEach((c, rank) => {
            edges.push({ source: { doc: a, passage: sources[a][ks[l.source]] }, target: { doc: b, passage: targets[b][c.index] }, score: c.evidence.lexical, rank })
          })
        }
      }
      return edges
    },
  }
}

/** Links every passage written in another language to the passages written in `lang` (see `prepareLanguageLinks`). */
export function linkToLanguage(docs: readonly SuggestDocument[], lang: Lang, opts: LinkToLanguageOptions = {}): LinkEdge[] {
  return prepareLanguageLinks(docs, lang, opts).edges()
}

const projections = new WeakMap<SuggestPassage, Int32Array | null>()

/** Maps [s, e) of a passage's text to offsets into its file's text (exact when the passage carries its exclusions). */
export function fileSpan(doc: SuggestDocument, p: SuggestPassage, s: number, e: number): { start: number; end: number } {
  let map = projections.get(p)
  if (map === undefined) {
    const proj = project(doc.text, p.start, p.end, p.excluded ?? [])
    map = proj.text === p.text ? proj.map : null
    projections.set(p, map)
  }
  if (map && e > s && e <= map.length) return { start: map[s], end: map[e - 1] + 1 }
  // Fallback: look for the surface in the passage's span.
  const surface = p.text.slice(s, e)
  const at = doc.text.indexOf(surface, p.start)
  return at >= 0 && at < p.end ? { start: at, end: at + surface.length } : { start: p.start, end: p.end }
}

/** The sentence of the file around [start, end): the passage sentence containing it, whitespace collapsed, at most ~300 characters. */
export function quoteAround(doc: SuggestDocument, p: SuggestPassage, start: number, end: number): string {
  const s = p.sentences?.find((x) => x.start <= start && x.end >= end)
  let q = s ? s.text : doc.text.slice(Math.max(p.start, start - 120), Math.min(p.end, end + 120))
  q = q.replace(/\s+/g, ' ').trim()
  if (q.length > 300) {
    const at = Math.max(0, q.indexOf(doc.text.slice(start, end).replace(/\s+/g, ' ')))
    const from = Math.max(0, at - 140)
    q = (from > 0 ? '… ' : '') + q.slice(from, from + 300) + (from + 300 < q.length ? ' …' : '')
  }
  return q
}
