// Each clean-up rule of the segmenter on real snippets cut from the corpus reports: line joining,
// page furniture, running headers, footnotes of the three kinds, docx and markdown artefacts,
// headings with section paths, and lists.
import { describe, expect, it } from 'vitest'
import { noiseKind, reconstruct, segmentDocument, type Passage } from '../../src/core/segment'

/** Segments `text` and checks the reconstruction property on the way. */
function seg(text: string, format?: 'txt' | 'md'): Passage[] {
  const { passages } = segmentDocument(text, { format })
  for (const p of passages) expect(reconstruct(text, p)).toBe(p.text)
  return passages
}
const body = (ps: Passage[]) => ps.filter((p) => p.kind !== 'footnote')
const notes = (ps: Passage[]) => ps.filter((p) => p.kind === 'footnote')

// 001, a PDF page break: footnote 1 ("1 https://…") interrupts the paragraph, which goes on with
// " september 20252" (year 2025 + marker 2) on the next page.
const NB_PAGE_BREAK = "Dette systemet er nå i endring. I juli 2025 ble et lovforslag sendt til Statsdumaen om innføre \ninnkalling av vernepliktige året rundt.1 Lovforslaget fikk støtte i første runde den 24. \n\n \n1 https://www.bbc.com/russian/articles/cp90dxgj733o  \n september 20252 og signert av presidenten 4. november 2025.3 Loven trer i kraft 1. januar \n2026. Det nye systemet innebærer at vernepliktige kan motta innkalling året gjennom fra 1. \njanuar til 31. desember. Den som mottar innkalling, men ikke selv kommer til en \n«Vojenkomat» eller militærsenter innen 20 dager, kan få forbud mot å registrere \nenkeltmannsforetak, registrere personlig kjøretøy og eiendom, kan få begrensninger på \nførerkort og muligheter til å ta opp lån. De får også forbud mot å forlate Russland inntil de \ninnfinner seg ved et militærsenter. "
// 003, the only running header of the report, between two paragraphs.
const FR_HEADER = "documente ses sources de manière transparente et traçable, mais peut toutefois décider de \n\nles anonymiser, afin de garantir la protection de ses contacts.  \n  \n\n\n\n \n\nRussie : insoumission – 10 octobre 2025 page 4 de 37   \n \n\n1 Introduction \n\n \n\nLe présent document a été rédigé par l’analyse-pays de l’Organisation suisse d’aide aux ré-\n\nfugiés (OSAR) à la suite d’une demande qui lui a été adressée. Il se penche sur les questions \n\nsuivantes : "
// 003, trailing-digit marker "années1." and its note at the foot of the page.
const FR_FOOTNOTE = "L’analyse-pays de l’OSAR observe les développements dans la Fédération de Russie depuis \n\nplusieurs années1. Sur la base de ses propres recherches ainsi que de renseignements trans-\n\nmis par des expert·e·s externes, elle apporte les réponses suivantes aux questions ci -des-\n\nsus.    \n\n \n\n \n\n2 Report du service militaire pour formation  \n\nL'inscription dans un établissement d'enseignement permet en principe d'obtenir un \n\nreport du service militaire jusqu'à la fin des études.  Durcissement des règles de vérifi-\n\ncation. Selon le Service danois d'immigration et l'Agence suédoise pour les migrations  \n\n(DIS/Migrationsverket), les études académiques représentent l'une des raisons principales, \n\nsinon la raison principale, justifiant un report du service militaire. D'après l’expert sur la Rus-\n\nsie, Claus Mathiesen, consulté par DIS/Migrationsverket, le simple fait d'être inscrit dans un \n\nétablissement d'enseignement permettrait plus ou moins automatiquement d'obtenir un report \n\ndu service militaire jusqu'à la fin ou l'abandon des études . Toutefois, la réglementation s'est \n\nresserrée et l'ensemble des documents attestant d'un motif de report lié aux études sera \n\nvraisemblablement vérifié de manière approfondie au bureau de recrutement militaire. Un \n\nindividu qui aurait reçu un report de conscription pour suivre des études dans une matière \n\nspécifique ne pourrait plus prétendre à ce report s' il décidait de changer de filière (DIS/Mi-\n\ngrationsverket, mars 2025). \n\n \n\n \n \n\n1 www.osar.ch/publications/rapports-sur-les-pays-dorigine  \n\nhttp://www.osar.ch/publications/rapports-sur-les-pays-dorigine\n Au Daghestan, les raids policiers épargnent les étudiants universitaires mais emmènent "
// 002, markers "rapporter2" and "Rusland.3", their notes, the URL list of the page and a lone page number.
const DA_PAGE = "Andre rapporter2 beskriver detaljeret oplysninger om målgrupperne for mobilisering og værnepligt, \n\nfritagelser, og alternativ militærtjeneste. Denne rapport gengiver kun disse emner i hovedtræk. I \n\nnærværende rapport er fokus i stedet på at belyse praksis og faktisk anvendte metoder i Rusland ved at \n\nsamle aktuelle oplysninger herom. Af samme grund anvendes i rapporten en del oplysninger fra \n\nnyhedsartikler og -medier. Det skal bemærkes, at det kan være vanskeligt at få adgang til valide og \n\nrepræsentative oplysninger i Rusland. Flere kilder fremhæver udfordringen ved at tilgå konkret, pålidelig og \n\ndetaljeret information fra troværdige kilder om militære forhold i Rusland.3 \n\nKilder sondrer ikke altid præcist mellem begreber som f.eks. militærtjeneste, værnepligt, mobilisering, \n\nreservister, desertering og unddragelse. For eksempel bruges betegnelsen conscripts ofte om værnepligtige, \n\nmen reelt er betegnelsen bredere og omfatter alle, der er forpligtede til at tjene militæret. Disse begrebslige \n\nnuancer skal tages i betragtning under baggrundssøgning og læsning om emnet. DRC Dansk Flygtningehjælp \n\nbestræber sig på at være så specifik omkring begreberne, som det er muligt ud fra de aktuelle oplysninger. \n\nDet bemærkes, at betegnelser såsom ’militærtjeneste’, ’indkaldte/conscripts’ og ’hvervning’ anvendes bredt \n\nog generelt, mens mere specifikke betegnelser såsom f.eks. ’værnepligtige’ og ’reservister’ benyttes, hvor de \n\ner relevante. \n\n \n2 F.eks. EUAA Query Response: The Russian Federation – Major developments in the Russian Federation in relation to military service \n(03.10.23) url; EUAA: The Russian Federation – Military Service (16.12.22) url; Udlændingestyrelsen: Russia – An update on military \nservice since July 2022 (december 2022), url; Landinfo: Russland: Militærtjeneste og mobilisering til krigen i Ukraina (10.08.23) url; \nMigrationsverket: Ryssland: Nytt system för delgivning av militära kallelser m.m. (15.05.23) url; UK Home Office: Russian Federation: \nMilitary Service (juli 2023) url; Ministry of Foreign Affairs (NL): Country of origin information report Russian Federation (marts 2023) url; \nAsylos: Russie: Mobilisation (03.10.23) url \n3 Reporters without Borders: Russia url; Meduza: A numbers game. What we know about the balance of power between the Russian \nand Ukrainian armies — and how mobilization could change it (26.04.24) url; Freedom House: Freedom on the Net 2023 – Russia \n(04.10.23) url; UK Home Office: Russian Federation: Military Service (juli 2023), side 16-19 url  \n\nhttps://www.ecoi.net/en/file/local/2098391/2023_10_EUAA_COI_Query_Response_Q47_Russian_Federation_Military_service.pdf\nhttps://euaa.europa.eu/publications/russian-federation-military-service\nhttps://us.dk/media/10558/update-on-military-service-in-russia_tilgaengelig.pdf\nhttps://landinfo.no/wp-content/uploads/2023/08/Russland-temanotat-Militaertjeneste-og-mobilisering-til-krigen-i-Ukraina-10082023.pdf\nhttps://lifos.migrationsverket.se/dokument?documentSummaryId=47411\nhttps://www.ecoi.net/en/file/local/2096204/RUS_CPIN_Military_service.pdf\nhttps://www.government.nl/documents/directives/2023/06/31/country-of-origin-information-report-russian-federation\nhttps://resources.asylos.eu/available-research/information-about-the-report/?pdb=2285\nhttps://rsf.org/en/country/russia\nhttps://meduza.io/en/feature/2024/04/26/a-numbers-game\nhttps://www.ecoi.net/en/document/2100701.html\nhttps://www.ecoi.net/en/file/local/2096204/RUS_CPIN_Military_service.pdf\n\n\n \n\n5 \n\n \n\nI rapporten kan forhold, der er beskrevet under ét emne, være relevant for andre områder. For at få en \n\nhelhedsforståelse af militærtjeneste i Rusland bør de enkelte afsnit derfor læses i sammenhæng.  "
// 000, docx extraction: bookmark, [footnoteRef:N] markers and inline [N: text] definitions.
const FI_DOCX = "[bookmark: _Hlk129259295]Pakkovärväystä Venäjän armeijan palvelukseen on aiemmin käsitelty muun muassa seuraavissa Maahanmuuttoviraston maatietopalvelun julkaisemisissa kyselyvastauksissa:\n· 29.9.2025. Venäjä / Varusmiehet ja liikekannallepano, tilanne maaliskuun 2025 jälkeen.[footnoteRef:1] [1:  Maahanmuuttoviraston maatietopalvelu 29.9.2025.] \n\n· 29.8.2025. Venäjä / Afrikkalaistaustaiset henkilöt Venäjällä.[footnoteRef:2] [2:  Maahanmuuttoviraston maatietopalvelu 29.8.2025, s. 6–7.] "
// 004, markdown: a paragraph cut by the page foot (rule and <sup> notes) and resumed after it.
const MD_PAGE = "In regard to the register of summons, the intention is that a summons should be included in a special digital register, after the Voenkoms sends a summons to an individual. State bodies have a formal right to restrict the rights of summoned individuals, such as banning them from\n\n---\n\n<sup>34</sup> Mark Galeotti: 19\n\n<sup>35</sup> Consultant, Федеральный закон от 14.04.2023 N 127-ФЗ \"О внесении изменений в отдельные законодательные акты Российской Федерации\", Статья 1, [url](#); Freedom House: 13; Sergey Krivenko: 5; Claus Mathiesen: 32; Huseyn Aliyev: 5; Novaya Gazeta Europe: 7\n\n<sup>36</sup> Sergey Krivenko: 5; Claus Mathiesen: 32\n\n<sup>37</sup> Sergey Krivenko: 5; Huseyn Aliyev: 6\n\n<sup>38</sup> Huseyn Aliyev: 5\n\nleaving the country. With this digital register, the border police can automatically stop a person included in the register from leaving the country.<sup>39</sup>"
// 004, three page breaks carrying the running header "## RUSSIA – CONSCRIPTION".
const MD_HEADERS = "<sup>70</sup> Sergey Krivenko: 32\n\n## RUSSIA – CONSCRIPTION\n\n- The army\n- Some conscripts are serving in the National Guard.\n- Some conscripts are serving in the border service\n- The paratroopers (VDV), which are separate from the air force in terms of picking conscripts. These conscripts could also serve in the Spetsnaz (Special Forces) under the VDV.<sup>71</sup>\n\nAccording to Claus Mathiesen, conscripts can also be drafted to serve in Ministry of Civil Defence, Emergencies and Disaster Relief.<sup>72</sup>\n\n<sup>207</sup> Meduza, «Пусть лучше она там где-нибудь умрет» «Медуза» рассказывает о первой открытой трансгендерной женщине в российской армии. Ее собираются отправить на войну с Украиной (и это еще не вся история), 9 November 2022, [url](#)\n\n## RUSSIA – CONSCRIPTION\n\nIn the so-called Donetsk People’s Republic, it is still legal to change one’s gender. Therefore, lawyers are trying to help trans persons to change their documents in this region. However, these cases are very few and the majority of Russian transwomen are leaving the country to avoid conscription.<sup>208</sup>\n\n---\n\n<sup>431</sup> Telegram, *Сахалин против войны*, 22 October 2024, [url](#); Novaya Gazeta Europe: 23\n\n## RUSSIA – CONSCRIPTION\n\nwhere people have changed their minds, and with the help from human rights defenders, they managed to halt the procedure so that these persons managed to avoid contract service.<sup>432</sup>\n\nIf a person has already signed a contract, the only way to avoid fulfilling the contract is by taking the case to court. The chance of getting out of the contract is about 50/50, and human rights organisations try to help conscripts in these cases.<sup>433</sup>"
// 003, a numbered heading wrapped over two lines, and a second one.
const FR_HEADING = "5 Risques de mobilisation forcée et d’envoi au \nfront pour les conscrits \n\n5.1 De la conscription au front : pressions et violations \ncontre les conscrits russes \n\nMalgré l'interdiction légale d'envoyer des conscrits au combat, ils peuvent être affectés \n\nà des missions de logistiques ou de construction. "
// 003, a dash inside a sentence at the start of a line (not a bullet).
const FR_DASH = "Free Europe/Radio Liberty (RFE/RL), la législation russe interdit aux conscrits – des hommes \n\ngénéralement âgés d'environ 18 ans qui effectuent une année de service militaire obligatoire \n\n– de servir dans des zones de combat. "
// 000, a docx bullet list closed by an inline note, and the Finnish and English question lists.
const FI_LIST = "Tarvetta eri siviiliammattien asiantuntijuudelle Ukrainan sodassa on esitelty esimerkiksi Rodina Gerojev -nimisellä, sotilassopimuksia mainostavalla verkkosivustolla (ven. Родина Героев, suom. Sankarien kotimaa). Sivustolla luetellaan siviiliammatteja, joiden edustajille on tarjolla erilaisia tehtäviä. Värväytyminen tapahtuu jättämällä hakemus mainitulla verkkosivustolla. Sopimuksen solmimisen kerrotaan olevan mahdollista ilman varusmiespalveluksen suorittamista ja ilman sotilaspassia. Verkkosivustolla luetellaan seuraavia avoinna olevia tehtäviä sekä ammattilaisia, joiden asiantuntijuudelle on tarvetta:[footnoteRef:23] [23:  Родина Героев 2025.] \n\n· Lääkäri, \n· kuorma-autonkuljettaja, \n· sairaanhoitaja, \n· rakennusmestari, \n· autotekniikan korjaaja, \n· seppä, \n· hitsaaja, \n· kokki, \n· varastotyöntekijä, \n· logistiikka- ja liikenteenohjausammattilainen, \n· viestintäteknikko sekä elektronisen sodankäynnin asiantuntija.[footnoteRef:24] [24:  Ibid.] \n\nLisäksi mainitaan viestintäkaapelilinjojen, antennien, vahvistimien ja muiden viestintälaitteiden asennukseen, käyttöön ja korjaukseen liittyvän asiantuntijuuden tarve."
const FI_QUESTIONS = "Kysymykset\n1. Onko Venäjällä raportoitu pakkovärväystä armeijan palvelukseen? Jos pakkovärväystä on raportoitu, minkälaisia seuraamuksia kieltäytymisestä voi tulla?\n2. Onko pakkovärväystä raportoitu kohdistuneen joihinkin tiettyihin ammattiryhmiin?\n\nQuestions\n1. Have there been reports of forced recruitment into armed forces in Russia? If there are reports of forced recruitment, what sanctions can be imposed for refusal?\n2. Have there been reports of forced recruitment targeting certain occupational groups?\n\n[bookmark: _Hlk129259295]Pakkovärväystä"
// 001, a dash list introduced by a colon.
const NB_LIST = "i flere tilfeller også dødsdato. Her er noen eksempler: \n\n– Kasakhstan: https://t.me/hochu_zhyt/4097 \n– Belarus: https://t.me/hochu_zhyt/4086 \n– Tadsjikistan: https://t.me/hochu_zhyt/4071 \n– Ghana, Kamerun, Irak, Jemen: https://t.me/hochu_zhyt/4008 "

