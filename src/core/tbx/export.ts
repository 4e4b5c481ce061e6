// TBX-Basic export of a glossary, as v3 (ISO 30042:2019, DCA style) or as v2 (`martif`, which memoQ and
// MultiTerm versions in use expect); every model field is written so that importTbx(exportTbx(g)) gives back g.
import { type ConceptEntry, type Glossary, type Lang, SUPPORTED_LANGS, type Term } from '../model'
import { escapeXmlAttr as attr, escapeXmlText as text, withXmlContext } from '../xmlEscape'
import {
  FORBIDDEN_NOTE, POS_TO_TBX, STATUS_TO_TBX, TBX_GENERATOR, TBX_NAMESPACE, TYPE_TO_TBX, conceptLabel, escapeNote, isoDate, termLabel,
} from './format'

/** Options of {@link exportTbx}. */
export interface TbxExportOptions {
  /** The file title (`<titleStmt><title>`). Default "COI Termbench glossary". */
  title?: string
  /** Default language of the file (`<tbx xml:lang>`). Default 'en'. */
  lang?: Lang
  /** 'tbx3' (default): `tbx`/`conceptEntry`/`langSec`/`termSec`; 'tbx2': `martif`/`termEntry`/`langSet`/`tig`. */
  version?: 'tbx3' | 'tbx2'
}

/** Element names of the two TBX versions (the categories and values are the same). */
const NAMES = {
  tbx3: { entry: 'conceptEntry', langSec: 'langSec', term: 'termSec' },
  tbx2: { entry: 'termEntry', langSec: 'langSet', term: 'tig' },
} as const
type Names = (typeof NAMES)[keyof typeof NAMES]

/** Creation and modification as TBX transactions; the exact timestamp rides in the group's `<note>`,
 * since `<date>` only holds a day. */
function transactions(out: string[], pad: string, created: string, modified: string): void {
  for (const [kind, stamp] of [['origination', created], ['modification', modified]] as const) {
    const day = isoDate(stamp)
    out.push(
      `${pad}<transacGrp><transac type="transactionType">${kind}</transac>` +
        (day ? `<date>${day}</date>` : '') +
        `<note>${text(stamp)}</note></transacGrp>`,
    )
  }
}

function termSec(out: string[], t: Term, n: Names): void {
  const p = '          '
  out.push(`        <${n.term} id="${attr(t.id)}">`)
  out.push(`${p}<term>${text(t.text)}</term>`)
  out.push(`${p}<termNote type="administrativeStatus">${STATUS_TO_TBX[t.status]}</termNote>`)
  out.push(`${p}<termNote type="termType">${TYPE_TO_TBX[t.type]}</termNote>`)
  if (t.partOfSpeech) out.push(`${p}<termNote type="partOfSpeech">${POS_TO_TBX[t.partOfSpeech]}</termNote>`)
  for (const s of t.sources) {
    if (s.quote) {
      out.push(
        `${p}<descripGrp><descrip type="context">${text(s.quote)}</descrip>` +
          `<admin type="source">${text(s.doc)}</admin></descripGrp>`,
      )
    } else out.push(`${p}<admin type="source">${text(s.doc)}</admin>`)
  }
  if (t.note) out.push(`${p}<note>${text(escapeNote(t.note))}</note>`)
  if (t.status === 'forbidden') out.push(`${p}<note>${FORBIDDEN_NOTE}</note>`)
  transactions(out, p, t.created, t.modified)
  out.push(`        </${n.term}>`)
}

function conceptEntry(out: string[], e: ConceptEntry, ids: Set<string>, n: Names): void {
  const c = e.concept
  const p = '      '
  out.push(`    <${n.entry} id="${attr(c.id)}">`)
  if (c.subjectField) out.push(`${p}<descrip type="subjectField">${text(c.subjectField)}</descrip>`)
  if (c.note) out.push(`${p}<note>${text(c.note)}</note>`)
  for (const r of c.related) {
    const target = ids.has(r) ? ` target="${attr(r)}"` : ''
    out.push(`${p}<ref type="crossReference"${target}>${text(r)}</ref>`)
  }
  transactions(out, p, c.created, c.modified)
  for (const lang of SUPPORTED_LANGS) {
    const terms = e.terms.filter((t) => t.lang === lang)
    const definition = c.definitions[lang]
    if (!terms.length && !definition) continue
    out.push(`${p}<${n.langSec} xml:lang="${lang}">`)
    if (definition) out.push(`        <descrip type="definition">${text(definition)}</descrip>`)
    for (const t of terms) withXmlContext(termLabel(t), () => termSec(out, t, n))
    out.push(`${p}</${n.langSec}>`)
  }
  out.push(`    </${n.entry}>`)
}

/**
 * Writes a glossary as a TBX-Basic v3 document (DCA style). Concepts become `conceptEntry` (subject
 * field, note, crossReference refs, origination/modification transactions), languages `langSec` in
 * SUPPORTED_LANGS order (with the definition), terms `termSec` (administrativeStatus, termType,
 * partOfSpeech, sources as `descripGrp` context + `admin type="source"`, note, transactions).
 * See format.ts for the forbidden status and the two values outside the TBX-Basic picklists. A
 * character XML cannot carry is refused with the concept and term named (UnrepresentableXmlError).
 */
export function exportTbx(glossary: Glossary, options: TbxExportOptions = {}): string {
  const ids = new Set(glossary.entries.map((e) => e.concept.id))
  const v2 = options.version === 'tbx2'
  const [root, header] = v2 ? ['martif', 'martifHeader'] : ['tbx', 'tbxHeader']
  const lang = options.lang ?? 'en'
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    v2 ? `<martif type="TBX-Basic" xml:lang="${lang}">` : `<tbx type="TBX-Basic" style="dca" xml:lang="${lang}" xmlns="${TBX_NAMESPACE}">`,
    `  <${header}>`,
    '    <fileDesc>',
    `      <titleStmt><title>${text(options.title ?? 'COI Termbench glossary')}</title></titleStmt>`,
    `      <sourceDesc><p type="generator">${TBX_GENERATOR}</p></sourceDesc>`,
    '    </fileDesc>',
    ...(v2 ? ['    <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>'] : []),
    `  </${header}>`,
    '  <text>',
    '    <body>',
  ]
  const body: string[] = []
  for (const e of glossary.entries) withXmlContext(conceptLabel(e), () => conceptEntry(body, e, ids, NAMES[v2 ? 'tbx2' : 'tbx3']))
  for (const line of body) out.push('  ' + line)
  out.push('    </body>', '  </text>', `</${root}>`, '')
  return out.join('\n')
}
