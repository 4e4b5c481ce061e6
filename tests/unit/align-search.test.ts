// The bead search: 1-0 and 0-1 beads for untranslated sentences, beads of three and more sentences where the
// translation needs them, no drift across a long one-sided run, and a band that stays linear in the sentences.
import { describe, expect, it } from 'vitest'
import { alignSentences, searchBeads, SHAPES, type DpLevel } from '../../src/core/align'

const pairs = (beads: { src: number[]; tgt: number[] }[]) => beads.map((b) => `${b.src.join(',')}:${b.tgt.join(',')}`)

/** Deterministic sentence pairs of varied length: English and a French rendering with the same numbers and names. */
function corpus(n: number, seed = 7): { en: string[]; fr: string[] } {
  let s = seed
  const r = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  const names = ['Moscow', 'Kazan', 'Memorial', 'Novaya Gazeta', 'Rostov', 'Perm', 'Tver', 'Omsk']
  const en: string[] = []
  const fr: string[] = []
  for (let i = 0; i < n; i++) {
    const words = 4 + Math.floor(r() * 22)
    const num = 100 + Math.floor(r() * 9000)
    const name = names[i % names.length]
    en.push(`In ${name}, ${num} people ${'were reported again '.repeat(Math.ceil(words / 4)).trim()}.`)
    fr.push(`À ${name}, ${num} personnes ${'ont été signalées encore '.repeat(Math.ceil(words / 4)).trim()}.`)
  }
  return { en, fr }
}

describe('bead search', () => {
  it('leaves an untranslated note and an untranslated footnote unaligned (1-0 and 0-1 beads)', () => {
    const { en, fr } = corpus(8)
    const src = [...fr.slice(0, 3), "Note de l'éditeur : ce paragraphe ne figure pas dans l'original et n'a donc pas de correspondant.", ...fr.slice(3)]
    const tgt = [...en.slice(0, 6), 'Footnote 12: the translator adds that 4471 and 9932 were counted twice.', ...en.slice(6)]
    const got = pairs(alignSentences(src, tgt, { srcLang: 'fr', tgtLang: 'en' }))
    expect(got).toContain('3:')
    expect(got).toContain(':6')
    expect(got).toEqual(['0:0', '1:1', '2:2', '3:', '4:3', '5:4', '6:5', ':6', '7:7', '8:8'])
  })

  it('makes a 1-3 bead where one sentence is translated by three', () => {
    const { en, fr } = corpus(6, 11)
    const long = 'Selon Memorial, 4120 arrestations à Moscou, 3380 à Kazan et 2790 à Perm ont été enregistrées cette année-là, toutes liées aux manifestations.'
    const three = ['Memorial recorded 4120 arrests in Moscow that year.', 'There were 3380 in Kazan.', 'And 2790 in Perm, all linked to the protests.']
    const src = [...fr.slice(0, 3), long, ...fr.slice(3)]
    const tgt = [...en.slice(0, 3), ...three, ...en.slice(3)]
    const beads = alignSentences(src, tgt, { srcLang: 'fr', tgtLang: 'en' })
    expect(pairs(beads)).toContain('3:3,4,5')
    expect(beads.find((b) => b.src[0] === 3)?.type).toBe('1-3')
  })

  it('does not drift over a long run of untranslated sentences', () => {
    const { en, fr } = corpus(60, 3)
    const filler = (k: number, what: string) => `${what} ${'abcdefghijklmn'[k]}: the methodology of the survey is described here ${'in more detail '.repeat(1 + (k % 5))}than above.`
    const extra = Array.from({ length: 14 }, (_, k) => filler(k, 'Annex'))
    // 30 translated sentences, 14 target-only sentences, 30 more translated ones, then 12 target-only at the end.
    const src = fr
    const tgt = [...en.slice(0, 30), ...extra, ...en.slice(30), ...Array.from({ length: 12 }, (_, k) => filler(k, 'Appendix'))]
    const beads = alignSentences(src, tgt, { srcLang: 'fr', tgtLang: 'en' })
    const truth = (i: number) => (i < 30 ? i : i + 14)
    // Every translated sentence stays with its translation on both sides of each run (no drift) …
    for (let i = 0; i < 60; i++) expect(beads.find((b) => b.src.includes(i))?.tgt).toContain(truth(i))
    // … the pairs after the first run are all exact, and at most one untranslated sentence is glued to a neighbour.
    expect(pairs(beads).filter((p) => /^\d+:\d+$/.test(p) && Number(p.split(':')[0]) >= 30)).toHaveLength(30)
    expect(beads.filter((b) => b.type === '0-1').length).toBeGreaterThanOrEqual(25)
  })

  it('scores a number of beads linear in the sentences, whatever their count difference', () => {
    // A synthetic level whose best path takes 1-3 beads then 1-1 beads: cost 0 on that path, 1 elsewhere.
    const level = (n: number, m: number, onPath: (i: number, j: number, di: number, dj: number) => boolean, calls: { n: number }): DpLevel => ({
      n,
      m,
      cost(i, j, di, dj) {
        calls.n++
        return onPath(i, j, di, dj) ? 0 : 1
      },
      coarser() {
        const h = (x: number) => Math.ceil(x / 2)
        return level(h(n), h(m), (i, j, di, dj) => onPath(2 * i, 2 * j, 2 * di, 2 * dj) || Math.abs(j - (i <= h(n) / 2 ? 3 * i : h(m) - (h(n) - i))) < 2, calls)
      },
    })
    const sizes = [400, 1600].map((n) => {
      const m = 2 * n // the first half of the source takes 1-3 beads, the rest 1-1
      const calls = { n: 0 }
      const onPath = (i: number, j: number, di: number, dj: number) => (i <= n / 2 ? di === 1 && dj === 3 && j === 3 * i : di === 1 && dj === 1 && j - i === m - n)
      const path = searchBeads(level(n, m, onPath, calls))
      expect(path.reduce((s, [a, b]) => [s[0] + a, s[1] + b], [0, 0])).toEqual([n, m])
      expect(path.filter(([a, b]) => a === 1 && b === 3).length).toBe(n / 2)
      return calls.n / (n + m)
    })
    // Work per sentence stays the same when the texts grow fourfold (a quadratic search would grow it fourfold).
    expect(sizes[1]).toBeLessThan(sizes[0] * 1.5)
    expect(SHAPES.length).toBe(12)
  })
})
