// Subset export: the part of a glossary to write, by language, term status and concept (for example
// "preferred terms only, en and fi, the concepts the grid's filters show"). Shared by every exporter.
import type { ConceptEntry, Glossary, Lang, TermStatus } from './model'

/** What to keep; an absent field keeps everything. */
export interface GlossarySubset {
  langs?: readonly Lang[]
  statuses?: readonly TermStatus[]
  /** Only these concepts, in the order of the glossary. */
  conceptIds?: ReadonlySet<string> | readonly string[]
}

/**
 * The glossary restricted to a subset: terms of the chosen languages and statuses, definitions of the
 * chosen languages, and only the chosen concepts; a concept left with no term is dropped.
 */
export function subsetGlossary(glossary: Glossary, subset: GlossarySubset): Glossary {
  const langs = subset.langs ? new Set(subset.langs) : null
  const statuses = subset.statuses ? new Set(subset.statuses) : null
  const ids = subset.conceptIds ? new Set(subset.conceptIds) : null
  const entries: ConceptEntry[] = []
  for (const e of glossary.entries) {
    if (ids && !ids.has(e.concept.id)) continue
    const terms = e.terms.filter((t) => (!langs || langs.has(t.lang)) && (!statuses || statuses.has(t.status)))
    if (!terms.length) continue
    const definitions = langs
      ? (Object.fromEntries(Object.entries(e.concept.definitions).filter(([l]) => langs.has(l as Lang))) as ConceptEntry['concept']['definitions'])
      : e.concept.definitions
    entries.push({ concept: { ...e.concept, definitions }, terms })
  }
  return { entries }
}
