// Check: across linked passages of two reports, a concept one passage names and its counterpart leaves out or renders by a non-admitted term.
import { linkDocuments, type PassageLinks } from '../../link'
import type { Lang } from '../../model'
import { foldForMatch } from '../../text/normalize'
import { makeFinding, type Finding } from '../findings'
import { isAdmittedStatus } from '../glossaryInfo'
import type { QaContext, QaHit, ScannedDoc } from '../scan'

/** Options of `checkLinkedAbsent`. */
export interface LinkedAbsentOptions {
  /** Lowest link score in [0, 1] for two passages to count as linked (default 0.45). */
  minScore?: number
  /** Require each passage to be the other's best candidate (default true). */
  mutual?: boolean
  /** Pairs of document ids to compare (default: every pair of reports in different languages). */
  pairs?: ReadonlyArray<readonly [string, string]>
  /** Links already computed (by the worker or the link view), in both directions: a→b and b→a. */
  links?: ReadonlyArray<{ a: string; b: string; links: readonly PassageLinks[] }>
  /**
   * Passage pairs to compare instead of linking (confirmed links): document ids and passage positions. When
   * given, nothing is linked and `pairs`, `links`, `minScore` and `mutual` are ignored.
   */
  passagePairs?: ReadonlyArray<{ a: string; passageA: number; b: string; passageB: number; score?: number }>
}

/** A pair of passages (positions in the two passage lists) linked with a score. */
export interface LinkedPair {
  a: number
  b: number
  score: number
}

/** The best candidate of each source passage, when it reaches `minScore`. */
function bestOf(links: readonly PassageLinks[], minScore: number): Map<number, { index: number; score: number }> {
  const out = new Map<number, { index: number; score: number }>()
  for (const l of links) {
    const c = l.candidates[0]
    if (c && c.score >= minScore) out.set(l.source, { index: c.index, score: c.score })
  }
  return out
}

/** Links two scanned reports and returns the passage pairs above the threshold (mutual best by default). */
export function linkedPairs(ctx: QaContext, a: ScannedDoc, b: ScannedDoc, opts: LinkedAbsentOptions = {}): LinkedPair[] {
  const minScore = opts.minScore ?? 0.5
  const given = (x: string, y: string) => opts.links?.find((l) => l.a === x && l.b === y)?.links
  const run = (x: ScannedDoc, y: ScannedDoc) =>
    given(x.doc.id, y.doc.id) ??
    linkDocuments(x.doc.passages ?? [], y.doc.passages ?? [], { matcher: ctx.matcher, langA: x.doc.lang, langB: y.doc.lang, top: 1 })
  const ab = bestOf(run(a, b), minScore)
  const ba = opts.mutual === false ? null : bestOf(run(b, a), minScore)
  const out: LinkedPair[] = []
  for (const [src, c] of ab) {
    if (ba && ba.get(c.index)?.index !== src) continue
    if (a.passages[src]?.kind === 'heading' || b.passages[c.index]?.kind === 'heading') continue
    out.push({ a: src, b: c.index, score: c.score })
  }
  return out
}

/** Hits of one passage by concept (ambiguous spellings left out). */
function conceptsOf(sd: ScannedDoc, passageIndex: number): Map<string, QaHit[]> {
  const out = new Map<string, QaHit[]>()
  for (const h of sd.hits) {
    if (h.passageIndex !== passageIndex || h.ambiguous) continue
    const list = out.get(h.conceptId)
    if (list) list.push(h)
    else out.set(h.conceptId, [h])
  }
  return out
}

const snippet = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s)

/** Folded words (6 letters or more) of a concept's admitted terms in a language. */
function termWords(ctx: QaContext, conceptId: string, lang: Lang): string[] {
  return ctx.glossary
    .termsIn(conceptId, lang)
    .filter((t) => isAdmittedStatus(t.status))
    .flatMap((t) => foldForMatch(t.text, lang).split(/[^\p{L}]+/u))
    .filter((w) => w.length >= 6)
}

/** True when two concepts are named by words of one family in `lang` (six letters in common at the start: "vernepliktig" ~ "verneplikt"). */
function sameFamily(ctx: QaContext, a: string, b: string, lang: Lang): boolean {
  const wb = termWords(ctx, b, lang)
  return termWords(ctx, a, lang).some((x) => wb.some((y) => x.slice(0, 6) === y.slice(0, 6)))
}

/**
 * Every concept a passage names in any way: its hits (ambiguous ones included), concepts nested in longer hits
 * ("verneplikt" inside "unndra seg verneplikt"), found by matching again with all overlaps.
 */