describe('joining hard-wrapped lines', () => {
  it('joins the wrapped lines of a paragraph into one passage with single spaces', () => {
    const ps = body(seg(FR_DASH))
    expect(ps).toHaveLength(1)
    expect(ps[0].text).toContain('interdit aux conscrits – des hommes généralement âgés d\'environ 18 ans')
    expect(ps[0].text).not.toMatch(/\s{2}|\n/)
  })

  it('does not take a dash that continues a sentence for a bullet', () => {
    const [p] = body(seg(FR_DASH))
    expect(p.kind).toBe('paragraph')
    expect(p.text).toMatch(/obligatoire – de servir dans des zones de combat\.$/)
  })
})

describe('page furniture', () => {
  it('recognises page numbers and page counters by pattern', () => {
    expect(noiseKind('5')).toBe('page-number')
    expect(noiseKind('- 12 -')).toBe('page-number')
    expect(noiseKind('Russie : insoumission – 10 octobre 2025 page 4 de 37')).toBe('header')
    expect(noiseKind('---')).toBe('rule')
    expect(noiseKind('3.2. Alternative Civil Service (ACS).....\t28')).toBe('toc')
    expect(noiseKind('Totalt 160,000 ble innkalt.')).toBeNull()
    expect(noiseKind('2.1 Press mot vernepliktige')).toBeNull()
  })

  it('drops a running header between paragraphs', () => {
    const ps = seg(FR_HEADER)
    expect(ps.some((p) => p.text.includes('page 4 de 37'))).toBe(false)
    expect(ps.map((p) => p.text)).toContain('1 Introduction')
    expect(ps.find((p) => p.text === '1 Introduction')!.kind).toBe('heading')
  })

  it('drops a lone page number and the URL list of a page foot', () => {
    const ps = seg(DA_PAGE)
    expect(ps.some((p) => p.text === '5')).toBe(false)
    for (const p of body(ps)) expect(p.text).not.toMatch(/https?:|url;/)
    expect(body(ps).at(-1)!.text).toMatch(/^I rapporten kan forhold, der er beskrevet under ét emne/)
  })

  it('detects a repeated running header statistically and rejoins the text around it', () => {
    const ps = seg(MD_HEADERS, 'md')
    expect(ps.some((p) => p.text.includes('RUSSIA – CONSCRIPTION'))).toBe(false)
    expect(ps.some((p) => p.kind === 'heading')).toBe(false)
    expect(ps.map((p) => p.text)).toContain('The army')
    // With the header seen three times elsewhere, a paragraph it interrupts is made whole again.
    const cut = seg(MD_HEADERS + '\n\n' + "Care has been taken to present the views of the interlocutors as accurately and transparently as possible. For the sake of reader-friendliness, transparency and accuracy, paragraphs in the minutes of the interviews in Annex 2 have been numbered in a consecutive order, used in the report when referring to the statements of the sources in the footnotes. The quotation marks\n\n## RUSSIA – CONSCRIPTION\n\n(“) are not used in the report whenever the text is a copy of the meeting minutes, however, a reference is made in the footnotes to the paragraphs where the text is cited from.", 'md').filter((p) => p.text.startsWith('Care has been taken'))
    expect(cut).toHaveLength(1)
    expect(cut[0].text).toContain('The quotation marks (“) are not used in the report')
  })
})

