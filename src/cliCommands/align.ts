// CLI command `align`: the sentences of a text and its translation, from two reports (segmented here) or from
// presegmented files (one sentence a line, as the peers' data), by length and anchors or with an embedding model.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { alignSentences, beadsToPairs, toTmx, type AlignOptions } from '../core/align'
import type { Lang } from '../core/model'
import type { Io } from '../cli'
import { readReport } from '../cli'
import { languageNeutral, sideLanguage } from './language'
import { matcherFor } from './link'
import { embedOverlaps, loadNodeEmbedder, modelSourceOf } from './nodeEmbedder'

const OPTIONS = {
  presegmented: { type: 'boolean', default: false },
  'src-lang': { type: 'string' },
  'tgt-lang': { type: 'string' },
  'lang-a': { type: 'string' },
  'lang-b': { type: 'string' },
  glossary: { type: 'string' },
  embeddings: { type: 'string' },
  'model-source': { type: 'string' },
  json: { type: 'boolean', default: false },
  tmx: { type: 'boolean', default: false },
} as const

/** Sentences of a presegmented file: one a line, the final newline ignored, nothing re-cut. */
function readLines(file: string): string[] {
  const lines = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

/** Sentences of a report (non-footnote passages, in order) with their offsets into the file's text as read. */
async function readSentences(file: string, lang: Lang | 'und') {
  const report = await readReport(file, lang === 'und' ? {} : { lang })
  const passages = lang === 'und' ? languageNeutral(report.passages) : report.passages
  return passages.filter((p) => p.kind !== 'footnote').flatMap((p) => p.sentences.map((s) => ({ passage: p.index, ...s })))
}

/**
 * `align <src> <tgt>`: aligns the sentences of a text and its translation in order, as beads of 0–4 sentences a
 * side. With --presegmented each file holds one sentence a line and --json prints `{ "beads": [ [[srcIdx…],
 * [tgtIdx…]], … ] }` (0-based line numbers). Otherwise the files are segmented, and --json prints each bead's type,
 * sentences (index, passage, start, end, text), anchor and cost; --tmx prints a TMX 1.4b memory.
 */
export async function runAlignCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: OPTIONS })
  if (positionals.length !== 2) throw new Error('expected two files, the text and its translation (see `npm run --silent cli -- help`)')
  if (values.json && values.tmx) throw new Error('choose one of --json and --tmx')
  if (!!values.embeddings !== !!values['model-source']) throw new Error('--embeddings <model id> and --model-source <folder|URL> go together')
  const [fa, fb] = positionals
  const notes: string[] = []
  const preseg = values.presegmented
  const textA = preseg ? readLines(fa).join('\n') : (await readReport(fa)).text
  const textB = preseg ? readLines(fb).join('\n') : (await readReport(fb)).text
  const srcSide = sideLanguage(textA, values['src-lang'] ?? values['lang-a'], '--src-lang', notes)
  const tgtSide = sideLanguage(textB, values['tgt-lang'] ?? values['lang-b'], '--tgt-lang', notes)
  const srcLang = srcSide.lang
  const tgtLang = tgtSide.lang
  for (const n of notes) io.err(`align: ${n}\n`)
  const sa = preseg ? readLines(fa).map((text, index) => ({ index, text })) : await readSentences(fa, srcLang)
  const sb = preseg ? readLines(fb).map((text, index) => ({ index, text })) : await readSentences(fb, tgtLang)
  const src = sa.map((s) => s.text)
  const tgt = sb.map((s) => s.text)
  const opts: AlignOptions = { srcLang, tgtLang, matcher: matcherFor(values.glossary) }
  if (values.embeddings) {
    const embedder = await loadNodeEmbedder(values.embeddings, modelSourceOf(values['model-source']!))
    opts.overlaps = { src: await embedOverlaps(embedder, src), tgt: await embedOverlaps(embedder, tgt) }
  }
  const beads = alignSentences(src, tgt, opts)
  if (values.tmx) {
    io.out(toTmx(beadsToPairs(beads, src, tgt), { srcLang: srcSide.code, tgtLang: tgtSide.code, creationTool: 'coi-termbench' }))
    return 0
  }
  if (values.json && preseg) {
    io.out(`{ "beads": [\n${beads.map((b) => `  ${JSON.stringify([b.src, b.tgt])}`).join(',\n')}\n] }\n`)
    return 0
  }
  if (values.json) {
    const side = (list: typeof sa, idx: number[]) => idx.map((i) => list[i])
    const out = beads.map((b) => ({ type: b.type, src: side(sa, b.src), tgt: side(sb, b.tgt), anchor: Number(b.anchor.toFixed(4)), cost: Number(b.cost.toFixed(4)) }))
    io.out(JSON.stringify({ srcLang, tgtLang, beads: out }, null, 2) + '\n')
    return 0
  }
  const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s).replace(/\s+/g, ' ')
  const lines = [`${basename(fa)} (${srcLang}, ${sa.length} sentences) ↔ ${basename(fb)} (${tgtLang}, ${sb.length} sentences)`]
  for (const b of beads) lines.push(`${b.type.padEnd(4)} ${clip(b.src.map((i) => src[i]).join(' '), 60).padEnd(60)} │ ${clip(b.tgt.map((j) => tgt[j]).join(' '), 60)}`)
  io.out(lines.join('\n') + '\n')
  return 0
}
