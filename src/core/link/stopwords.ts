// Function words of fi, nb, da, sv, fr and en that must not count as names or cognates when passages are linked.

// Folded (lower case, no diacritics). One set for all six languages: a passage's features are compared
// across languages, so a word that is a function word in any of them is noise.
const WORDS = `
a about above according across after again against all almost also although always among an and another any are
around as at be because been before being below between both but by can cannot could did do does during each
either even every for from further had has have having he her here hers him his how however if in into is it its
itself just least less many may might more most much must neither no nor not now of off on once only or other
others otherwise our out over own per rather same several shall she should since so some still such than that the
their them then there therefore these they this those though through thus to too under until upon very was we
were what when where whereas whether which while who whom whose why will with within without would yet you your
furthermore moreover nevertheless accordingly additionally similarly meanwhile instead regarding concerning
au aux avec ce ces cet cette dans de des du elle elles en entre est et etre eux il ils je la le les leur leurs
lui mais meme mes moins nous on ont ou par pas plus pour qu que qui sa sans se selon ses si son sont sur ta te
toutefois cependant egalement notamment lorsque lequel laquelle lesquels lesquelles parmi depuis apres avant
ainsi alors aussi autre autres chaque comme donc dont encore etant etaient etait fait font ici jusqu malgre
neanmoins peut peuvent plusieurs pourrait pourraient quelques seraient serait tandis tant tous tout toute toutes
tres une un via vers voire deja selon d l n s c j m t y
af alle alt andre at bare blev blevet bliver da dag de dem den denne der deres det dette dig din disse dog du
efter eller en end er et for fordi fra har havde hende ham han hans hvad hvem hvis hvor hvordan hvilke hvilket
i ikke ind jeg kan kunne man med meget men mens mod ned nogen noget nok nu nar og ogsa om op over pa sa sadan
selv sig sin sine sit skal skulle som stadig til under ud uden var vil ville vaere vaeret derfor desuden dog
imidlertid ifolge allerede ligesom samtidig endnu efterhanden blandt mellem
av bli ble blir bare da dei deira denne dei eg ei eller etter for fordi fra ha hadde har hennar hennes her hva
hvem hvis hvor ikke inn jeg kan kunne man med men mot na noe noen nar og ogsa om opp over pa sa sin sine sitt
skal skulle som til ut uten var vart vi vil ville vore vaere vert dessuten ifolge imidlertid likevel allerede
mellom blant
alla allt att av blev bli blir da de dem den denna deras dess det detta dig din dina ditt du efter eller en
ett for fran ha hade han hans har henne hennes hon honom hur i icke in inom inte jag kan kunde man med mellan men
mot mycket nagon nagot nar nu och ocksa om oss pa sa sadan sin sina sitt ska skulle som till under upp ut utan
var vara varit vi vid vilka vilket ater aven enligt dock emellertid dessutom redan
ja ei eika etta jos kun kuin mutta myos niin nyt ole olla oli olivat on ovat se sen sita siina siita tama taman
tassa talla nama niita joka jotka jonka joiden mita mika kuitenkin mukaan lisaksi jalkeen aikana vuoden vuonna
muun muassa esimerkiksi sekä seka eli tai ettei kanssa vastaan vaan koska kuten viela jo myoskin
`

/** The stop words of all six languages, folded. */
export const STOPWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean))

/** Folds a word the way the stop word list is written: lower case, diacritics stripped, æ→ae, ø→o. */
export function foldStopword(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
}

/** True when `word` is a function word in any of the six languages. */
export function isStopword(word: string): boolean {
  if (word.length > 14) return false
  const lower = word.toLowerCase()
  return STOPWORDS.has(lower) || (/[^a-z]/.test(lower) && STOPWORDS.has(foldStopword(lower)))
}
