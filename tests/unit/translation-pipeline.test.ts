// The passage translation pipeline around the model (protect → translate → restore → check → fix), the
// translation cache key and the cached translate: pure logic, with a deterministic translator standing in
// for the model.
import { describe, expect, it } from 'vitest'
import { buildMatcher } from '../../src/core/matcher'
import type { ConceptEntry, Glossary, Lang, TermStatus, TermType } from '../../src/core/model'
import { findingSegments, fixPassage, protectPassage, translatePassage, type GlossaryContext } from '../../src/ml/passageTranslation'
import { translateWithCache, translationHash, translationKeyText, type TranslationCache } from '../../src/ml/translationCache'
import { sourceLangOf } from '../../src/stores/translation'

const T = '2025-01-01T00:00:00.000Z'
function entry(id: string, terms: [Lang, string, TermType, TermStatus?][]): ConceptEntry {
  return {
    concept: { id, definitions: {}, related: [], created: T, modified: T },
    terms: terms.map(([lang, text, type, status], i) => ({ id: `${id}-${lang}-${i}`, conceptId: id, lang, text, type, status: status ?? 'preferred', sources: [], created: T, modified: T })),
  }
}
const glossary: Glossary = {
  entries: [
    entry('voenkomat', [
      ['ru', 'военкомат', 'fullForm'], ['en', 'military commissariat', 'fullForm'], ['en', 'draft board', 'fullForm', 'deprecated'],
      ['en', 'Voenkomat', 'transliteration', 'admitted'], ['nb', 'Vojenkomat', 'transliteration', 'admitted'], ['fi', 'sotilaskomissariaatti', 'fullForm'],
    ]),
    entry('svo', [['en', 'special military operation', 'phrase'], ['en', 'SVO', 'acronym', 'admitted'], ['fi', 'sotilaallinen erikoisoperaatio', 'phrase'], ['fi', 'SVO', 'acronym', 'admitted']]),
  ],
}
const ctx: GlossaryContext = { matcher: buildMatcher(glossary), glossary }

/** A fake model: a word-for-word en→fi dictionary that copies placeholders, streaming word by word. */
const DICT: Record<string, string> = { the: '', sent: 'lähetti', him: 'hänet', to: '', zone: 'alueelle', draft: 'kutsunta', board: 'toimisto' }
function fakeMt(text: string, onRaw: (sofar: string) => void): Promise<string> {
  let out = ''
  for (const w of text.split(/\s+/)) {
    const t = /^<x\d+\/>/.test(w) ? w : (DICT[w.toLowerCase().replace(/[.;,]$/, '')] ?? w)
    if (!t) continue
    out += (out ? ' ' : '') + t
    onRaw(out)
  }
  return Promise.resolve(out)
}

describe('translatePassage', () => {
  it('keeps transliterations and acronyms out of the model and puts them back, streaming restored text', async () => {
    const seen: string[] = []
    let modelInput = ''
    const r = await translatePassage(
      'The Voenkomat sent him to the SVO zone.',
      'en',
      'fi',
      ctx,
      (text, onRaw) => ((modelInput = text), fakeMt(text, onRaw)),
      (t) => seen.push(t),
    )
    expect(modelInput).toBe('The <x1/> sent him to the <x2/> zone.')
    expect(r.text).toBe('Voenkomat lähetti hänet SVO alueelle')
    expect(seen.at(-1)).toBe(r.text)
    expect(seen.every((s) => !s.includes('<x'))).toBe(true)
    expect(r.dropped).toEqual([])
  })

  it('uses the target language’s spelling of a protected transliteration', () => {
    const p = protectPassage('The Voenkomat sent him.', 'en', 'nb', ctx)
    expect(p.slots[0].replacement).toBe('Vojenkomat')
  })

  it('reports terms the model dropped', async () => {
    const r = await translatePassage('The Voenkomat sent him.', 'en', 'fi', ctx, async () => 'hänet lähetettiin')
    expect(r.dropped).toEqual(['Voenkomat'])
  })

  it('checks the output: a deprecated term is found with its span and fixed with one click', async () => {
    const r = await translatePassage('Военкомат отправил его.', 'ru', 'en', ctx, async () => 'The draft board sent him.')
    const f = r.findings.find((x) => x.check === 'deprecated-term')!
    expect(f).toMatchObject({ surface: 'draft board', replacement: 'military commissariat', start: 4, end: 15 })
    const fixed = fixPassage('Военкомат отправил его.', r.text, f, 'ru', 'en', ctx)
    expect(fixed.text).toBe('The military commissariat sent him.')
    expect(fixed.findings.filter((x) => x.check === 'deprecated-term')).toEqual([])
  })

  it('without a glossary it translates as is and finds nothing', async () => {
    const r = await translatePassage('The Voenkomat sent him.', 'en', 'fi', null, fakeMt)
    expect(r.text).toBe('Voenkomat lähetti hänet')
    expect(r.findings).toEqual([])
  })
})

