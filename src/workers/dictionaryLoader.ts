// Fetches the bilingual dictionary pack the app serves (public/dict/ → dist/dict/, built by `npm run dict-pack`) the
// first time a link job needs it, never before; without a pack, linking runs as it did without one, with no error.
import { dictionaryFromPack, type DictionaryManifest, type LinkDictionary } from '../core/link/dictionary'
import type { Lang } from '../core/model'

/**
 * The app's root URL seen from a worker script's URL: the built app's workers live in `<root>/assets/`, the dev
 * server's under `/src/…` with the app (and public/) at the origin's root.
 */
export function appRootOf(workerUrl: string): string {
  const u = new URL(workerUrl)
  const at = u.pathname.lastIndexOf('/assets/')
  return new URL(at >= 0 ? u.pathname.slice(0, at + 1) : '/', u.origin).href
}

/** Reads a JSON or text response, or null when the file is not there (a 404, or a dev server's HTML fallback). */
async function get(url: URL, fetchFn: typeof fetch, as: 'json' | 'text'): Promise<unknown> {
  const res = await fetchFn(url)
  if (!res.ok || /text\/html/.test(res.headers.get('content-type') ?? '')) return null
  return as === 'json' ? res.json() : res.text()
}

/**
 * The dictionary of the pack under `root` (`<root>dict/manifest.json` and each language's file), or null when the
 * app serves none; a pack that is there but cannot be read is reported on the console and also gives null:
 * linking must never fail for want of it.
 */
export async function fetchDictionary(root: string, fetchFn: typeof fetch = fetch): Promise<LinkDictionary | null> {
  try {
    const base = new URL('dict/', root)
    const manifest = (await get(new URL('manifest.json', base), fetchFn, 'json')) as DictionaryManifest | null
    if (!manifest?.languages) return null
    const langs = Object.entries(manifest.languages) as [Lang, { file: string }][]
    const texts = await Promise.all(langs.map(([, info]) => get(new URL(info.file, base), fetchFn, 'text')))
    if (texts.some((t) => typeof t !== 'string')) return null
    return dictionaryFromPack(Object.fromEntries(langs.map(([lang], i) => [lang, texts[i] as string])))
  } catch (e) {
    console.warn(`bilingual dictionary not used: ${(e as Error).message}`)
    return null
  }
}

let served: Promise<LinkDictionary | null> | null = null

/** The served dictionary of this worker's app, fetched once (on the first call) and kept for the worker's life. */
export function servedDictionary(): Promise<LinkDictionary | null> {
  if (typeof self === 'undefined' || !self.location) return Promise.resolve(null)
  served ??= fetchDictionary(appRootOf(self.location.href))
  return served
}
