// Command-line entry over core, for batch work and evaluations without a browser:
// `npm run --silent cli -- <command> [args]`. Add a command by adding an entry to COMMANDS.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { readReport as readCoreReport, type ReadReport } from './core/extract/report'
import { isLang, type Lang } from './core/model'
import type { TextFormat } from './core/segment/types'

/** Where a command writes; tests pass their own. */
export interface Io {
  out: (s: string) => void
  err: (s: string) => void
}

/** A CLI command: a one-line summary, its usage, and what it does (returns the exit code). */
export interface Command {
  summary: string
  usage: string
  run(args: string[], io: Io): Promise<number>
}

/** Reads a report file as the app does (core's readReport): text, passages, language, metadata. */
export async function readReport(file: string, opts: { lang?: Lang; format?: TextFormat } = {}): Promise<ReadReport> {
  const bytes = readFileSync(file)
  return readCoreReport(basename(file), new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), opts)
}

const segment: Command = {
  summary: 'cut a report into heading, paragraph, list and footnote passages with sentences',
  usage: 'segment <file.txt|.md|.html|.pdf|.doc|.docx|.odt|.rtf> [--lang xx] [--format txt|md|html] [--json]   (offsets: into the file as read; for .html/.pdf/.doc/.docx/.odt/.rtf into the extracted text)',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { lang: { type: 'string' }, format: { type: 'string' }, json: { type: 'boolean', default: false } },
    })
    if (positionals.length !== 1) return usageError(io, this.usage)
    if (values.lang !== undefined && !isLang(values.lang)) return usageError(io, `unknown language "${values.lang}"`)
    if (values.format !== undefined && !['txt', 'md', 'html'].includes(values.format)) return usageError(io, `unknown format "${values.format}"`)
    const result = await readReport(positionals[0], { lang: values.lang as Lang | undefined, format: values.format as TextFormat | undefined })
    if (values.json) {
      const passages = result.passages.map((p) => ({
        index: p.index,
        kind: p.kind,
        section: p.section,
        sectionPath: p.sectionPath,
        lang: p.lang,
        text: p.text,
        start: p.start,
        end: p.end,
        ...(p.footnotes ? { footnotes: p.footnotes } : {}),
        sentences: p.sentences.map((s) => ({ text: s.text, start: s.start, end: s.end })),
      }))
      io.out(JSON.stringify(passages) + '\n')
      return 0
    }
    const { title, publisher, date } = result.meta
    io.out(`${positionals[0]}: ${result.lang}, ${result.passages.length} passages\n  title: ${title}\n  publisher: ${publisher ?? '-'}\n  date: ${date ?? '-'}\n`)
    for (const p of result.passages) {
      const notes = p.footnotes ? ` [${p.footnotes.join(',')}]` : ''
      io.out(`${String(p.index).padStart(5)} ${p.kind.padEnd(9)} ${p.lang} ${p.start}-${p.end}${notes}  ${p.text.slice(0, 100)}\n`)
    }
    return 0
  },
}

/** A command whose work is a function from arguments to the text it prints. */
function printing(summary: string, usage: string, load: () => Promise<(args: string[]) => Promise<string>>): Command {
  return {
    summary,
    usage,
    async run(args, io) {
      const fn = await load()
      io.out(await fn(args))
      return 0
    },
  }
}

/** The commands, by name. Each loads its module only when it runs. */
export const COMMANDS: Record<string, Command> = {
  segment,
  link: {
    summary: 'rank, for every passage of A, the passages of B that state the same fact (any language pair)',
    usage: 'link <fileA> <fileB> [--glossary <tbx|csv|json>] [--top N] [--lang-a xx] [--lang-b xx] [--json] [--embeddings <model id> --model-source <folder or URL>] [--dictionary <folder> | --no-dictionary]',
    async run(args, io) {
      io.out(await (await import('./cliCommands/link')).runLink(args, io.err))
      return 0
    },
  },
  align: {
    summary: 'align the sentences of two texts that translate each other (beads of 0–4 sentences a side)',
    usage:
      'align <src> <tgt> [--presegmented] [--src-lang xx] [--tgt-lang xx] [--glossary <tbx|csv|json>] [--embeddings <model id> --model-source <folder|URL>] [--json | --tmx]',
    run: async (args, io) => (await import('./cliCommands/align')).runAlignCommand(args, io),
  },
  check: printing(
    'terminology QA of reports against a glossary: findings and concept × report usage',
    'check <files…> [--glossary <tbx|csv|json>] [--json]',
    async () => (await import('./cliCommands/check')).runCheck,
  ),
  candidates: printing(
    'mine term candidates in one language for the concepts that lack a term in it',
    'candidates <files…> --glossary <tbx|csv|json> --lang xx [--json]',
    async () => (await import('./cliCommands/candidates')).runCandidates,
  ),
}

function usageError(io: Io, message: string): number {
  io.err(`${message}\n`)
  return 2
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv
  const command = name ? COMMANDS[name] : undefined
  if (!command) {
    const list = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(12)} ${c.summary}\n      ${c.usage}`)
    ;(name && name !== 'help' && name !== '--help' ? io.err : io.out)(`usage: npm run --silent cli -- <command> [args]\n\n${list.join('\n')}\n`)
    return name && name !== 'help' && name !== '--help' ? 2 : 0
  }
  try {
    return await command.run(rest, io)
  } catch (e) {
    io.err(`${name}: ${e instanceof Error ? e.message : String(e)}\n`)
    return 1
  }
}

const isEntry = process.argv[1] !== undefined && /cli\.[cm]?[jt]s$/.test(process.argv[1])
if (isEntry) {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0)
    throw e
  })
  main(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }).then((code) => {
    process.exitCode = code
  })
}