describe('findingSegments', () => {
  it('cuts the text at finding spans, keeping every character once', async () => {
    const r = await translatePassage('Военкомат отправил его.', 'ru', 'en', ctx, async () => 'The draft board sent him.')
    const segs = findingSegments(r.text, r.findings)
    expect(segs.map((s) => s.text).join('')).toBe(r.text)
    expect(segs.filter((s) => s.finding).map((s) => s.text)).toEqual(['draft board'])
  })
})

class MemoryCache implements TranslationCache {
  readonly map = new Map<string, string>()
  async getMany(model: string, hashes: readonly string[]) {
    return hashes.map((h) => this.map.get(`${model}|${h}`))
  }
  async putMany(model: string, entries: readonly { hash: string; text: string }[]) {
    for (const e of entries) this.map.set(`${model}|${e.hash}`, e.text)
  }
}

describe('translation cache', () => {
  it('keys differ by pair, kind and text, and are stable', async () => {
    const a = await translationHash('Asylum seekers', 'en', 'fi')
    expect(a).toMatch(/^[0-9a-f]{64}$/)
    expect(await translationHash('Asylum seekers', 'en', 'fi')).toBe(a)
    expect(await translationHash('Asylum seekers', 'en', 'sv')).not.toBe(a)
    expect(await translationHash('Asylum seekers', 'en', 'fi', 'passage')).not.toBe(a)
    expect(await translationHash('Asylum seekers.', 'en', 'fi')).not.toBe(a)
    expect(translationKeyText('x', 'en', 'fi')).not.toBe(translationKeyText('x', 'en', 'fi', 'passage'))
  })

  it('translates each distinct missing text once, then answers from the cache without calling the model', async () => {
    const cache = new MemoryCache()
    const calls: string[][] = []
    const model = async (missing: string[], onPiece: (i: number, p: string) => void) => {
      calls.push(missing)
      return missing.map((t, i) => {
        onPiece(i, 'X ')
        onPiece(i, t.toUpperCase())
        return `X ${t.toUpperCase()}`
      })
    }
    const partial: [number, string][] = []
    const first = await translateWithCache(['a', 'b', 'a'], 'm', 'en', 'fi', cache, model, { onPartial: (i, t) => partial.push([i, t]) })
    expect(first).toEqual({ translations: ['X A', 'X B', 'X A'], cached: 0 })
    expect(calls).toEqual([['a', 'b']])
    // Streamed text so far reaches every index holding the text.
    expect(partial).toContainEqual([2, 'X A'])
    expect(partial).toContainEqual([1, 'X '])
    const second = await translateWithCache(['b', 'a', 'c'], 'm', 'en', 'fi', cache, model)
    expect(second).toEqual({ translations: ['X B', 'X A', 'X C'], cached: 2 })
    expect(calls).toEqual([['a', 'b'], ['c']])
    // Another model or pair is another entry.
    await translateWithCache(['a'], 'other', 'en', 'fi', cache, model)
    await translateWithCache(['a'], 'm', 'en', 'sv', cache, model)
    expect(calls.length).toBe(4)
  })

  it('stores nothing when the model fails', async () => {
    const cache = new MemoryCache()
    await expect(translateWithCache(['a'], 'm', 'en', 'fi', cache, async () => Promise.reject(new Error('down')))).rejects.toThrow('down')
    expect(cache.map.size).toBe(0)
  })
})

describe('sourceLangOf', () => {
  it('takes the passage language, else the document’s, else none', () => {
    expect(sourceLangOf({ lang: 'fr' }, 'en')).toBe('fr')
    expect(sourceLangOf({ lang: 'und' }, 'fi')).toBe('fi')
    expect(sourceLangOf({ lang: 'und' }, 'und')).toBe(null)
  })
})
