// i18next setup: English is bundled as the source locale; the other UI languages load on demand.
// The choice is remembered in localStorage; a first visit follows the browser's language.
import i18next from 'i18next'
import en from './locales/en.json'

/** UI languages, in the order the switcher lists them, with their own names. */
export const UI_LANGS = [
  { code: 'en', name: 'English' },
  { code: 'fi', name: 'Suomi' },
  { code: 'nb', name: 'Norsk bokmål' },
  { code: 'da', name: 'Dansk' },
  { code: 'sv', name: 'Svenska' },
  { code: 'fr', name: 'Français' },
] as const
export type UiLang = (typeof UI_LANGS)[number]['code']

/** WARNING: stored in users' browsers; do not rename. */
export const UI_LANG_STORAGE_KEY = 'coi-termbench.uiLang'

const loaders: Record<Exclude<UiLang, 'en'>, () => Promise<{ default: Record<string, unknown> }>> = {
  fi: () => import('./locales/fi.json'),
  nb: () => import('./locales/nb.json'),
  da: () => import('./locales/da.json'),
  sv: () => import('./locales/sv.json'),
  fr: () => import('./locales/fr.json'),
}

/** Maps a browser language tag (e.g. "no-NO", "sv-FI") to a UI language, or undefined. */
export function matchUiLang(tag: string | undefined): UiLang | undefined {
  if (!tag) return undefined
  const base = tag.toLowerCase().split(/[-_]/)[0]
  const mapped = base === 'no' || base === 'nn' ? 'nb' : base
  return UI_LANGS.find((l) => l.code === mapped)?.code
}

/** The language to start in: the remembered choice, else the first browser language we speak, else English. */
export function initialUiLang(): UiLang {
  const saved = matchUiLang(localStorage.getItem(UI_LANG_STORAGE_KEY) ?? undefined)
  if (saved) return saved
  for (const tag of navigator.languages ?? [navigator.language]) {
    const m = matchUiLang(tag)
    if (m) return m
  }
  return 'en'
}

/** Loads a locale's bundle if needed and switches to it; remembers the choice when `remember`. */
export async function setUiLang(lang: UiLang, remember = true): Promise<void> {
  if (lang !== 'en' && !i18next.hasResourceBundle(lang, 'translation')) {
    const mod = await loaders[lang]()
    i18next.addResourceBundle(lang, 'translation', mod.default, true, true)
  }
  await i18next.changeLanguage(lang)
  document.documentElement.lang = lang
  if (remember) localStorage.setItem(UI_LANG_STORAGE_KEY, lang)
}

/** Initialises i18next in the starting language. */
export async function initI18n(): Promise<typeof i18next> {
  await i18next.init({
    lng: 'en',
    fallbackLng: 'en',
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  })
  await setUiLang(initialUiLang(), false)
  return i18next
}