function presentIn(ctx: QaContext, sd: ScannedDoc, passageIndex: number): Set<string> {
  const out = new Set<string>()
  for (const h of sd.hits) if (h.passageIndex === passageIndex) out.add(h.conceptId)
  const mp = sd.passages[passageIndex]
  for (const h of ctx.matcher.match(mp.text, mp.lang, { overlaps: 'all' })) out.add(h.conceptId)
  return out
}

/**
 * Compares the concepts of passage `pi` of `x` with those of its counterpart `pj` of `y`; findings go to `y`. A
 * concept counts as present in the counterpart when it is named there, or a related concept (the glossary's
 * cross-references) of the same word family: "vernepliktige" (conscripts) for "verneplikt" (conscription).
 */
function compare(ctx: QaContext, x: ScannedDoc, pi: number, y: ScannedDoc, pj: number, score: number, requireShared: boolean, out: Finding[]): void {
  const here = conceptsOf(x, pi)
  const there = conceptsOf(y, pj)
  if (requireShared && ![...here.keys()].some((c) => there.has(c))) return
  let present: Set<string> | null = null
  const py = y.passages[pj]
  const px = x.passages[pi]
  for (const [conceptId, hits] of here) {
    if (!hits.some((h) => isAdmittedStatus(h.term.status))) continue
    const theirs = there.get(conceptId)
    const where = `${x.doc.id} passage ${pi} («${snippet(px.text)}», link ${score.toFixed(2)})`
    const expected = ctx.glossary.preferredIn(conceptId, py.lang)
    if (!theirs) {
      if (!expected) continue
      present ??= presentIn(ctx, y, pj)
      const related = ctx.glossary.entryById.get(conceptId)?.concept.related ?? []
      if (present.has(conceptId) || related.some((r) => present!.has(r) && sameFamily(ctx, conceptId, r, py.lang))) continue
      out.push(
        makeFinding({
          check: 'linked-absent', severity: 'info', conceptId, termId: expected.id, term: expected.text,
          docId: y.doc.id, passageIndex: pj, start: py.start, end: py.end, surface: expected.text,
          suggestion: expected.text,
          detail: `${ctx.glossary.label(conceptId)} («${hits[0].surface}») is in the linked ${where} but not in this passage`,
        }),
      )
    } else if (!theirs.some((h) => isAdmittedStatus(h.term.status))) {
      const h = theirs[0]
      out.push(
        makeFinding({
          check: 'linked-absent', severity: 'warning', conceptId, termId: h.termId, term: h.term.text,
          docId: y.doc.id, passageIndex: pj, start: h.start, end: h.end, surface: h.surface,
          ...(expected ? { suggestion: expected.text } : {}),
          detail: `${ctx.glossary.label(conceptId)} is rendered here only by the ${h.term.status} «${h.term.text}»; the linked ${where} has «${hits[0].surface}»`,
        }),
      )
    }
  }
}

/**
 * For each pair of reports (by default every pair in different languages), links their passages (tier 1,
 * `linkDocuments`) and, for each pair of body passages linked above `minScore` (mutual best by default) that
 * share at least one concept — or for each pair given in `passagePairs` (confirmed links) — reports a
 * concept present in one passage and absent from its counterpart — not named there in any way, nor by a related
 * concept — ('info', on the counterpart passage, the
 * suggestion being the concept's preferred term there), or rendered there only by a deprecated or forbidden
 * term ('warning', on that term). Concepts without a term in the counterpart's language are skipped.
 */
export function checkLinkedAbsent(ctx: QaContext, opts: LinkedAbsentOptions = {}): Finding[] {
  const byId = new Map(ctx.docs.map((d) => [d.doc.id, d]))
  const out: Finding[] = []
  if (opts.passagePairs) {
    for (const p of opts.passagePairs) {
      const a = byId.get(p.a)
      const b = byId.get(p.b)
      if (!a?.passages[p.passageA] || !b?.passages[p.passageB]) continue
      compare(ctx, a, p.passageA, b, p.passageB, p.score ?? 1, false, out)
      compare(ctx, b, p.passageB, a, p.passageA, p.score ?? 1, false, out)
    }
    return out
  }
  const pairs: Array<readonly [string, string]> = opts.pairs
    ? [...opts.pairs]
    : ctx.docs.flatMap((a, i) => ctx.docs.slice(i + 1).filter((b) => b.doc.lang !== a.doc.lang).map((b) => [a.doc.id, b.doc.id] as const))
  for (const [ia, ib] of pairs) {
    const a = byId.get(ia)
    const b = byId.get(ib)
    if (!a || !b || !a.doc.passages?.length || !b.doc.passages?.length) continue
    for (const p of linkedPairs(ctx, a, b, opts)) {
      compare(ctx, a, p.a, b, p.b, p.score, true, out)
      compare(ctx, b, p.b, a, p.a, p.score, true, out)
    }
  }
  return out
}
