// What kind of character a UTF-16 unit is, for the word scanners that run over every character of every
// report: a flat table filled as units are met, instead of a Unicode regex test per character.

/** 1: letter or combining mark (\p{L}, \p{M}); 2: digit or other number (\p{N}); 3: anything else. */
export type CharClass = 1 | 2 | 3

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u
const NUMBER = /^\p{N}$/u
/** Per BMP unit: 0 not classified yet, else its CharClass. */
const table = new Uint8Array(0x10000)

/** The class of a BMP code unit (surrogates are classified by the caller, with their pair). */
export function charClass(code: number): CharClass {
  let k = table[code]
  if (k === 0) {
    const ch = String.fromCharCode(code)
    table[code] = k = LETTER_OR_MARK.test(ch) ? 1 : NUMBER.test(ch) ? 2 : 3
  }
  return k as CharClass
}

/** The class of the astral character whose high surrogate is at `i` in `text`. */
export function astralClass(text: string, i: number): CharClass {
  const ch = text.slice(i, i + 2)
  return /^[\p{L}\p{M}]/u.test(ch) ? 1 : /^\p{N}/u.test(ch) ? 2 : 3
}
