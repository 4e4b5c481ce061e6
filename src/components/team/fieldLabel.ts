// Human-readable labels for the fields and values of the team termbase, shared by the review views.
import { parseTermKey } from '../../core/team/layout'

/** "дедовщина (ru) · status" for a term field, the field name for a concept field. */
export function fieldLabel(field: string | null, termText: (termId: string) => string | undefined): string {
  if (!field) return ''
  const tk = parseTermKey(field)
  if (!tk) return field
  return `${termText(tk.termId) ?? tk.termId} · ${tk.field}`
}

/** A field value as plain text (JSON for lists and maps, empty for none). */
export function valueText(v: unknown): string {
  if (v === undefined || v === null) return '—'
  return typeof v === 'string' ? v : JSON.stringify(v)
}
