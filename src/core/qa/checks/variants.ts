// Check: one concept rendered several ways inside one report (one finding per concept and report, with the forms and counts).
import { makeFinding, type Finding } from '../findings'
import { isAdmittedStatus, isShortForm } from '../glossaryInfo'
import { glossGap, normalizeSurface } from '../surface'
import type { QaContext, QaHit } from '../scan'

/** One rendering of a concept in a report: a term, or one transliteration convention of it. */
interface Rendering {
  key: string
  hits: QaHit[]
  short: boolean
  admitted: boolean
}

/** The rendering a hit belongs to: its term, split by transliteration convention for generated spellings. */
function renderingKey(h: QaHit): string {
  return h.matchedBy === 'translit' ? `${h.termId}\u0000${h.convention ?? ''}` : h.termId
}

/** Words that introduce a Russian word: "in Russian called *Zapas*", "(på russisk: …)", "en russe", "venäjäksi". */
const RUSSIAN_CUE = /(?:in russian|russian term|på russisk|russisk|en russe|russe|venäjäksi|ven\.)[^.;\n]{0,14}$/i

/**
 * Hits that introduce a concept by several renderings at once rather than compete (both sides of the pair are
 * returned, so that later uses of either are consistent with the introduction): a rendering of the same concept right after
 * another of the report's language, in brackets or quotes ("Vernepliktige («Prizyvnik»)"; but "СОЧ (SOCh)" glosses a
 * Russian source term, so SOCh is a rendering), or a transliteration introduced
 * as the Russian word ("in Russian called *Zapas*"). Introducing the Russian term or the acronym once is not an
 * inconsistency.
 */
export function glossHits(text: string, hits: readonly QaHit[]): Set<QaHit> {
  const out = new Set<QaHit>()
  const last = new Map<string, QaHit>()
  for (const h of hits) {
    const prev = last.get(h.conceptId)
    if (prev && prev.lang !== 'ru' && prev.passageIndex === h.passageIndex && prev.termId !== h.termId && h.start >= prev.end && glossGap(text.slice(prev.end, h.start))) {
      out.add(h)
      out.add(prev)
    }
    else if ((h.term.type === 'transliteration' || h.matchedBy === 'translit') && RUSSIAN_CUE.test(text.slice(Math.max(0, h.start - 40), h.start)))
      out.add(h)
    last.set(h.conceptId, h)
  }
  return out
}

/** Surface forms with counts, most frequent first: "voenkomat ×192, military commissariat ×3". */
export function formsWithCounts(hits: readonly QaHit[], limit = 12): string {
  const counts = new Map<string, number>()
  for (const h of hits) {
    const k = normalizeSurface(h.part && h.compound ? h.part.surface : h.surface)
    counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  const shown = sorted.slice(0, limit).map(([s, n]) => `«${s}» ×${n}`)
  if (sorted.length > limit) shown.push(`… ${sorted.length - limit} more`)
  return shown.join(', ')
}

/**
 * For each report and concept, the renderings used in the report's own language (quoted passages in other
 * languages, Russian source terms, compound parts, ambiguous spellings and glosses — a rendering in brackets or
 * quotes right after another, see `glossHits` — left out). A finding when two or more
 * full forms, or two or more short forms (ACS and AGS), are used: 'warning' when one of them is not admitted
 * (a deprecated term or a transliteration in a foreign convention), else 'info'. It sits on the first
 * occurrence of a rendering other than the most frequent one; the suggestion is the preferred term when the
 * report uses it, else its most frequent admitted rendering, else the preferred term.
 */
export function checkVariants(ctx: QaContext): Finding[] {
  const out: Finding[] = []
  for (const sd of ctx.docs) {
    const byConcept = new Map<string, Map<string, Rendering>>()
    const glosses = glossHits(sd.doc.text, sd.hits)
    for (const h of sd.hits) {
      if (h.quoted || h.ambiguous || h.compound || h.term.lang !== sd.doc.lang || glosses.has(h)) continue
      let renderings = byConcept.get(h.conceptId)
      if (!renderings) byConcept.set(h.conceptId, (renderings = new Map()))
      const key = renderingKey(h)
      let r = renderings.get(key)
      if (!r) {
        const admitted = isAdmittedStatus(h.term.status) && h.matchedBy !== 'translit'
        renderings.set(key, (r = { key, hits: [], short: isShortForm(h.term), admitted }))
      }
      r.hits.push(h)
    }
    for (const [conceptId, renderings] of byConcept) {
      const all = [...renderings.values()]
      const full = all.filter((r) => !r.short)
      const short = all.filter((r) => r.short)
      if (full.length < 2 && short.length < 2) continue
      const ranked = all.sort((a, b) => b.hits.length - a.hits.length || a.hits[0].start - b.hits[0].start)
      const dominant = ranked[0]
      const anchor = ranked.slice(1).map((r) => r.hits[0]).sort((a, b) => a.start - b.start)[0]
      const preferred = ctx.glossary.preferredIn(conceptId, sd.doc.lang)
      const used = preferred ? all.find((r) => r.hits[0].termId === preferred.id && r.admitted) : undefined
      const admitted = ranked.find((r) => r.admitted)
      const suggestion = used ? preferred!.text : admitted ? admitted.hits[0].term.text : (preferred?.text ?? dominant.hits[0].term.text)
      const hits = all.flatMap((r) => r.hits)
      out.push(
        makeFinding({
          check: 'variants',
          severity: all.some((r) => !r.admitted) ? 'warning' : 'info',
          conceptId, termId: anchor.termId, term: anchor.term.text,
          docId: sd.doc.id, passageIndex: anchor.passageIndex, start: anchor.start, end: anchor.end, surface: anchor.surface,
          suggestion,
          detail: `${all.length} renderings of ${ctx.glossary.label(conceptId)} in this report: ${formsWithCounts(hits)}`,
        }),
      )
    }
  }
  return out
}
