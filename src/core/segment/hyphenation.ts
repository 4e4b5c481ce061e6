// Line-end hyphens: undo soft hyphenation ("ré-\nfugiés" → "réfugiés") but keep real hyphens
// ("Nord-\nKaukasus", "18-\n30", "anti-\nwar"), judged against the words of the document itself.

/** What to do with a hyphen at the end of a line. */
export type HyphenDecision = 'join' | 'keep' | 'space'

/** Word and hyphenated-compound counts of one report. */
export interface HyphenVocabulary {
  words: Map<string, number>
  compounds: Set<string>
}

/**
 * Collects the document's words and the hyphenated pairs it writes on one line. Halves of words
 * broken at a line-end hyphen are not counted, so they cannot vouch for themselves.
 */
export function buildVocabulary(text: string): HyphenVocabulary {
  const words = new Map<string, number>()
  for (const m of text.matchAll(/\p{L}+/gu)) {
    const end = m.index + m[0].length
    if (text.charCodeAt(end) === 45 && brokenAfter(text, end + 1)) continue
    if (brokenBefore(text, m.index)) continue
    const w = m[0].toLowerCase()
    words.set(w, (words.get(w) ?? 0) + 1)
  }
  const compounds = new Set<string>()
  for (const m of text.matchAll(/\p{L}+(?:-\p{L}+)+/gu)) {
    const parts = m[0].toLowerCase().split('-')
    for (let i = 0; i + 1 < parts.length; i++) compounds.add(parts[i] + '-' + parts[i + 1])
  }
  return { words, compounds }
}

/** True when only spaces and then a line break follow `i` (the hyphen before `i` ends a line). */
function brokenAfter(text: string, i: number): boolean {
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++
  const c = text.charCodeAt(i)
  return c === 10 || c === 13
}

/** True when the word at `i` starts a line right after a line-end hyphen. */
function brokenBefore(text: string, i: number): boolean {
  let j = i - 1
  let newline = false
  while (j >= 0) {
    const c = text.charCodeAt(j)
    if (c === 10 || c === 13) newline = true
    else if (c !== 32 && c !== 9) break
    j--
  }
  return newline && j >= 0 && text.charCodeAt(j) === 45
}

/** Words that follow a suspended compound ("radio- og telemetri"): the break was a space. */
const CONJUNCTIONS = new Set(['og', 'ja', 'eller', 'tai', 'sekä', 'and', 'or', 'et', 'ou', 'och', 'samt', 'eli', 'und'])
/** Prefixes written with a hyphen. */
const PREFIXES = new Set(['anti', 'non', 'self', 'ex', 'quasi', 'semi', 'pseudo', 'vice'])
/** French clitics and particles always joined by a hyphen ("celui-ci", "peut-il", "moment -là"). */
const FR_PARTICLES = new Set(['ci', 'là', 'il', 'ils', 'elle', 'elles', 'on', 'je', 'tu', 'nous', 'vous', 'moi', 'toi', 'lui', 'leur', 'même', 'mêmes', 't', 'y', 'en', 'ce'])
const VOWELS = 'aeiouyäöå'

/**
 * Decides a hyphen at a line end. `leftToken` is the last whitespace-delimited token of the line
 * (ending in "-"), `rightToken` the first token of the next line. Order: digits and capitals keep;
 * a conjunction after means a suspended compound; the document's own spelling (compound seen with
 * a hyphen, or the joined word seen, or both halves seen as words) decides next; then Finnish
 * double vowels, hyphenated prefixes, French particles and URLs keep; the rest is soft
 * hyphenation and joins.
 */
export function decideHyphen(leftToken: string, rightToken: string, vocab: HyphenVocabulary, lang?: string): HyphenDecision {
  const left = leftToken.replace(/[-\u00ad]$/, '')
  const lw = /\p{L}+$/u.exec(left)?.[0] ?? ''
  const rw = /^\p{L}+/u.exec(rightToken)?.[0] ?? ''
  if (/\d$/.test(left) || /^\d/.test(rightToken) || !lw || !rw) return 'keep'
  const rl = rw.toLowerCase()
  const ll = lw.toLowerCase()
  if (CONJUNCTIONS.has(rl) && rw === rightToken) return 'space'
  if (/^\p{Lu}/u.test(rw)) return 'keep'
  if (vocab.compounds.has(ll + '-' + rl)) return 'keep'
  if ((vocab.words.get(ll + rl) ?? 0) > 0) return 'join'
  // Both halves are words of their own elsewhere ("victory-less", "anti-war"): a real compound.
  if (ll.length >= 3 && rl.length >= 3 && vocab.words.has(ll) && vocab.words.has(rl)) return 'keep'
  if (lang === 'fi' && VOWELS.includes(ll[ll.length - 1]) && ll[ll.length - 1] === rl[0]) return 'keep'
  if (PREFIXES.has(ll) && left === lw) return 'keep'
  if (FR_PARTICLES.has(rl) && rw === rightToken.replace(/[.,;:!?)]+$/, '')) return 'keep'
  if (/(?:https?:|www\.|\/)/.test(left)) return 'keep'
  return 'join'
}
