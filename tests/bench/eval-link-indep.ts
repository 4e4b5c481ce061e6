// Evaluates passage linking between independent reports on the frozen gold (dev and test halves reported apart):
// tier 1 alone, tier 2 alone (embedding cosine) and hybrid, with P@1, MRR, recall@5, the strong band's precision
// and the share of no-counterpart passages that get a strong link; with the dictionary pack (`npm run dict-pack`),
// tier 1 and hybrid again with the bilingual dictionary; last, each linker's ranking against the frozen gold plus the
// adjudicated pool (tests/fixtures/link-indep-adjudicated.json). Run: npx tsx tests/bench/eval-link-indep.ts
import { buildMatcher } from '../../src/core/matcher'
import { cosine, kindsCompatible, linkDocuments, type LinkOptions, type PassageLinks } from '../../src/core/link'
import { loadCorpus, loadLinkGold, loadStarterGlossary, scoreLinks } from './linkGold'
import { addAdjudicated, countIndep, loadIndepSets, ratios, readAdjudication, zeroCounts, type IndepCounts, type IndepSet, type Split } from './indepGold'
import { corpusEmbeddings, packAvailable, PACK_MODEL } from './corpusEmbeddings'
import { loadDictionaryPack } from '../../src/cliCommands/dictionaryPack'

const glossary = loadStarterGlossary()
const matcher = glossary ? buildMatcher(glossary) : null
const fmt = (x: number) => x.toFixed(3)

/** Report-pair groups the issue names: independent reports into English, Danish–Norwegian, French into Nordic. */
function groupOf(set: string): string {
  if (/-en$/.test(set)) return 'da/nb/fi→en'
  if (/^fr-/.test(set)) return 'fr→da/nb'
  return 'da↔nb'
}

/** Tier 2 alone: B's passages by cosine to each source passage (same kind rules as linking). */
function denseOnly(s: IndepSet, ea: Float32Array[], eb: Float32Array[]): PassageLinks[] {
  return s.a.passages.map((pa, source) => {
    const order = s.b.passages
      .map((pb, i) => ({ i, c: pa.kind === 'footnote' || !kindsCompatible(pa.kind, pb.kind) ? -2 : cosine(ea[source], eb[i]) }))
      .filter((x) => x.c > -2)
      .sort((x, y) => y.c - x.c)
      .slice(0, 10)
    return { source, candidates: order.map((x) => ({ index: x.i, score: x.c, strength: 'weak' as const, method: 'hybrid' as const, evidence: { concepts: [], numbers: [], names: [], cognates: [], words: [], lexical: 0 } })) }
  })
}

type Mode = (s: IndepSet) => PassageLinks[]

/** The frozen gold's sets, and the same sets with the adjudicated pool's pairs added (see indepGold.ts). */
const frozen = loadIndepSets()
const adjudicated = loadIndepSets()
const misfits = addAdjudicated(adjudicated)
/** Figures of each linker against the gold with the adjudicated pairs, printed last. */
const withPool: [string, Map<string, IndepCounts>][] = []
/** Per linker: (score, right by the frozen gold, right by gold plus pool) of the first three candidates of each test query. */
const reliability: [string, [number, boolean, boolean][]][] = []

function evaluate(sets: IndepSet[], mode: Mode, name?: string): Map<string, IndepCounts> {
  const out = new Map<string, IndepCounts>()
  const adj = new Map<string, IndepCounts>()
  const scored: [number, boolean, boolean][] = []
  for (const s of sets) {
    const links = mode(s)
    const t = adjudicated.find((x) => x.set === s.set)!
    s.queries.forEach((q, k) => {
      if (q.split !== 'test') return
      for (const c of links[q.source]?.candidates.slice(0, 3) ?? []) scored.push([c.score, q.relevant.has(c.index), t.queries[k].relevant.has(c.index)])
    })
    for (const split of ['dev', 'test'] as Split[]) {
      for (const g of [groupOf(s.set), 'all']) {
        const key = `${split}|${g}`
        out.set(key, countIndep(out.get(key) ?? zeroCounts(), links, s.queries.filter((q) => q.split === split)))
        adj.set(key, countIndep(adj.get(key) ?? zeroCounts(), links, t.queries.filter((q) => q.split === split)))
      }
    }
  }
  if (name) withPool.push([name, adj])
  if (name && name !== 'tier 2 alone') reliability.push([name, scored])
  return out
}

function print(name: string, res: Map<string, IndepCounts>, strength = true) {
  console.log(`\n${name}`)
  for (const [key, c] of [...res].sort()) {
    const [split, group] = key.split('|')
    const r = ratios(c)
    const band = strength ? `  strong ${String(r.strong).padStart(3)} right ${fmt(r.strongPrecision)}  no-counterpart ${r.empty} strong ${fmt(r.emptyStrong)}` : ''
    console.log(`  ${split.padEnd(4)} ${group.padEnd(12)} q ${String(r.queries).padStart(3)}  P@1 ${fmt(r.p1)}  MRR ${fmt(r.mrr)}  R@5 ${fmt(r.r5)}${band}`)
  }
}

