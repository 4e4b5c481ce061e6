// What the checks ask of the glossary: terms by id, the preferred replacement in a language, ambiguous terms.
import type { ConceptEntry, Glossary, Lang, Term, TermStatus } from '../model'
import { foldForMatch } from '../text/normalize'
import { damerauLevenshtein } from '../text/editDistance'

const STATUS_RANK: Record<TermStatus, number> = { preferred: 0, admitted: 1, deprecated: 2, forbidden: 3 }

/** True for statuses a translator may use. */
export function isAdmittedStatus(status: TermStatus): boolean {
  return status === 'preferred' || status === 'admitted'
}

/** Acronyms and abbreviations: short forms that accompany a full form rather than compete with it. */
export function isShortForm(t: Term): boolean {
  return t.type === 'acronym' || t.type === 'abbreviation'
}

const spellingKeys = new Map<string, string>()

/** A term's folded spelling in a language, white space collapsed; memoised (glossaries are re-checked after every edit). */
function spellingKey(text: string, lang: Lang): string {
  const k = lang + '\u0000' + text
  let v = spellingKeys.get(k)
  if (v === undefined) {
    if (spellingKeys.size > 300_000) spellingKeys.clear()
    spellingKeys.set(k, (v = foldForMatch(text, lang).replace(/\s+/g, ' ').trim()))
  }
  return v
}

/** Lookups over a glossary, built once per QA run. */
export class GlossaryInfo {
  readonly termById = new Map<string, Term>()
  readonly entryById = new Map<string, ConceptEntry>()
  /** Terms by language, then folded text (a spelling listed under several concepts is ambiguous); built per language on first use. */
  private readonly byFolded = new Map<Lang, Map<string, Term[]>>()

  constructor(readonly glossary: Glossary) {
    for (const e of glossary.entries) {
      this.entryById.set(e.concept.id, e)
      for (const t of e.terms) {
        const term = t.conceptId ? t : { ...t, conceptId: e.concept.id }
        this.termById.set(term.id, term)
      }
    }
  }

  private spellings(lang: Lang): Map<string, Term[]> {
    let index = this.byFolded.get(lang)
    if (index) return index
    this.byFolded.set(lang, (index = new Map()))
    for (const term of this.termById.values()) {
      if (term.lang !== lang) continue
      const key = spellingKey(term.text, lang)
      const list = index.get(key)
      if (list) list.push(term)
      else index.set(key, [term])
    }
    return index
  }

  /** Terms of a concept in a language, best status first (stable otherwise). */
  termsIn(conceptId: string, lang: Lang): Term[] {
    const terms = this.entryById.get(conceptId)?.terms.filter((t) => t.lang === lang) ?? []
    return terms.map((t, i) => [t, i] as const).sort((a, b) => STATUS_RANK[a[0].status] - STATUS_RANK[b[0].status] || a[1] - b[1]).map(([t]) => t)
  }

  /** The preferred term of a concept in a language (else the first admitted one). */
  preferredIn(conceptId: string, lang: Lang): Term | undefined {
    const best = this.termsIn(conceptId, lang)[0]
    return best && isAdmittedStatus(best.status) ? best : undefined
  }

  /**
   * What should replace `term` in a text of `lang`: an admitted spelling of the same language within two edits
   * when there is one (the deprecated term is a misspelling of it); for a transliteration, the best transliteration of the
   * concept in that language when there is one (a transliterated word is replaced by the admitted spelling),
   * otherwise the preferred term; for a Russian term, the preferred Russian term.
   */
  replacementFor(term: Term, lang: Lang): Term | undefined {
    const target = term.lang === 'ru' ? 'ru' : lang
    const terms = this.termsIn(term.conceptId, target).filter((t) => isAdmittedStatus(t.status) && t.id !== term.id)
    if (target === term.lang) {
      // A misspelt or mistransliterated term ("voenkomet", "Gosulugi") is replaced by the admitted spelling it is close to.
      const folded = foldForMatch(term.text, target)
      const close = terms.find((t) => damerauLevenshtein(folded, foldForMatch(t.text, target), 2) <= 2)
      if (close) return close
    }
    if (term.type === 'transliteration') {
      const translit = terms.find((t) => t.type === 'transliteration')
      if (translit) return translit
    }
    if (isShortForm(term)) {
      const short = terms.find(isShortForm)
      if (short) return short
    }
    return terms[0]
  }

  /** Terms of any concept spelt `text` in `lang` (after folding). */
  termsSpelt(text: string, lang: Lang): Term[] {
    return this.spellings(lang).get(spellingKey(text, lang)) ?? []
  }

  /** Other concepts that list the same spelling in the same language with an admitted status. */
  admittedElsewhere(term: Term): Term[] {
    return this.termsSpelt(term.text, term.lang).filter((t) => t.conceptId !== term.conceptId && isAdmittedStatus(t.status))
  }

  /** A label for a concept: its English preferred term, else any preferred term, else its id. */
  label(conceptId: string): string {
    const e = this.entryById.get(conceptId)
    if (!e) return conceptId
    return (this.preferredIn(conceptId, 'en') ?? e.terms.find((t) => t.status === 'preferred') ?? e.terms[0])?.text ?? conceptId
  }
}

/** Writes `word` with the case pattern of `model`: all capitals, an initial capital, or as given. */
export function matchCase(word: string, model: string): string {
  const letters = model.replace(/[^\p{L}]/gu, '')
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return word.toUpperCase()
  const first = letters[0]
  if (first && first !== first.toLowerCase() && word[0] === word[0].toLowerCase()) return word[0].toUpperCase() + word.slice(1)
  return word
}
