// MultiTerm XML export (the `mtf` format of SDL/RWS MultiTerm): every model field is written, so that
// importMultiTerm(exportMultiTerm(g)) gives back g.
import { type ConceptEntry, type Glossary, SUPPORTED_LANGS, type Term } from '../model'
import { escapeXmlAttr as attr, escapeXmlText as text, withXmlContext } from '../xmlEscape'
import { MT_FIELDS as F, MT_LANGS, MT_USER } from './format'
import { conceptLabel, termLabel } from '../tbx/format'

const descrip = (pad: string, type: string, value: string) => `${pad}<descripGrp><descrip type="${attr(type)}">${text(value)}</descrip></descripGrp>`

function transactions(out: string[], pad: string, created: string, modified: string): void {
  out.push(`${pad}<transacGrp><transac type="origination">${MT_USER}</transac><date>${text(created)}</date></transacGrp>`)
  out.push(`${pad}<transacGrp><transac type="modification">${MT_USER}</transac><date>${text(modified)}</date></transacGrp>`)
}

function termGrp(out: string[], t: Term): void {
  const p = '        '
  out.push('      <termGrp>')
  out.push(`${p}<term>${text(t.text)}</term>`)
  out.push(descrip(p, F.termId, t.id))
  out.push(descrip(p, F.status, t.status))
  out.push(descrip(p, F.type, t.type))
  if (t.partOfSpeech) out.push(descrip(p, F.partOfSpeech, t.partOfSpeech))
  if (t.note !== undefined) out.push(descrip(p, F.usageNote, t.note))
  for (const s of t.sources) {
    if (s.quote !== undefined) {
      out.push(
        `${p}<descripGrp><descrip type="${F.context}">${text(s.quote)}</descrip>` +
          `<descripGrp><descrip type="${F.source}">${text(s.doc)}</descrip></descripGrp></descripGrp>`,
      )
    } else out.push(descrip(p, F.source, s.doc))
  }
  transactions(out, p, t.created, t.modified)
  out.push('      </termGrp>')
}

function conceptGrp(out: string[], e: ConceptEntry): void {
  const c = e.concept
  const p = '    '
  out.push('  <conceptGrp>')
  out.push(`${p}<concept>${text(c.id)}</concept>`)
  transactions(out, p, c.created, c.modified)
  if (c.subjectField !== undefined) out.push(descrip(p, F.subjectField, c.subjectField))
  if (c.note !== undefined) out.push(descrip(p, F.note, c.note))
  for (const r of c.related) out.push(descrip(p, F.related, r))
  for (const lang of SUPPORTED_LANGS) {
    const terms = e.terms.filter((t) => t.lang === lang)
    const definition = c.definitions[lang]
    if (!terms.length && !definition) continue
    const l = MT_LANGS[lang]
    out.push(`${p}<languageGrp>`)
    out.push(`${p}  <language type="${l.type}" lang="${l.code}"/>`)
    if (definition) out.push(descrip(`${p}  `, F.definition, definition))
    for (const t of terms) withXmlContext(termLabel(t), () => termGrp(out, t))
    out.push(`${p}</languageGrp>`)
  }
  out.push('  </conceptGrp>')
}

/**
 * Writes a glossary as MultiTerm XML: one `conceptGrp` per concept (the id in `<concept>`, the subject
 * field, note and related ids as descriptive fields, origination and modification transactions), one
 * `languageGrp` per language (MultiTerm's language type and code, the definition) and one `termGrp` per
 * term (its id, status, type, part of speech, usage note and sources as Context/Source fields).
 */
export function exportMultiTerm(glossary: Glossary): string {
  // A character XML cannot carry is refused with the concept and term named (UnrepresentableXmlError).
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<mtf>']
  for (const e of glossary.entries) withXmlContext(conceptLabel(e), () => conceptGrp(out, e))
  out.push('</mtf>', '')
  return out.join('\n')
}
