// Choosing among a text's hits (the best per concept and span, the longest where they overlap) and telling an
// exact spelling from a folded one.
import type { MatchKind, TermHit } from './matcher'

const RANK: Record<MatchKind, number> = { exact: 0, folded: 1, translit: 2, stem: 3, compound: 4 }

/**
 * True when two spellings are the same letters, case and white space runs aside: what
 * `a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(…)…` says, without building four strings per hit.
 */
export function sameLetters(a: string, b: string): boolean {
  const skipBlanks = (s: string, k: number) => {
    while (k < s.length && isBlank(s.charCodeAt(k))) k++
    return k
  }
  let i = skipBlanks(a, 0)
  let j = skipBlanks(b, 0)
  for (;;) {
    if (i >= a.length || j >= b.length) return skipBlanks(a, i) >= a.length && skipBlanks(b, j) >= b.length
    const ca = a.charCodeAt(i)
    const cb = b.charCodeAt(j)
    if (isBlank(ca) || isBlank(cb)) {
      // A run of blanks on both sides is one space, unless it ends the string (trimmed away).
      if (!isBlank(ca) || !isBlank(cb)) return false
      i = skipBlanks(a, i)
      j = skipBlanks(b, j)
      if ((i >= a.length) !== (j >= b.length)) return false
      continue
    }
    // Capital sigma lowers by context (σ or final ς): left to the slow way below.
    if (ca === cb || (ca < 0x80 && cb < 0x80 ? lowerAscii(ca) === lowerAscii(cb) : ca !== 0x3a3 && cb !== 0x3a3 && a[i].toLowerCase() === b[j].toLowerCase())) {
      i++
      j++
      continue
    }
    // Case mappings that depend on context or change length (rare): compare the slow way.
    return a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase()
  }
}

const lowerAscii = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c)
const isBlank = (c: number) => c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/.test(String.fromCharCode(c)))

/**
 * Keeps the best hit per concept and span and, for 'longest', drops hits lying inside a longer one
 * (compound parts count by their part's span, so two parts of one compound both stay).
 */
export function selectHits(hits: TermHit[], overlaps: 'longest' | 'all'): TermHit[] {
  if (hits.length < 2) return hits
  const core = (h: TermHit) => h.part ?? h
  let out: TermHit[]
  if (hits.length <= 32) {
    // A passage has a handful of hits: comparing them pairwise is cheaper than keying a map.
    out = []
    for (const h of hits) {
      const c = core(h)
      let k = 0
      while (k < out.length && !(out[k].conceptId === h.conceptId && core(out[k]).start === c.start && core(out[k]).end === c.end)) k++
      if (k === out.length) out.push(h)
      else if (RANK[h.matchedBy] < RANK[out[k].matchedBy]) out[k] = h
    }
  } else {
    const best = new Map<string, TermHit>()
    for (const h of hits) {
      const c = core(h)
      const key = `${h.conceptId}\u0000${c.start}\u0000${c.end}`
      const prev = best.get(key)
      if (!prev || RANK[h.matchedBy] < RANK[prev.matchedBy]) best.set(key, h)
    }
    out = [...best.values()]
  }
  if (!sortedBy(out, (a, b) => core(a).start - core(b).start || core(b).end - core(a).end)) {
    out.sort((a, b) => core(a).start - core(b).start || core(b).end - core(a).end)
  }
  if (overlaps === 'longest') {
    const kept: TermHit[] = []
    let lastStart = -1
    let lastEnd = -1
    for (const h of out) {
      const c = core(h)
      if (c.start >= lastEnd || (c.start === lastStart && c.end === lastEnd)) {
        kept.push(h)
        lastStart = c.start
        lastEnd = c.end
      }
    }
    out = kept
  }
  const byStart = (a: TermHit, b: TermHit) => a.start - b.start || b.end - a.end || (a.part?.start ?? 0) - (b.part?.start ?? 0)
  return sortedBy(out, byStart) ? out : out.sort(byStart)
}

/** True when `list` is already in the order of `cmp` (hits mostly come in text order: sorting them is then waste). */
function sortedBy<T>(list: readonly T[], cmp: (a: T, b: T) => number): boolean {
  for (let i = 1; i < list.length; i++) if (cmp(list[i - 1], list[i]) > 0) return false
  return true
}
