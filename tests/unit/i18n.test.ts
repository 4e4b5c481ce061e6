// Every UI string goes through i18next: each locale has every key of the English source locale,
// and every static key the code uses exists in English.
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

type Tree = { [k: string]: string | Tree }
const LOCALES = ['en', 'fi', 'nb', 'da', 'sv', 'fr']
const load = (l: string) => JSON.parse(readFileSync(`src/i18n/locales/${l}.json`, 'utf8')) as Tree

function keys(t: Tree, prefix = ''): string[] {
  return Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)))
}
/** Plural forms collapse to their base key ("count_one" → "count"). */
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? sources(p) : /\.(vue|ts)$/.test(n) ? [p] : []
  })
}

describe('i18n', () => {
  const en = keys(load('en'))
  for (const lang of LOCALES.slice(1)) {
    it(`${lang} has every key of en, and no stray key`, () => {
      const have = new Set(keys(load(lang)))
      const missing = en.filter((k) => !have.has(k))
      expect(missing, `missing in ${lang}`).toEqual([])
      const enBases = new Set(en.map(base))
      expect([...have].filter((k) => !enBases.has(base(k))), `unknown in ${lang}`).toEqual([])
    })
    it(`${lang} has no empty string and is really translated`, () => {
      const t = keys(load(lang))
      const flat = (tree: Tree, k: string) => k.split('.').reduce<string | Tree>((n, p) => (n as Tree)[p], tree) as string
      const l = load(lang)
      const e = load('en')
      expect(t.filter((k) => !flat(l, k).trim())).toEqual([])
      const same = t.filter((k) => en.includes(k) && flat(l, k) === flat(e, k) && /[a-z]{4,}/.test(flat(e, k)))
      expect(same.length / t.length).toBeLessThan(0.2)
    })
  }

  it('every static key used in the code exists in en', () => {
    const enBases = new Set(en.map(base))
    const prefixes = new Set(en.map((k) => k.split('.')[0]))
    const used = new Set<string>()
    for (const f of sources('src')) {
      const src = readFileSync(f, 'utf8')
      for (const m of src.matchAll(/(?:\$t|\bt|i18next\.t)\(\s*['"]([\w.-]+)['"]/g)) used.add(m[1])
      for (const m of src.matchAll(/(?:\$t|\bt|i18next\.t)\(\s*`([\w]+)\.\$\{/g)) expect(prefixes.has(m[1]), `${f}: ${m[1]}.*`).toBe(true)
    }
    expect(used.size).toBeGreaterThan(20)
    expect([...used].filter((k) => k.includes('.') && !enBases.has(k))).toEqual([])
  })
})
