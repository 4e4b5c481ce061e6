// Import problems reach the user in the interface language: the real parsers give each issue and report error a
// code and its values, and issueText/reportErrorText say it in Finnish and French with the line, value and file filled in.
import { beforeAll, describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import i18next from 'i18next'
import { importCsv, type ImportIssue } from '../../src/core/csv'
import { importTbx } from '../../src/core/tbx'
import { readReport } from '../../src/core/extract/report'
import { ReportError } from '../../src/core/extract/reportError'
import { workerRpc } from '../../src/stores/workerRpc'
import { issueText, reportErrorText } from '../../src/i18n/issueText'

type Tree = { [k: string]: string | Tree }
const LOCALES = ['en', 'fi', 'nb', 'da', 'sv', 'fr']
const load = (l: string) => JSON.parse(readFileSync(`src/i18n/locales/${l}.json`, 'utf8')) as Tree
const flatten = (t: Tree, prefix = ''): [string, string][] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : flatten(v, `${prefix}${k}.`)))
/** The placeholder names of a text, formats left out ("{{count, number}}" → count). */
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{\{(\w+)(?:,[^}]*)?\}\}/g)].map((m) => m[1]))].sort()

const csv = (text: string) => importCsv(text, { now: '2024-01-01T00:00:00.000Z', newId: (k) => (k === 'concept' ? 'c1' : `t${Math.random()}`) })
const bytes = (s: string) => new TextEncoder().encode(s)
async function reportError(name: string, data: Uint8Array): Promise<ReportError> {
  const e = await readReport(name, data).then(() => null, (x: unknown) => x)
  expect(e).toBeInstanceOf(ReportError)
  return e as ReportError
}
/** The text in `lang`, checked to be a filled-in sentence: no placeholder and no key name left. */
async function inLang(lang: string, text: () => string): Promise<string> {
  await i18next.changeLanguage(lang)
  const s = text()
  expect(s, `${lang}: ${s}`).not.toMatch(/\{\{|\}\}|importIssue|reportError/)
  return s
}

beforeAll(async () => {
  await i18next.init({ lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false }, resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: load(l) }])) })
})

