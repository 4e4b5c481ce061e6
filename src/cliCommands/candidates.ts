// The `candidates` CLI command: term candidates for the concepts a glossary lacks in one language, mined from report files.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { extractText } from '../core/extract'
import { isLang, type Lang } from '../core/model'
import { segmentDocument } from '../core/segment'
import type { SegmentOptions } from '../core/segment/types'
import { mineCandidates, type SuggestDocument } from '../core/suggest'
import { readGlossary } from './glossaryFile'

/** The default glossary, relative to the working directory (the repository root under `npm run cli`). */
export const DEFAULT_GLOSSARY = 'glossary/starter.json'

/** Usage line of the command. */
export const CANDIDATES_USAGE = 'candidates <report files…> --lang xx [--glossary file.tbx|.csv|.json] [--json]'

/** Reads and segments a report; offsets refer to the text as read (decoded unchanged for text files). */
async function readDocument(path: string): Promise<SuggestDocument> {
  const bytes = readFileSync(path)
  const ex = await extractText(basename(path), new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  const opts = { format: ex.format, layout: ex.layout } as SegmentOptions
  return { file: path, text: ex.text, passages: segmentDocument(ex.text, opts).passages }
}

/**
 * Runs `candidates`: `args` are report files, `--lang xx` (the language lacking terms), `--glossary` (TBX,
 * CSV or JSON; default glossary/starter.json) and `--json`. Returns the output: with `--json`,
 * `{ candidates: { [conceptId]: [{ text, score, source, evidence: [{ file, start, end }] }] } }` (offsets
 * are UTF-16 into each file's text as read), else a readable listing.
 */
export async function runCandidates(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { glossary: { type: 'string' }, lang: { type: 'string' }, json: { type: 'boolean', default: false }, top: { type: 'string' } },
  })
  if (!values.lang || !isLang(values.lang)) throw new Error(`--lang is required (one of en, fi, nb, da, sv, fr): ${CANDIDATES_USAGE}`)
  if (!positionals.length) throw new Error(`no report files: ${CANDIDATES_USAGE}`)
  const lang = values.lang as Lang
  const glossary = readGlossary(values.glossary ?? DEFAULT_GLOSSARY)
  const docs = await Promise.all(positionals.map(readDocument))
  const top = values.top ? Number(values.top) : 10
  const { candidates } = mineCandidates(docs, glossary, lang, { top })
  const out: Record<string, { text: string; score: number; source: string; evidence: { file: string; start: number; end: number }[] }[]> = {}
  for (const [id, list] of candidates)
    out[id] = list.map((c) => ({ text: c.text, score: round(c.score), source: c.source, evidence: c.evidence.map((e) => ({ file: e.file, start: e.start, end: e.end })) }))
  if (values.json) return JSON.stringify({ candidates: out }) + '\n'
  const lines: string[] = []
  for (const [id, list] of Object.entries(out)) {
    lines.push(`${id}:`)
    if (!list.length) lines.push('  (no candidate)')
    for (const c of list.slice(0, 5)) lines.push(`  ${c.text}  [${c.source} ${c.score}]  ${c.evidence.slice(0, 2).map((e) => `${basename(e.file)}:${e.start}-${e.end}`).join(' ')}`)
  }
  return lines.join('\n') + '\n'
}

const round = (x: number) => Math.round(x * 1000) / 1000