/** The figures against the frozen gold plus the adjudicated pool: ranking only, for the X→en group and all sets. */
function printPool() {
  const adj = readAdjudication()
  console.log(
    `\nAgainst the frozen gold plus the adjudicated pool (tests/fixtures/link-indep-adjudicated.json: ${adj.pool.pairs} pooled top-1 links the gold lacks, ` +
      `${adj.pool.yes} judged the same fact; the judge found ${adj.controls.yes} of ${adj.controls.pairs} hidden gold pairs the same fact)`,
  )
  if (misfits.length) console.log(`  (pairs that fit no query: ${misfits.join(', ')})`)
  for (const [name, res] of withPool) {
    const line = (split: string, g: string) => {
      const r = ratios(res.get(`${split}|${g}`) ?? zeroCounts())
      return `P@1 ${fmt(r.p1)} MRR ${fmt(r.mrr)} R@5 ${fmt(r.r5)}`
    }
    console.log(`  ${name.padEnd(24)} da/nb/fi→en  dev ${line('dev', 'da/nb/fi→en')}  test ${line('test', 'da/nb/fi→en')}`)
    console.log(`  ${''.padEnd(24)} all          dev ${line('dev', 'all')}  test ${line('test', 'all')}`)
  }
  // Is a score of x right x of the time? Only top-1 links were pooled, so "with pool" is a lower bound for ranks 2–3.
  console.log('\nReliability of the calibrated score on the test half (first three candidates of every query, no-counterpart ones included):')
  for (const [name, rows] of reliability) {
    console.log(`  ${name}`)
    for (const [lo, hi] of [[0, 0.1], [0.1, 0.2], [0.2, 0.35], [0.35, 0.5], [0.5, 0.7], [0.7, 1.01]]) {
      const bin = rows.filter(([p]) => p >= lo && p < hi)
      if (!bin.length) continue
      const share = (k: 1 | 2) => fmt(bin.filter((r) => r[k]).length / bin.length)
      const mean = bin.reduce((a, [p]) => a + p, 0) / bin.length
      console.log(`    [${lo.toFixed(2)}, ${Math.min(1, hi).toFixed(2)})  n ${String(bin.length).padStart(3)}  predicted ${fmt(mean)}  right: frozen gold ${share(1)}, with pool ${share(2)}`)
    }
  }
}

export async function main() {
  const sets = frozen
  for (const s of sets) if (s.unresolved.length) console.warn(`${s.set}: unresolved ${s.unresolved.join(', ')}`)
  const dictionary = loadDictionaryPack()
  const base = (s: IndepSet): LinkOptions => ({ matcher, top: 10, langA: s.a.lang, langB: s.b.lang })
  const withDict = (s: IndepSet): LinkOptions => ({ ...base(s), dictionary })
  const fr = loadLinkGold(['fr-en'])[0]
  const frOpts = (o: LinkOptions): LinkOptions => ({ ...o, langA: 'fr', langB: 'en' })
  const frLine = (o: LinkOptions) => {
    const r = scoreLinks(linkDocuments(fr.a.passages, fr.b.passages, frOpts(o)), fr.queries)
    console.log(`  fr→en (link-gold.json, a restatement)   P@1 ${fmt(r.p1)}  MRR ${fmt(r.mrr)}`)
  }
  console.log(`Linking independent reports (gold: tests/fixtures/link-indep-gold.json; glossary ${glossary?.entries.length ?? 0} concepts)`)
  print('tier 1 (lexical + glossary)', evaluate(sets, (s) => linkDocuments(s.a.passages, s.b.passages, base(s)), 'tier 1'))
  frLine({ matcher, top: 10 })
  if (dictionary) {
    print('tier 1 + bilingual dictionary (public/dict, `npm run dict-pack`)', evaluate(sets, (s) => linkDocuments(s.a.passages, s.b.passages, withDict(s)), 'tier 1 + dictionary'))
    frLine({ matcher, top: 10, dictionary })
  } else console.log('\n(no dictionary pack in public/dict: run `npm run dict-pack` for tier 1 with the bilingual dictionary)')
  if (!packAvailable()) {
    console.log(`\n(no model pack in models/${PACK_MODEL}: run \`npm run model-pack\` for tier 2 and hybrid figures)`)
    return printPool()
  }
  const emb = await corpusEmbeddings(loadCorpus())
  const vec = (s: IndepSet) => ({ a: emb.get(s.a.file)!, b: emb.get(s.b.file)! })
  const frEmb = { a: emb.get(fr.a.file)!, b: emb.get(fr.b.file)! }
  print(`tier 2 alone (${PACK_MODEL}, cosine)`, evaluate(sets, (s) => denseOnly(s, vec(s).a, vec(s).b), 'tier 2 alone'), false)
  print('hybrid (tier 1 ∪ dense retrieval, calibrated fusion)', evaluate(sets, (s) => linkDocuments(s.a.passages, s.b.passages, { ...base(s), embeddings: vec(s) }), 'hybrid'))
  frLine({ matcher, top: 10, embeddings: frEmb })
  if (dictionary) {
    print('hybrid + bilingual dictionary', evaluate(sets, (s) => linkDocuments(s.a.passages, s.b.passages, { ...withDict(s), embeddings: vec(s) }), 'hybrid + dictionary'))
    frLine({ matcher, top: 10, embeddings: frEmb, dictionary })
  }
  printPool()
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
