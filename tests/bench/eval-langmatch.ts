// Language-aware term matching on the corpus: cross-language and junk cases of
// tests/fixtures/langmatch-gold.json (reject / accept / clean), with precision and recall, and the
// share of matrix surfaces that are not a clean word or phrase. Run: npm run eval -- langmatch
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createQaContext, usageMatrix, type QaContext } from '../../src/core/qa'
import { hydrateStarter } from '../../src/core/starterGlossary'
import { loadCorpus } from './linkGold'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** One gold case. */
export interface LangCase {
  case: 'reject' | 'accept' | 'clean'
  file: string
  at: number
  conceptId: string
  surface: string
  why: string
}

/** Scores the cases on a QA context: a case is found when a hit of its concept overlaps its span. */
export function scoreLangCases(ctx: QaContext, cases: LangCase[]): { precision: number; recall: number; misses: LangCase[]; junk: number; surfaces: number } {
  let tp = 0
  let fp = 0
  const misses: LangCase[] = []
  for (const c of cases) {
    const hits = ctx.docs.find((d) => d.doc.id === c.file)?.hits ?? []
    const hit = hits.find((h) => h.conceptId === c.conceptId && h.start < c.at + c.surface.length && h.end > c.at)
    const ok = c.case === 'reject' ? !hit : c.case === 'accept' ? !!hit : !!hit && hit.surface === c.surface
    if (c.case === 'reject') fp += hit ? 1 : 0
    else tp += ok ? 1 : 0
    if (!ok) misses.push(c)
  }
  const positives = cases.filter((c) => c.case !== 'reject').length
  const forms = [...usageMatrix(ctx).cells.values()].flatMap((c) => c.forms.map((f) => f.surface))
  const junk = forms.filter((s) => /[\n<>]/.test(s) || s.length > 80).length
  return { precision: tp + fp ? tp / (tp + fp) : 1, recall: positives ? tp / positives : 1, misses, junk, surfaces: forms.length }
}

/** Runs the evaluation on the corpus with the starter glossary. */
export function evaluateLangMatch() {
  const cases = (JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'langmatch-gold.json'), 'utf8')) as { items: LangCase[] }).items
  const glossary = hydrateStarter(JSON.parse(readFileSync(join(ROOT, 'glossary', 'starter.json'), 'utf8')))
  const ctx = createQaContext(glossary, loadCorpus().map((d) => ({ id: d.file, lang: d.lang, text: d.text, passages: d.passages })))
  return { cases: cases.length, ...scoreLangCases(ctx, cases) }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = evaluateLangMatch()
  console.log(`Language-aware matching on ${r.cases} cross-language and junk cases: P ${r.precision.toFixed(3)}  R ${r.recall.toFixed(3)}`)
  console.log(`matrix surfaces that are not a clean word or phrase: ${r.junk} of ${r.surfaces}`)
  for (const m of r.misses) console.log(`  miss (${m.case}) ${m.file.slice(0, 3)} @${m.at} ${m.conceptId} «${m.surface}»: ${m.why}`)
}
