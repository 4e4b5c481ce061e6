// Turns the hand-written starter glossary (glossary/starter.json) into model entries with fixed ids and
// timestamps, so that the app's first run and the generated glossary/starter.{tbx,csv} agree exactly.
import {
  type ConceptEntry, type Glossary, type Lang, PARTS_OF_SPEECH, type PartOfSpeech, TERM_STATUSES, TERM_TYPES,
  type Term, type TermSource, type TermStatus, type TermType, isLang,
} from './model'

/** The timestamp given to every starter concept and term (created and modified). */
export const STARTER_TIMESTAMP = '2025-12-30T00:00:00.000Z'

/** A term as written in starter.json: no conceptId or timestamps; id, type and sources optional. */
export interface StarterTerm {
  id?: string
  lang: string
  text: string
  status: string
  type?: string
  partOfSpeech?: string
  note?: string
  sources?: TermSource[]
}

/** A concept entry as written in starter.json. */
export interface StarterEntry {
  concept: {
    id?: string
    subjectField?: string
    definitions?: Partial<Record<string, string>>
    note?: string
    related?: string[]
  }
  terms: StarterTerm[]
}

/** The shape of glossary/starter.json. */
export interface StarterJson {
  entries: StarterEntry[]
}

function oneOf<T extends string>(values: readonly T[], value: unknown, where: string): T {
  if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T
  throw new Error(`starter glossary: ${where}: ${JSON.stringify(value)} is not one of ${values.join(', ')}`)
}

const optional = (s: unknown): string | undefined => (typeof s === 'string' && s !== '' ? s : undefined)

/**
 * Fills in what starter.json leaves out: concept ids (`starter-N` when missing), term ids
 * (`<conceptId>-<lang>-<n>` when missing), conceptId on terms, and created/modified =
 * {@link STARTER_TIMESTAMP}. Validates languages and picklist values and throws with the entry's
 * position on anything invalid, so a broken starter file fails the build, not the user's first run.
 * Empty optional strings are dropped.
 */
export function hydrateStarter(json: unknown): Glossary {
  const data = json as StarterJson
  if (!data || !Array.isArray(data.entries)) throw new Error('starter glossary: expected { entries: [...] }')
  const t0 = STARTER_TIMESTAMP
  const ids = new Set<string>()
  const entries = data.entries.map((e, i): ConceptEntry => {
    const c = e.concept ?? {}
    const id = optional(c.id) ?? `starter-${i + 1}`
    if (ids.has(id)) throw new Error(`starter glossary: entry ${i + 1}: duplicate concept id ${id}`)
    ids.add(id)
    const definitions: Partial<Record<Lang, string>> = {}
    for (const [lang, text] of Object.entries(c.definitions ?? {})) {
      if (!isLang(lang)) throw new Error(`starter glossary: concept ${id}: unsupported definition language ${lang}`)
      if (optional(text)) definitions[lang] = text as string
    }
    const counters = new Map<string, number>()
    const terms = (e.terms ?? []).map((t, k): Term => {
      const where = `concept ${id}, term ${k + 1}`
      if (!isLang(t.lang)) throw new Error(`starter glossary: ${where}: unsupported language ${JSON.stringify(t.lang)}`)
      if (typeof t.text !== 'string' || !t.text.trim()) throw new Error(`starter glossary: ${where}: empty term`)
      const n = (counters.get(t.lang) ?? 0) + 1
      counters.set(t.lang, n)
      const term: Term = {
        id: optional(t.id) ?? `${id}-${t.lang}-${n}`,
        conceptId: id,
        lang: t.lang,
        text: t.text,
        status: oneOf<TermStatus>(TERM_STATUSES, t.status, `${where} status`),
        type: t.type === undefined ? 'fullForm' : oneOf<TermType>(TERM_TYPES, t.type, `${where} type`),
        sources: (t.sources ?? []).map((s) => (optional(s.quote) ? { doc: s.doc, quote: s.quote as string } : { doc: s.doc })),
        created: t0,
        modified: t0,
      }
      if (optional(t.partOfSpeech)) term.partOfSpeech = oneOf<PartOfSpeech>(PARTS_OF_SPEECH, t.partOfSpeech, `${where} partOfSpeech`)
      if (optional(t.note)) term.note = t.note
      return term
    })
    const concept: ConceptEntry['concept'] = { id, definitions, related: [...(c.related ?? [])], created: t0, modified: t0 }
    if (optional(c.subjectField)) concept.subjectField = c.subjectField
    if (optional(c.note)) concept.note = c.note
    return { concept, terms }
  })
  return { entries }
}
