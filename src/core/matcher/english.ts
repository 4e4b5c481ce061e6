// British and American spellings of English words, folded to one key: "mobilisation" ~ "mobilization",
// "defence" ~ "defense", "behaviour" ~ "behavior". Reports from European agencies write British English and
// quote American sources, so a glossary term in one spelling must find the other.

/** Whole words whose other spelling no suffix rule reaches (British → key). */
const WORDS: Record<string, string> = {
  defence: 'defense', defences: 'defenses', offence: 'offense', offences: 'offenses', licence: 'license', licences: 'licenses',
  pretence: 'pretense', centre: 'center', centres: 'centers', metre: 'meter', metres: 'meters', theatre: 'theater',
  theatres: 'theaters', fibre: 'fiber', litre: 'liter', litres: 'liters', programme: 'program', programmes: 'programs',
  cheque: 'check', grey: 'gray', judgement: 'judgment', ageing: 'aging', cancelled: 'canceled', cancelling: 'canceling',
  travelled: 'traveled', travelling: 'traveling', labelled: 'labeled', labelling: 'labeling', modelled: 'modeled',
  modelling: 'modeling', counselling: 'counseling', counselled: 'counseled', signalled: 'signaled', fuelled: 'fueled',
  enrol: 'enroll', enrols: 'enrolls', enrolment: 'enrollment', enrolments: 'enrollments', fulfil: 'fulfill', fulfilment: 'fulfillment',
  catalogue: 'catalog', catalogues: 'catalogs', dialogue: 'dialog', dialogues: 'dialogs', manoeuvre: 'maneuver', manoeuvres: 'maneuvers',
}

/** Suffix rules, applied to words of six letters or more (so "four", "hour", "raise" stay as they are). */
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/([a-z]{3})is(ation|ations|e|es|ed|ing|er|ers)$/, '$1iz$2'],
  [/([a-z]{3})ys(e|es|ed|ing)$/, '$1yz$2'],
  [/([a-z]{3})our(s|ed|ing|ful|ite|ites)?$/, '$1or$2'],
]

/**
 * The spelling key of a folded English word: the American spelling for British -ise/-isation, -yse, -our and
 * a list of other words; the word itself otherwise. Both glossary words and text words get this key, so
 * that it only ever makes two spellings of one word meet.
 */
export function englishSpellingKey(word: string): string {
  const listed = Object.hasOwn(WORDS, word) ? WORDS[word] : undefined
  if (listed) return listed
  if (word.length < 6) return word
  for (const [re, to] of RULES) if (re.test(word)) return word.replace(re, to)
  return word
}
