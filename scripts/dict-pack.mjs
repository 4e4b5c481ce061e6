// `npm run dict-pack`: builds the bilingual dictionaries that tier-1 linking uses (see src/core/link/dictionary.ts)
// from Debian's FreeDict packages: one "word → English translations" file per language in public/dict/
// (git-ignored; Vite serves and ships public/, so the built app carries it), with each dictionary's copyright.
//
//   node scripts/dict-pack.mjs [--update] [--force] [--optional] [--out DIR]
//
// --update asks apt for newer package versions (otherwise the cached ones are used); --force rebuilds everything;
// --optional warns and exits 0 when the pack cannot be built (linking then runs without a dictionary).
//
// The packages are fetched with `apt-get download` (no root needed; as root, apt's lists are updated first when they
// lack the packages) and unpacked with `dpkg-deb -x` into
// ${XDG_CACHE_HOME:-~/.cache}/coi-termbench/dict-pack/; a cache built from the same package versions and the same
// parser is reused, so a second run takes well under a second. Nothing is written to the output folder until
// every language is built (written to a temporary folder, then renamed). No dictionary data is committed.
//
// dictd format: <name>.index holds "headword TAB offset TAB length" (offset and length in dictd's base64 digits),
// <name>.dict.dz the gzip-compressed (dictzip) entries. A FreeDict entry is a header line (headword, /IPA/, <pos>)
// and senses, each a line of comma-separated translations, numbered "1. …" when there are several; WikDict-based
// dictionaries add gloss lines (in the headword's language) under a sense's translations, which are skipped.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** Bump when the parser's output changes: the cache is rebuilt. */
const FORMAT = 2

