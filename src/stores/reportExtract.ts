// The report formats the app imports, checked by name before a file goes to the segment worker
// (which reads it with core's readReport, the path the CLI uses too).
import { ReportError, checkReportBytes } from '../core/extract/reportError'

/** The report formats the app imports. */
export const REPORT_EXTENSIONS = ['txt', 'md', 'pdf', 'doc', 'docx', 'odt', 'rtf', 'html', 'htm'] as const

/** Throws a ReportError naming the file when its type is not one the app reads, or it is over the size limit. */
export function checkReportFile(fileName: string, size = 0): void {
  const ext = fileName.toLowerCase().split('.').pop() ?? ''
  if (!(REPORT_EXTENSIONS as readonly string[]).includes(ext))
    throw new ReportError(`${fileName}: unsupported file type ".${ext}" (use .txt, .md, .pdf, .doc, .docx, .odt, .rtf or .html)`, 'unsupportedExtension', { file: fileName, ext })
  checkReportBytes(fileName, size)
}
