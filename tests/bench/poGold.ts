// A further alignment gold in the project's languages, built from material on every Debian machine: the gettext
// catalogues of coreutils (/usr/share/locale/<lang>/LC_MESSAGES/coreutils.mo), whose translation units were made
// by the Translation Project's human translators. A unit whose two sides have as many lines is taken line by line (a
// --help text keeps one option a line in every language); any other unit is one bead (its lines : its lines). The
// beads are derived by that rule from human translation units, not aligned by hand: a check, not the peers' gold.
import { existsSync, readFileSync } from 'node:fs'
import type { BeadLike } from '../../src/core/align'
import type { DevSet } from './alignDev'

/** The catalogue's units as [msgid, msgstr] (first plural form, context stripped), in file order; the header left out. */
export function readMo(bytes: Uint8Array, file = 'catalogue'): [string, string][] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const magic = view.getUint32(0, true)
  const le = magic === 0x950412de
  if (!le && view.getUint32(0, false) !== 0x950412de) throw new Error(`${file}: not a gettext .mo file (magic ${magic.toString(16)})`)
  const u32 = (at: number) => view.getUint32(at, le)
  const count = u32(8)
  const originals = u32(12)
  const translations = u32(16)
  const text = new TextDecoder('utf-8', { fatal: true })
  const str = (table: number, k: number) => {
    const length = u32(table + 8 * k)
    const offset = u32(table + 8 * k + 4)
    if (offset + length > bytes.length) throw new Error(`${file}: string ${k} runs past the end of the file`)
    return text.decode(bytes.subarray(offset, offset + length))
  }
  const out: [string, string][] = []
  for (let k = 0; k < count; k++) {
    const id = str(originals, k).split('\0')[0]
    if (!id) continue
    out.push([id.slice(id.indexOf('\u0004') + 1), str(translations, k).split('\0')[0]])
  }
  return out
}

const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter((l) => /\p{L}{2}/u.test(l))

/**
 * One document per language: the first `units` units whose both sides have 1–4 lines with words (format-only lines
 * such as "%s: %s" left out), in catalogue order; one line a sentence, beads as in the header.
 */
export function loadPoSets(units = 120, dir = '/usr/share/locale', langs = ['fi', 'fr', 'sv', 'da', 'nb']): DevSet[] {
  const sets: DevSet[] = []
  for (const lang of langs) {
    const file = `${dir}/${lang}/LC_MESSAGES/coreutils.mo`
    if (!existsSync(file)) continue
    const src: string[] = []
    const tgt: string[] = []
    const gold: BeadLike[] = []
    let taken = 0
    for (const [id, str] of readMo(readFileSync(file), file)) {
      if (taken >= units) break
      const a = lines(id)
      const b = lines(str)
      if (!a.length || !b.length || a.length > 4 || b.length > 4) continue
      taken++
      if (a.length === b.length) a.forEach((_, k) => gold.push({ src: [src.length + k], tgt: [tgt.length + k] }))
      else gold.push({ src: a.map((_, k) => src.length + k), tgt: b.map((_, k) => tgt.length + k) })
      src.push(...a)
      tgt.push(...b)
    }
    sets.push({ set: `coreutils-po-en-${lang}`, srcLang: 'en', tgtLang: lang, docs: [{ name: 'coreutils', src, tgt, gold }] })
  }
  return sets
}
