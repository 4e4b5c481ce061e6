// Report text files in the encodings word processors and older sites write: Windows-1252 (Word's "plain text" on
// Nordic and French Windows), UTF-16 without a byte-order mark, an HTML page's declared charset; and a clear refusal
// of bytes that are none of these, instead of mojibake.
import { describe, expect, it } from 'vitest'
import { extractText } from '../../src/core/extract'
import { readReport } from '../../src/core/extract/report'

/** Windows-1252 bytes of `s` (the characters the tests use). */
function cp1252(s: string): Uint8Array {
  const high: Record<string, number> = { '–': 0x96, '—': 0x97, '’': 0x92, '“': 0x93, '”': 0x94, '€': 0x80, '…': 0x85 }
  return Uint8Array.from([...s].map((c) => high[c] ?? c.charCodeAt(0)))
}

const DA = 'Rusland: Militærtjeneste\n\nDenne rapport handler om værnepligt – “voenkomat” – og koster 5 €… Søg råd.\n'

describe('report text in other encodings', () => {
  it('reads a Windows-1252 plain-text report, dashes, quotes and euro signs included', async () => {
    const r = await readReport('notat.txt', cp1252(DA))
    expect(r.text).toBe(DA)
    expect(r.passages.map((p) => p.text)).toEqual(['Rusland: Militærtjeneste', 'Denne rapport handler om værnepligt – “voenkomat” – og koster 5 €… Søg råd.'])
    expect(r.lang).toBe('da')
  })

  it('reads UTF-16 without a byte-order mark, either byte order', async () => {
    const text = 'Venäjä\n\nTämä raportti käsittelee asevelvollisuutta.\n'
    const le = new Uint8Array(text.length * 2)
    for (let i = 0; i < text.length; i++) {
      le[2 * i] = text.charCodeAt(i) & 0xff
      le[2 * i + 1] = text.charCodeAt(i) >> 8
    }
    const be = le.map((_, i) => le[i ^ 1])
    expect((await extractText('le.txt', le)).text).toBe(text)
    expect((await extractText('be.txt', be)).text).toBe(text)
  })

  it('reads an HTML page in the charset it declares', async () => {
    const page = (charset: string) => cp1252(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>Rusland</title></head><body><h1>Værnepligt</h1><p>Indkaldelse – “voenkomat”.</p></body></html>`)
    for (const charset of ['windows-1252', 'ISO-8859-1']) {
      const r = await readReport('side.html', page(charset))
      expect(r.passages.map((p) => p.text), charset).toEqual(['Værnepligt', 'Indkaldelse – “voenkomat”.'])
    }
  })

  it('keeps reading UTF-8 as it is, its byte-order mark included, so offsets match the file', async () => {
    const bytes = new TextEncoder().encode('\ufeffVenäjä\n\nTämä raportti.\n')
    expect((await extractText('bom.txt', bytes)).text).toBe('\ufeffVenäjä\n\nTämä raportti.\n')
  })

  it('refuses Cyrillic Windows-1251 bytes rather than showing them as Latin letters, naming the file and byte', async () => {
    // "Россия: военкомат" in Windows-1251.
    const cp1251 = Uint8Array.from([0xd0, 0xee, 0xf1, 0xf1, 0xe8, 0xff, 0x3a, 0x20, 0xe2, 0xee, 0xe5, 0xed, 0xea, 0xee, 0xec, 0xe0, 0xf2])
    await expect(extractText('ru.txt', cp1251)).rejects.toThrow(/^ru\.txt: not valid UTF-8 at byte 0 \(line 1, byte 0xD0\), nor Windows-1252 text in the app's languages: save the report as UTF-8$/)
  })
})
