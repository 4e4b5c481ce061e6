// "Occurs in report": the concepts whose terms the glossary's matcher finds in one report's passages (each passage in
// its own language, Russian terms too), for the glossary filter that makes a report's own glossary.
import type { Matcher } from '../core/matcher'
import type { Lang } from '../core/model'

/** The passages of one report: their language and text. */
export interface ConceptsInInput {
  passages: { lang: Lang | 'und'; text: string }[]
  /** The report's language, for passages whose own is unknown. */
  lang: Lang | 'und'
}

/** The ids of the concepts found, with how many times each. */
export function runConceptsInJob(input: ConceptsInInput, matcher: Matcher | null): Record<string, number> {
  const counts: Record<string, number> = {}
  if (!matcher) return counts
  for (const p of input.passages) {
    const lang = p.lang === 'und' ? input.lang : p.lang
    if (lang === 'und') continue
    for (const h of matcher.match(p.text, lang)) counts[h.conceptId] = (counts[h.conceptId] ?? 0) + 1
  }
  return counts
}
