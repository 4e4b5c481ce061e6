// CLI command `link`: comparable passages of two reports (the `align` command is in align.ts).
// Usage: cli -- link <fileA> <fileB> [--glossary <file.tbx|.csv|.json>] [--top N] [--lang-a xx] [--lang-b xx] [--json]
//                    [--embeddings <model id> --model-source <folder or URL>] [--dictionary <folder> | --no-dictionary]
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { readReport } from '../cli'
import { linkDocuments } from '../core/link'
import { buildMatcher, type Matcher } from '../core/matcher'
import { isLang, type Lang } from '../core/model'
import type { Passage } from '../core/segment'
import { defaultGlossaryPath, readGlossary } from './glossaryFile'
import { languageNeutral, sideLanguage } from './language'
import { loadNodeEmbedder, modelSourceOf } from './nodeEmbedder'
import { DICT_PACK_DIR, dictPackAvailable, loadDictionaryPack } from './dictionaryPack'
import { embedLongTexts, prefixText } from '../ml/adapters/embeddings'

/** A report read and segmented; offsets of passages and sentences point into `text`, the file's text as read. */
interface Report {
  file: string
  text: string
  lang: Lang | 'und'
  passages: Passage[]
}

const OPTIONS = {
  glossary: { type: 'string' },
  top: { type: 'string' },
  'lang-a': { type: 'string' },
  'lang-b': { type: 'string' },
  json: { type: 'boolean', default: false },
  embeddings: { type: 'string' },
  'model-source': { type: 'string' },
  dictionary: { type: 'string' },
  'no-dictionary': { type: 'boolean', default: false },
} as const

/** The glossary matcher of a --glossary file, or of the starter glossary when none is given (null without one). */
export function matcherFor(glossaryFile: string | undefined): Matcher | null {
  const path = glossaryFile ?? defaultGlossaryPath()
  return path ? buildMatcher(readGlossary(path)) : null
}

/**
 * A report read and segmented in its language (the option, else detected over all languages). A language the
 * workbench does not support (German) is named in `notes` and its passages are linked as 'und', with the
 * language-independent features only, instead of being taken for the nearest supported language.
 */
async function readLinkReport(file: string, option: string | undefined, flag: string, notes: string[]): Promise<Report> {
  const given = option !== undefined && isLang(option) ? option : undefined
  const r = await readReport(file, given ? { lang: given } : {})
  const side = sideLanguage(r.text, option, flag, notes, `linking ${basename(file)}`)
  if (side.unsupported) return { file, text: r.text, lang: 'und', passages: languageNeutral(r.passages) }
  return { file, text: r.text, lang: r.lang, passages: r.passages }
}

function parse(args: string[], usage: string) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: OPTIONS })
  if (positionals.length !== 2) throw new Error(`expected two files\nusage: ${usage}`)
  return { values, files: positionals as [string, string] }
}

const LINK_USAGE =
  'link <fileA> <fileB> [--glossary <file.tbx|.csv|.json>] [--top N] [--lang-a xx] [--lang-b xx] [--json] [--embeddings <model id> --model-source <folder or URL>] [--dictionary <folder> | --no-dictionary]'

/**
 * The bilingual dictionary: --dictionary's pack (which must be there), else the built one in `builtDir` (public/dict),
 * unless --no-dictionary. Without a built pack, linking two languages says on `warn` that it runs without one.
 */
export function dictionaryFor(values: { dictionary?: string; 'no-dictionary'?: boolean }, crossLanguage: boolean, warn: (s: string) => void, builtDir = DICT_PACK_DIR) {
  if (values['no-dictionary']) {
    if (values.dictionary) throw new Error('--dictionary and --no-dictionary exclude each other')
    return null
  }
  if (values.dictionary === undefined) {
    const built = loadDictionaryPack(builtDir)
    if (!built && crossLanguage) warn(`link: no bilingual dictionary pack in ${builtDir}: linking without it (build it once with \`npm run dict-pack\`; --no-dictionary silences this)\n`)
    return built
  }
  if (!dictPackAvailable(values.dictionary)) throw new Error(`--dictionary: no dictionary pack in ${values.dictionary} (no manifest.json; build one with \`npm run dict-pack\`)`)
  return loadDictionaryPack(values.dictionary)
}

