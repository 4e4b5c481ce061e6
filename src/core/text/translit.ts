// Romanises Russian Cyrillic under the conventions COI reports use, lists every spelling, and tells which convention made one.

/** The romanisation conventions we know. */
export const TRANSLIT_CONVENTIONS = [
  'bgn', 'simpleEn', 'iso9', 'scholarly', 'sfs4900', 'scandinavian', 'french', 'german',
] as const
/** A romanisation convention: BGN/PCGN, simplified English, ISO 9:1995, scholarly, Finnish SFS 4900, Nordic, French, German. */
export type TranslitConvention = (typeof TRANSLIT_CONVENTIONS)[number]

/** Options per letter: the first is the convention's rule, the rest are spellings seen in practice. */
type Options = readonly string[]
type Table = Record<string, Options>

interface ConventionSpec {
  /** Letter → options anywhere. */
  base: Table
  /** At the start of a word and after ъ/ь (е ё ю я are iotated there). */
  initial?: Table
  /** After a vowel (falls back to `initial`). */
  afterVowel?: Table
  /** Between two vowels. */
  intervocalic?: Table
  /** Two-letter word endings (ий, ый). */
  final?: Table
}

const COMMON: Table = {
  а: ['a'], б: ['b'], в: ['v'], г: ['g'], д: ['d'], е: ['e'], ё: ['e'], ж: ['zh'], з: ['z'], и: ['i'], й: ['y'],
  к: ['k'], л: ['l'], м: ['m'], н: ['n'], о: ['o'], п: ['p'], р: ['r'], с: ['s'], т: ['t'], у: ['u'], ф: ['f'],
  х: ['kh'], ц: ['ts'], ч: ['ch'], ш: ['sh'], щ: ['shch'], ъ: [''], ы: ['y'], ь: [''], э: ['e'], ю: ['yu'],
  я: ['ya'], і: ['i'], ї: ['yi'], є: ['ye'], ґ: ['g'], ў: ['w'],
}

const SPECS: Record<TranslitConvention, ConventionSpec> = {
  bgn: {
    base: { ё: ['ë', 'yo', 'e'], ъ: ['ˮ', ''], ь: ['ʼ', '', "'"] },
    initial: { е: ['ye', 'e'], ё: ['yë', 'yo'] },
    final: { ий: ['iy'], ый: ['yy'] },
  },
  simpleEn: {
    base: { ё: ['yo', 'e'], й: ['y', 'i', 'j'], х: ['kh', 'h'], щ: ['shch', 'sch', 'shh'], ь: ['', "'"] },
    initial: { е: ['e', 'ye'], ё: ['yo'] },
    final: { ий: ['iy', 'y', 'ii'], ый: ['y', 'yy', 'yi'] },
  },
  iso9: {
    base: { ё: ['ë'], ж: ['ž'], й: ['j'], х: ['h'], ц: ['c'], ч: ['č'], ш: ['š'], щ: ['ŝ'], ъ: ['ʺ'], ь: ['ʹ'], э: ['è'], ю: ['û'], я: ['â'] },
  },
  scholarly: {
    base: { ё: ['ë'], ж: ['ž'], й: ['j'], х: ['x', 'ch'], ц: ['c'], ч: ['č'], ш: ['š'], щ: ['šč'], ъ: ['ʺ', ''], ь: ['ʹ', "'", ''], э: ['è', 'e'], ю: ['ju'], я: ['ja'] },
  },
  sfs4900: {
    base: { ё: ['jo'], ж: ['ž'], й: ['j', 'i'], х: ['h'], ц: ['ts'], ч: ['tš'], ш: ['š'], щ: ['štš'], ю: ['ju'], я: ['ja'] },
    initial: { е: ['je'] },
    final: { ий: ['i', 'ij'], ый: ['y', 'yj'] },
  },
  scandinavian: {
    base: { ё: ['jo'], ж: ['sj', 'zj'], й: ['j', 'i'], х: ['kh', 'ch', 'h'], ч: ['tsj', 'tj'], ш: ['sj'], щ: ['sjtsj', 'sj', 'sjtj'], ю: ['ju'], я: ['ja'] },
    initial: { е: ['je', 'e'] },
    final: { ий: ['ij', 'i'], ый: ['yj', 'y'] },
  },
  french: {
    base: { ё: ['io', 'e'], ж: ['j'], й: ['ï', 'i'], ч: ['tch'], ш: ['ch'], щ: ['chtch'], у: ['ou'], ю: ['iou'], я: ['ia'] },
    initial: { е: ['ie', 'e'], ё: ['io'] },
    afterVowel: { е: ['ïe', 'ie'], ё: ['ïo'], ю: ['ïou'], я: ['ïa'], и: ['ï', 'i'] },
    intervocalic: { с: ['ss', 's'] },
    final: { ий: ['i'], ый: ['y'] },
  },
  german: {
    base: { в: ['w'], ё: ['jo'], ж: ['sch', 'sh'], з: ['s'], й: ['j'], х: ['ch'], ц: ['z'], ч: ['tsch'], ш: ['sch'], щ: ['schtsch'], ю: ['ju'], я: ['ja'] },
    initial: { е: ['je'] },
    intervocalic: { с: ['ss', 's'] },
    final: { ий: ['i', 'ij'], ый: ['y', 'yj'] },
  },
}

const VOWELS = new Set('аеёиоуыэюяіїє')
const SIGNS = new Set('ъь')

