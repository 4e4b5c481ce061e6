// Import problems (glossary file issues, report read errors) in the interface language: core gives them English text plus a code and values.
import i18next from 'i18next'
import type { ImportIssue } from '../core/csv'
import type { CodedMessage } from '../core/message'
import type { EntryProblem } from '../core/validateEntry'
import { problemText } from './problemText'


/** `namespace.code` translated with the params, or null when the code has no text there. */
function translated(namespace: string, c: CodedMessage): string | null {
  if (!c.code) return null
  const key = `${namespace}.${c.code}`
  return i18next.exists(key, c.params) ? i18next.t(key, c.params) : null
}

/**
 * A glossary import issue as a sentence in the interface language (`importIssue.<code>`), else its English message.
 * A termbase rule problem ('entryProblem') is told as the editor tells it (problemDetail, see problemText.ts).
 */
export function issueText(issue: ImportIssue): string {
  const p = issue.params ?? {}
  if (issue.code === 'entryProblem' && i18next.exists(`problemDetail.${p.problem}`)) {
    const problem: Pick<EntryProblem, 'code' | 'params'> = { code: String(p.problem) as EntryProblem['code'], params: p }
    return problemText(problem as EntryProblem, String(p.id))
  }
  // An over-long field is named in the interface language too (importIssue.field.<field>).
  if (issue.code === 'fieldTooLong' && i18next.exists(`importIssue.field.${p.field}`))
    return translated('importIssue', { ...issue, params: { ...p, field: i18next.t(`importIssue.field.${p.field}`, { lang: p.lang }) } }) ?? issue.message
  return translated('importIssue', issue) ?? issue.message
}

/**
 * A report that could not be read, as the user should read it (`reportError.<code>`, prefixed with the file when
 * `params.file` names one), else its message. Takes what a failed import keeps: an Error, or { message, code, params }.
 */
export function reportErrorText(e: unknown): string {
  const c: CodedMessage = e instanceof Error || (typeof e === 'object' && e !== null && 'message' in e) ? (e as CodedMessage) : { message: String(e) }
  const text = translated('reportError', c)
  if (text === null) return c.message
  const file = c.params?.file
  return file === undefined ? text : i18next.t('reportError.inFile', { file, text })
}
