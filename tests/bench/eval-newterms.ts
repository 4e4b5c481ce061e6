// Evaluates new-term discovery (src/core/suggest/newTerms.ts) by leaving concepts out of the glossary and finding them
// again: for each concept of the starter glossary that has an abbreviation or a Russian (Cyrillic) term, the concept
// is removed, the five reports are read with the rest of the glossary, and a hit is a candidate that proposes one of
// its abbreviations or Cyrillic terms; a right definition is one whose other proposed term is a term of the concept.
// Concepts are split into halves by a hash of their id (dev: tune; test: report). Also prints how many candidates the
// full glossary leaves, and the first ones, to read. Run: npx tsx tests/bench/eval-newterms.ts [--list]
import { buildMatcher } from '../../src/core/matcher'
import type { ConceptEntry, Glossary } from '../../src/core/model'
import { findNewTerms, type NewTermPassage } from '../../src/core/suggest/newTerms'
import { fnv1a } from '../../src/core/text/hash'
import { loadCorpus, loadStarterGlossary } from './linkGold'

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[‐‑–-]/g, '-').trim()

export interface NewTermsScore { split: string; concepts: number; found: number; defined: number }

/** The concepts this evaluation can score: an abbreviation or a Cyrillic term that occurs in a report outside Russian text. */
function scorable(g: Glossary, passages: NewTermPassage[]): ConceptEntry[] {
  const text = passages.filter((p) => p.lang !== 'ru').map((p) => p.text).join('\n')
  return g.entries.filter((e) => e.terms.some((t) => (t.type === 'acronym' || (t.lang === 'ru' && /[\u0400-\u04ff]/.test(t.text))) && new RegExp(`(^|[^\\p{L}])${t.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\p{L}]|$)`, 'u').test(text)))
}

export function evaluateNewTerms(): { scores: NewTermsScore[]; full: ReturnType<typeof findNewTerms>; ms: number } {
  const glossary = loadStarterGlossary()
  if (!glossary) throw new Error('no starter glossary (glossary/starter.json)')
  const passages: NewTermPassage[] = loadCorpus().flatMap((d) => d.passages.map((p, index) => ({ doc: d.file, index, lang: p.lang, kind: p.kind, text: p.text })))
  const scores = new Map<string, NewTermsScore>(['dev', 'test'].map((s) => [s, { split: s, concepts: 0, found: 0, defined: 0 }]))
  for (const e of scorable(glossary, passages)) {
    const score = scores.get(fnv1a(e.concept.id) % 2 ? 'test' : 'dev')!
    const rest = buildMatcher({ entries: glossary.entries.filter((x) => x !== e) })
    const own = new Set(e.terms.map((t) => fold(t.text)))
    const asked = new Set(e.terms.filter((t) => t.type === 'acronym' || t.lang === 'ru').map((t) => fold(t.text)))
    const hits = findNewTerms(passages, rest).filter((c) => c.terms.some((t) => asked.has(fold(t.text))))
    score.concepts++
    if (hits.length) score.found++
    if (hits.some((c) => c.terms.length > 1 && c.terms.every((t) => own.has(fold(t.text))))) score.defined++
  }
  const matcher = buildMatcher(glossary)
  const t0 = performance.now()
  const full = findNewTerms(passages, matcher)
  return { scores: [...scores.values()], full, ms: performance.now() - t0 }
}

export function main(): void {
  const { scores, full, ms } = evaluateNewTerms()
  console.log('New-term discovery: concepts with an abbreviation or a Cyrillic term left out of the glossary, found again')
  for (const s of scores) console.log(`  ${s.split.padEnd(4)} concepts ${s.concepts}  found ${s.found} (${(s.found / Math.max(1, s.concepts)).toFixed(3)})  with a right definition ${s.defined}`)
  console.log(`  with the whole starter glossary: ${full.length} candidates in ${ms.toFixed(0)} ms (five reports)`)
  if (process.argv.includes('--list')) for (const c of full) console.log(`    ${c.kind.padEnd(12)} ${String(c.count).padStart(3)}  ${c.terms.map((t) => `${t.text} (${t.lang})`).join(' = ')}${c.conceptId ? `  → ${c.conceptId}` : ''}`)
}

if (import.meta.url === `file://${process.argv[1]}`) main()
