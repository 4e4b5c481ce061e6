// A small multilingual lexicon of everyday report vocabulary (court, fine, prison, border, family…) that links
// passages where words are not cognates; domain terms belong in the glossary, not here.
import type { Lang } from '../model'

// One line per meaning: "id | en | fr | nb | da | sv | fi". Each cell lists stems (comma-separated), folded:
// lower case, no diacritics except that æ→ae, ø→o, å→a, ä→a, ö→o. A stem matches words that start with it;
// a stem ending in "=" matches only the whole word. Stems shorter than 4 letters should end in "=".
const TABLE = `
court | court | tribunal,tribunaux,cour= | domstol,retten=,rettssak | domstol,retten=,retssag | domstol,rattegang | tuomioistui,oikeude,oikeus
judge | judge | juge | dommer | dommer | domare | tuomari
fine | fine=,fined=,fines= | amende | bot=,boter=,boten=,botlegg,boteleg | bode,boder=,boden= | boter=,boten=,botes= | sakko,sakot,sakon,sakkoa
prison | prison,imprison,jail | prison,emprisonn,incarc | fengsel | faengsel,faengsl | fangelse | vankila,vankeu,vankeus
sentence | sentence,sentenced,convict | condamn | domfel,dommen=,dommer= | domfael,dom= | domd,dom= | tuomit,tuomio
arrest | arrest,detain,detention | arret,arrete,deten,interpel | arrest,pagrip,varetekt | anhold,arrest,tilbagehold | gripen,gripa,haktad,frihetsberov | pidatt,pidate,vangit
police | police,policem | police,polici | politi | politi | polis | poliisi
border | border,frontier | frontiere | grense | graense | grans,granser | raja,rajan,rajal,rajat
leave | leave=,leaving,left=,exit= | quitter,quitte,sortir | forlate,forlot,utreise,utreis | forlade,forlod,udrejse,udrejs | lamna,lamnat,utresa | poistu,lahte,lahtee
abroad | abroad,foreign | etranger,etrangere | utland,utenlands | udland,udenlands | utland,utomlands | ulkomai,ulkomaa
country | country,countries | pays= | landet=,land= | landet=,land= | landet=,land= | maa=,maasta,maahan,maan=,maassa
return | return | retour,revenir,rentr | retur,vende tilbake,vendte | tilbagevend,vende tilbage,vendte | atervand,aterkomst | palaa,palasi,paluu
family | family,families,relative | famill,proche | familie,parorende,slektning | familie,parorende,slaegtning | familj,anhorig | perhe,perhee,sukulai,omais
mother | mother | mere=,meres= | mor=,modre,modrene | mor=,modre,modrene | mor=,modrar | aiti,aidi
son | son=,sons= | fils= | sonn,sonner | son=,sonner | son=,soner | poika,pojat,poja
day | day=,days= | jour,journee | dag=,dager,dagen | dag=,dage=,dagen | dag=,dagar,dagen | paiva,paivan,paivaa
week | week | semaine | uke=,uker=,uken= | uge=,uger=,ugen= | vecka,veckor | viikko,viiko
month | month | mois= | maned | maaned | manad | kuukau
year | year | an=,ans=,annee,annuel | ar=,aret=,arlig | ar=,aret=,arlig | ar=,aret=,arlig | vuosi,vuode,vuotta,vuonna,vuosit
age | age=,aged=,ages= | age=,agee,agees | alder | alder | alder | ika=,ian=,ikai,ikaa
man | man=,men= | homme | menn=,mann= | maend,mand= | man=,man= | mies,miehe,miest
student | student,studies,study,universit,enrol | etudiant,etude,universit,inscri | student,studie,universitet | studer,studie,universitet | student,studie,universitet | opiskeli,opinno,yliopisto
doctor | doctor,physician | medecin,docteur | lege=,leger=,legen= | laege | lakare | laakari
health | health,illness,disease,medical | sante,maladie,medical,medicaux | helse,sykdom,medisinsk | helbred,sygdom,medicinsk | halsa,sjukdom,medicinsk | terveys,sairau,laaketiet
training | training,trained,train= | formation,entrain,instruct | opplaering,trening,trent= | traening,uddann | utbildning,traning | koulutu,harjoitu
officer | officer,commander | officier,command | offiser,befal | officer,befal | officer,befal | upseeri,komentaj
pressure | pressure,pressur,coerc,forced,force= | pression,contrain,forc,coerc | press=,presse,presset,tvang,tvunget,tvinge | pres=,presse,presset,tvang,tvunget,tvinge | press=,pressa,tvang,tvinga,tvingad | painost,pakot,pakko
violence | violence,violent,beat,abuse,tortur | violence,violent,battu,tortur,maltrait | vold,mishandl,tortur | vold,mishandl,tortur | vald,misshandl,tortyr | vakival,pahoinpi,kidut
threat | threat,threaten | menace | trussel,true=,truet,truer | trussel,true=,truet,truer | hot=,hota,hotad,hotelse | uhka,uhkai,uhattii,uhkaa
money | money,payment,paid,salary,pay=,wage | argent,paiement,verse,salaire,remuner | penger,betal,lonn | penge,betal,lon= | pengar,betal,lon= | raha,maksu,maksett,palkka,palka
contract | contract | contrat | kontrakt | kontrakt | kontrakt | sopimu
sign | sign=,signed,signing,signature | sign,signature | underteg,signer,skrive under,skrev under | underskriv,underskrev | underteckn,skriva under | allekirjoit
refuse | refuse,refusal,refusing | refus | nekt | naegt | vagra | kieltay,kieltaydy
law | law=,laws=,legislat,legal | loi=,lois=,legislat,legal,legale | lov=,loven=,lovgivning,lovendring,lovforslag | lov=,loven=,lovgivning,lovaendring,lovforslag | lag=,lagen=,lagstiftning,lagandring | laki,lain=,lakia,lainsaad,lakimuutos
decree | decree | decret | dekret | dekret | dekret | asetus,asetukse
president | president | president | president | praesident | president | presiden
region | region,regional,oblast | region,regional,oblast | region,fylke | region | region,oblast | alue=,alueella,alueen,alueelle,alueilla,alueet
front | front=,frontline,front line | front= | fronten=,front= | fronten=,front= | fronten=,front= | rintam
war | war=,wars=,wartime | guerre | krig=,krigen=,krigs | krig=,krigen=,krigs | krig=,kriget=,krigs | sota=,sodan,sotaa,sodassa,sotaan
army | army,armed forces | armee,forces armees | hær=,haeren,haer=,forsvaret | haer=,haeren,forsvaret | armen=,armé,forsvarsmakt | armeija,asevoim
soldier | soldier | soldat | soldat | soldat | soldat | sotilas,sotilaa
kill | killed,died,death,dead=,casualt,lost their lives | tue=,tues=,tuee,mort,deces,perte | drept,dod=,dode,dødsfall,tap=,tapene | draebt,dod=,dode,dodsfald,tab=,tabene | dodad,dod=,doda,dodsfall,forlust | kuoli,kuollut,kaatu,tapettu,menehty
prisoner | prisoner,captured,captivity | prisonnier,captur | fange,fangenskap | fange,fangenskab | fange,fangenskap | vanki,vangi
passport | passport | passeport | pass=,passet= | pas=,passet= | pass=,passet= | passi
travel | travel | voyag,deplacement | reise,reiser | rejse,rejser | resa=,resor,reser | matkust,matka
search | search,look for,track | recherch | leting,lete=,leter,soke | eftersog,lede=,leder | eftersok,soka,soker | etsi,etsint
list | list=,listed,wanted list | liste | liste=,lister=,listen= | liste=,lister=,listen= | lista,listor | lista,luettel
employer | employer,employee,employ,job=,jobs=,work= | employeur,employe,emploi,travail | arbeidsgiver,ansatt,arbeid,jobb | arbejdsgiver,ansat,arbejde,job= | arbetsgivare,anstalld,arbete,jobb | tyonanta,tyontekij,tyopaik,tyo=
lawyer | lawyer,attorney,legal aid | avocat,juriste | advokat,jurist | advokat,jurist | advokat,jurist | asianajaj,lakimies,juristi
human rights | human rights | droits humains,droits de l'homme,droits de l homme | menneskerett | menneskeret | manskliga rattig | ihmisoikeu
complaint | complaint,appeal | plainte,recours,appel= | klage,anke= | klage,anke= | klagomal,overklag | valitus,kantelu
quota | quota | quota,quotas | kvote | kvote | kvot= | kiinti
increase | increase,rise=,raised,extend | augment,hausse,eleve,prolong | okning,okt=,hevet,heve=,utvid | stigning,forog,haev,udvid | okning,hoj,utok | kasva,nousi,nosta,laajen
reduce | reduce,decrease,decline,fewer | baisse,diminu,redui | reduser,nedgang,faerre,synk | reducer,fald,faerre | minska,farre | vahene,vahent,laski,laske
number | number= | nombre= | antall,antallet | antal=,antallet | antal=,antalet | maara,lukumaar
thousand | thousand | millier,milliers | tusen | tusind | tusen | tuhat,tuhans,tuhatt
hundred | hundred | centaine,centaines | hundre,hundrevis | hundred,hundredvis | hundra,hundratals | sata=,satoja,sadat
two | two= | deux= | to= | to= | tva= | kaksi,kahde,kaksi
three | three | trois | tre= | tre= | tre= | kolme,kolmen
four | four= | quatre | fire= | fire= | fyra | nelja
six | six= | six= | seks= | seks= | sex= | kuusi,kuuden
twenty | twenty | vingt= | tjue= | tyve= | tjugo | kaksikymmen
`

