// Loads the bilingual dictionary pack (`npm run dict-pack`, in public/dict/) for linking in Node: the CLI and the evals.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { dictionaryFromPack, type DictionaryManifest, type DictionaryOptions, type LinkDictionary } from '../core/link/dictionary'
import type { Lang } from '../core/model'

/** Where `npm run dict-pack` writes the pack (served by the app from /dict/). */
export const DICT_PACK_DIR = fileURLToPath(new URL('../../public/dict', import.meta.url))

/** True when a dictionary pack is in `dir`. */
export function dictPackAvailable(dir = DICT_PACK_DIR): boolean {
  return existsSync(join(dir, 'manifest.json'))
}

/** The dictionary of the pack in `dir`, or null when there is none; a pack that is there but broken throws. */
export function loadDictionaryPack(dir = DICT_PACK_DIR, opts: DictionaryOptions = {}): LinkDictionary | null {
  if (!dictPackAvailable(dir)) return null
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as DictionaryManifest
  const files: Partial<Record<Lang, string>> = {}
  for (const [lang, info] of Object.entries(manifest.languages) as [Lang, { file: string }][]) files[lang] = readFileSync(join(dir, info.file), 'utf8')
  return dictionaryFromPack(files, opts)
}
