// Term candidates from closely related languages: a Danish or Swedish term respelled by Norwegian rules (and so on), then looked for in the L corpus.
//
// Danish "værnepligt", Norwegian "verneplikt" and Swedish "värnplikt" share a skeleton once the spelling
// differences between the three are folded away (æ/ä → e, ø/ö → o, aa → å, voiced stops after vowels,
// -gt → -kt, -sjon/-tion → -sion, ck → k, doubled letters, j/y after a vowel → i). A corpus n-gram of L whose
// skeleton equals, or is within a small edit distance of, a related-language term's skeleton is a candidate,
// scored by orthographic similarity and frequency.
import type { Glossary, Lang } from '../model'
import { damerauLevenshtein } from '../text/editDistance'
import type { Candidate, CandidateEvidence } from './candidates'
import { fileSpan, quoteAround, type SuggestDocument } from './corpus'
import { foldWord, phraseKey } from './ngrams'
import type { MiningIndex } from './units'

/** Languages close enough for respelling, by language. */
export const RELATED_LANGS: Partial<Record<Lang, readonly Lang[]>> = { nb: ['da', 'sv'], da: ['nb', 'sv'], sv: ['nb', 'da'] }

const RULES: Array<[RegExp, string]> = [
  [/aa/g, 'å'], [/[æä]/g, 'e'], [/[øö]/g, 'o'], [/ck/g, 'k'], [/c(?=[eiy])/g, 's'], [/c/g, 'k'], [/ph/g, 'f'], [/th/g, 't'],
  [/q/g, 'k'], [/w/g, 'v'], [/z/g, 's'], [/x/g, 'ks'], [/sjon/g, 'sion'], [/tion/g, 'sion'],
  [/gt\b/g, 'kt'], [/([aeiouyåæøäö])[jy]/g, '$1i'], [/([aeiouyå])d/g, '$1t'], [/([aeiouyå])b/g, '$1p'], [/([aeiouyå])g/g, '$1k'],
  [/(.)\1+/g, '$1'],
]

/** The spelling skeleton of a (folded) word or phrase: Nordic spelling differences folded away. */
export function nordicSkeleton(text: string): string {
  let s = foldWord(text)
  for (const [re, to] of RULES) s = s.replace(re, to)
  return s
}

/** Options of `mineCognates`. */
export interface CognateOptions {
  conceptIds: readonly string[]
  /** Languages whose terms are respelled (default `RELATED_LANGS[lang]`). */
  from?: readonly Lang[]
  /** Candidates kept per concept (default 5). */
  top?: number
  /** Evidence spans kept per candidate (default 3). */
  maxEvidence?: number
}

/**
 * For each concept: its terms in the related languages, respelled to skeletons, matched against the
 * skeletons of the n-grams of the L corpus (`idx`, keys already without inflection endings). Score in
 * [0, 1]: orthographic similarity of the skeletons (1 − distance / length) × a frequency factor
 * (1 − 1 / (2 + occurrences)), so a frequent exact respelling outranks a rare near one.
 */
export function mineCognates(docs: readonly SuggestDocument[], idx: MiningIndex, glossary: Glossary, opts: CognateOptions): Map<string, Candidate[]> {
  const lang = idx.lang
  const from = new Set(opts.from ?? RELATED_LANGS[lang] ?? [])
  const grams = [...idx.surfaces.keys()].map((key) => ({ key, skel: nordicSkeleton(key), words: key.split(' ').length }))
  const entries = new Map(glossary.entries.map((e) => [e.concept.id, e]))
  const out = new Map<string, Candidate[]>()
  for (const conceptId of opts.conceptIds) {
    const best = new Map<string, number>()
    for (const t of entries.get(conceptId)?.terms ?? []) {
      if (!from.has(t.lang) || t.type === 'acronym') continue
      const skel = nordicSkeleton(phraseKey(t.text, t.lang))
      const words = skel.split(' ').length
      const max = Math.max(1, Math.floor(skel.length / 7))
      for (const g of grams) {
        if (g.words !== words) continue
        const d = g.skel === skel ? 0 : damerauLevenshtein(g.skel, skel, max)
        if (d > max) continue
        const sim = 1 - d / Math.max(skel.length, g.skel.length)
        if (sim > (best.get(g.key) ?? 0)) best.set(g.key, sim)
      }
    }
    const list: Candidate[] = [...best].map(([key, sim]) => {
      const freq = idx.df.get(key) ?? 0
      const forms = idx.surfaces.get(key)
      const text = forms ? [...forms].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length)[0][0] : key
      return { conceptId, lang, text, score: sim * (1 - 1 / (2 + freq)), source: 'cognate' as const, evidence: evidenceOf(docs, idx, key, opts.maxEvidence ?? 3) }
    })
    list.sort((a, b) => b.score - a.score || a.text.localeCompare(b.text))
    out.set(conceptId, list.slice(0, opts.top ?? 5))
  }
  return out
}

/** The first occurrences of `key` in the L corpus, as file spans with the sentence around. */
function evidenceOf(docs: readonly SuggestDocument[], idx: MiningIndex, key: string, max: number): CandidateEvidence[] {
  const out: CandidateEvidence[] = []
  for (let u = 0; u < idx.units.length && out.length < max; u++) {
    const g = idx.grams[u].get(key)
    if (!g) continue
    const ref = idx.units[u].ref
    const doc = docs[ref.doc]
    const p = doc.passages[ref.passage]
    const span = fileSpan(doc, p, g.start, g.end)
    out.push({ file: doc.file, start: span.start, end: span.end, text: quoteAround(doc, p, span.start, span.end) })
  }
  return out
}
