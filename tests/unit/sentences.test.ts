// Sentence splitting: Intl.Segmenter plus abbreviation, date and quote handling, scored against
// hand-checked splits of corpus passages (boundary F1) and pinned on single cases.
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Lang } from '../../src/core/model'
import { abbreviationEnd, segmentDocument, splitSentences } from '../../src/core/segment'

const CORPUS = process.env.COI_CORPUS ?? '/work/shared/corpus'
interface SentenceGold {
  passages: Array<{ report: string; passage: string; sentences: string[] }>
}
const gold = JSON.parse(readFileSync(new URL('../fixtures/sentence-gold.json', import.meta.url), 'utf8')) as SentenceGold

/** Offsets where one sentence ends and the next begins, from a list of sentence texts. */
function boundaries(text: string, sentences: string[]): number[] {
  const out: number[] = []
  let at = 0
  for (const s of sentences) {
    const i = text.indexOf(s, at)
    if (i < 0) throw new Error(`sentence not found in passage: ${s.slice(0, 40)}`)
    at = i + s.length
    out.push(at)
  }
  return out.slice(0, -1)
}

const split = (text: string, lang: Lang) => splitSentences(text, lang).map(([a, b]) => text.slice(a, b))

describe.skipIf(!existsSync(CORPUS))('sentence boundaries against the hand-checked gold', () => {
  it('has at least 60 boundaries from all five reports', () => {
    const reports = new Set(gold.passages.map((g) => g.report))
    expect(reports.size).toBe(5)
    expect(gold.passages.reduce((n, g) => n + g.sentences.length - 1, 0)).toBeGreaterThanOrEqual(60)
  })

  it('reaches a boundary F1 of at least 0.98', () => {
    const docs = new Map<string, ReturnType<typeof segmentDocument>>()
    let tp = 0
    let fp = 0
    let fn = 0
    for (const g of gold.passages) {
      if (!docs.has(g.report)) docs.set(g.report, segmentDocument(readFileSync(`${CORPUS}/${g.report}`, 'utf8')))
      const p = docs.get(g.report)!.passages.find((q) => q.text.startsWith(g.passage))
      expect(p, g.passage).toBeDefined()
      const want = new Set(boundaries(p!.text, g.sentences))
      const got = new Set(boundaries(p!.text, p!.sentences.map((s) => s.text)))
      for (const b of got) (want.has(b) ? tp++ : fp++)
      for (const b of want) if (!got.has(b)) fn++
    }
    const precision = tp / (tp + fp)
    const recall = tp / (tp + fn)
    const f1 = (2 * precision * recall) / (precision + recall)
    expect(tp).toBeGreaterThanOrEqual(60)
    expect(f1).toBeGreaterThanOrEqual(0.98)
  })
})

describe('splitSentences', () => {
  it('does not split after Nordic abbreviations and ordinals', () => {
    expect(split('Kilder sondrer ikke altid præcist mellem begreber som f.eks. EUAA og Landinfo. Det er svært.', 'da')).toEqual([
      'Kilder sondrer ikke altid præcist mellem begreber som f.eks. EUAA og Landinfo.',
      'Det er svært.',
    ])
    expect(split('Det er bl.a. DRC der siger det. Derudover er der pr. 1. oktober 2023 indtrådt bødestraf.', 'da')).toHaveLength(2)
    expect(split('Etter Russlands fullskalainvasjon av Ukraina den 24. februar 2022 har uttrykk endret seg. Neste.', 'nb')).toHaveLength(2)
  })

  it('does not split after Finnish abbreviations or a leading date', () => {
    expect(split('Novaja Gazeta Jevropa -uutissivuston (ven. Новая Газета Европа) mukaan näin. Toinen lause.', 'fi')).toHaveLength(2)
    expect(split('Sila Rodiny -nimisellä (ven. Сила Родины, suom. Kotimaan voima) sivustolla todetaan näin.', 'fi')).toHaveLength(1)
    expect(split('29.9.2025. Venäjä / Varusmiehet ja liikekannallepano, tilanne maaliskuun 2025 jälkeen.', 'fi')).toHaveLength(1)
    expect(split('Maahanmuuttoviraston maatietopalvelu 29.8.2025, s. 6–7. Seuraava lause.', 'fi')).toHaveLength(2)
  })

  it('does not split after French and English abbreviations or name initials', () => {
    expect(split('Selon M. Poutine, la mobilisation est terminée. Voir p. ex. Le Monde.', 'fr')).toEqual([
      'Selon M. Poutine, la mobilisation est terminée.',
      'Voir p. ex. Le Monde.',
    ])
    expect(split('The draft percentage from e.g. Buryatia is higher than from e.g. Moscow. Even companies get quotas.', 'en')).toHaveLength(2)
    expect(split('He moved to St. Petersburg in 2020. President Vladimir V. Putin spoke.', 'en')).toHaveLength(2)
  })

  it('still splits after a one-letter word that ends a sentence', () => {
    expect(split('It could be any of the other categories, i.e., A, B, V, or D. In the first two cases, they serve.', 'en')).toHaveLength(2)
  })

  it('keeps a closing guillemet with the sentence it closes', () => {
    expect(split('« Il a dit non. » Source : BBC. Une autre phrase.', 'fr')).toEqual(['« Il a dit non. »', 'Source : BBC.', 'Une autre phrase.'])
  })

  it('classifies abbreviation ends', () => {
    expect(abbreviationEnd('Kilder som f.eks.', 'da')).toBe('never-final')
    expect(abbreviationEnd('og andre grupper mv.', 'da')).toBe('maybe-final')
    expect(abbreviationEnd('A register of summons.', 'en')).toBeNull()
    expect(abbreviationEnd('1.', 'fi')).toBe('never-final')
  })
})
