// Translation cache logic: a machine translation is keyed by (model, SHA-256 of the language pair and the
// text), so that no text is translated twice with the same model and pair — across reloads when the store
// is IndexedDB. `translateWithCache` translates only what is missing, each distinct text once.
import type { Lang } from '../core/model'
import { sha256Hex } from './embedCache'

/** Storage of translations keyed by model and content hash (the `translations` table implements it). */
export interface TranslationCache {
  /** Texts for `hashes` under `model`, `undefined` where missing; same order as `hashes`. */
  getMany(model: string, hashes: readonly string[]): Promise<(string | undefined)[]>
  /** Stores translations. */
  putMany(model: string, entries: readonly { hash: string; text: string }[]): Promise<void>
}

/**
 * What a cache entry is: `mt`, the raw model output for exactly `text` (glossary terms already protected
 * by placeholders); `passage`, the finished translation of a reader passage (terms restored, fixes the
 * user applied included).
 */
export type TranslationKind = 'mt' | 'passage'

/** The string that is hashed for a cache key: kind, pair and text, unambiguously separated. */
export function translationKeyText(text: string, src: Lang, tgt: Lang, kind: TranslationKind = 'mt'): string {
  return `${kind}\u0000${src}>${tgt}\u0000${text}`
}

/** The cache key (lowercase hex SHA-256) of `text` translated src → tgt. */
export function translationHash(text: string, src: Lang, tgt: Lang, kind: TranslationKind = 'mt'): Promise<string> {
  return sha256Hex(translationKeyText(text, src, tgt, kind))
}

/** Options of `translateWithCache`. */
export interface CachedTranslateOptions {
  /** Called with the text so far of input `index` as it streams (and once with the full text of cached ones). */
  onPartial?: (index: number, text: string) => void
}

/**
 * Returns one translation per text: cached ones where present, and `translate` for the rest (each distinct
 * missing text once), storing what was translated. `translate` gets the missing texts and reports streamed
 * pieces by its own index, which are mapped back to every input index holding that text.
 */
export async function translateWithCache(
  texts: readonly string[],
  model: string,
  src: Lang,
  tgt: Lang,
  cache: TranslationCache,
  translate: (missing: string[], onPiece: (index: number, piece: string) => void) => Promise<string[]>,
  opts: CachedTranslateOptions = {},
): Promise<{ translations: string[]; cached: number }> {
  const hashes = await Promise.all(texts.map((t) => translationHash(t, src, tgt)))
  const found = await cache.getMany(model, hashes)
  const missing = new Map<string, { text: string; indexes: number[] }>()
  hashes.forEach((h, i) => {
    if (found[i] !== undefined) return opts.onPartial?.(i, found[i]!)
    const m = missing.get(h)
    if (m) m.indexes.push(i)
    else missing.set(h, { text: texts[i], indexes: [i] })
  })
  const computed = new Map<string, string>()
  if (missing.size) {
    const jobs = [...missing.entries()]
    const sofar = jobs.map(() => '')
    const out = await translate(
      jobs.map(([, j]) => j.text),
      (k, piece) => {
        sofar[k] += piece
        for (const i of jobs[k]?.[1].indexes ?? []) opts.onPartial?.(i, sofar[k].trimStart())
      },
    )
    const entries = jobs.map(([hash], k) => ({ hash, text: out[k] ?? '' }))
    for (const e of entries) computed.set(e.hash, e.text)
    await cache.putMany(model, entries)
  }
  return { translations: hashes.map((h, i) => found[i] ?? computed.get(h)!), cached: found.filter((f) => f !== undefined).length }
}