describe('glossary import issues', () => {
  it('an unterminated quote names its field and line, in Finnish and French', async () => {
    const [e] = csv('en,fi\r\ncat,kissa\r\ndog,"koira\r\n').errors
    expect(e).toMatchObject({ line: 3, column: 2, code: 'unterminatedQuote', params: { field: 2, line: 3 } })
    expect(await inLang('fi', () => issueText(e))).toBe('Päättymätön lainausmerkki: rivillä 3 alkava lainausmerkeissä oleva kenttä 2 ei pääty koskaan.')
    expect(await inLang('fr', () => issueText(e))).toBe('Guillemet non fermé : le champ 2 entre guillemets qui commence à la ligne 3 n’est jamais fermé.')
    expect(await inLang('en', () => issueText(e))).toBe(e.message)
  })

  it('a ragged row gives the expected and the found count, with the plural of the language', async () => {
    const [e] = csv('en,fi\r\ncat,kissa,extra\r\n').errors
    expect(e).toMatchObject({ line: 2, code: 'raggedRow', params: { count: 2, got: 3 } })
    expect(await inLang('fi', () => issueText(e))).toBe('Rivillä on väärä määrä kenttiä: odotettiin 2 kenttää, saatiin 3.')
    expect(await inLang('fr', () => issueText(e))).toBe('Ligne de longueur incorrecte : 2 champs attendus, nombre trouvé : 3.')
    const [one] = csv('en\r\ncat,kissa\r\n').errors
    expect(await inLang('fi', () => issueText(one))).toBe('Rivillä on väärä määrä kenttiä: odotettiin 1 kenttä, saatiin 2.')
    expect(await inLang('fr', () => issueText(one))).toBe('Ligne de longueur incorrecte : 1 champ attendu, nombre trouvé : 2.')
  })

  it('an unknown language column is quoted with the language’s own quotation marks', async () => {
    const [e] = csv('en,Deutsch\r\ncat,Katze\r\n').errors
    expect(e).toMatchObject({ line: 1, column: 2, code: 'unknownLangColumn', params: { label: 'Deutsch' } })
    expect(await inLang('fi', () => issueText(e))).toBe('Tuntematon kielisarake ”Deutsch” (tuetut: en, fi, nb, da, sv, fr, ru).')
    expect(await inLang('fr', () => issueText(e))).toBe('Colonne de langue inconnue « Deutsch » (langues prises en charge : en, fi, nb, da, sv, fr, ru).')
    expect(await inLang('nb', () => issueText(e))).toContain('«Deutsch»')
    expect(await inLang('da', () => issueText(e))).toContain('»Deutsch«')
  })

  it('a TBX file with another root names the root', async () => {
    const [e] = importTbx('<?xml version="1.0"?>\n<html><body/></html>\n').errors
    expect(e).toMatchObject({ line: 2, code: 'notTbx', params: { root: 'html' } })
    expect(await inLang('fi', () => issueText(e))).toBe('Tiedosto ei ole TBX-tiedosto: juurielementti on <html>.')
    expect(await inLang('fr', () => issueText(e))).toBe('Ce n’est pas un fichier TBX : l’élément racine est <html>.')
  })

  it('malformed XML keeps its place, and its technical reason when it has no key of its own', async () => {
    const [mismatch] = importTbx('<tbx><text><body></text></tbx>').errors
    expect(mismatch).toMatchObject({ code: 'xmlMismatchedTag', params: { expected: 'body', found: 'text', line: 1 } })
    expect(await inLang('fi', () => issueText(mismatch))).toBe('tbx: rivi 1, sarake 18: odotettiin </body>, löytyi </text>.')
    const [other] = importTbx('<tbx><!-- a -- b --></tbx>').errors
    expect(other.code).toBe('xmlSyntax')
    expect(await inLang('fr', () => issueText(other))).toMatch(/^tbx : ligne 1, colonne 6 : erreur XML : .+/)
  })

  it('"… and N more errors" counts with the plural of the language', async () => {
    const r = importCsv('en,fi\r\na,b,c\r\nd,e,f\r\ng,h,i\r\n', { maxErrors: 2 })
    const more = r.errors[2]
    expect(more).toMatchObject({ code: 'moreErrors', params: { count: 1 }, message: '… and 1 more errors' })
    expect(await inLang('fi', () => issueText(more))).toBe('… ja 1 muu virhe')
    expect(await inLang('fr', () => issueText(more))).toBe('… et 1 autre erreur')
    expect(await inLang('fi', () => issueText({ ...more, params: { count: 4 } }))).toBe('… ja 4 muuta virhettä')
  })

  it('a termbase rule problem is told with the problemDetail text, and its concept', async () => {
    const r = csv('en,en_status\r\nfoo | bar,preferred | preferred\r\n')
    const [e] = r.errors
    expect(e).toMatchObject({ code: 'entryProblem', params: { problem: 'twoPreferred', id: 'c1', first: 'foo', text: 'bar', lang: 'en' } })
    expect(await inLang('fi', () => issueText(e))).toBe('Käsite c1: Kaksi suositettavaa termiä kielellä en: ”foo” ja ”bar”. Muuta toinen hyväksyttäväksi.')
  })

  it('an over-long field is named in the interface language, with its numbers formatted', async () => {
    const long = 'x'.repeat(100_001)
    const [e] = csv(`en\r\n${long}\r\n`).errors
    expect(e).toMatchObject({ code: 'fieldTooLong', params: { id: 'c1', field: 'term', lang: 'en', count: 100_001 } })
    expect(await inLang('en', () => issueText(e))).toBe(e.message)
    expect(await inLang('fi', () => issueText(e))).toBe('Käsite c1: termi (en) on 100\u00a0001 merkkiä pitkä, enemmän kuin kentässä saa olla (100\u00a0000).')
  })

  // (Counted ones differ on purpose: "1 language section", where the message says "section(s)".)
  it('in English, an issue without a count reads as its message', async () => {
    const issues: ImportIssue[] = [
      ...csv('en,fi\r\ncat,"kissa\r\n').errors,
      ...csv('en,fi,Deutsch,Comment\r\ncat,kissa,Katze,x\r\n').errors,
      ...csv('en,Comment\r\ncat,x\r\n').warnings,
      ...csv('en,en_status\r\ncat,sometimes\r\n').errors,
      ...csv('en\r\n').warnings,
      ...csv('').errors,
      ...csv('concept id,lang,term\r\nc1,xx,cat\r\n').errors,
      ...importTbx('<html/>').errors,
    ]
    expect(issues.map((i) => i.code)).toEqual(['unterminatedQuote', 'unknownLangColumn', 'unknownColumn', 'invalidStatus', 'headerOnly', 'noRows', 'unknownLang', 'notTbx'])
    await i18next.changeLanguage('en')
    for (const i of issues) expect(issueText(i)).toBe(i.message)
  })

  it('an issue without a code, or with a code that has no text, shows its message', async () => {
    await i18next.changeLanguage('fi')
    expect(issueText({ line: 1, message: 'something else' })).toBe('something else')
    expect(issueText({ line: 1, message: 'new one', code: 'noSuchCode' })).toBe('new one')
  })
})

