// The shape of a term candidate (from co-occurrence, machine translation or cognates) and how an accepted one becomes a Term.
import { looksLikeAcronym } from '../matcher/patterns'
import type { ConceptEntry, Glossary, Lang, Term, TermSource, TermType } from '../model'
import { newId, nowIso } from '../model'
import { phraseKey } from './ngrams'

/** Where a candidate comes from. */
export type CandidateSource = 'cooccurrence' | 'mt' | 'cognate'

/** An attestation of a candidate: a span of a report file (UTF-16 offsets into the file text as read). */
export interface CandidateEvidence {
  file: string
  start: number
  end: number
  /** The sentence around the occurrence (what becomes the term source's quote). */
  text?: string
}

/** A proposed term for a concept in a language that has none. */
export interface Candidate {
  conceptId: string
  lang: Lang
  /** The candidate as written in the corpus (its most frequent surface form) or as the model produced it. */
  text: string
  /**
   * Higher is better; comparable within one source only (for co-occurrence G², or G² re-weighted by
   * `similarity` when that is set; [0, 1] for the others).
   */
  score: number
  /** How likely a terminologist accepts it, in [0, 1], one scale for every source (see termShape.ts). */
  confidence?: number
  /** Co-occurrence only: cross-lingual string similarity to the concept's terms in other languages, in [0, 1]. */
  similarity?: number
  /**
   * Co-occurrence only: how much evidence stands behind it: `joint`, the weight of the concept's linked sentences
   * that contain it; `mass`, the weight of all the concept's linked sentences; `gloss`, times a report glosses the
   * concept's foreign term with it.
   */
  support?: { joint: number; mass: number; gloss: number }
  source: CandidateSource
  evidence: CandidateEvidence[]
}

/** Options of `candidateToTerm`. */
export interface CandidateToTermOptions {
  id?: string
  now?: string
  /** Most sources recorded (default 3). */
  maxSources?: number
}

/** The term type a candidate text suggests: acronym for "SVO", phrase for four words or more, else full form. */
function typeOf(text: string): TermType {
  const words = text.trim().split(/\s+/)
  if (words.length === 1 && looksLikeAcronym(text) && text.length <= 8) return 'acronym'
  return words.length >= 4 ? 'phrase' : 'fullForm'
}

/**
 * Builds the Term an accepted candidate becomes: status `admitted` (a translator promotes it later),
 * sources from its evidence (the file as document and the sentence around the occurrence as quote),
 * and a usage note saying how it was found.
 */
export function candidateToTerm(candidate: Candidate, conceptId: string, opts: CandidateToTermOptions = {}): Term {
  const now = opts.now ?? nowIso()
  const seen = new Set<string>()
  const sources: TermSource[] = []
  for (const ev of candidate.evidence) {
    const key = ev.file + '\u0000' + (ev.text ?? '')
    if (seen.has(key)) continue
    seen.add(key)
    sources.push(ev.text ? { doc: ev.file, quote: ev.text } : { doc: ev.file })
    if (sources.length >= (opts.maxSources ?? 3)) break
  }
  const how = { cooccurrence: 'co-occurrence in linked passages', mt: 'machine translation', cognate: 'cognate of a related language' }[candidate.source]
  return {
    id: opts.id ?? newId('t-'),
    conceptId,
    lang: candidate.lang,
    text: candidate.text.trim(),
    status: 'admitted',
    type: typeOf(candidate.text),
    note: `Suggested by ${how} (score ${round(candidate.score)}).`,
    sources,
    created: now,
    modified: now,
  }
}

const round = (x: number) => (Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(3))

/** Concepts of `glossary` that have terms in some language other than `lang` (and Russian) but none in `lang`. */
export function conceptsLackingLang(glossary: Glossary, lang: Lang): ConceptEntry[] {
  return glossary.entries.filter((e) => !e.terms.some((t) => t.lang === lang) && e.terms.some((t) => t.lang !== lang && t.lang !== 'ru'))
}

/**
 * Merges candidate lists of one concept from several sources: candidates with the same key (stemmed, folded
 * words) are one; the first list's text wins, evidence is pooled, and `score` is the best rank-based score
 * (1 / (1 + rank)) summed over the sources that proposed it, so that agreement between sources counts.
 */
export function mergeCandidates(lists: readonly (readonly Candidate[])[], lang: Lang): Candidate[] {
  const byKey = new Map<string, Candidate>()
  for (const list of lists) {
    list.forEach((c, rank) => {
      const key = phraseKey(c.text, lang)
      const prev = byKey.get(key)
      const s = 1 / (1 + rank)
      if (!prev) byKey.set(key, { ...c, score: s, evidence: [...c.evidence] })
      else {
        prev.score += s
        prev.evidence.push(...c.evidence)
      }
    })
  }
  return [...byKey.values()].sort((a, b) => b.score - a.score)
}
