// The dictionary pack script's dictd reader (scripts/dict-pack.mjs) on a tiny dictionary written here in dictd format,
// and its round trip into the pack line format that linking reads (parseDictionaryPack).
import { describe, expect, it } from 'vitest'
import {
  buildLexicon, decodeDictNumber, formatLexicon, licenseOf, parseEntry, parseIndex, readDictd, splitTranslations,
} from '../../scripts/dict-pack.mjs'
import { parseDictionaryPack } from '../../src/core/link'

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
/** A number in dictd's base64 digits. */
function encode(n: number): string {
  let s = ''
  do {
    s = B64[n % 64] + s
    n = Math.floor(n / 64)
  } while (n > 0)
  return s
}

/** A dictd dictionary (index text and .dict text) from entry bodies, offsets in UTF-8 bytes as dictd counts them. */
function dictd(bodies: [string, string][]): { index: string; dict: string } {
  let dict = '00-database-info\nA tiny test dictionary\n'
  const lines = [`00databaseinfo\t${encode(0)}\t${encode(Buffer.byteLength(dict))}`]
  for (const [headword, body] of bodies) {
    const offset = Buffer.byteLength(dict)
    dict += body
    lines.push(`${headword}\t${encode(offset)}\t${encode(Buffer.byteLength(body))}`)
  }
  return { index: lines.join('\n') + '\n', dict }
}

describe('dictd reading', () => {
  it('decodes index numbers written in base64 digits, big-endian', () => {
    expect(decodeDictNumber('A')).toBe(0)
    expect(decodeDictNumber('B')).toBe(1)
    expect(decodeDictNumber('BA')).toBe(64)
    expect(decodeDictNumber('ie0')).toBe(34 * 4096 + 30 * 64 + 52)
    expect(() => decodeDictNumber('a*b')).toThrow(/not a dictd base64 number: "a\*b"/)
  })

  it('reads an index, leaving out the database entries, and names the line of a malformed one', () => {
    expect(parseIndex('00databaseinfo\tA\tc\nbud\tBA\tk\n')).toEqual([{ headword: 'bud', offset: 64, length: 36 }])
    expect(() => parseIndex('bud\tBA\tk\nbrønd BA\n', 'freedict-dan-eng.index')).toThrow(/freedict-dan-eng\.index:2: expected "headword TAB offset TAB length"/)
  })

  it('takes each sense\'s translation line and skips WikDict glosses, notes and "#Language" stubs', () => {
    expect(parseEntry('bud /bˈʔuð/ <n>\nambassador, emissary, envoy\n')).toEqual([['ambassador', 'emissary', 'envoy']])
    expect(parseEntry('bugt /bˈɒɡt/ <n>\n1. bay\n2. gulf\n')).toEqual([['bay'], ['gulf']])
    expect(parseEntry('asevelvollisuus <n>\nconscription, military service\nosa lakisääteistä maanpuolustusvelvollisuutta\n')).toEqual([
      ['conscription', 'military service'],
    ])
    expect(parseEntry('Oinas <pn>\n1. Aries\neläinradan tähdistö\n2. Aries, Ram\najankohtaan liittyvä merkki\n')).toEqual([['aries'], ['aries', 'ram']])
    expect(parseEntry('Nuuk <pn>\n#Englanti\nGrönlannin pääkaupunki\n')).toEqual([])
    expect(parseEntry('Flanders <pn>\nFlandern 2.\nhistorical county\n')).toEqual([['flandern']])
    expect(splitTranslations('beryllium [grundstof med atomnummer 4]; maid (old-fashioned), "quoted"')).toEqual(['beryllium', 'maid', 'quoted'])
  })

  it('reads entries through the index, and refuses an index that points past the data', () => {
    const { index, dict } = dictd([
      ['indkaldelse', 'indkaldelse /ˈenkalˀəlsə/ <n>\ncall-up, summons\n'],
      ['tjeneste', 'tjeneste <n>\n1. service\n2. favour\n'],
      ['Europæisk Union', 'Europæisk Union <n>\nEuropean Union\n'],
    ])
    expect(readDictd(index, dict)).toEqual([
      { headword: 'indkaldelse', senses: [['call-up', 'summons']] },
      { headword: 'tjeneste', senses: [['service'], ['favour']] },
      { headword: 'Europæisk Union', senses: [['european union']] },
    ])
    expect(() => readDictd(index, dict.slice(0, 40), 'freedict-dan-eng')).toThrow(/freedict-dan-eng\.index: entry "indkaldelse" points past the end/)
  })

  it('merges a direct and an inverted dictionary into single words, direct translations first, and round-trips the pack format', () => {
    const direct = [
      { headword: 'tjeneste', senses: [['service'], ['favour']] },
      { headword: 'Europæisk Union', senses: [['european union']] },
    ]
    const inverse = [
      { headword: 'Service', senses: [['tjeneste', 'betjening']] },
      { headword: 'call-up', senses: [['indkaldelse', 'militær indkaldelse']] },
    ]
    const lexicon = buildLexicon(direct, inverse)
    expect([...lexicon]).toEqual([
      ['tjeneste', ['service', 'favour']],
      ['betjening', ['service']],
      ['indkaldelse', ['call-up']],
    ])
    const text = formatLexicon(lexicon)
    expect(text).toBe('betjening\tservice\nindkaldelse\tcall-up\ntjeneste\tservice | favour\n')
    expect([...parseDictionaryPack(text)]).toEqual([['betjening', ['service']], ['indkaldelse', ['call-up']], ['tjeneste', ['service', 'favour']]])
  })

  it('finds a dictionary\'s licence in a Debian copyright file', () => {
    const copyright = 'Files: debian/*\nLicense: GPL-3+\n\nFiles: dan-eng/*\nCopyright: 2000-2022 FreeDict\nLicense: GPL-3+\n\nFiles: fin-eng/*\nLicense: CC-BY-SA-3.0\n'
    expect(licenseOf(copyright, 'fin-eng')).toBe('CC-BY-SA-3.0')
    expect(licenseOf(copyright, 'dan-eng')).toBe('GPL-3+')
    expect(licenseOf(copyright, 'eng-nor')).toBe('unknown')
  })
})

describe('the pack line format', () => {
  it('names the file and line of a malformed line', () => {
    expect(() => parseDictionaryPack('tjeneste\tservice\nno translation here\n', 'da.txt')).toThrow(/da\.txt:2: expected "word TAB translation/)
    expect(() => parseDictionaryPack('two words\tx\n', 'da.txt')).toThrow(/da\.txt:1:/)
  })
})
