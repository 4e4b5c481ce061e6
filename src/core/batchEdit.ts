// Batch edits of many concepts at once (the ones the search and filters show), as MultiTerm's and memoQ's batch
// operations do: set the subject field, change term statuses, find and replace in terms, definitions and notes.
// Pure: it plans every concept's new state and refuses those a termbase rule would break; db/batchEdit.ts writes
// the plan as one undoable step.
import type { ConceptEntry, Lang, Term, TermStatus } from './model'
import { validateEntry, type EntryProblem } from './validateEntry'

/** The texts find-and-replace may change. */
export const BATCH_FIELDS = ['term', 'definition', 'note'] as const
export type BatchField = (typeof BATCH_FIELDS)[number]

/** One batch operation. `lang: null` means every language. */
export type BatchOp =
  | { kind: 'subject'; value: string }
  | { kind: 'status'; lang: Lang | null; from: TermStatus | null; to: TermStatus }
  | { kind: 'replace'; find: string; replace: string; fields: readonly BatchField[]; lang: Lang | null; matchCase: boolean; wholeWord: boolean }

/** What a batch operation would do: the concepts it changes (before and after), those it may not change and why. */
export interface BatchPlan {
  changes: { before: ConceptEntry; after: ConceptEntry }[]
  refused: { entry: ConceptEntry; problems: EntryProblem[] }[]
  /** Concepts the operation leaves as they are. */
  unchanged: number
  /** Texts replaced (find and replace only). */
  replacements: number
}

/** The error a replace operation with nothing to find gives (the UI disables it; the CLI and tests see this). */
export class BatchOpError extends Error {}

/** A matcher for the find text: literal (no pattern syntax), case-insensitive unless asked, whole words optional. */
function finder(op: Extract<BatchOp, { kind: 'replace' }>): RegExp {
  if (!op.find) throw new BatchOpError('nothing to find: the find text is empty')
  const literal = op.find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const body = op.wholeWord ? `(?<![\\p{L}\\p{N}_])${literal}(?![\\p{L}\\p{N}_])` : literal
  return new RegExp(body, op.matchCase ? 'gu' : 'giu')
}

/** Applies the operation to one concept; returns its new state (the same object when nothing changes) and the replacements. */
function apply(entry: ConceptEntry, op: BatchOp, now: string, find: RegExp | null): { after: ConceptEntry; count: number } {
  let count = 0
  const replacement = op.kind === 'replace' ? op.replace : ''
  /** Replaces in one text; undefined stays undefined, and a text emptied by the replacement becomes absent (not a term's). */
  const swap = (s: string | undefined): string | undefined => {
    if (!s || !find) return s
    const out = s.replace(find, () => (count++, replacement))
    return out === s ? s : out
  }
  const inLang = (l: Lang) => !('lang' in op) || op.lang === null || op.lang === l
  const { concept } = entry
  let next = concept
  let terms: Term[] = entry.terms
  if (op.kind === 'subject') {
    const value = op.value.trim() || undefined
    if ((concept.subjectField ?? undefined) !== value) next = { ...concept, subjectField: value }
  } else if (op.kind === 'status') {
    terms = entry.terms.map((t) => (inLang(t.lang) && (op.from === null || t.status === op.from) && t.status !== op.to ? { ...t, status: op.to, modified: now } : t))
  } else {
    const fields = new Set(op.fields)
    if (fields.has('definition')) {
      const definitions = { ...concept.definitions }
      let changed = false
      for (const [l, d] of Object.entries(concept.definitions) as [Lang, string][]) {
        if (!inLang(l)) continue
        const v = swap(d)
        if (v !== d) {
          changed = true
          if (v?.trim()) definitions[l] = v
          else delete definitions[l]
        }
      }
      if (changed) next = { ...next, definitions }
    }
    // The concept's note has no language: it is edited only when every language is.
    if (fields.has('note') && op.lang === null) {
      const v = swap(concept.note)
      if (v !== concept.note) next = { ...next, note: v?.trim() ? v : undefined }
    }
    terms = entry.terms.map((t) => {
      if (!inLang(t.lang)) return t
      const swapped = fields.has('term') ? swap(t.text) ?? '' : t.text
      const note = fields.has('note') ? swap(t.note) : t.note
      if (swapped === t.text && note === t.note) return t
      return { ...t, text: swapped === t.text ? t.text : swapped.trim(), note: note?.trim() ? note : undefined, modified: now }
    })
  }
  const termsChanged = terms.some((t, i) => t !== entry.terms[i])
  if (next === concept && !termsChanged) return { after: entry, count }
  return { after: { concept: { ...next, modified: now }, terms: termsChanged ? terms : entry.terms }, count }
}

/**
 * Plans a batch operation over the given concepts. A concept the operation would leave breaking a rule (an emptied
 * term, a term that now appears twice, two preferred terms in a language) is refused as a whole, with its problems;
 * the others change. Nothing is written.
 */
export function planBatch(entries: readonly ConceptEntry[], op: BatchOp, now: string): BatchPlan {
  const find = op.kind === 'replace' ? finder(op) : null
  const plan: BatchPlan = { changes: [], refused: [], unchanged: 0, replacements: 0 }
  for (const entry of entries) {
    const { after, count } = apply(entry, op, now, find)
    if (after === entry) {
      plan.unchanged++
      continue
    }
    // The rules concern terms: a change that leaves them as they were cannot break one.
    const problems = after.terms === entry.terms ? [] : validateEntry(after)
    if (problems.length) plan.refused.push({ entry, problems })
    else {
      plan.changes.push({ before: entry, after })
      plan.replacements += count
    }
  }
  return plan
}