describe('report import errors', () => {
  it('a report that is not a PDF names the file, in Finnish and French', async () => {
    const e = await reportError('fake.pdf', bytes('hello, not a PDF'))
    expect(e.message).toBe('fake.pdf: not a PDF file (no %PDF- header)')
    expect([e.code, e.params]).toEqual(['notPdf', { file: 'fake.pdf' }])
    expect(await inLang('fi', () => reportErrorText(e))).toBe('fake.pdf: Tiedosto ei ole PDF-tiedosto (sen alusta puuttuu tunniste %PDF-).')
    expect(await inLang('fr', () => reportErrorText(e))).toBe('fake.pdf : Ce n’est pas un fichier PDF (il ne commence pas par %PDF-).')
    expect(await inLang('en', () => reportErrorText(e))).toBe(e.message)
  })

  it('a text file with a NUL byte names the line of it', async () => {
    const e = await reportError('notes.txt', bytes('first line\nsecond\u0000line\n'))
    expect(e.message).toBe('notes.txt: binary data, not text (a NUL character at line 2)')
    expect([e.code, e.params]).toEqual(['binary', { file: 'notes.txt', line: 2 }])
    expect(await inLang('fi', () => reportErrorText(e))).toBe('notes.txt: Binääridataa, ei tekstiä (NUL-merkki rivillä 2).')
    expect(await inLang('fr', () => reportErrorText(e))).toBe('notes.txt : Données binaires, pas du texte (un caractère NUL à la ligne 2).')
  })

  it('an unsupported type, and bytes in no encoding the app reads, have their own texts', async () => {
    const type = await reportError('slides.pptx', bytes('x'))
    expect(type.code).toBe('unsupportedType')
    expect(await inLang('sv', () => reportErrorText(type))).toBe('slides.pptx: Filtypen stöds inte (använd .txt, .md, .pdf, .doc, .docx, .odt, .rtf eller .html).')
    const enc = await reportError('old.txt', Uint8Array.from([0x61, 0x0a, 0x81, 0x8d, 0x62]))
    expect(enc).toMatchObject({ code: 'encodingRefused', params: { file: 'old.txt', byte: 2, line: 2, hex: '81' } })
    expect(await inLang('nb', () => reportErrorText(enc))).toBe('old.txt: Ikke gyldig UTF-8 ved byte 2 (linje 2, byte 0x81), og heller ikke Windows-1252-tekst på appens språk: lagre rapporten som UTF-8.')
  })

  it('the code and params cross the worker boundary, and an error without them stays as it was', async () => {
    // A worker that answers every request as the segment worker answers a ReportError.
    const replies: unknown[] = [
      { ok: false, error: 'scan.pdf: the PDF has no text layer', code: 'noTextLayer', params: { file: 'scan.pdf' } },
      { ok: false, error: 'out of memory' },
    ]
    const factory = () => {
      const w = {
        onmessage: null as ((ev: MessageEvent) => unknown) | null, onerror: null, terminate() {},
        postMessage(m: { id: number }) { queueMicrotask(() => w.onmessage?.({ data: { id: m.id, ...(replies.shift() as object) } } as MessageEvent)) },
      }
      return w as unknown as Worker
    }
    const call = workerRpc(factory)
    const coded = await call({ name: 'scan.pdf' }).catch((e: unknown) => e)
    expect(coded).toMatchObject({ message: 'scan.pdf: the PDF has no text layer', code: 'noTextLayer', params: { file: 'scan.pdf' } })
    expect(await inLang('fi', () => reportErrorText(coded))).toBe('scan.pdf: PDF-tiedostossa ei ole tekstikerrosta (skannattu asiakirja?): tee sille ensin tekstintunnistus (OCR) ja tuo sitten tulos.')
    const plain = await call({ name: 'x.txt' }).catch((e: unknown) => e)
    expect(plain).toBeInstanceOf(Error)
    expect(Object.keys(plain as object)).not.toContain('code')
    expect(reportErrorText(plain)).toBe('out of memory')
  })
})

