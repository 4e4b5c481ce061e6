// Evaluates tier-1 passage linking (P@1, P@5, MRR) and fi↔en sentence alignment (F1, against hunalign) on the gold sets.
// Run: npx tsx tests/bench/eval-link.ts
import { buildMatcher } from '../../src/core/matcher'
import { linkDocuments, type LinkOptions } from '../../src/core/link'
import { alignSentences, scoreAlignment, type AlignOptions } from '../../src/core/align'
import { runHunalign } from './alignDev'
import { loadAlignGold, loadLinkGold, loadStarterGlossary, scoreLinks, type RankScore } from './linkGold'

const fmt = (x: number) => x.toFixed(3)
const cpuMs = () => {
  const c = process.cpuUsage()
  return (c.user + c.system) / 1000
}
const glossary = loadStarterGlossary()
const matcher = glossary ? buildMatcher(glossary) : null

type SetScore = RankScore & { ms: number; pairs: number }

/** Links every gold set (one language pair each); returns the scores by set, and for da+nb together. */
export function evaluateLinking(opts: LinkOptions = {}): Record<string, SetScore> {
  const out: Record<string, SetScore> = {}
  const merged = { queries: 0, p1: 0, p5: 0, mrr: 0 }
  for (const g of loadLinkGold()) {
    const t0 = cpuMs()
    const links = linkDocuments(g.a.passages, g.b.passages, { matcher, top: 10, langA: g.a.lang, langB: g.b.lang, ...opts })
    const ms = cpuMs() - t0
    const s = scoreLinks(links, g.queries)
    out[g.set] = { ...s, ms, pairs: g.pairs }
    if (g.unresolved.length) console.warn(`${g.set}: ${g.unresolved.length} unresolved snippets`, g.unresolved.slice(0, 3))
    if (g.set !== 'fr-en') {
      merged.queries += s.queries
      merged.p1 += s.p1 * s.queries
      merged.p5 += s.p5 * s.queries
      merged.mrr += s.mrr * s.queries
    }
  }
  const n = merged.queries || 1
  out['da/nb-en'] = { queries: merged.queries, p1: merged.p1 / n, p5: merged.p5 / n, mrr: merged.mrr / n, ms: 0, pairs: 0 }
  return out
}

/** Runs `fn` twice; returns the result and the wall and CPU time of the second (warm) run. */
function warm<T>(fn: () => T): { result: T; ms: string } {
  fn()
  const w0 = performance.now()
  const c0 = cpuMs()
  const result = fn()
  return { result, ms: `${(performance.now() - w0).toFixed(1)} ms wall, ${(cpuMs() - c0).toFixed(1)} ms CPU` }
}

async function main() {
  console.log(`Passage linking, tier 1 (lexical + glossary${glossary ? `, ${glossary.entries.length} concepts` : ': none'}), top 10`)
  evaluateLinking() // warm-up: the matcher builds its per-language indexes lazily
  const res = evaluateLinking()
  for (const [set, s] of Object.entries(res)) {
    const extra = s.ms ? `   ${s.pairs} gold pairs, ${s.ms.toFixed(0)} ms CPU` : ''
    console.log(`  ${set.padEnd(8)} queries ${String(s.queries).padStart(3)}  P@1 ${fmt(s.p1)}  P@5 ${fmt(s.p5)}  MRR ${fmt(s.mrr)}${extra}`)
  }
  console.log('  ablations (P@1 / MRR):          fr-en           da/nb-en')
  const ablations: [string, LinkOptions][] = [
    ['no glossary', { matcher: null }],
    ['no everyday-word lexicon', { noLexicon: true }],
    ['no cognates', { noCognates: true }],
    ['no consonant skeletons', { skeleton: false }],
    ['whole passages (no windows)', { window: 0 }],
  ]
  for (const [name, o] of ablations) {
    const r = evaluateLinking(o)
    console.log(`    ${name.padEnd(29)} ${fmt(r['fr-en'].p1)} / ${fmt(r['fr-en'].mrr)}   ${fmt(r['da/nb-en'].p1)} / ${fmt(r['da/nb-en'].mrr)}`)
  }

  const task = loadAlignGold()
  if (task.unresolved.length) console.warn('alignment gold: unresolved', task.unresolved)
  console.log(`\nSentence alignment, report 000 ${task.srcLang}↔${task.tgtLang} (its translated blocks): ${task.src.length} × ${task.tgt.length} sentences, ${task.gold.length} gold beads`)
  await compareAligners(task)
}

async function compareAligners(task: ReturnType<typeof loadAlignGold>) {
  const variants: [string, AlignOptions][] = [
    ['ours (length + anchors + glossary)', { matcher }],
    ['ours, length + anchors, no glossary', {}],
    ['ours, Gale–Church length only', { anchorWeight: 0, mismatchWeight: 0 }],
  ]
  for (const [name, o] of variants) {
    const { result: beads, ms } = warm(() => alignSentences(task.src, task.tgt, { srcLang: task.srcLang, tgtLang: task.tgtLang, ...o }))
    const s = scoreAlignment(beads, task.gold)
    console.log(`  ${name.padEnd(36)} P ${fmt(s.precision)}  R ${fmt(s.recall)}  F1 ${fmt(s.f1)}  ${ms}`)
  }
  // A fresh hunalign instance per run: a second `run` on one instance returns both ladders concatenated.
  await runHunalign(task.src, task.tgt)
  const { beads, ms, startMs } = await runHunalign(task.src, task.tgt)
  const theirs = scoreAlignment(beads, task.gold)
  const name = 'hunalign (wasm, no dictionary)'
  console.log(`  ${name.padEnd(36)} P ${fmt(theirs.precision)}  R ${fmt(theirs.recall)}  F1 ${fmt(theirs.f1)}  ${ms.toFixed(1)} ms wall (+ ${startMs.toFixed(0)} ms wall start-up)`)
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