describe('footnotes', () => {
  it('rejoins a paragraph around an interleaved footnote block and keeps the note', () => {
    const ps = seg(NB_PAGE_BREAK)
    const [p] = body(ps)
    expect(body(ps)).toHaveLength(1)
    expect(p.text).toContain('året rundt. Lovforslaget fikk støtte i første runde den 24. september 2025 og signert av presidenten 4. november 2025. Loven trer i kraft 1. januar 2026.')
    expect(p.footnotes).toEqual(['1'])
    expect(notes(ps).map((n) => [n.footnotes, n.text])).toEqual([[['1'], 'https://www.bbc.com/russian/articles/cp90dxgj733o']])
    const excluded = p.excluded.map((e) => NB_PAGE_BREAK.slice(e.start, e.end))
    expect(excluded).toContain('1')
    expect(excluded).toContain('2')
    expect(excluded).toContain('3')
  })

  it('takes trailing digits after a word as markers only when they continue the numbering', () => {
    const ps = seg(FR_FOOTNOTE)
    const first = body(ps)[0]
    expect(first.text).toContain('depuis plusieurs années. Sur la base de ses propres recherches')
    expect(first.footnotes).toEqual(['1'])
    expect(notes(ps).map((n) => n.text)).toEqual(['www.osar.ch/publications/rapports-sur-les-pays-dorigine'])
    // The section number "2" of the next heading is not a marker.
    expect(ps.map((p) => p.text)).toContain('2 Report du service militaire pour formation')
    expect(body(ps).at(-1)!.text).toMatch(/^Au Daghestan/)
  })

  it('keeps multi-line PDF notes whole and links both markers', () => {
    const ps = seg(DA_PAGE)
    const ns = notes(ps)
    expect(ns.map((n) => n.footnotes![0])).toEqual(['2', '3'])
    expect(ns[0].text).toMatch(/^F\.eks\. EUAA Query Response: .* Asylos: Russie: Mobilisation \(03\.10\.23\) url$/)
    expect(body(ps).flatMap((p) => p.footnotes ?? [])).toEqual(['2', '3'])
    expect(body(ps)[0].text).toContain('Andre rapporter beskriver detaljeret')
  })

  it('splits docx inline definitions off and strips bookmarks and markers', () => {
    const ps = seg(FI_DOCX)
    expect(body(ps).map((p) => p.text)).toEqual([
      'Pakkovärväystä Venäjän armeijan palvelukseen on aiemmin käsitelty muun muassa seuraavissa Maahanmuuttoviraston maatietopalvelun julkaisemisissa kyselyvastauksissa:',
      '29.9.2025. Venäjä / Varusmiehet ja liikekannallepano, tilanne maaliskuun 2025 jälkeen.',
      '29.8.2025. Venäjä / Afrikkalaistaustaiset henkilöt Venäjällä.',
    ])
    expect(body(ps)[1].kind).toBe('list')
    expect(notes(ps).map((n) => [n.footnotes![0], n.text])).toEqual([
      ['1', 'Maahanmuuttoviraston maatietopalvelu 29.9.2025.'],
      ['2', 'Maahanmuuttoviraston maatietopalvelu 29.8.2025, s. 6–7.'],
    ])
    expect(body(ps)[1].footnotes).toEqual(['1'])
  })

  it('rejoins a markdown paragraph across the page foot and keeps its <sup> notes', () => {
    const ps = seg(MD_PAGE, 'md')
    expect(body(ps)).toHaveLength(1)
    expect(body(ps)[0].text).toContain('such as banning them from leaving the country. With this digital register')
    expect(body(ps)[0].footnotes).toBeUndefined()
    expect(notes(ps).map((n) => n.footnotes![0])).toEqual(['34', '35', '36', '37', '38'])
    expect(notes(ps)[1].text).toMatch(/^Consultant, Федеральный закон .*Статья 1, url; Freedom House: 13/)
  })
})

