// Merges translation keys into the six locale files: node scripts/i18n-merge.mjs <file.json>…
// Each file has the shape { "en": { …nested keys… }, "fi": { … }, "nb": …, "da": …, "sv": …, "fr": … }.
// Keys are deep-merged (new values overwrite old ones); the locales keep their key order otherwise.
// Several people may run it at once: a lock directory serialises the read-modify-write.
import { readFileSync, writeFileSync, mkdirSync, rmdirSync } from 'node:fs'

const LOCALES = ['en', 'fi', 'nb', 'da', 'sv', 'fr']
const LOCK = 'src/i18n/.merge-lock'

function merge(into, from) {
  for (const [k, v] of Object.entries(from)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) into[k] = merge(into[k] && typeof into[k] === 'object' ? into[k] : {}, v)
    else into[k] = v
  }
  return into
}

async function lock() {
  for (let i = 0; i < 200; i++) {
    try {
      mkdirSync(LOCK)
      return
    } catch {
      await new Promise((ok) => setTimeout(ok, 50))
    }
  }
  throw new Error(`${LOCK} is held for 10 s: remove it if no merge is running.`)
}

const files = process.argv.slice(2)
if (!files.length) {
  console.error('usage: node scripts/i18n-merge.mjs <file.json>…')
  process.exit(2)
}
await lock()
try {
  for (const f of files) {
    const add = JSON.parse(readFileSync(f, 'utf8'))
    const missing = LOCALES.filter((l) => !add[l])
    if (missing.length) throw new Error(`${f}: no keys for ${missing.join(', ')}`)
    for (const l of LOCALES) {
      const path = `src/i18n/locales/${l}.json`
      const cur = JSON.parse(readFileSync(path, 'utf8'))
      writeFileSync(path, JSON.stringify(merge(cur, add[l]), null, 2) + '\n')
    }
    console.log(`merged ${f}`)
  }
} finally {
  rmdirSync(LOCK)
}
