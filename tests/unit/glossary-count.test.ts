// The grid's "shown of total" count agrees with the total in every locale ("1 of 58 concepts", not
// "1 of 58 concept"; French "1 sur 58 concepts"), through i18next's plural forms.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import i18next from 'i18next'

const LOCALES = ['en', 'fi', 'nb', 'da', 'sv', 'fr']

async function count(lng: string, shown: number, total: number): Promise<string> {
  const i = i18next.createInstance()
  await i.init({ lng, resources: { [lng]: { translation: JSON.parse(readFileSync(`src/i18n/locales/${lng}.json`, 'utf8')) } } })
  return i.t('glossaryScale.count', { shown, count: total })
}

describe('the grid count', () => {
  it('takes its plural form from the total, not from the number shown', async () => {
    expect(await count('en', 1, 58)).toBe('1 of 58 concepts')
    expect(await count('en', 1, 1)).toBe('1 of 1 concept')
    expect(await count('en', 0, 1)).toBe('0 of 1 concept')
    expect(await count('fr', 1, 58)).toBe('1 sur 58 concepts')
    expect(await count('fr', 1, 1)).toBe('1 sur 1 concept')
    expect(await count('fr', 3, 1_000_000)).toBe('3 sur 1000000 concepts')
    expect(await count('nb', 1, 58)).toBe('1 av 58 begreper')
    expect(await count('da', 1, 1)).toBe('1 af 1 begreb')
    expect(await count('fi', 1, 58)).toBe('1/58 käsitettä')
    expect(await count('sv', 2, 58)).toBe('2 av 58 begrepp')
  })

  it('names both numbers in every locale', async () => {
    for (const l of LOCALES) for (const total of [1, 2, 58]) expect(await count(l, 1, total), l).toMatch(new RegExp(`1\\D+${total}\\b`))
  })
})