/** Per language of the workbench: the X→English dictionary and the English→X one inverted (either may be missing). */
export const SOURCES = {
  da: { direct: 'dan-eng', inverse: 'eng-dan' },
  sv: { direct: 'swe-eng', inverse: 'eng-swe' },
  fi: { direct: 'fin-eng', inverse: 'eng-fin' },
  fr: { direct: 'fra-eng', inverse: 'eng-fra' },
  nb: { direct: null, inverse: 'eng-nor' },
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Decodes a dictd index number (big-endian base64 digits). */
export function decodeDictNumber(s) {
  let n = 0
  for (const ch of s) {
    const d = B64.indexOf(ch)
    if (d < 0) throw new Error(`not a dictd base64 number: "${s}"`)
    n = n * 64 + d
  }
  return n
}

/** Parses a .index file: [{ headword, offset, length }], without dictd's own 00database… entries. */
export function parseIndex(text, file = 'index') {
  const out = []
  text.split('\n').forEach((line, i) => {
    if (!line) return
    const parts = line.split('\t')
    if (parts.length !== 3) throw new Error(`${file}:${i + 1}: expected "headword TAB offset TAB length", got ${JSON.stringify(line.slice(0, 60))}`)
    if (parts[0].startsWith('00database') || parts[0].startsWith('00-database')) return
    out.push({ headword: parts[0], offset: decodeDictNumber(parts[1]), length: decodeDictNumber(parts[2]) })
  })
  return out
}

/** The translations of one entry body: one list of phrases per sense (glosses and notes left out). */
export function parseEntry(body) {
  const lines = body.split('\n').slice(1) // the header: headword, /IPA/, <pos>
  const senses = []
  let open = false // a sense has started and waits for its translation line
  for (let line of lines) {
    const numbered = /^\s*\d+\.\s*(.*)$/.exec(line)
    if (numbered) {
      line = numbered[1]
      open = true
      if (!line.trim()) continue
    } else if (!senses.length) open = true
    if (!open || !line.trim()) continue
    open = false
    // WikDict sometimes prints the next sense's number at the end of a translation line ("Flandern 2.").
    const tail = /\s+\d+\.\s*$/.exec(line)
    if (tail) line = line.slice(0, tail.index)
    senses.push(splitTranslations(line))
  }
  return senses.filter((s) => s.length)
}

/** Comma- or semicolon-separated translations, lower case, without (notes), [notes], "#Language" stubs or quotes. */
export function splitTranslations(line) {
  return line
    .replace(/\([^)]*\)|\[[^\]]*\]|\{[^}]*\}/g, ' ')
    .split(/[,;]/)
    .map((t) => t.replace(/["“”]/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase())
    .filter((t) => t && !t.startsWith('#') && /\p{L}/u.test(t))
}

/** Reads a dictd dictionary: [{ headword, senses }] in index order. `dict` is the uncompressed .dict. */
export function readDictd(indexText, dict, file = 'dict') {
  const buf = Buffer.isBuffer(dict) ? dict : Buffer.from(dict, 'utf8')
  return parseIndex(indexText, `${file}.index`).map(({ headword, offset, length }) => {
    if (offset + length > buf.length) throw new Error(`${file}.index: entry "${headword}" points past the end of ${file}.dict`)
    return { headword, senses: parseEntry(buf.subarray(offset, offset + length).toString('utf8')) }
  })
}

const isWord = (w) => /^[\p{L}][\p{L}\p{M}'’-]*$/u.test(w)

/**
 * Merges an X→English dictionary and an inverted English→X one into "X word → English phrases", direct
 * translations first (in sense order), each phrase once. Multi-word X headwords are left out (linking looks up
 * single words); multi-word English translations are kept whole (linking keeps their content words).
 */
export function buildLexicon(direct, inverse) {
  const map = new Map()
  const add = (word, phrase) => {
    const w = word.toLowerCase()
    if (!isWord(w) || !/\p{L}/u.test(phrase)) return
    let list = map.get(w)
    if (!list) map.set(w, (list = []))
    if (!list.includes(phrase)) list.push(phrase)
  }
  for (const e of direct ?? []) for (const sense of e.senses) for (const t of sense) add(e.headword, t)
  for (const e of inverse ?? []) {
    const english = e.headword.toLowerCase().replace(/\s+/g, ' ').trim()
    for (const sense of e.senses) for (const t of sense) if (!t.includes(' ')) add(t, english)
  }
  return map
}

/** The pack's line format: "word TAB phrase | phrase …", sorted by word. */
export function formatLexicon(map) {
  return [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([w, list]) => `${w}\t${list.join(' | ')}`).join('\n') + '\n'
}

const log = (m) => console.log(`[dict-pack] ${m}`)

function cacheDir(env = process.env) {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'coi-termbench', 'dict-pack')
}

/** Versions of Debian packages as apt would download them (one apt-cache call). */
function candidateVersions(pkgs) {
  const out = execFileSync('apt-cache', ['policy', ...pkgs], { encoding: 'utf8' })
  const versions = {}
  for (const block of out.split(/^(?=\S)/m)) {
    const name = /^(\S+):/.exec(block)?.[1]
    const v = /Candidate:\s*(\S+)/.exec(block)?.[1]
    if (name && v && v !== '(none)') versions[name] = v
  }
  const missing = pkgs.filter((p) => !versions[p])
  if (missing.length) throw new Error(`apt knows no package ${missing.join(', ')} (run \`apt-get update\` first, as root; the packages are in Debian's main archive)`)
  return versions
}

/**
 * `fn()`; when it fails and we are root, `retry()` after one `apt-get update` (a fresh container has no lists;
 * lists older than the mirror name versions it no longer serves).
 */
function withFreshLists(fn, why, retry = fn) {
  try {
    return fn()
  } catch (e) {
    if (process.getuid?.() !== 0) throw e
    log(`${why}: running apt-get update and trying again…`)
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'] })
    return retry()
  }
}

/** The cached unpacked versions of a package (newest name last). */
function cachedVersions(cache, pkg) {
  const dir = join(cache, 'pkg')
  return existsSync(dir) ? readdirSync(dir).filter((d) => d.startsWith(`${pkg}_`)).sort() : []
}

/**
 * The unpacked package of every dictionary `pair`: from the cache when every one is there (unless `update`),
 * else the versions apt offers, downloaded with `apt-get download` and unpacked with `dpkg-deb -x`.
 */
function fetchPackages(cache, pairs, update) {
  const pkgOf = (pair) => `dict-freedict-${pair}`
  const cached = Object.fromEntries(pairs.map((pair) => [pair, cachedVersions(cache, pkgOf(pair)).at(-1)]))
  const versions = !update && pairs.every((pair) => cached[pair])
    ? Object.fromEntries(pairs.map((pair) => [pkgOf(pair), cached[pair].slice(pkgOf(pair).length + 1)]))
    : withFreshLists(() => candidateVersions(pairs.map(pkgOf)), 'apt knows no FreeDict package')
  const fetchAll = (v) => Object.fromEntries(pairs.map((pair) => [pair, fetchPackage(cache, pkgOf(pair), v[pkgOf(pair)])]))
  return withFreshLists(() => fetchAll(versions), 'a download failed', () => fetchAll(candidateVersions(pairs.map(pkgOf))))
}

/** Downloads and unpacks one package version into the cache (once); returns its folder. */
function fetchPackage(cache, pkg, version) {
  const dir = join(cache, 'pkg', `${pkg}_${version}`)
  if (existsSync(join(dir, 'usr', 'share', 'dictd'))) return { pkg, version, dir }
  const tmp = join(cache, 'tmp')
  rmSync(tmp, { recursive: true, force: true })
  mkdirSync(tmp, { recursive: true })
  log(`downloading ${pkg} ${version}…`)
  execFileSync('apt-get', ['download', '-qq', `${pkg}=${version}`], { cwd: tmp, stdio: ['ignore', 'ignore', 'pipe'] })
  const deb = readdirSync(tmp).find((f) => f.endsWith('.deb'))
  if (!deb) throw new Error(`apt-get download ${pkg} wrote no .deb`)
  execFileSync('dpkg-deb', ['-x', join(tmp, deb), join(tmp, 'x')])
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dirname(dir), { recursive: true })
  renameSync(join(tmp, 'x'), dir)
  rmSync(tmp, { recursive: true, force: true })
  return { pkg, version, dir }
}

/** The licence FreeDict's copyright file gives the dictionary `pair` ("Files: dan-eng/*" … "License: GPL-3+"). */
export function licenseOf(copyright, pair) {
  const at = copyright.indexOf(`Files: ${pair}/*`)
  return at < 0 ? 'unknown' : /License:\s*(\S+)/.exec(copyright.slice(at))?.[1] ?? 'unknown'
}

function readPackage(p, pair) {
  const base = join(p.dir, 'usr', 'share', 'dictd', `freedict-${pair}`)
  const copyright = readFileSync(join(p.dir, 'usr', 'share', 'doc', p.pkg, 'copyright'), 'utf8')
  const entries = readDictd(readFileSync(`${base}.index`, 'utf8'), gunzipSync(readFileSync(`${base}.dict.dz`)), base)
  return { entries, copyright, license: licenseOf(copyright, pair) }
}

/** Builds (or reuses) the pack in the cache and copies it to `out`. Returns the manifest. */
export function ensureDictPack({ out = join(ROOT, 'public', 'dict'), force = false, update = false } = {}) {
  const cache = cacheDir()
  mkdirSync(cache, { recursive: true })
  const pairs = Object.values(SOURCES).flatMap((s) => [s.direct, s.inverse]).filter(Boolean)
  const packages = fetchPackages(cache, pairs, update || force)
  const script = readFileSync(fileURLToPath(import.meta.url), 'utf8')
  const key = createHash('sha256').update(JSON.stringify([FORMAT, script, pairs.map((p) => packages[p].version)])).digest('hex').slice(0, 16)
  const built = join(cache, 'pack')
  const manifestPath = join(built, 'manifest.json')
  let manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : null
  if (force || manifest?.key !== key) {
    const tmp = join(cache, 'pack.tmp')
    rmSync(tmp, { recursive: true, force: true })
    mkdirSync(tmp, { recursive: true })
    manifest = { key, format: FORMAT, languages: {} }
    for (const [lang, src] of Object.entries(SOURCES)) {
      const direct = src.direct && readPackage(packages[src.direct], src.direct)
      const inverse = src.inverse && readPackage(packages[src.inverse], src.inverse)
      const lexicon = buildLexicon(direct?.entries, inverse?.entries)
      writeFileSync(join(tmp, `${lang}.txt`), formatLexicon(lexicon))
      const sources = []
      for (const [pair, d] of [[src.direct, direct], [src.inverse, inverse]]) {
        if (!pair) continue
        writeFileSync(join(tmp, `COPYRIGHT.${pair}.txt`), d.copyright)
        sources.push({ package: packages[pair].pkg, version: packages[pair].version, dictionary: pair, license: d.license, inverted: pair === src.inverse })
      }
      manifest.languages[lang] = { file: `${lang}.txt`, words: lexicon.size, sources }
      log(`${lang}: ${lexicon.size} words (${sources.map((s) => `${s.dictionary} ${s.license}`).join(', ')})`)
    }
    writeFileSync(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n')
    rmSync(built, { recursive: true, force: true })
    renameSync(tmp, built)
  }
  copyPack(built, out, manifest)
  return manifest
}

/** Copies the built pack to `out` unless it is already there (same key); written beside, then renamed. */
function copyPack(built, out, manifest) {
  const current = join(out, 'manifest.json')
  if (existsSync(current) && JSON.parse(readFileSync(current, 'utf8')).key === manifest.key) {
    log(`ready: ${out} (cached)`)
    return
  }
  const tmp = `${out}.tmp`
  rmSync(tmp, { recursive: true, force: true })
  mkdirSync(tmp, { recursive: true })
  for (const f of readdirSync(built)) copyFileSync(join(built, f), join(tmp, f))
  rmSync(out, { recursive: true, force: true })
  mkdirSync(dirname(out), { recursive: true })
  renameSync(tmp, out)
  log(`ready: ${out}`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const outAt = args.indexOf('--out')
  try {
    ensureDictPack({ force: args.includes('--force'), update: args.includes('--update'), out: outAt >= 0 ? resolve(args[outAt + 1]) : undefined })
  } catch (e) {
    console.error(`[dict-pack] the dictionary pack could not be built: ${e.message}`)
    process.exit(args.includes('--optional') ? 0 : 1)
  }
}
