// Evaluates new-term discovery (src/core/suggest/newTerms.ts) by leaving concepts out of the glossary and finding them
// again: for each concept of the starter glossary that has an abbreviation or a Russian (Cyrillic) term, the concept
// is removed, the five reports are read with the rest of the glossary, and a hit is a candidate that proposes one of
// its abbreviations or Cyrillic terms; a right definition is one whose other proposed term is a term of the concept.
// Concepts are split into halves by a hash of their id (dev: tune; test: report). The same for concepts with a term a
// report sets in quotes (a term of any language but Russian found again), and for concepts with a romanised Russian
// term a report uses ("Voenkomat", "kontraktniki"; with the dictionary pack). Also prints how many candidates the
// full glossary leaves, and the first ones, to read. Run: npx tsx tests/bench/eval-newterms.ts [--list]
import { buildMatcher } from '../../src/core/matcher'
import type { ConceptEntry, Glossary } from '../../src/core/model'
import { findNewTerms, type NewTermPassage, type NewTermsOptions } from '../../src/core/suggest/newTerms'
import { translitStem } from '../../src/core/suggest/transliterated'
import { transliterationVariants } from '../../src/core/text/translit'
import { dictionaryWordCheck } from '../../src/core/link/dictionary'
import { loadDictionaryPack } from '../../src/cliCommands/dictionaryPack'
import { fnv1a } from '../../src/core/text/hash'
import { loadCorpus, loadStarterGlossary } from './linkGold'

const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[‐‑–-]/g, '-').trim()

export interface NewTermsScore { split: string; concepts: number; found: number; defined: number }

