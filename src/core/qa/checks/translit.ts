// Check: a transliteration spelt under another convention than the one the report's language uses ("Voenkomat" in Norwegian, where it is "Vojenkomat").
import type { Lang, Term } from '../../model'
import { foldForMatch } from '../../text/normalize'
import { attributeConvention, transliterate, transliterationVariants, type TranslitConvention } from '../../text/translit'
import { makeFinding, type Finding } from '../findings'
import { isAdmittedStatus, matchCase, type GlossaryInfo } from '../glossaryInfo'
import type { QaContext, QaHit } from '../scan'

/** The conventions a language's own writers use, first the one suggested when the glossary has no spelling. */
export const HOME_CONVENTIONS: Record<Lang, readonly TranslitConvention[]> = {
  en: ['bgn', 'simpleEn'], fr: ['french'], fi: ['sfs4900'], nb: ['scandinavian'], da: ['scandinavian'], sv: ['scandinavian'],
  ru: [],
}

/** Russian word finals a romanised glossary spelling may lose before an ending ("dedovshchin|a" → "dedovshchin|y"). */
const FINALS = ['yy', 'iy', 'ij', 'yj', 'ii', 'yi', 'ia', 'ya', 'ja', 'a', 'o', 'e', 'y', 'i', 'j']
/** Longest ending (Russian case ending or the report language's plural) after a romanised stem. */
const MAX_REST = 4

/** A spelling of a Russian term and the ways it may start a text word: the whole spelling, or it minus a final. */
interface Spelling {
  text: string
  folded: string
  stems: Array<{ stem: string; cut: number }>
}

function spelling(text: string, lang: Lang): Spelling {
  const folded = foldForMatch(text, lang).replace(/\s+/g, ' ').trim()
  const stems = [{ stem: folded, cut: 0 }]
  for (const f of FINALS) if (folded.endsWith(f) && folded.length - f.length >= 4) stems.push({ stem: folded.slice(0, -f.length), cut: f.length })
  return { text, folded, stems }
}

/** How `surface` (folded) is `s` plus an ending: the stem used and the ending; null when it is not. */
function fit(surface: string, s: Spelling): { cut: number; rest: string } | null {
  let best: { cut: number; rest: string } | null = null
  for (const { stem, cut } of s.stems) {
    if (!surface.startsWith(stem)) continue
    const rest = surface.slice(stem.length)
    if (rest.length <= MAX_REST && /^[\p{L}]*$/u.test(rest) && (!best || rest.length < best.rest.length)) best = { cut, rest }
  }
  return best
}

/** The reference spellings of one Russian term in one language, with their convention. */
interface Reference {
  spelling: Spelling
  convention?: TranslitConvention
}

/** Caches the spellings of each concept's Russian terms and of their admitted transliterations per language. */
class TranslitReferences {
  private readonly variants = new Map<string, Array<{ ru: Term; spelling: Spelling; convention: TranslitConvention }>>()
  private readonly refs = new Map<string, Reference[]>()

  constructor(private readonly glossary: GlossaryInfo) {}

  /** Every generated spelling of the concept's Russian terms (folded for `lang`). */
  variantsOf(conceptId: string, lang: Lang) {
    const key = `${conceptId}\u0000${lang}`
    let list = this.variants.get(key)
    if (!list) {
      list = []
      for (const ru of this.glossary.termsIn(conceptId, 'ru'))
        for (const v of transliterationVariants(ru.text)) list.push({ ru, spelling: spelling(v.text, lang), convention: v.convention })
      this.variants.set(key, list)
    }
    return list
  }

  /** The spellings `lang` admits for `ru`: the glossary's admitted transliterations, else the home convention's. */
  referencesFor(conceptId: string, ru: Term, lang: Lang): Reference[] {
    const key = `${conceptId}\u0000${ru.id}\u0000${lang}`
    let refs = this.refs.get(key)
    if (!refs) {
      const home = HOME_CONVENTIONS[lang]
      refs = this.glossary
        .termsIn(conceptId, lang)
        .filter((t) => t.type === 'transliteration' && isAdmittedStatus(t.status))
        .map((t) => ({ t, conv: attributeConvention(t.text, ru.text) }))
        .filter(({ conv }) => conv.length > 0)
        .map(({ t, conv }) => ({ spelling: spelling(t.text, lang), convention: conv.find((c) => home.includes(c)) ?? conv[0] }))
      if (!refs.length) refs = home.map((c) => ({ spelling: spelling(transliterate(ru.text, c), lang), convention: c }))
      this.refs.set(key, refs)
    }
    return refs
  }
}

/** Rebuilds a reference spelling with the surface's ending and case ("Vojenkomat" + "s"; "dedovchtchin" + "y"). */
function suggest(ref: Spelling, surface: string, rest: string, cut: number): string {
  let text = ref.text
  if (cut) {
    const stem = ref.stems.find((x) => x.cut > 0)
    if (stem) text = ref.text.slice(0, ref.text.length - stem.cut)
  }
  return matchCase(text + rest, surface)
}

function translitFinding(ctx: QaContext, refs: TranslitReferences, h: QaHit): Finding | null {
  if (h.matchedBy !== 'translit' || h.lang === 'ru' || h.mixedScript || h.ambiguous) return null
  const lang = h.passageLang
  const folded = foldForMatch(h.surface, lang).replace(/\s+/g, ' ').trim()
  let source: { ru: Term; convention: TranslitConvention; cut: number; rest: string; len: number } | null = null
  for (const v of refs.variantsOf(h.conceptId, lang)) {
    const f = fit(folded, v.spelling)
    if (f && (!source || v.spelling.folded.length - f.cut > source.len))
      source = { ru: v.ru, convention: v.convention, ...f, len: v.spelling.folded.length - f.cut }
  }
  if (!source) return null
  const references = refs.referencesFor(h.conceptId, source.ru, lang)
  if (!references.length || references.some((r) => fit(folded, r.spelling))) return null
  const ref = references[0]
  const suggestion = suggest(ref.spelling, h.surface, source.rest, source.cut)
  const used = h.convention ?? source.convention
  return makeFinding({
    check: 'translit-convention',
    severity: h.quoted ? 'info' : 'warning',
    conceptId: h.conceptId, termId: h.termId, term: h.term.text,
    docId: h.docId, passageIndex: h.passageIndex, start: h.start, end: h.end, surface: h.surface,
    suggestion,
    detail: `${used} spelling of «${source.ru.text}»; ${lang} texts use «${ref.spelling.text}»${ref.convention ? ` (${ref.convention})` : ''}`,
  })
}

/**
 * Finds transliterations of a concept's Russian terms that the passage's language does not use: a spelling the
 * matcher generated (another convention, or an alternate) which is neither an admitted transliteration of the
 * concept in that language nor, when the glossary has none, the language's own convention (fi SFS 4900,
 * nb/da/sv Nordic, fr French, en BGN or simplified English). Russian endings and plurals are allowed on both
 * sides. The suggestion is the language's spelling with the surface's ending and case.
 */
export function checkTranslitConvention(ctx: QaContext): Finding[] {
  const refs = new TranslitReferences(ctx.glossary)
  const out: Finding[] = []
  for (const sd of ctx.docs) {
    for (const h of sd.hits) {
      const f = translitFinding(ctx, refs, h)
      if (f) out.push(f)
    }
  }
  return out
}
