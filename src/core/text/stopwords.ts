// The one stop-word source: the function words of each language, for term mining (a candidate never starts or
// ends with one), for telling a quoted foreign sentence, and, folded, for linking (see link/stopwords.ts).
import type { Lang } from '../model'

// Lower case, diacritics kept as the language writes them. Besides function words, each list holds the
// auxiliaries, pronouns and discourse adverbs that open or close n-grams without ever being terms.
const LISTS: Record<Lang, string> = {
  en: `a about above according across after again against all almost also although always among an and another any
    are around as at be because been before being below between both but by can cannot could did do does doing done
    during each either even every for from further had has have having he her here hers him his how however i if in into
    is it its itself just least less many may might more most much must my neither no nor not now of off on once one
    only or other others otherwise our out over own per rather said same several shall she should since so some still
    such than that the their them then there therefore these they this those though through thus to too under until upon
    us very was we were what when where whereas whether which while who whom whose why will with within without would
    yet you your also eg ie etc via including regarding concerning e.g i.e`,
  fr: `a à afin ai ainsi alors après au aucun aucune aujourd auprès aussi autre autres aux avaient avait avant avec avoir
    c ça car ce ceci cela celle celles celui cependant certaines certains ces cet cette ceux chaque chez comme comment
    d dans de dont depuis des desquels dès deux doit donc du duquel elle elles en encore entre est et était étaient
    étant été être eu eux fait faire font fut grâce hors ici il ils j je jusqu jusque l la laquelle le lequel les
    lesquelles lesquels leur leurs lors lorsqu lorsque lui m ma mais malgré me même mêmes moins mon n ne ni non nos notamment
    notre nous on ont or ou où par parce parmi pas peu peut peuvent plus plusieurs pour pourrait pourraient pourtant
    qu quand que quel quelle quelles quels qui quoi s sa sans se selon ses seraient serait si sien soit son sont sous
    souvent sur t ta tandis tant te tel telle telles tels toujours tous tout toute toutes très trop un une vers via voire
    y également toutefois cependant néanmoins déjà`,
  nb: `alle alt andre at av bare begge ble bli blir blitt både da de dei deg dem den denne der deres dermed dessuten det
    dette din disse du eg ei eit eller en enn er et etter for fordi fra før ha hadde han hans har hele hennar henne hennes
    her hva hvem hver hvilke hvilken hvis hvor hvordan hvorfor i ifølge ikke imidlertid inn innen jeg kan kunne man med
    mellom men mens mer mot mye må måtte ned noe noen nå når og også om opp oss over på samt seg selv sin sine sitt skal
    skulle slik som så til uten ut var ved vi vil ville være vært blant likevel allerede dog fikk få får gjennom gjør
    gjøre gjort kom kommer nok sånn særlig tidligere under etc`,
  da: `af al alle alt andre at bare begge blev blevet bliver da de dem den denne der deres derfor desuden det dette dig din
    disse dog du efter eller en end endnu er et for fordi fra før gennem går gør gøre gjort ham han hans har havde have
    hele hende hendes her hos hun hvad hvem hver hvilke hvilken hvis hvor hvordan hvorfor i ifølge ikke imidlertid ind
    inden jeg kan kunne man med mellem men mens mere mig mod meget må måtte ned noget nogen nogle nu når og også om op
    os over på samt selv sig sin sine sit skal skulle som så til uden ud under var ved vi vil ville være været blandt
    allerede dog fik få får kom kommer nok særligt tidligere etc`,
  sv: `alla allt andra att av bara både blev bli blir blivit de dem den denna deras dess dessa det detta dig din dina
    ditt du efter eller en enligt ett för från genom ha hade han hans har hela henne hennes hon honom hos hur i icke
    inom inte jag kan kunde man med mellan men mer mot mycket må måste ned någon något några nu när och också om oss
    på samt sedan sig sin sina sitt ska skulle som så till under upp ut utan var vara varit vi vid vilka vilken vilket
    åt än ännu är även dock emellertid dessutom redan bland fick få får gör göra gjort kom kommer nog särskilt tidigare`,
  fi: `ei eikä eli ennen ensin entä eri että he heidän heille heitä hän hänen ja jo joiden joihin joilla joille joissa
    joista joita joka jokainen jolla jolle jolloin jolta jonka jos jossa josta jota jotka kaikki kanssa kautta koska
    kuin kuinka kuitenkin kun kuten lisäksi me mikä miksi mitä mukaan muassa muiden muita muun myös myöskin ne niiden
    niin niistä niitä noin nyt ole olemme olen oli olivat olla olleet ollut on ovat se sekä sen siihen siinä siitä
    sillä sitä sitten suoraan tai taas tämä tämän tässä tästä tätä tähän te tuo tuon vaan vai vaikka vain voi voidaan
    voivat yli yhä esimerkiksi aikana jälkeen vuonna vuoden mm. mm`,
  ru: `а без более бы был была были было быть в вам вас во вот все всё вы где да для до его ее её если есть еще ещё же за
    и из или им их к как ко когда который которые ли между мы на над не нет ни но о об однако от по под при с со так
    также то того тоже только у уже что чтобы это этот эти`,
}

const SETS = new Map<Lang, ReadonlySet<string>>()

/** The function words of `lang`, lower case. */
export function stopwordsOf(lang: Lang): ReadonlySet<string> {
  let s = SETS.get(lang)
  if (!s) SETS.set(lang, (s = new Set(LISTS[lang].split(/\s+/).filter(Boolean))))
  return s
}

/** True when `word` (any case) is a function word of `lang`. */
export function isStopwordIn(word: string, lang: Lang): boolean {
  return stopwordsOf(lang).has(word.toLowerCase())
}

const NORDIC: ReadonlySet<Lang> = new Set(['nb', 'da', 'sv'])
const LATIN_LANGS: readonly Lang[] = ['en', 'fr', 'fi', 'nb', 'da', 'sv']

/**
 * True when the function words of a sentence say it is written in a language other than `lang` (an English
 * quotation inside a Norwegian passage): some unrelated language has at least three function-word tokens
 * that `lang` does not share, and more than twice as many as `lang` has of its own. Nordic languages are
 * not told apart (their function words overlap too much for single sentences).
 */
export function isForeignSentence(text: string, lang: Lang): boolean {
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? []
  const own = stopwordsOf(lang)
  let mine = 0
  const other = new Map<Lang, number>()
  const rivals = LATIN_LANGS.filter((l) => l !== lang && !(NORDIC.has(l) && NORDIC.has(lang)))
  for (const w of words) {
    if (own.has(w)) {
      if (!rivals.some((l) => stopwordsOf(l).has(w))) mine++
      continue
    }
    for (const l of rivals) if (stopwordsOf(l).has(w)) other.set(l, (other.get(l) ?? 0) + 1)
  }
  for (const n of other.values()) if (n >= 3 && n > 2 * mine) return true
  return false
}
