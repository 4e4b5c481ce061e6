// Guesses a report's title and date from its passages and opening text, for the document list;
// the user can correct both.
import type { SegmentedPassage } from './model'

const MONTHS: Record<string, number> = {}
;[
  ['january', 'janvier', 'januar', 'tammikuu', 'januari'],
  ['february', 'février', 'februar', 'helmikuu', 'februari'],
  ['march', 'mars', 'mars', 'maaliskuu', 'marts'],
  ['april', 'avril', 'april', 'huhtikuu', 'april'],
  ['may', 'mai', 'mai', 'toukokuu', 'maj'],
  ['june', 'juin', 'juni', 'kesäkuu', 'juni'],
  ['july', 'juillet', 'juli', 'heinäkuu', 'juli'],
  ['august', 'août', 'august', 'elokuu', 'augusti'],
  ['september', 'septembre', 'september', 'syyskuu', 'september'],
  ['october', 'octobre', 'oktober', 'lokakuu', 'oktober'],
  ['november', 'novembre', 'november', 'marraskuu', 'november'],
  ['december', 'décembre', 'desember', 'joulukuu', 'december'],
].forEach((names, i) => names.forEach((n) => (MONTHS[n] = i + 1)))

const pad = (n: number) => String(n).padStart(2, '0')

/** The first date in the opening of a text, as YYYY-MM-DD or YYYY-MM; undefined when none. */
export function guessDate(text: string): string | undefined {
  const head = text.slice(0, 4000)
  const numeric = /\b(\d{1,2})\.(\d{1,2})\.(20\d\d)\b/.exec(head)
  const iso = /\b(20\d\d)-(\d\d)-(\d\d)\b/.exec(head)
  const named = /\b(?:(\d{1,2})\.?\s+)?([A-Za-zÀ-ÿ]+)\s+(20\d\d)\b/g
  const candidates: { at: number; value: string }[] = []
  if (numeric) candidates.push({ at: numeric.index, value: `${numeric[3]}-${pad(+numeric[2])}-${pad(+numeric[1])}` })
  if (iso) candidates.push({ at: iso.index, value: iso[0] })
  for (let m = named.exec(head); m; m = named.exec(head)) {
    const month = MONTHS[m[2].toLowerCase()] ?? MONTHS[m[2].toLowerCase().replace(/ta$/, '')]
    if (!month) continue
    candidates.push({ at: m.index, value: m[1] ? `${m[3]}-${pad(month)}-${pad(+m[1])}` : `${m[3]}-${pad(month)}` })
    break
  }
  candidates.sort((a, b) => a.at - b.at)
  return candidates[0]?.value
}

/** A title: the first heading, else the first short paragraph, else the file name without extension. */
export function guessTitle(passages: SegmentedPassage[], fileName: string): string {
  const body = passages.filter((p) => p.kind !== 'footnote')
  const heading = body.slice(0, 30).find((p) => p.kind === 'heading' && p.text.length > 3)
  const short = body.slice(0, 10).find((p) => p.text.length > 3 && p.text.length <= 160)
  return (heading ?? short)?.text.slice(0, 200) ?? fileName.replace(/\.[^.]+$/, '')
}
