// Term candidates by machine translation: the concept's known terms and their attested contexts, translated by whatever model is loaded.
import type { Glossary, Lang } from '../model'
import type { Candidate, CandidateEvidence } from './candidates'
import { containsTerm, sameTerm } from './equivalence'

/** Translates texts from `src` to `tgt`, in order (the ML worker's translate request fits; tests pass a fake). */
export type TranslateFn = (texts: string[], src: Lang, tgt: Lang) => Promise<string[]>

/** Options of `mineByTranslation`. */
export interface TranslationCandidateOptions {
  glossary: Glossary
  /** The language that lacks terms. */
  lang: Lang
  conceptIds: readonly string[]
  translate: TranslateFn
  /** Source languages tried, in order of preference (default en, fr, nb, da, sv, fi, ru); at most `maxSources` are used per concept. */
  sourceLangs?: readonly Lang[]
  maxSources?: number
  /** Attested contexts (term source quotes) translated per term (default 2). */
  contexts?: number
  /** Where the candidates can be checked: the L corpus as plain texts by file; occurrences become evidence. */
  corpus?: readonly { file: string; text: string }[]
}

/** The languages whose known terms are translated, in order of preference (the default `sourceLangs`). */
export const MT_SOURCE_LANGS: readonly Lang[] = ['en', 'fr', 'nb', 'da', 'sv', 'fi', 'ru']

/** Cleans a bare-term translation: no sentence punctuation, quotes or trailing period. */
function cleanTerm(s: string): string {
  return s.trim().replace(/^["'«“‘(\s]+|["'»”’)\s.;:!?]+$/g, '').trim()
}

/**
 * For each concept: its preferred (else admitted) terms in up to `maxSources` source languages are
 * translated bare, and their attested quotes are translated too. Each distinct bare translation is a
 * candidate; its score in [0, 1] is the share of the translated contexts that contain it (inflection
 * tolerant), plus agreement between source languages, plus 0.25 when it occurs in the L corpus, whose
 * occurrences become its evidence. Calls `translate` once per source language.
 */
export async function mineByTranslation(opts: TranslationCandidateOptions): Promise<Map<string, Candidate[]>> {
  const { glossary, lang, translate } = opts
  const order = (opts.sourceLangs ?? MT_SOURCE_LANGS).filter((l) => l !== lang)
  const entries = new Map(glossary.entries.map((e) => [e.concept.id, e]))
  type Job = { conceptId: string; term: string; contexts: string[] }
  const jobs = new Map<Lang, Job[]>()
  for (const id of opts.conceptIds) {
    const terms = entries.get(id)?.terms ?? []
    let used = 0
    for (const src of order) {
      if (used >= (opts.maxSources ?? 2)) break
      const t = terms.filter((x) => x.lang === src && (x.status === 'preferred' || x.status === 'admitted')).sort((a, b) => (a.status === 'preferred' ? -1 : 1) - (b.status === 'preferred' ? -1 : 1))[0]
      if (!t) continue
      used++
      const contexts = t.sources.map((s) => s.quote).filter((q): q is string => !!q && containsTerm(q, t.text, src)).slice(0, opts.contexts ?? 2)
      const list = jobs.get(src) ?? []
      list.push({ conceptId: id, term: t.text, contexts })
      jobs.set(src, list)
    }
  }
  const found = new Map<string, { text: string; support: number; langs: number }[]>()
  for (const [src, list] of jobs) {
    const texts = list.flatMap((j) => [j.term, ...j.contexts])
    const out = await translate(texts, src, lang)
    let k = 0
    for (const j of list) {
      const bare = cleanTerm(out[k++] ?? '')
      const ctx = j.contexts.map(() => out[k++] ?? '')
      if (!bare) continue
      const support = ctx.length ? ctx.filter((c) => containsTerm(c, bare, lang)).length / ctx.length : 0.5
      const cands = found.get(j.conceptId) ?? []
      const same = cands.find((c) => sameTerm(c.text, bare, lang))
      if (same) (same.support = Math.max(same.support, support)), same.langs++
      else cands.push({ text: bare, support, langs: 1 })
      found.set(j.conceptId, cands)
    }
  }
  const result = new Map<string, Candidate[]>()
  for (const id of opts.conceptIds) {
    const cands = (found.get(id) ?? []).map((c): Candidate => {
      const evidence = corpusEvidence(opts.corpus ?? [], c.text)
      const score = Math.min(1, 0.5 * c.support + 0.25 * Math.min(1, c.langs - 1) + (evidence.length ? 0.25 : 0))
      return { conceptId: id, lang, text: c.text, score, source: 'mt', evidence }
    })
    result.set(id, cands.sort((a, b) => b.score - a.score))
  }
  return result
}

/** Up to three occurrences of `term` in the corpus texts (first by file order). */
function corpusEvidence(corpus: readonly { file: string; text: string }[], term: string): CandidateEvidence[] {
  const out: CandidateEvidence[] = []
  const needle = term.toLowerCase()
  for (const d of corpus) {
    const hay = d.text.toLowerCase()
    for (let at = hay.indexOf(needle); at >= 0 && out.length < 3; at = hay.indexOf(needle, at + 1)) {
      const a = Math.max(0, d.text.lastIndexOf('.', at) + 1)
      const b = d.text.indexOf('.', at + needle.length)
      out.push({ file: d.file, start: at, end: at + term.length, text: d.text.slice(a, b < 0 ? undefined : b + 1).replace(/\s+/g, ' ').trim().slice(0, 300) })
    }
    if (out.length >= 3) break
  }
  return out
}