describe('markdown and docx artefacts', () => {
  it('keeps the text of [text](url) links and drops the syntax, emphasis and escapes', () => {
    const text = 'For more information on Alternative Civil Service, please see [chapter 3.2](#).<sup>4</sup>\n\n<sup>4</sup> Gosudarstvennaya Duma, *Конституция РФ, Статья 59*, 1 July 2020, [url](#)\n\n[https://www.consultant.ru/document/cons\\\\_doc\\\\_LAW\\\\_426999/](https://www.consultant.ru/document/cons_doc_LAW_426999/)'
    const ps = seg(text, 'md')
    expect(ps[0].text).toBe('For more information on Alternative Civil Service, please see chapter 3.2. https://www.consultant.ru/document/cons_doc_LAW_426999/')
    expect(ps[0].footnotes).toEqual(['4'])
    expect(notes(ps)[0].text).toBe('Gosudarstvennaya Duma, Конституция РФ, Статья 59, 1 July 2020, url')
  })

  it('strips [bookmark: …] markers wherever they stand', () => {
    const text = '[bookmark: _Hlk217912217][bookmark: _Hlk217302176]Kesäkuussa 2025 raportoitiin maahanmuuttajataustaisiin kohdistuneista ratsioista.'
    const [p] = seg(text)
    expect(p.text).toBe('Kesäkuussa 2025 raportoitiin maahanmuuttajataustaisiin kohdistuneista ratsioista.')
    expect(p.start).toBe(0)
    expect(p.excluded.map((e) => e.why)).toEqual(['bookmark', 'bookmark'])
  })
})

