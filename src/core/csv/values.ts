// Reads the model's picklist values (status, term type, part of speech) as files write them: our own
// names, TBX names (`preferredTerm-admn-sts`, `transliteratedForm`) and common variants, case-insensitively.
import type { PartOfSpeech, TermStatus, TermType } from '../model'

/** `table[k]` for own keys only, so that "constructor" or "__proto__" in a file never reads Object's members. */
export function lookup<T>(table: Record<string, T>, k: string): T | undefined {
  return Object.hasOwn(table, k) ? table[k] : undefined
}

const KEYS = new Map<string, string>()

/** The lookup key of a written value; files repeat a handful of values, so keys are remembered (a bounded few). */
function key(s: string): string {
  let k = KEYS.get(s)
  if (k === undefined) {
    k = s.toLowerCase().replace(/[\s_-]+/g, '').replace(/admnsts$/, '')
    if (KEYS.size < 1000 && s.length <= 64) KEYS.set(s, k)
  }
  return k
}

const STATUS: Record<string, TermStatus> = {
  preferred: 'preferred', preferredterm: 'preferred', standardized: 'preferred', standardizedterm: 'preferred',
  standardised: 'preferred', approved: 'preferred',
  admitted: 'admitted', admittedterm: 'admitted', permitted: 'admitted', allowed: 'admitted',
  deprecated: 'deprecated', deprecatedterm: 'deprecated', superseded: 'deprecated', supersededterm: 'deprecated',
  notrecommended: 'deprecated', obsolete: 'deprecated',
  forbidden: 'forbidden', forbiddenterm: 'forbidden', prohibited: 'forbidden',
}

const TYPE: Record<string, TermType> = {
  fullform: 'fullForm', full: 'fullForm', acronym: 'acronym', initialism: 'acronym',
  abbreviation: 'abbreviation', shortform: 'abbreviation', abbr: 'abbreviation',
  transliteration: 'transliteration', transliteratedform: 'transliteration', transcribedform: 'transliteration',
  romanizedform: 'transliteration', romanisedform: 'transliteration',
  variant: 'variant', phrase: 'phrase',
}

const POS: Record<string, PartOfSpeech> = {
  noun: 'noun', verb: 'verb', adjective: 'adjective', adj: 'adjective', adverb: 'adverb', adv: 'adverb',
  propernoun: 'properNoun', other: 'other',
}

/** `preferred`, `Preferred`, `preferredTerm-admn-sts`, `standardized` → preferred; `notRecommended`,
 * `obsolete`, `superseded…` → deprecated; … Null when unrecognised. */
export function parseStatus(s: string): TermStatus | null {
  return lookup(STATUS, key(s)) ?? null
}

/** `fullForm`, `full form`, `transliteratedForm`, `shortForm` (→ abbreviation) …; null when unrecognised. */
export function parseTermType(s: string): TermType | null {
  return lookup(TYPE, key(s)) ?? null
}

/** `noun`, `Proper noun`, `adj` …; null when unrecognised. */
export function parsePartOfSpeech(s: string): PartOfSpeech | null {
  return lookup(POS, key(s)) ?? null
}
