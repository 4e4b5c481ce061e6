// Recognises language labels as people write them in spreadsheet headers and TBX files (`en-GB`, `EN`,
// `English`, `Suomi`, `Norsk bokmål`, `Русский`) and maps them to the termbase's supported languages.
import { type Lang, isLang } from '../model'
import { lookup } from './values'

/** Result of {@link parseLanguageLabel}: a supported language, a recognised but unsupported one, or none. */
export type LanguageLabel = { lang: Lang } | { unsupported: string } | null

/** Names (folded with foldLabel when the lookup table is built) of the supported languages: English, native, and a few others. */
const NAMES: Record<Lang, string[]> = {
  en: ['english', 'engelsk', 'engelska', 'englanti', 'anglais', 'englisch', 'английский'],
  fi: ['finnish', 'suomi', 'finsk', 'finska', 'finnois', 'finnisch', 'финский'],
  nb: ['norwegian', 'norsk', 'norsk bokmal', 'bokmal', 'norwegian bokmal', 'norsk (bokmal)', 'nynorsk',
    'norska', 'norja', 'norvegien', 'norwegisch', 'норвежский'],
  da: ['danish', 'dansk', 'danska', 'tanska', 'danois', 'danisch', 'датский'],
  sv: ['swedish', 'svenska', 'svensk', 'ruotsi', 'suedois', 'schwedisch', 'шведский'],
  fr: ['french', 'francais', 'fransk', 'franska', 'ranska', 'franzosisch', 'французский'],
  ru: ['russian', 'русский', 'russisk', 'ryska', 'venaja', 'russe', 'russisch'],
}

/** Three-letter and other codes that mean a supported language. */
const CODE_ALIASES: Record<string, Lang> = {
  eng: 'en', fin: 'fi', no: 'nb', nn: 'nb', nob: 'nb', nno: 'nb', nor: 'nb', dan: 'da', swe: 'sv',
  fra: 'fr', fre: 'fr', rus: 'ru',
}

/** ISO 639-1 codes, to tell an unsupported language column ("de") from an unknown field. */
const ISO_639_1 = new Set(
  ('aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv ' +
    'dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ' +
    'ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh ' +
    'mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru ' +
    'rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug ' +
    'uk ur uz ve vi vo wa wo xh yi yo za zh zu').split(' '),
)

/** Names of common unsupported languages, so that a "German" column is reported, not taken for a note. */
const OTHER_NAMES = new Set(
  ('german deutsch spanish espanol italian italiano dutch nederlands polish polski portuguese portugues ' +
    'arabic العربية persian farsi dari pashto kurdish turkish turkce ukrainian українська icelandic islenska ' +
    'estonian eesti latvian lithuanian chinese japanese korean somali tigrinya amharic urdu hindi greek ' +
    'czech slovak hungarian romanian bulgarian serbian croatian bosnian albanian georgian armenian ' +
    'azerbaijani uzbek tajik kazakh hebrew עברית vietnamese thai burmese tamil').split(' ').map(foldLabel),
)

/** Lower-cases, removes diacritics and collapses spaces. */
export function foldLabel(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim()
}

const BY_NAME = new Map<string, Lang>()
for (const [lang, names] of Object.entries(NAMES) as [Lang, string[]][]) for (const n of names) BY_NAME.set(foldLabel(n), lang)

/**
 * Maps a BCP 47 tag to a supported language: the primary subtag, lower-cased, with `no`/`nn`/`nob` folded
 * into `nb` (`en-GB` → `en`, `nb-NO` → `nb`). Gives null for tags of other languages.
 */
export function langFromTag(tag: string): Lang | null {
  const primary = tag.trim().split(/[-_]/)[0].toLowerCase()
  const lang = lookup(CODE_ALIASES, primary) ?? primary
  return isLang(lang) ? lang : null
}

/**
 * Recognises a language label: a code (`en`, `EN`, `en-GB`, `nb_NO`, `eng`), an English or native name
 * (`English`, `Suomi`, `Norsk bokmål`, `Français`, `Русский`), optionally with a parenthesised or dashed
 * region (`English (UK)`). Unsupported languages that are recognised (`de`, `German`) are reported as such.
 */
export function parseLanguageLabel(label: string): LanguageLabel {
  const folded = foldLabel(label)
  if (!folded) return null
  if (/^[a-z]{2,3}([-_]([a-z]{2}|[0-9]{3}|[a-z]{4}))*$/.test(folded)) {
    const lang = langFromTag(folded)
    if (lang) return { lang }
    const primary = folded.split(/[-_]/)[0]
    if (ISO_639_1.has(primary) || (folded.includes('-') || folded.includes('_'))) return { unsupported: label.trim() }
  }
  for (const candidate of [folded, folded.replace(/\s*[([].*$/, ''), folded.replace(/\s+-\s+.*$/, '')]) {
    const lang = BY_NAME.get(candidate)
    if (lang) return { lang }
    if (OTHER_NAMES.has(candidate)) return { unsupported: label.trim() }
  }
  return null
}