const LANG_COLUMNS: Lang[] = ['en', 'fr', 'nb', 'da', 'sv', 'fi']

interface LangTable {
  exact: Map<string, string>
  prefix: Map<string, string>
  /** Multi-word stems ("human rights"): matched on the folded text. */
  phrases: [string, string][]
}

/** Folds a word the way the lexicon is written. */
export function foldLexicon(s: string): string {
  return s.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o').normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’']/g, "'")
}

const TABLES = new Map<Lang, LangTable>()
for (const line of TABLE.trim().split('\n')) {
  const [id, ...cells] = line.split('|').map((c) => c.trim())
  cells.forEach((cell, col) => {
    const lang = LANG_COLUMNS[col]
    let t = TABLES.get(lang)
    if (!t) TABLES.set(lang, (t = { exact: new Map(), prefix: new Map(), phrases: [] }))
    for (const raw of cell.split(',').map((x) => foldLexicon(x.trim())).filter(Boolean)) {
      if (raw.includes(' ')) t.phrases.push([raw.replace(/=$/, ''), id])
      else if (raw.endsWith('=')) t.exact.set(raw.slice(0, -1), id)
      else t.prefix.set(raw, id)
    }
  })
}

/** A lexicon hit: the meaning's id and where it was found. */
export interface LexiconHit {
  id: string
  start: number
  end: number
  surface: string
}

const WORD_RE = /[\p{L}\p{M}]+/gu

/** Meanings of the lexicon found in `text`, a text in language `lang` (all languages are tried for 'und'). */
export function matchLexicon(text: string, lang: Lang | 'und'): LexiconHit[] {
  const tables = lang === 'und' ? [...TABLES.values()] : TABLES.has(lang) ? [TABLES.get(lang)!] : []
  const out: LexiconHit[] = []
  for (const m of text.matchAll(WORD_RE)) {
    const w = foldLexicon(m[0])
    for (const t of tables) {
      let id = t.exact.get(w)
      for (let n = Math.min(w.length, 14); !id && n >= 3; n--) id = t.prefix.get(w.slice(0, n))
      if (id) {
        out.push({ id, start: m.index!, end: m.index! + m[0].length, surface: m[0] })
        break
      }
    }
  }
  const folded = foldLexicon(text)
  if (folded.length === text.length)
    for (const t of tables)
      for (const [phrase, id] of t.phrases)
        for (let i = folded.indexOf(phrase); i >= 0; i = folded.indexOf(phrase, i + 1))
          out.push({ id, start: i, end: i + phrase.length, surface: text.slice(i, i + phrase.length) })
  return out
}
