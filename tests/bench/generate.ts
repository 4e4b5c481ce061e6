// Deterministic synthetic glossaries for benchmarks: N terms over N/5 concepts, five languages each.
import type { ConceptEntry, Glossary, Lang } from '../../src/core/model'

const SYL = ['va', 'ko', 'mi', 'sal', 'ter', 'nor', 'bek', 'dus', 'lin', 'por', 'ska', 'vel', 'tra', 'gon', 'ré', 'çu', 'øy', 'äl', 'во', 'ен']

/** A seeded pseudo-random generator (mulberry32). */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A made-up word of 2–4 syllables. */
export function word(r: () => number): string {
  const n = 2 + Math.floor(r() * 3)
  let w = ''
  for (let i = 0; i < n; i++) w += SYL[Math.floor(r() * SYL.length)]
  return w
}

/** A glossary with `terms` terms in total (five per concept). */
export function generateGlossary(terms: number, seed = 42): Glossary {
  const r = rng(seed)
  const langs: Lang[] = ['en', 'fi', 'nb', 'fr', 'ru']
  const ts = '2025-01-01T00:00:00.000Z'
  const entries: ConceptEntry[] = []
  for (let c = 0; c < terms / langs.length; c++) {
    const id = `g${c}`
    entries.push({
      concept: { id, definitions: { en: `${word(r)} ${word(r)} ${word(r)}` }, related: [], created: ts, modified: ts },
      terms: langs.map((lang, i) => ({
        id: `${id}-${i}`, conceptId: id, lang, text: `${word(r)}${r() < 0.3 ? ' ' + word(r) : ''}`,
        status: i === 0 ? 'preferred' : 'admitted', type: 'fullForm', sources: [], created: ts, modified: ts,
      })),
    })
  }
  return { entries }
}

/** Percentile of a sorted-ascending list. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}