/** One step of a romanisation: literal text, or a letter with its options and a class key for variants. */
interface Unit {
  literal?: string
  options?: Options
  cls?: string
  upper?: 'first' | 'all'
}

function isCyr(ch: string | undefined): boolean {
  if (!ch) return false
  const c = ch.charCodeAt(0)
  return c >= 0x400 && c <= 0x4ff
}

/** Cuts a string into units under one convention. */
function unitsFor(s: string, conv: TranslitConvention): Unit[] {
  const spec = SPECS[conv]
  const lower = s.toLowerCase()
  const units: Unit[] = []
  for (let i = 0; i < s.length; i++) {
    const ch = lower[i]
    if (!isCyr(s[i]) || !(ch in COMMON)) {
      units.push({ literal: s[i] })
      continue
    }
    const prev = isCyr(s[i - 1]) ? lower[i - 1] : undefined
    const next = isCyr(s[i + 1]) ? lower[i + 1] : undefined
    const upper = s[i] !== ch ? (s[i + 1] && s[i + 1] !== lower[i + 1]) || (s[i - 1] && s[i - 1] !== lower[i - 1]) ? 'all' : 'first' : undefined
    const pair = ch + (next ?? '')
    if (next && !isCyr(s[i + 2]) && spec.final?.[pair]) {
      units.push({ options: spec.final[pair], cls: `${pair}$`, upper })
      i++
      continue
    }
    let ctx = ''
    let options: Options | undefined
    if (prev === undefined || SIGNS.has(prev)) {
      options = spec.initial?.[ch]
      ctx = '^'
    } else if (VOWELS.has(prev)) {
      if (next && VOWELS.has(next)) options = spec.intervocalic?.[ch]
      options ??= spec.afterVowel?.[ch] ?? spec.initial?.[ch]
      ctx = 'V'
    }
    if (!options) ctx = ''
    options ??= spec.base[ch] ?? COMMON[ch]
    units.push({ options, cls: ch + ctx, upper })
  }
  return units
}

function applyCase(text: string, upper: Unit['upper']): string {
  if (!upper || !text) return text
  return upper === 'all' ? text.toUpperCase() : text[0].toUpperCase() + text.slice(1)
}

function render(units: Unit[], pick: (u: Unit) => number): string {
  let out = ''
  for (const u of units) {
    if (u.literal !== undefined) out += u.literal
    else out += applyCase(u.options![Math.min(pick(u), u.options!.length - 1)], u.upper)
  }
  return out
}

/** Romanises Russian Cyrillic under a convention; other characters pass through unchanged. Case is kept. */
export function transliterate(cyr: string, convention: TranslitConvention): string {
  return render(unitsFor(cyr, convention), () => 0)
}

/** One spelling of a Russian word and the convention that produces it. */
export interface TranslitVariant {
  convention: TranslitConvention
  text: string
  /** True when the spelling uses an alternate seen in practice rather than the convention's own rule. */
  alternate: boolean
}

const MAX_VARIANTS_PER_CONVENTION = 32

/**
 * Every spelling of `cyr` under every convention, deduplicated (the first convention to produce a spelling
 * keeps it): each convention's own spelling first, then known simplified alternates (е → e/ye/je at word start
 * and after vowels, щ → sch/sj, й → i, х → h, ь → ' …).
 */
export function transliterationVariants(cyr: string): TranslitVariant[] {
  const seen = new Set<string>()
  const out: TranslitVariant[] = []
  const add = (convention: TranslitConvention, text: string, alternate: boolean) => {
    if (seen.has(text)) return
    seen.add(text)
    out.push({ convention, text, alternate })
  }
  const all = TRANSLIT_CONVENTIONS.map((c) => [c, unitsFor(cyr, c)] as const)
  for (const [c, units] of all) add(c, render(units, () => 0), false)
  for (const [c, units] of all) {
    const classes = new Map<string, number>()
    for (const u of units) if (u.options && u.options.length > 1) classes.set(u.cls!, u.options.length)
    let n = 0
    for (const [cls, count] of classes) {
      for (let k = 1; k < count && n < MAX_VARIANTS_PER_CONVENTION; k++, n++) add(c, render(units, (u) => (u.cls === cls ? k : 0)), true)
    }
    if (classes.size > 1) add(c, render(units, (u) => (u.options!.length > 1 ? 1 : 0)), true)
  }
  return out
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Which conventions produce `latinSpelling` from `cyr` (case-insensitive), by their own rule or a known
 * alternate; conventions whose own rule produces it come first. Empty when none does. `among` limits the
 * conventions tried.
 */
export function attributeConvention(
  latinSpelling: string,
  cyr: string,
  among: readonly TranslitConvention[] = TRANSLIT_CONVENTIONS,
): TranslitConvention[] {
  const target = latinSpelling.normalize('NFC').trim()
  const exact: TranslitConvention[] = []
  const loose: TranslitConvention[] = []
  for (const c of among) {
    const units = unitsFor(cyr.normalize('NFC').trim(), c)
    if (render(units, () => 0).toLowerCase() === target.toLowerCase()) {
      exact.push(c)
      continue
    }
    const re = units
      .map((u) => (u.literal !== undefined ? escapeRe(u.literal) : `(?:${u.options!.map(escapeRe).join('|')})`))
      .join('')
    if (new RegExp(`^${re}$`, 'iu').test(target)) loose.push(c)
  }
  return [...exact, ...loose]
}
