// Tells bibliography entries and source lists from body text, and finds a passage's leading enumerator ("2.1",
// "76.", "(iv)"), so that linking pairs references only with references and never links on a section number.

const URL_LIKE = /\bhttps?:\/\/|\bwww\.|\burl\b/gi
const ACCESS_WORD = /\b(?:accessed|retrieved|available at|hentet|besøgt|lest|läst|luettu|haettu|viitattu|consulté|page consultée)\b/i
const CITED_DATE = /\(\s*(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}|[a-zæøåäöéèû]+ \d{4}|\d{1,2} [a-zæøåäöéèû]+ \d{4})\s*\)/giu
const SOURCE_TITLE = /^[^.:;]{2,80}:\s+\S/u

/**
 * True when a passage reads as a bibliography entry or a list of sources rather than a statement: URLs or "url"
 * placeholders, access words ("retrieved", "hentet", "luettu"), citation dates in brackets ("(13.12.23)"), and a
 * "Publisher: Title" opening. A statement that cites one source in passing stays body text: it needs two of these
 * signals, or a web address with little else around it.
 */
export function isReferenceLike(text: string): boolean {
  const urls = text.match(URL_LIKE)?.length ?? 0
  const dates = text.match(CITED_DATE)?.length ?? 0
  const signals = (urls ? 1 : 0) + (ACCESS_WORD.test(text) ? 1 : 0) + (dates ? 1 : 0) + (SOURCE_TITLE.test(text) ? 1 : 0)
  if (signals >= 2 && (urls + dates >= 2 || text.length < 400)) return true
  // A short passage around a web address is a citation ("EUAA, …, December 2022, https://…"), not a statement.
  if (urls && text.length < 300) return true
  // A long run of citations: many URLs or dated titles for the length of the passage.
  return urls + dates >= 3 && (urls + dates) * 120 >= text.length
}

const ENUMERATOR = /^\s*(?:(?:§\s*)?\d{1,3}(?:\.\d{1,3}){0,3}\.?(?=\s)|\(?[ivxlc]{1,5}[.)](?=\s)|\(?[a-z][.)](?=\s)|\(\d{1,3}\))\s*/i

/** Length of the enumerator that opens a passage ("2.1 ", "76. ", "(iv) ", "a) "), 0 when there is none. */
export function leadingEnumeratorLength(text: string): number {
  return ENUMERATOR.exec(text)?.[0].length ?? 0
}
