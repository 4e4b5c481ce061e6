// `cli -- link`: the JSON shape with each candidate's calibrated score and strength, the option errors, and the hybrid
// tier with the real model pack (--embeddings <id> --model-source models) when the pack is present, and the note when no
// dictionary pack is built.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../src/cli'
import { DEFAULT_EMBEDDING_MODEL } from '../../src/ml/adapters/embeddings'
import { dictionaryFor } from '../../src/cliCommands/link'

const CORPUS = process.env.COI_CORPUS ?? '/work/shared/corpus'
const MODELS = new URL('../../models', import.meta.url).pathname
const packed = existsSync(join(MODELS, DEFAULT_EMBEDDING_MODEL, 'config.json'))

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(args, { out: (s: string) => void (out += s), err: (s: string) => void (err += s) } as never)
  return { code, out, err }
}

interface Out { links: { source: { index: number; text: string }; candidates: { index: number; score: number; strength: string; text: string }[] }[] }

describe.skipIf(!existsSync(CORPUS))('cli link', () => {
  it('prints every source passage with candidates that carry a calibrated score and a strength', async () => {
    const r = await cli('link', `${CORPUS}/001_e8e03fc529c28da8.txt`, `${CORPUS}/002_f92c2e12db2273f8.txt`, '--top', '3', '--json')
    expect(r.code).toBe(0)
    const json = JSON.parse(r.out) as Out
    expect(json.links.length).toBeGreaterThan(50)
    const cands = json.links.flatMap((l) => l.candidates)
    expect(cands.length).toBeGreaterThan(0)
    for (const c of cands) {
      expect(Object.keys(c).sort()).toEqual(['end', 'index', 'score', 'start', 'strength', 'text'])
      expect(['strong', 'weak']).toContain(c.strength)
      expect(c.score).toBeGreaterThan(0)
      expect(c.score).toBeLessThanOrEqual(1)
    }
    for (const l of json.links) expect(l.candidates.length).toBeLessThanOrEqual(3)
  })
  it('refuses --embeddings without a model source, and a model source without --embeddings', async () => {
    const f = `${CORPUS}/000_acf8e1b7719e168f.txt`
    expect((await cli('link', f, f, '--embeddings', DEFAULT_EMBEDDING_MODEL)).err).toMatch(/--embeddings needs --model-source/)
    expect((await cli('link', f, f, '--model-source', 'models')).err).toMatch(/--model-source goes with --embeddings/)
  })
})

describe.skipIf(!packed)('cli link --embeddings with the model pack', () => {
  it('sharpens a link the glossary alone finds weak, and leaves a passage with no counterpart alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'link-cli-'))
    const da = ['1. Værnepligtige må ikke forlade landet, når de er indkaldt til tjeneste.', '2. Bøden for at udeblive fra sessionen er op til 30.000 rubler.', '3. Rapporten er skrevet af en dansk organisation i København.']
    const en = ['1. A fine of up to 30,000 roubles applies to those who fail to appear.', '2. Once drafted, a conscript may not leave the country.', '3. The weather in Moscow was cold in January.']
    writeFileSync(join(dir, 'a.txt'), da.join('\n') + '\n')
    writeFileSync(join(dir, 'b.txt'), en.join('\n') + '\n')
    const link = async (...extra: string[]) => {
      const r = await cli('link', join(dir, 'a.txt'), join(dir, 'b.txt'), '--lang-a', 'da', '--lang-b', 'en', '--json', ...extra)
      expect(r.err).toBe('')
      return (JSON.parse(r.out) as Out).links
    }
    const lexical = await link()
    const hybrid = await link('--embeddings', DEFAULT_EMBEDDING_MODEL, '--model-source', MODELS)
    expect(hybrid[0].candidates[0].text).toMatch(/leave the country/)
    expect(hybrid[0].candidates[0].strength).toBe('strong')
    expect(hybrid[0].candidates[0].score).toBeGreaterThan(lexical[0].candidates[0].score)
    expect(hybrid[1].candidates[0].text).toMatch(/30,000 roubles/)
    expect(hybrid[2].candidates.filter((c) => c.strength === 'strong')).toEqual([])
  }, 180_000)
})

describe('cli link with a language the workbench does not support', () => {
  const dir = mkdtempSync(join(tmpdir(), 'link-cli-de-'))
  // Three short paragraphs (Markdown: one passage each); the French has them in another order, so that a link must be found, not assumed.
  const de = ['Die Expedition erreichte am 23. Mai 1956 den Gipfel des Everest.', 'Im Basislager warteten 350 Träger auf die Bergsteiger.', 'Der Bericht von Albert Eggler erschien 1957 in Bern.']
  const fr = ["Le rapport d'Albert Eggler parut en 1957 à Berne.", "L'expédition atteignit le sommet de l'Everest le 23 mai 1956.", 'Au camp de base, 350 porteurs attendaient les alpinistes.']
  writeFileSync(join(dir, 'de.md'), de.join('\n\n') + '\n')
  writeFileSync(join(dir, 'fr.md'), fr.join('\n\n') + '\n')

  it('names German as unsupported, detected or given, instead of taking it for a Nordic language, and still links', async () => {
    for (const extra of [[], ['--lang-a', 'de', '--lang-b', 'fr']]) {
      const r = await cli('link', join(dir, 'de.md'), join(dir, 'fr.md'), '--json', ...extra)
      expect(r.code).toBe(0)
      expect(r.err).toContain('German (de) is not a supported language; linking de.md uses language-independent features only')
      expect(r.err).not.toMatch(/\b(nb|da|sv)\b|French/)
      const links = (JSON.parse(r.out) as Out).links
      expect(links).toHaveLength(3)
      // Numbers, dates and names still link the translations (language-independent anchors).
      expect(links.map((l) => l.candidates[0]?.text)).toEqual([fr[1], fr[2], fr[0]])
    }
  })

  it('refuses a language option that is not a language code', async () => {
    const r = await cli('link', join(dir, 'de.md'), join(dir, 'fr.md'), '--lang-a', 'german!')
    expect(r.code).toBe(1)
    expect(r.err).toContain('--lang-a: "german!" is not a language code')
  })
})

describe('cli link without a built dictionary pack', () => {
  const empty = mkdtempSync(join(tmpdir(), 'no-dict-'))
  it('says so when it links two languages, and is silent for one language or with --no-dictionary', () => {
    const said: string[] = []
    expect(dictionaryFor({}, true, (s) => said.push(s), empty)).toBeNull()
    expect(said.join('')).toMatch(/no bilingual dictionary pack in .*no-dict-.*npm run dict-pack/)
    said.length = 0
    expect(dictionaryFor({}, false, (s) => said.push(s), empty)).toBeNull()
    expect(dictionaryFor({ 'no-dictionary': true }, true, (s) => said.push(s), empty)).toBeNull()
    expect(said).toEqual([])
  })
})
