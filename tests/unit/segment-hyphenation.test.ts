// Line-end hyphens in the PDF reports: soft hyphenation is undone ("ré-\nfugiés" → "réfugiés"),
// real hyphens stay ("Nord-\nKaukasus", "18-\n30", "anti-\nwar"), checked on 23 real cases.
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildVocabulary, decideHyphen, segmentDocument } from '../../src/core/segment'

const CORPUS = process.env.COI_CORPUS ?? '/work/shared/corpus'
const FILES: Record<string, string> = { nb: '001_e8e03fc529c28da8.txt', da: '002_f92c2e12db2273f8.txt', fr: '003_69196824feca6e36.txt' }
const have = existsSync(CORPUS)
const load = (k: string) => readFileSync(`${CORPUS}/${FILES[k]}`, 'utf8')

/** [report, broken form in the original, expected form in the passage text]. */
const JOINED: Array<[string, RegExp, string]> = [
  ['fr', /ré-\s+fugiés/, 'Organisation suisse d’aide aux réfugiés'],
  ['fr', /recrute-\s+ment/, 'repousser ce recrutement jusqu'],
  ['fr', /ver-\s+sement/, 'moyennant le versement d'],
  ['fr', /vérifi-\s+cation/, 'Durcissement des règles de vérification.'],
  ['fr', /\(DIS\/Mi-\s+grationsverket/, 'changer de filière (DIS/Migrationsverket, mars 2025)'],
  ['fr', /ci -des-\s+sus/, 'aux questions ci -dessus.'],
  ['fr', /con-\s+fiscation/, 'par la confiscation du salaire'],
  ['fr', /Za-\s+porizhzhia/, 'Kherson and Zaporizhzhia'],
  ['fr', /lo-\s+cal\/2127711/, 'https://www.ecoi.net/en/file/local/2127711/SG_Inf(2025)24.pdf'],
  ['fr', /newslet-\s+ter\./, 'www.osar.ch/newsletter.'],
  ['fr', /num-\s+ber of conscripts since 2011/, "Russia's highest number of conscripts since 2011"],
  ['fr', /draftees-will-end-\s+up-in-ukraine/, 'draftees-will-end-up-in-ukraine'],
]
const KEPT: Array<[string, RegExp, string]> = [
  ['nb', /Nord-\s+Kaukasus, som Tsjetsjenia/, 'i delrepublikkene i Nord-Kaukasus, som Tsjetsjenia'],
  ['nb', /Karatsjajevo-\s+Tsjerkessia og Adygeya/, 'Karatsjajevo-Tsjerkessia og Adygeya'],
  ['nb', /Sentral-\s+Asia/, 'fra Sentral-Asia.'],
  ['nb', /18-\s+30\. Loven/, 'endret fra 18-26 til 18-30.'],
  ['nb', /-s-\s+sahalina-poddelan/, 'pogibshego-srochnika-s-sahalina-poddelan/33235681.html'],
  ['nb', /in-north-\s+caucasus\.html/, 'efforts-in-north-caucasus.html'],
  ['da', /Civil-\s+Military/, 'Growing Gulf in Russia’s Civil-Military Relations'],
  ['da', /victory-\s+less/, 'Russia’s victory-less Victory Day'],
  ['da', /"Crypto-\s+mobilisation"/, 'Russia Turns to "Crypto-mobilisation" to Bolster Forces'],
  ['fr', /anti-\s+war/, 'anti-war'],
  ['fr', /non-\s+government/, 'non-government'],
]

describe.skipIf(!have)('line-end hyphens in the corpus', () => {
  const texts: Record<string, string[]> = {}
  const passagesOf = (k: string) => (texts[k] ??= segmentDocument(load(k)).passages.map((p) => p.text))

  it.each(JOINED)('%s: undoes the soft hyphen in %s', (k, broken, fixed) => {
    expect(load(k)).toMatch(broken)
    expect(passagesOf(k).some((t) => t.includes(fixed))).toBe(true)
  })

  it.each(KEPT)('%s: keeps the real hyphen in %s', (k, broken, kept) => {
    expect(load(k)).toMatch(broken)
    expect(passagesOf(k).some((t) => t.includes(kept))).toBe(true)
  })

  it('never leaves a hyphen followed by a space where a line was joined', () => {
    for (const k of Object.keys(FILES)) {
      for (const t of passagesOf(k)) expect(t).not.toMatch(/\p{Ll}- \p{Ll}{3,}/u)
    }
  })
})

describe('decideHyphen', () => {
  const vocab = buildVocabulary('les réfugiés et les mobiliser; la région; Nord-Kaukasus est loin; anti war; the war; the anti-war movement')

  it('joins when the joined word occurs elsewhere in the document', () => {
    expect(decideHyphen('ré-', 'fugiés', vocab)).toBe('join')
    expect(decideHyphen('ré-', 'gion,', vocab)).toBe('join')
  })

  it('keeps capitals, digits, compounds seen with a hyphen, and hyphenated prefixes', () => {
    expect(decideHyphen('Nord-', 'Kaukasus', vocab)).toBe('keep')
    expect(decideHyphen('18-', '30.', vocab)).toBe('keep')
    expect(decideHyphen('anti-', 'war', vocab)).toBe('keep')
    expect(decideHyphen('non-', 'government', vocab)).toBe('keep')
  })

  it('keeps the double vowel of a Finnish compound and the particles of French', () => {
    expect(decideHyphen('teknikko-', 'operaattorille', vocab, 'fi')).toBe('keep')
    expect(decideHyphen('celui-', 'ci', vocab, 'fr')).toBe('keep')
    expect(decideHyphen('teknikko-', 'operaattorille', vocab, 'en')).toBe('join')
  })

  it('treats a conjunction after the hyphen as a suspended compound with a space', () => {
    expect(decideHyphen('radio-', 'og', vocab)).toBe('space')
    expect(decideHyphen('logistiikka-', 'ja', vocab)).toBe('space')
  })

  it('does not let the broken halves vouch for themselves', () => {
    const v = buildVocabulary('une ré-\nforme; une au-\ntre ré-\nforme')
    expect(v.words.has('ré')).toBe(false)
    expect(v.words.has('forme')).toBe(false)
    expect(decideHyphen('ré-', 'forme', v)).toBe('join')
  })
})
