// The batch edit form's state and the operation it stands for (kept out of the component so that tests can reach it).
import type { BatchField, BatchOp } from '../../core/batchEdit'
import type { Lang, TermStatus } from '../../core/model'

/** What the form holds; {@link formOp} turns it into an operation. */
export interface BatchForm {
  kind: 'subject' | 'status' | 'replace' | 'delete'
  subject: string
  lang: Lang | ''
  from: TermStatus | ''
  to: TermStatus
  find: string
  replace: string
  fields: BatchField[]
  matchCase: boolean
  wholeWord: boolean
}

/** The operations, in the order the form offers them. */
export const KINDS = ['subject', 'status', 'replace', 'delete'] as const

/** The form's operation; null for delete, and for a replace with nothing to find. */
export function formOp(f: BatchForm): BatchOp | null {
  const lang = f.lang || null
  if (f.kind === 'subject') return { kind: 'subject', value: f.subject }
  if (f.kind === 'status') return { kind: 'status', lang, from: f.from || null, to: f.to }
  if (f.kind === 'replace' && f.find && f.fields.length)
    return { kind: 'replace', find: f.find, replace: f.replace, fields: f.fields, lang, matchCase: f.matchCase, wholeWord: f.wholeWord }
  return null
}

/** A fresh form: set the subject field, every language, terms of any status. */
export function emptyForm(): BatchForm {
  return { kind: 'subject', subject: '', lang: '', from: '', to: 'admitted', find: '', replace: '', fields: ['term', 'definition', 'note'], matchCase: false, wholeWord: false }
}