describe('locale texts of import problems', () => {
  const en = new Map(flatten(load('en')).filter(([k]) => /^(importIssue|reportError)\./.test(k)))
  /** The English text a key of another locale translates (a French _many form translates _other). */
  const source = (k: string) => en.get(k) ?? en.get(k.replace(/_many$/, '_other'))

  it('every key has, in each locale, the placeholders of the English text', () => {
    expect(en.size).toBeGreaterThan(80)
    for (const l of LOCALES.slice(1)) {
      const keys = flatten(load(l)).filter(([k]) => /^(importIssue|reportError)\./.test(k))
      expect(keys.map(([k]) => k.replace(/_many$/, '_other')).filter((k) => !en.has(k)), `${l}: keys English lacks`).toEqual([])
      expect([...en.keys()].filter((k) => !keys.some(([x]) => x === k)), `${l}: missing`).toEqual([])
      for (const [k, v] of keys) expect(placeholders(v), `${l}.${k}`).toEqual(placeholders(source(k)!))
    }
  })

  it('every code the importers and report readers give has an English text', () => {
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]))
    const issueSources = [...files('src/core/csv'), ...files('src/core/tbx'), ...files('src/core/multiterm'), 'src/core/xlsx.ts', 'src/core/xml.ts', 'src/workers/glossaryFile.ts']
    const issueCodes = issueSources.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/code: '([a-z]\w+)'|fail\('(\w+)'|'(xml[A-Z]\w*)'/g)].map((m) => m[1] ?? m[2] ?? m[3]))
    const reportSources = [...files('src/core/extract'), 'src/core/odf.ts', 'src/stores/reportExtract.ts', 'src/stores/workerRpc.ts']
    const reportCodes = reportSources.flatMap((f) =>
      readFileSync(f, 'utf8').split('\n').filter((line) => /ReportError\(|restart\(`/.test(line)).flatMap((line) => [...line.matchAll(/'([a-z][A-Za-z0-9]+)'(?=\s*[,)])/g)].map((m) => m[1])))
    expect(issueCodes.length).toBeGreaterThan(40)
    expect(reportCodes.length).toBeGreaterThan(20)
    const has = (ns: string, code: string) => en.has(`${ns}.${code}`) || en.has(`${ns}.${code}_other`)
    expect(issueCodes.filter((c) => c !== 'entryProblem' && !has('importIssue', c))).toEqual([])
    expect(reportCodes.filter((c) => !has('reportError', c))).toEqual([])
    // …and no text is left that nothing gives (the wrappers and field names aside).
    const unused = [...en.keys()].map((k) => k.replace(/_(one|other)$/, '')).filter((k) => !/^importIssue\.field\.|^reportError\.inFile$/.test(k))
    expect(unused.filter((k) => ![...issueCodes.map((c) => `importIssue.${c}`), ...reportCodes.map((c) => `reportError.${c}`)].includes(k))).toEqual([])
  })
})

describe('glossary files the worker cannot open', () => {
  it('tells a TBX file that is not UTF-8, and a broken workbook, in the interface language', async () => {
    const { readGlossaryFile } = await import('../../src/workers/glossaryFile')
    await i18next.changeLanguage('fi')
    const latin1 = new Uint8Array([...new TextEncoder().encode('<?xml version="1.0"?><tbx><text><body><termEntry><langSet xml:lang="fi"><tig><term>k'), 0xe4, ...new TextEncoder().encode('si</term></tig></langSet></termEntry></body></text></tbx>')])
    const tbx = await readGlossaryFile({ fileName: 'latin1.tbx', bytes: latin1, pair: { source: 'en', target: 'fi' } })
    expect(tbx.errors[0].code).toBe('notUtf8')
    expect(issueText(tbx.errors[0])).toMatch(/^Virheellistä UTF-8:aa tavun \d+ kohdalla/)
    const xlsx = await readGlossaryFile({ fileName: 'broken.xlsx', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]), pair: { source: 'en', target: 'fi' } })
    expect(xlsx.errors[0].code).toBe('unreadableWorkbook')
    expect(issueText(xlsx.errors[0])).toMatch(/^Tiedosto ei ole luettava XLSX-työkirja: /)
    await i18next.changeLanguage('en')
  })
})
