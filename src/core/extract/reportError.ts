// Why a report file could not be read, with a stable code and its values, so the app can say it in the interface language.
import { LIMITS, checkReportSize, formatBytes } from '../limits'
import type { MessageParams } from '../message'

/**
 * An Error of report extraction: `message` is the English text the CLI and logs show (unchanged), `code` names it
 * (`reportError.<code>` in the locales) and `params` holds what it names; `params.file` is the file, when known.
 */
export class ReportError extends Error {
  constructor(message: string, readonly code: string, readonly params: MessageParams = {}, options?: ErrorOptions) {
    super(message, options)
    this.name = 'ReportError'
  }
}

/** `e` as a ReportError that names the file `name`: its message prefixed with "name: " (unless it already is); an error without a code becomes 'unreadable'. */
export function inFile(e: unknown, name: string): ReportError {
  const msg = e instanceof Error ? e.message : String(e)
  const message = msg.startsWith(`${name}:`) ? msg : `${name}: ${msg}`
  if (e instanceof ReportError) return new ReportError(message, e.code, { ...e.params, file: name }, { cause: e })
  return new ReportError(message, 'unreadable', { file: name, detail: msg }, { cause: e })
}

/** checkReportSize, throwing a ReportError ('tooLarge'; message unchanged) when the file is larger than a report may be. */
export function checkReportBytes(name: string, size: number): void {
  try {
    checkReportSize(name, size)
  } catch (e) {
    throw new ReportError((e as Error).message, 'tooLarge', { file: name, size: formatBytes(size), max: formatBytes(LIMITS.reportFileBytes) })
  }
}
