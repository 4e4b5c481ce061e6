// FNV-1a, the one small non-cryptographic hash of the workbench: word hashes of the matcher, finding ids, signatures.

/** FNV-1a's 32-bit offset basis, as a signed 32-bit integer (what `Math.imul` loops carry). */
export const FNV_OFFSET = 0x811c9dc5 | 0
/** FNV-1a's 32-bit prime. */
export const FNV_PRIME = 0x01000193

/**
 * 32-bit FNV-1a over the UTF-16 code units of `s`, as an unsigned integer. `seed` replaces the offset basis, for
 * a second, independent pass over the same text (two passes make a 64-bit id). Word scanners that hash while
 * they walk a text inline the same step, `h = Math.imul(h ^ unit, FNV_PRIME)`, from `FNV_OFFSET`.
 */
export function fnv1a(s: string, seed: number = FNV_OFFSET): number {
  let h = seed | 0
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME)
  return h >>> 0
}

/** `fnv1a` as 8 lowercase hex digits. */
export function fnv1aHex(s: string, seed: number = FNV_OFFSET): string {
  return fnv1a(s, seed).toString(16).padStart(8, '0')
}

/**
 * SHA-256 of bytes, or of a text's UTF-8, as lowercase hex, by Web Crypto (browsers in secure contexts —
 * https, localhost —, workers and Node all have it): report hashes and the model caches' content keys.
 */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle
  if (!subtle) throw new Error('Web Crypto (crypto.subtle) is unavailable: serve the app over https or from localhost')
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Parameters<typeof subtle.digest>[1]))
  let s = ''
  for (const b of digest) s += b.toString(16).padStart(2, '0')
  return s
}
