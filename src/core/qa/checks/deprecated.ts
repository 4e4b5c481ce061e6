// Check: a deprecated or forbidden glossary term used in a report, with the preferred replacement in the passage's language.
import { makeFinding, type Finding } from '../findings'
import { matchCase } from '../glossaryInfo'
import type { QaContext, QaHit } from '../scan'

/**
 * Finds every occurrence of a deprecated term (check 'deprecated-term', a warning) or a forbidden one
 * ('forbidden-term', an error). The suggestion is the replacement in the passage's language (a transliteration
 * is replaced by the admitted transliteration, a full form by the preferred term); other admitted terms are
 * listed in the detail. Quoted passages in another language than the report get 'info'. Left to other checks:
 * mixed-script hits (see 'mixed-script'), and ambiguous spellings that another concept admits ("draft board").
 */
export function checkDeprecatedTerms(ctx: QaContext): Finding[] {
  const out: Finding[] = []
  for (const sd of ctx.docs) {
    for (const h of sd.hits) {
      const f = deprecatedFinding(ctx, h)
      if (f) out.push(f)
    }
  }
  return out
}

function deprecatedFinding(ctx: QaContext, h: QaHit): Finding | null {
  const { term } = h
  if (term.status !== 'deprecated' && term.status !== 'forbidden') return null
  // A generated transliteration is not the deprecated spelling itself (see 'translit-convention').
  if (h.mixedScript || h.matchedBy === 'translit') return null
  if (h.ambiguous && ctx.glossary.admittedElsewhere(term).length) return null
  const forbidden = term.status === 'forbidden'
  const replacement = ctx.glossary.replacementFor(term, h.passageLang)
  const preferred = ctx.glossary.preferredIn(term.conceptId, term.lang === 'ru' ? 'ru' : h.passageLang)
  const alsoOk = ctx.glossary
    .termsIn(term.conceptId, term.lang === 'ru' ? 'ru' : h.passageLang)
    .filter((t) => (t.status === 'preferred' || t.status === 'admitted') && t.id !== replacement?.id)
    .map((t) => t.text)
  const suggestion = replacement
    ? replacement.type === 'transliteration' && term.type === 'transliteration' ? matchCase(replacement.text, h.surface) : replacement.text
    : undefined
  const parts = [`${term.status} term «${term.text}» (${ctx.glossary.label(term.conceptId)})`]
  if (preferred && preferred.id !== replacement?.id) parts.push(`preferred: «${preferred.text}»`)
  else if (alsoOk.length) parts.push(`also admitted: ${alsoOk.slice(0, 4).map((t) => `«${t}»`).join(', ')}`)
  if (h.quoted) parts.push(`in a ${h.passageLang} passage`)
  return makeFinding({
    check: forbidden ? 'forbidden-term' : 'deprecated-term',
    severity: h.quoted ? 'info' : forbidden ? 'error' : 'warning',
    conceptId: term.conceptId, termId: term.id, term: term.text,
    docId: h.docId, passageIndex: h.passageIndex, start: h.start, end: h.end, surface: h.surface,
    ...(suggestion ? { suggestion } : {}),
    detail: parts.join('; '),
  })
}
