// CLI command `check`: terminology QA of report files against a glossary (TBX, CSV or JSON), as JSON or text.
import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { isLang, type Lang } from '../core/model'
import { CHECK_IDS, DEFAULT_CHECKS, runQa, usageCounts, type CheckId, type Finding, type QaDocument } from '../core/qa'
import { segmentDocument } from '../core/segment'
import { readGlossary } from './glossaryFile'

/** Usage line of the command. */
export const CHECK_USAGE =
  'check <report.txt|.md…> [--glossary starter.json|.tbx|.csv] [--lang xx] [--checks a,b] [--json]   ' +
  `(checks: ${CHECK_IDS.join(', ')}; default all but linked-absent; offsets: UTF-16 into the file as read)`

const DEFAULT_GLOSSARY = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'glossary', 'starter.json')

/** The language of a report: --lang, else a manifest.json beside it (the corpus layout), else detected. */
function languageOf(file: string, text: string, given?: Lang): Lang {
  if (given) return given
  const manifest = join(dirname(file), 'manifest.json')
  if (existsSync(manifest)) {
    try {
      const m = JSON.parse(readFileSync(manifest, 'utf8')) as { documents?: Array<{ file: string; lang: string }> }
      const lang = m.documents?.find((d) => d.file === basename(file))?.lang
      if (lang && isLang(lang)) return lang
    } catch {
      // not a corpus manifest: detect instead
    }
  }
  const detected = segmentDocument(text.slice(0, 20000)).lang
  return detected === 'und' ? 'en' : detected
}

/** A finding as the CLI prints it. */
interface CliFinding {
  id: string
  check: CheckId
  severity: Finding['severity']
  conceptId?: string
  term?: string
  file: string
  start: number
  end: number
  surface: string
  suggestion?: string
  detail?: string
}

function lineCol(text: string, at: number): string {
  let line = 1
  let last = -1
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) {
    line++
    last = i
  }
  return `${line}:${at - last}`
}

/**
 * Runs the `check` command: reads each report (UTF-8, offsets are UTF-16 units into the text as read),
 * segments it, runs the terminology checks against the glossary (default glossary/starter.json) and returns
 * JSON `{ findings, usage }` with `--json` (usage: conceptId → file → surface → count), else a text report.
 * Throws on bad arguments or unreadable files.
 */
export async function runCheck(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      glossary: { type: 'string' },
      lang: { type: 'string' },
      checks: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  })
  if (!positionals.length) throw new Error(`usage: ${CHECK_USAGE}`)
  if (values.lang !== undefined && !isLang(values.lang)) throw new Error(`unknown language "${values.lang}"`)
  const checks = values.checks?.split(',').map((c) => c.trim()).filter(Boolean) ?? [...DEFAULT_CHECKS]
  const unknown = checks.filter((c) => !(CHECK_IDS as readonly string[]).includes(c))
  if (unknown.length) throw new Error(`unknown check(s): ${unknown.join(', ')}`)
  const glossary = readGlossary(values.glossary ?? DEFAULT_GLOSSARY)
  const texts = new Map<string, string>()
  const docs: QaDocument[] = positionals.map((file) => {
    const text = readFileSync(file, 'utf8')
    texts.set(file, text)
    const lang = languageOf(file, text, values.lang as Lang | undefined)
    return { id: file, lang, text, passages: segmentDocument(text, { lang }).passages }
  })
  const result = runQa(glossary, docs, { checks: checks as CheckId[] })
  const findings: CliFinding[] = result.findings.map((f) => ({
    id: f.id, check: f.check, severity: f.severity, conceptId: f.conceptId, term: f.term, file: f.docId,
    start: f.start, end: f.end, surface: f.surface, suggestion: f.suggestion, detail: f.detail,
  }))
  const usage = usageCounts(result.matrix)
  if (values.json) return JSON.stringify({ findings, usage }, null, 2)
  const lines = findings.map((f) => {
    const where = `${f.file}:${lineCol(texts.get(f.file) ?? '', f.start)}`
    const fix = f.suggestion ? ` → ${f.suggestion}` : ''
    return `${where}  ${f.severity.padEnd(7)} ${f.check.padEnd(19)} ${JSON.stringify(f.surface.replace(/\s+/g, ' '))}${fix}${f.detail ? `  (${f.detail})` : ''}`
  })
  const counts = new Map<string, number>()
  for (const f of findings) counts.set(f.check, (counts.get(f.check) ?? 0) + 1)
  lines.push('', `${findings.length} finding(s)${counts.size ? `: ${[...counts].map(([c, n]) => `${c} ${n}`).join(', ')}` : ''}`)
  lines.push('', 'Usage (concept: file: rendering ×count):')
  for (const cell of result.matrix.cells) {
    lines.push(`  ${cell.conceptId}  ${cell.docId}: ${cell.forms.map((f) => `${f.surface} ×${f.count}`).join(', ')}`)
  }
  return lines.join('\n')
}
