// The language of a CLI input side: the option when given, else detected over all of eld's languages, so that a
// language the workbench does not support (German) is named as such instead of taken for the nearest supported one.
import { eld } from 'eld/small'
import { detectLang } from '../core/langdetect'
import { isLang, type Lang } from '../core/model'
import type { Passage } from '../core/segment'

const anyLanguage = eld.newInstance()
const languageName = (code: string) => new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code

/** A side's language: `lang` for the work ('und' when unsupported), `code` the language it is (for TMX and notes). */
export interface SideLanguage {
  lang: Lang | 'und'
  code: string
  /** True when the language is not one of the workbench's: language-independent features only. */
  unsupported: boolean
}

/**
 * A side's language: `option` when given (a supported code, or any other two- or three-letter code, which is then
 * unsupported), else detected from `text`. An unsupported language is named in `notes` as "<Name> (<code>) is not a
 * supported language; <what> uses language-independent features only" and worked on as 'und'. Throws on an option
 * that is not a language code, naming `flag`.
 */
export function sideLanguage(text: string, option: string | undefined, flag: string, notes: string[], what = 'alignment'): SideLanguage {
  const unsupported = (code: string): SideLanguage => {
    notes.push(`${languageName(code)} (${code}) is not a supported language; ${what} uses language-independent features only`)
    return { lang: 'und', code, unsupported: true }
  }
  if (option !== undefined) {
    if (isLang(option)) return { lang: option, code: option, unsupported: false }
    if (/^[a-z]{2,3}$/.test(option)) return unsupported(option)
    throw new Error(`${flag}: "${option}" is not a language code`)
  }
  const sample = text.slice(0, 4000)
  const top = anyLanguage.detect(sample).language
  const code = top === 'no' ? 'nb' : top
  if (code && !isLang(code)) return unsupported(code)
  const lang = detectLang(sample).lang
  return { lang, code: lang, unsupported: false }
}

/** The passages with their language set to 'und' (a report in an unsupported language: no per-language features). */
export function languageNeutral<P extends Pick<Passage, 'lang'>>(passages: readonly P[]): P[] {
  return passages.map((p) => ({ ...p, lang: 'und' }))
}
