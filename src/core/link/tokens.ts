// Splits a passage into number, word and punctuation tokens with offsets: the raw material of the link features.

/** What a token is. `date` is a numeric date written as one token (30.12.2025, 2025-12-30). */
export type TokenKind = 'num' | 'date' | 'section' | 'word' | 'punct'

/** One token; `start`/`end` are UTF-16 offsets into the tokenised text. */
export interface Token {
  kind: TokenKind
  text: string
  start: number
  end: number
}

// Alternatives, most specific first: ISO date, d.m.yyyy, thousands grouped by dots (1.000.000), section number
// (3.1.2), numbers grouped by spaces
// (also NBSP, narrow NBSP, thin space), by commas or by dots, a plain number with a decimal part, a word, a
// dash or percent sign, any other non-space character.
const TOKEN_RE = new RegExp(
  [
    String.raw`(?<iso>\d{4}-\d{2}-\d{2}(?!\d))`,
    String.raw`(?<dmy>\d{1,2}[./]\d{1,2}[./]\d{4}(?!\d))`,
    String.raw`(?<dots>\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?![\d.]\d))`,
    String.raw`(?<sect>\d+(?:\.\d+){2,}(?!\d))`,
    String.raw`(?<num>\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d+)?(?![\d.,]\d)|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)|\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.]\d)|\d+(?:[.,]\d+)?)`,
    String.raw`(?<word>[\p{L}\p{M}]+)`,
    String.raw`(?<punct>\S)`,
  ].join('|'),
  'gu',
)

/** Tokenises `text`: numbers keep their separators in `text` (see `parseNumber`), words are letter runs. */
export function tokenize(text: string): Token[] {
  const out: Token[] = []
  for (const m of text.matchAll(TOKEN_RE)) {
    const g = m.groups!
    const kind: TokenKind = g.iso || g.dmy ? 'date' : g.sect ? 'section' : g.num || g.dots ? 'num' : g.word ? 'word' : 'punct'
    const start = m.index!
    out.push({ kind, text: m[0], start, end: start + m[0].length })
  }
  return out
}

/**
 * The canonical value of a number token: digits without grouping, '.' before decimals.
 * "1 199", "1,199", "1.199", "1\u00a0199" → "1199"; "0,2" and "0.2" → "0.2"; "2 040,50" → "2040.5".
 * A separator followed by exactly three digits groups thousands (unless the number starts "0,"/"0.").
 */
export function parseNumber(raw: string): string {
  let s = raw.replace(/[ \u00a0\u202f\u2009]/g, '')
  const grouped = /^\d{1,3}([.,])\d{3}(?:\1\d{3})*(?:[.,]\d+)?$/.exec(s)
  if (grouped && !/^0[.,]/.test(s)) {
    const sep = grouped[1]
    const other = sep === ',' ? '.' : ','
    const [int, dec] = s.split(other)
    s = int.split(sep).join('') + (dec !== undefined ? '.' + dec : '')
  } else {
    s = s.replace(',', '.')
  }
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '')
  s = s.replace(/^0+(?=\d)/, '')
  return s
}

/** True when `raw` is written with digits only (no grouping, no decimals). */
export function isPlainInteger(raw: string): boolean {
  return /^\d+$/.test(raw)
}

/** True when nothing but the token boundary separates `a` and `b` (no white space between them). */
export function adjacent(a: Token, b: Token): boolean {
  return a.end === b.start
}