/**
 * Passage vectors of both reports with the worker's own code (pieces pooled, "query: " on both sides), or undefined
 * without --embeddings. Footnotes get no vector, as in the app.
 */
async function embeddingsFor(values: { embeddings?: string; 'model-source'?: string }, a: Report, b: Report) {
  if (!values.embeddings) {
    if (values['model-source']) throw new Error('--model-source goes with --embeddings <model id>')
    return undefined
  }
  if (!values['model-source']) throw new Error('--embeddings needs --model-source <folder or URL> (for example: --model-source models after `npm run model-pack`)')
  const embedder = await loadNodeEmbedder(values.embeddings, modelSourceOf(values['model-source']))
  const prefix = prefixText(embedder.modelId, 'query')
  const side = async (r: Report) => {
    const idx = r.passages.flatMap((p, i) => (p.kind === 'footnote' ? [] : [i]))
    const vecs = await embedLongTexts(embedder, idx.map((i) => r.passages[i].text), { prefix, batchSize: 16 })
    const out: Float32Array[] = r.passages.map(() => new Float32Array(0))
    idx.forEach((i, k) => (out[i] = vecs[k]))
    return out
  }
  return { a: await side(a), b: await side(b) }
}

const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s).replace(/\s+/g, ' ')

/**
 * `link <fileA> <fileB>`: for every passage of A (in order) the top candidate passages of B, ranked by their
 * calibrated score (tier 1: shared glossary concepts, numbers and dates, names, cognates; with --embeddings, the
 * hybrid tier with dense retrieval, the same code as the app's worker; the bilingual dictionary of public/dict when
 * `npm run dict-pack` built it, see `dictionaryFor`). With --json the output is
 * `{ "links": [ { "source": { index, start, end, text }, "candidates": [ { index, start, end, text, score, strength } ] } ] }`
 * (`strength`: "strong" or "weak"; a passage with no candidate above the weak floor has an empty list)
 * where offsets are UTF-16 offsets into each file's text as read (for .pdf/.docx: into the extracted text).
 * The glossary defaults to glossary/starter.json when present. A language the workbench does not support is
 * named through `warn` and linked with language-independent features only.
 */
export async function runLink(args: string[], warn: (s: string) => void = () => {}): Promise<string> {
  const { values, files } = parse(args, LINK_USAGE)
  const top = values.top === undefined ? 10 : Number(values.top)
  if (!Number.isInteger(top) || top < 1) throw new Error(`--top: expected a positive integer, got "${values.top}"`)
  const matcher = matcherFor(values.glossary)
  const notes: string[] = []
  const a = await readLinkReport(files[0], values['lang-a'], '--lang-a', notes)
  const b = await readLinkReport(files[1], values['lang-b'], '--lang-b', notes)
  for (const n of notes) warn(`link: ${n}\n`)
  const embeddings = await embeddingsFor(values, a, b)
  const dictionary = dictionaryFor(values, a.lang !== b.lang, warn)
  const links = linkDocuments(a.passages, b.passages, { matcher, top, langA: a.lang, langB: b.lang, embeddings, dictionary })
  const span = (p: Passage) => ({ index: p.index, start: p.start, end: p.end, text: p.text })
  if (values.json) {
    const out = links.map((l) => ({
      source: span(a.passages[l.source]),
      candidates: l.candidates.map((c) => ({ ...span(b.passages[c.index]), score: Number(c.score.toFixed(4)), strength: c.strength })),
    }))
    return JSON.stringify({ links: out }, null, 2) + '\n'
  }
  const lines = [`${basename(a.file)} (${a.lang}, ${a.passages.length} passages) → ${basename(b.file)} (${b.lang}, ${b.passages.length} passages)`]
  for (const l of links) {
    if (!l.candidates.length) continue
    const p = a.passages[l.source]
    lines.push(`\n#${p.index} ${clip(p.text, 90)}`)
    for (const c of l.candidates) {
      const ev = c.evidence
      const why = [...new Set([...ev.concepts, ...ev.numbers, ...ev.names, ...ev.words].map((f) => f.b.surface))].slice(0, 4).join(', ')
      lines.push(`  ${c.score.toFixed(3)} ${c.strength.padEnd(6)} #${b.passages[c.index].index} ${clip(b.passages[c.index].text, 70)}${why ? `  [${why}]` : ''}`)
    }
  }
  return lines.join('\n') + '\n'
}