describe('headings and sections', () => {
  it('keeps numbered headings, including one wrapped over two lines, and builds the section path', () => {
    const ps = seg(FR_HEADING)
    const hs = ps.filter((p) => p.kind === 'heading')
    expect(hs.map((h) => h.text)).toEqual([
      '5 Risques de mobilisation forcée et d’envoi au front pour les conscrits',
      '5.1 De la conscription au front : pressions et violations contre les conscrits russes',
    ])
    const last = ps.at(-1)!
    expect(last.kind).toBe('paragraph')
    expect(last.sectionPath).toEqual(hs.map((h) => h.text))
  })

  it('reads markdown heading levels and numbered depths into the path', () => {
    const text = '# 1. Legal framework\n\nPursuant to article 59.\n\n## 1.1. New legislation after December 2022\n\nThe most important changes.\n\n## Executive summary\n\nThe most significant changes.'
    const ps = seg(text, 'md')
    expect(ps.map((p) => p.section)).toEqual([
      '1. Legal framework',
      '1. Legal framework',
      '1. Legal framework > 1.1. New legislation after December 2022',
      '1. Legal framework > 1.1. New legislation after December 2022',
      'Executive summary',
      'Executive summary',
    ])
  })
})

describe('lists', () => {
  it('keeps dash items introduced by a colon as list passages without their bullets', () => {
    const ps = seg(NB_LIST)
    expect(ps.map((p) => p.kind)).toEqual(['paragraph', 'list', 'list', 'list', 'list'])
    expect(ps[1].text).toBe('Kasakhstan: https://t.me/hochu_zhyt/4097')
    expect(ps[1].excluded[0].why).toBe('bullet')
  })

  it('keeps "·" bullets of docx text as list items, the last one with its note', () => {
    const ps = seg(FI_LIST)
    const items = ps.filter((p) => p.kind === 'list')
    expect(items.map((p) => p.text)).toEqual([
      'Lääkäri,', 'kuorma-autonkuljettaja,', 'sairaanhoitaja,', 'rakennusmestari,', 'autotekniikan korjaaja,', 'seppä,', 'hitsaaja,', 'kokki,',
      'varastotyöntekijä,', 'logistiikka- ja liikenteenohjausammattilainen,', 'viestintäteknikko sekä elektronisen sodankäynnin asiantuntija.',
    ])
    expect(items.at(-1)!.footnotes).toEqual(['24'])
    expect(ps.at(-1)!.kind).toBe('paragraph')
  })

  it('keeps numbered question lists under their headings', () => {
    const ps = seg(FI_QUESTIONS).filter((p) => p.kind !== 'footnote')
    expect(ps.map((p) => p.kind)).toEqual(['heading', 'list', 'list', 'heading', 'list', 'list', 'paragraph'])
    expect(ps[4].sectionPath).toEqual(['Questions'])
    expect(ps[4].text).toMatch(/^1\. Have there been reports/)
  })
})

describe('html input', () => {
  it('segments HTML through its text and returns the text the offsets refer to', () => {
    const html = '<h1>2.1 Press mot vernepliktige</h1><p>Det er underforst&aring;tt at kontraktsoldater sendes til Ukraina.</p><ul><li>Kasakhstan</li></ul>'
    const r = segmentDocument(html, { format: 'html' })
    expect(r.text).toBe('# 2.1 Press mot vernepliktige\n\nDet er underforstått at kontraktsoldater sendes til Ukraina.\n\n- Kasakhstan')
    expect(r.passages.map((p) => [p.kind, p.text])).toEqual([
      ['heading', '2.1 Press mot vernepliktige'],
      ['paragraph', 'Det er underforstått at kontraktsoldater sendes til Ukraina.'],
      ['list', 'Kasakhstan'],
    ])
    for (const p of r.passages) expect(reconstruct(r.text!, p)).toBe(p.text)
  })
})
