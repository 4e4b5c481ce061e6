// "Add this spelling to the glossary" for a QA finding: which findings it applies to, the statuses offered, and
// the write (a sourced variant term of the finding's concept, in the language the check judged it in).
import i18next from 'i18next'
import type { Term, TermStatus } from '../core/model'
import { newId, nowIso } from '../core/model'
import type { CheckId, Finding } from '../core/qa'
import { useDb } from '../db'
import { classifyDbError } from '../db/errors'
import { getEntry, saveEntry } from '../db/termbase'
import { quoteAround, spellingLanguage, spellingOf } from '../workers/qaJob'
import { useNotifyStore } from './notify'

/** Statuses a spelling found in a report can be added with. */
export const VARIANT_STATUSES = ['admitted', 'deprecated', 'forbidden'] as const satisfies readonly TermStatus[]
export type VariantStatus = (typeof VARIANT_STATUSES)[number]

/** Checks whose finding's surface is a spelling worth recording in the glossary. */
const ADDABLE: ReadonlySet<CheckId> = new Set<CheckId>(['misspelling', 'translit-convention', 'variants'])

/** True when "add this spelling as a variant" applies to the finding (a concept and a spelling of it). */
export function canAddVariant(f: Finding): boolean {
  return !!f.conceptId && ADDABLE.has(f.check)
}

/**
 * Records the finding's spelling as a new term of its concept: type 'variant', the chosen status, the
 * language the check judged it in (the report's; a quoted passage's own), the report file and the sentence
 * around it as source. Returns false when nothing was added (already there, or an error, which is shown).
 */
export async function addFindingVariant(f: Finding, status: VariantStatus, conceptLabel: (id: string) => string): Promise<boolean> {
  if (!canAddVariant(f)) return false
  const notify = useNotifyStore()
  const db = useDb()
  try {
    const [entry, doc, passage] = await Promise.all([
      getEntry(db, f.conceptId!),
      db.documents.get(f.docId),
      f.passageIndex === undefined ? undefined : db.passages.get(`${f.docId}:${f.passageIndex}`),
    ])
    const lang = doc ? spellingLanguage({ lang: doc.lang, passages: passage ? [passage] : [] }, passage) : null
    if (!entry || !doc || !lang) {
      notify.push('error', i18next.t('qa.variant.missing'))
      return false
    }
    const text = spellingOf(f.surface)
    const same = entry.terms.find((t) => t.lang === lang && t.text.trim().toLowerCase() === text.toLowerCase())
    if (same) {
      notify.push('info', i18next.t('qa.variant.exists', { text, status: i18next.t(`status.${same.status}`) }))
      return false
    }
    const now = nowIso()
    const term: Term = {
      id: newId('t-'), conceptId: entry.concept.id, lang, text, status, type: 'variant',
      sources: [{ doc: doc.fileName, quote: quoteAround(doc.text, passage, f.start, f.end) }], created: now, modified: now,
    }
    await saveEntry(db, { concept: entry.concept, terms: [...entry.terms, term] })
    notify.push('info', i18next.t('qa.variant.added', { text, concept: conceptLabel(entry.concept.id), status: i18next.t(`status.${status}`), lang }))
    return true
  } catch (e) {
    const msg = classifyDbError(e) === 'quota' ? i18next.t('errors.quota') : e instanceof Error ? e.message : String(e)
    notify.push('error', i18next.t('qa.variant.failed', { reason: msg }))
    return false
  }
}

