// Check: words that mix scripts ("Voенkomat", "Voenkوماتs", "Verстка"): invisible typos that break search and matching.
import { findMixedScriptWords, foldConfusables, detectMixedScript } from '../../text/confusables'
import { transliterate } from '../../text/translit'
import { findUrls, insideAny, passageAt } from '../document'
import { makeFinding, type Finding } from '../findings'
import type { QaContext, QaHit } from '../scan'

/**
 * What a mixed-script word was meant to be: its confusables folded into the majority script ("Voенkomat" →
 * "Voenkomat"); when that leaves it mixed (a mostly Cyrillic word with Latin letters that have no Cyrillic twin,
 * "Verстка"), its Cyrillic letters romanised ("Verstka").
 */
export function mixedScriptSuggestion(word: string): string {
  const folded = foldConfusables(word)
  if (!detectMixedScript(folded).mixed) return folded
  return transliterate(folded, 'simpleEn')
}

const LATIN = 'A-Za-z\u00C0-\u024F'
const FOREIGN = '\u0370-\u06FF\u0750-\u077F\u1F00-\u1FFF\uFB50-\uFDFF\uFE70-\uFEFF\uA640-\uA69F'
const FOREIGN_RUN = new RegExp(`[${FOREIGN}]+`, 'g')
const LATIN_LETTER = new RegExp(`^[${LATIN}]$`)
const LETTER = /[\p{L}\p{M}]/u

/**
 * Spans of the words in which a Latin letter touches a Cyrillic, Greek or Arabic one: the only words that can mix
 * scripts. Found from the runs of non-Latin letters (a boundary is a run's edge with a Latin letter beside it),
 * which is several times faster than looking for a boundary at every character.
 */
function mixedScriptCandidates(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = []
  let done = -1
  const at = (b: number) => {
    if (b < done) return
    let s = b
    while (s > 0 && LETTER.test(text[s - 1])) s--
    let e = b + 2
    while (e < text.length && LETTER.test(text[e])) e++
    out.push([s, e])
    done = e
  }
  for (const m of text.matchAll(FOREIGN_RUN)) {
    const a = m.index
    const b = a + m[0].length
    if (a > 0 && LATIN_LETTER.test(text[a - 1])) at(a - 1)
    if (b < text.length && LATIN_LETTER.test(text[b])) at(b - 1)
  }
  return out
}

/**
 * Finds every word mixing Latin with Cyrillic, Greek or Arabic letters anywhere in a report's text (URLs
 * aside), and glossary hits the matcher flagged as mixed-script. The glossary concept is attached when a hit
 * covers the word. Severity 'error': such a word looks right and is found by no search.
 */
export function checkMixedScript(ctx: QaContext): Finding[] {
  const out: Finding[] = []
  for (const sd of ctx.docs) {
    const { doc } = sd
    // URLs are only needed for the rare mixed-script word, and finding them scans the whole report.
    let urls: Array<[number, number]> | undefined
    const seen = new Set<string>()
    const hitAt = (s: number, e: number): QaHit | undefined => sd.hits.find((h) => h.start < e && h.end > s)
    const add = (start: number, end: number, word: string, hit?: QaHit) => {
      const key = `${start}:${end}`
      if (seen.has(key) || insideAny((urls ??= findUrls(doc.text)), start, end)) return
      seen.add(key)
      const info = detectMixedScript(word)
      const odd = info.offending.map((i) => String.fromCodePoint(word.codePointAt(i) ?? 0)).join('')
      const parts = [`${info.majority ?? 'Latin'} word with ${info.scripts.filter((s) => s !== info.majority).join('/')} letters «${odd}»`]
      if (hit) parts.push(`${hit.term.status} glossary spelling of ${ctx.glossary.label(hit.conceptId)}`)
      out.push(
        makeFinding({
          check: 'mixed-script', severity: 'error',
          ...(hit ? { conceptId: hit.conceptId, termId: hit.termId, term: hit.term.text } : {}),
          docId: doc.id, passageIndex: passageAt(sd.passages, start), start, end, surface: word,
          suggestion: mixedScriptSuggestion(word), detail: parts.join('; '),
        }),
      )
    }
    for (const [s, e] of mixedScriptCandidates(doc.text))
      for (const w of findMixedScriptWords(doc.text.slice(s, e))) add(s + w.start, s + w.end, w.word, hitAt(s + w.start, s + w.end))
    for (const h of sd.hits) {
      if (!h.mixedScript) continue
      for (const w of findMixedScriptWords(h.surface)) add(h.start + w.start, h.start + w.end, w.word, h)
    }
  }
  return out
}