/** The concepts with a term in Latin letters that a report sets in double quotes or guillemets. */
function quotedScorable(g: Glossary, passages: NewTermPassage[]): ConceptEntry[] {
  const quoted = new Set<string>()
  for (const p of passages) for (const m of p.text.matchAll(/[«“„"]([^«»“”„"]{2,60})[»”“"]/g)) quoted.add(fold(m[1]))
  return g.entries.filter((e) => e.terms.some((t) => t.lang !== 'ru' && quoted.has(fold(t.text))))
}

/** The concepts this evaluation can score: an abbreviation or a Cyrillic term that occurs in a report outside Russian text. */
function scorable(g: Glossary, passages: NewTermPassage[]): ConceptEntry[] {
  const text = passages.filter((p) => p.lang !== 'ru').map((p) => p.text).join('\n')
  return g.entries.filter((e) => e.terms.some((t) => (t.type === 'acronym' || (t.lang === 'ru' && /[\u0400-\u04ff]/.test(t.text))) && new RegExp(`(^|[^\\p{L}])${t.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\p{L}]|$)`, 'u').test(text)))
}

/** A concept's terms in Latin letters that romanise one of its Russian terms (same stem under some convention). */
function romanised(e: ConceptEntry): string[] {
  const stems = new Set(e.terms.filter((t) => t.lang === 'ru').flatMap((t) => transliterationVariants(t.text.toLowerCase()).map((v) => translitStem(v.text))))
  return e.terms.filter((t) => t.lang !== 'ru' && !/[\u0400-\u04ff]/.test(t.text) && stems.has(translitStem(t.text))).map((t) => t.text)
}

/** The concepts with a romanised Russian term that a report uses, outside footnotes and Russian text. */
function romanisedScorable(g: Glossary, passages: NewTermPassage[]): ConceptEntry[] {
  const words = new Set(passages.filter((p) => p.lang !== 'ru' && p.kind !== 'footnote').flatMap((p) => [...p.text.matchAll(/\p{L}+/gu)].map((m) => fold(m[0]))))
  return g.entries.filter((e) => romanised(e).some((t) => words.has(fold(t))))
}

/** Leaves each concept out in turn and counts those found again (a candidate proposing one of `asked`'s terms). */
function leaveOut(glossary: Glossary, passages: NewTermPassage[], list: ConceptEntry[], asked: (e: ConceptEntry) => Set<string>, opts: NewTermsOptions = {}): NewTermsScore[] {
  const scores = new Map<string, NewTermsScore>(['dev', 'test'].map((s) => [s, { split: s, concepts: 0, found: 0, defined: 0 }]))
  for (const e of list) {
    const score = scores.get(fnv1a(e.concept.id) % 2 ? 'test' : 'dev')!
    const rest = buildMatcher({ entries: glossary.entries.filter((x) => x !== e) })
    const own = new Set(e.terms.map((t) => fold(t.text)))
    const wanted = asked(e)
    const hits = findNewTerms(passages, rest, opts).filter((c) => c.terms.some((t) => wanted.has(fold(t.text))))
    score.concepts++
    if (hits.length) score.found++
    if (hits.some((c) => c.terms.length > 1 && c.terms.every((t) => own.has(fold(t.text))))) score.defined++
  }
  return [...scores.values()]
}

export function evaluateNewTerms(): { scores: NewTermsScore[]; quoted: NewTermsScore[]; romanised: NewTermsScore[] | null; full: ReturnType<typeof findNewTerms>; ms: number } {
  const glossary = loadStarterGlossary()
  if (!glossary) throw new Error('no starter glossary (glossary/starter.json)')
  const passages: NewTermPassage[] = loadCorpus().flatMap((d) => d.passages.map((p, index) => ({ doc: d.file, index, lang: p.lang, kind: p.kind, text: p.text })))
  const scores = leaveOut(glossary, passages, scorable(glossary, passages), (e) => new Set(e.terms.filter((t) => t.type === 'acronym' || t.lang === 'ru').map((t) => fold(t.text))))
  const quoted = leaveOut(glossary, passages, quotedScorable(glossary, passages), (e) => new Set(e.terms.filter((t) => t.lang !== 'ru').map((t) => fold(t.text))))
  // Romanised Russian words are looked for only with the dictionary pack (`npm run dict-pack`), as in the app.
  const dictionary = loadDictionaryPack()
  const opts: NewTermsOptions = dictionary ? { isWord: dictionaryWordCheck(dictionary) } : {}
  const romanisedScores = dictionary ? leaveOut(glossary, passages, romanisedScorable(glossary, passages), (e) => new Set(romanised(e).map(fold)), opts) : null
  const matcher = buildMatcher(glossary)
  const t0 = performance.now()
  const full = findNewTerms(passages, matcher, opts)
  return { scores, quoted, romanised: romanisedScores, full, ms: performance.now() - t0 }
}

export function main(): void {
  const { scores, quoted, romanised: roman, full, ms } = evaluateNewTerms()
  const line = (s: NewTermsScore) => `  ${s.split.padEnd(4)} concepts ${s.concepts}  found ${s.found} (${(s.found / Math.max(1, s.concepts)).toFixed(3)})  with a right definition ${s.defined}`
  console.log('New-term discovery: concepts with an abbreviation or a Cyrillic term left out of the glossary, found again')
  for (const s of scores) console.log(line(s))
  console.log('Concepts with a term a report sets in quotes, left out of the glossary, found again')
  for (const s of quoted) console.log(line(s))
  console.log('Concepts with a romanised Russian term a report uses ("povestka"), left out of the glossary, found again')
  if (roman) for (const s of roman) console.log(line(s))
  else console.log('  (no dictionary pack in public/dict: romanised Russian words are not looked for; `npm run dict-pack`)')
  console.log(`  with the whole starter glossary: ${full.length} candidates in ${ms.toFixed(0)} ms (five reports)`)
  if (process.argv.includes('--list')) for (const c of full) console.log(`    ${c.kind.padEnd(12)} ${String(c.count).padStart(3)}  ${c.terms.map((t) => `${t.text} (${t.lang})`).join(' = ')}${c.conceptId ? `  → ${c.conceptId}` : ''}`)
}

if (import.meta.url === `file://${process.argv[1]}`) main()
