// Finnish and Nordic inflection and compounds on real words of the reports, through the QA scan (the matcher per passage).
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import type { Lang } from '../../src/core/model'
import { createQaContext, usageCounts, usageMatrix } from '../../src/core/qa'
import { hydrateStarter } from '../../src/core/starterGlossary'

const glossary = hydrateStarter(JSON.parse(readFileSync('glossary/starter.json', 'utf8')))

/** The concepts the scan finds in a sentence, as [surface, conceptId] pairs. */
function found(lang: Lang, text: string): Array<[string, string]> {
  const ctx = createQaContext(glossary, [{ id: 'x', lang, text }])
  return ctx.docs[0].hits.map((h) => [h.surface, h.conceptId])
}

describe('Finnish inflection and compounds (report 000)', () => {
  it.each([
    ['Sotilaskomissariaateissa on pulaa henkilöstöstä.', 'Sotilaskomissariaateissa', 'c-voenkomat'],
    ['Hän kävi sotilaskomissariaatin kautta.', 'sotilaskomissariaatin', 'c-voenkomat'],
    ['Vangeista värvätään sopimussotilaiksi.', 'sopimussotilaiksi', 'c-contract-soldier'],
    ['Kyse on pakkovärväyksestä.', 'pakkovärväyksestä', 'c-forced-recruitment'],
    ['Varusmiehet eivät osallistu.', 'Varusmiehet', 'c-conscript'],
    ['He tekivät sotilassopimuksia.', 'sotilassopimuksia', 'c-military-contract'],
    ['miehitetyillä alueilla asuvat', 'miehitetyillä alueilla', 'c-occupied-territories'],
  ])('%s', (text, surface, conceptId) => {
    expect(found('fi', text)).toContainEqual([surface, conceptId])
  })
})

describe('Norwegian and Danish inflection and compounds (reports 001, 002)', () => {
  it.each([
    ['nb', 'Kontraktsoldatene ble sendt til fronten.', 'Kontraktsoldatene', 'c-contract-soldier'],
    ['nb', 'Press mot vernepliktige øker.', 'vernepliktige', 'c-conscript'],
    ['nb', 'Under verneplikttjenesten skjer det mye.', 'verneplikttjenesten', 'c-conscription'],
    ['nb', 'Det var en mobiliseringsrunde i fjor.', 'mobiliseringsrunde', 'c-mobilisation'],
    ['da', 'De værnepligtige blev indkaldt.', 'værnepligtige', 'c-conscript'],
    ['da', 'Under værnepligtsperioden er man soldat.', 'værnepligtsperioden', 'c-conscription'],
    ['da', 'Hvervekontorerne sender indkaldelser.', 'Hvervekontorerne', 'c-voenkomat'],
    ['da', 'Han fik fritagelse.', 'fritagelse', 'c-exemption'],
  ])('%s: %s', (lang, text, surface, conceptId) => {
    expect(found(lang as Lang, text)).toContainEqual([surface, conceptId])
  })

  it('does not take a longer compound head for the term (kontraktsoldat in kontraktsoldatene is inflection)', () => {
    const hits = createQaContext(glossary, [{ id: 'x', lang: 'nb', text: 'Kontraktsoldatene kom.' }]).docs[0].hits
    expect(hits.find((h) => h.conceptId === 'c-contract-soldier')?.compound).toBeFalsy()
  })

  it('counts inflected and compound forms in the usage matrix under their surfaces', () => {
    const ctx = createQaContext(glossary, [{ id: 'd', lang: 'da', text: 'Værnepligtige og værnepligtige. Værnepligten og værnepligtssystemet.' }])
    const usage = usageCounts(usageMatrix(ctx))
    expect(usage['c-conscript'].d).toEqual({ værnepligtige: 2 })
    expect(usage['c-conscription'].d).toEqual({ værnepligten: 1, værnepligt: 1 })
  })
})
