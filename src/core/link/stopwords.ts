// Function words of fi, nb, da, sv, fr and en that must not count as names or cognates when passages are linked.
import type { Lang } from '../model'
import { stopwordsOf } from '../text/stopwords'

// One set for all six languages, folded (lower case, no diacritics), derived from the per-language lists of
// text/stopwords: a passage's features are compared across languages, so a word that is a function word in
// any of them is noise.
const LANGS: readonly Lang[] = ['en', 'fr', 'da', 'nb', 'sv', 'fi']

// Linking had its own list before the per-language lists became the one source, and its results (names,
// cognate evidence, the calibrated scores) were measured with that list. These two lists keep the derived set
// exactly equal to it, so that deriving changed no link: the words linking adds (discourse adverbs and a few
// function words the per-language lists lack; "sekä" also unfolded) ...
const ADDED = `
furthermore moreover nevertheless accordingly additionally similarly meanwhile instead
mes quelques
dag hvilket sadan stadig ligesom samtidig efterhanden
deira vart vore vert
ater
mutta talla nama sekä ettei vastaan viela
`

// ... and the words of the per-language lists it leaves out: pronouns, auxiliaries, quantifiers and adverbs that
// the term miner refuses at a candidate's edge but linking never treated as noise (counting them as stop words
// changes the links of every gold set: checked when this list was derived).
const LEFT_OUT = `
doing done my one said us ie etc including e.g i.e
afin ai aucun aucune aujourd aupres avaient avait avoir ca car ceci cela celle celles celui certaines certains ceux
chez comment desquels deux doit duquel ete eu faire fut grace hors jusque lors lorsqu ma me memes mon ne ni non nos
notre parce peu pourtant quand quel quelle quelles quels quoi sien soit sous souvent tel telle telles tels toujours trop
al begge gennem gar gor gore gjort hele hendes hos hun hver hvilken hvorfor inden mere mig matte nogle os samt ved fik
fa far kom kommer saerligt tidligere
blitt bade deg dermed eit enn innen mer mye seg slik vaert fikk gjennom gjor gjore sann saerlig
andra bara blivit dessa genom hela maste nagra sedan vilken annu ar bland fick gora nog sarskilt tidigare
ennen ensin enta eri heidan heille heita hanen joihin joilla joille joissa joista joita jokainen jolla jolle jolloin
jolta jossa josta jota kaikki kautta kuinka miksi muiden muita niiden niista noin olemme olen olleet ollut siihen
silla sitten suoraan taas tasta tata tahan tuo tuon vai vaikka vain voi voidaan voivat yli yha mm. mm
`

const words = (list: string) => list.split(/\s+/).filter(Boolean)

/** Folds a word the way the stop word list is written: lower case, diacritics stripped, æ→ae, ø→o. */
export function foldStopword(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
}

/** The stop words of all six languages, folded. */
export const STOPWORDS: ReadonlySet<string> = (() => {
  const leftOut = new Set(words(LEFT_OUT))
  const set = new Set<string>()
  for (const lang of LANGS) for (const w of stopwordsOf(lang)) if (!leftOut.has(foldStopword(w))) set.add(foldStopword(w))
  for (const w of words(ADDED)) set.add(w)
  return set
})()

/** True when `word` is a function word in any of the six languages. */
export function isStopword(word: string): boolean {
  if (word.length > 14) return false
  const lower = word.toLowerCase()
  return STOPWORDS.has(lower) || (/[^a-z]/.test(lower) && STOPWORDS.has(foldStopword(lower)))
}
