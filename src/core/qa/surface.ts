// How a matched surface is written down in reports and matrices: white space collapsed, case folded except in acronyms.

/** True when a short single word is written like an acronym (two or more capitals: "SOCh", "ACS"). */
function acronymLike(s: string): boolean {
  if (s.length > 8 || /\s/.test(s)) return false
  let upper = 0
  for (const ch of s) if (ch !== ch.toLowerCase() && ++upper >= 2) return true
  return false
}

/**
 * Normalises a surface for counting: NFC, soft hyphens and line-end hyphenation removed, white space collapsed,
 * lower-cased unless it is written like an acronym. Mixed-script spellings stay distinct (they are a finding).
 */
export function normalizeSurface(s: string): string {
  const t = s
    .normalize('NFC')
    .replace(/\u00ad/g, '')
    .replace(/(\p{L})-\s*\n\s*(\p{Ll})/gu, '$1$2')
    .replace(/\s+/g, ' ')
    .trim()
  return acronymLike(t) ? t : t.toLowerCase()
}

/** What separates a term from its gloss: brackets, quotes, a comma or "or" ("Vernepliktige («Prizyvnik»)", "СОЧ (SOCh)", "Rosgvardia, eller Nasjonalgarden"). */
const GLOSS_GAP = /^[\s(«»"'‘’“”,:/–*_-]*(?:(?:or|eller|ou|tai|eli|dvs\.?|i\.e\.|aka|alias)[\s(«»"'‘’“”,:–*_-]+)?$/i

/** True when the text between two renderings makes the second a gloss of the first. */
export function glossGap(gap: string): boolean {
  return gap.length > 0 && gap.length <= 14 && GLOSS_GAP.test(gap)
}

/** A surface as a clean word or phrase: soft and line-end hyphens undone, markup and line breaks gone. */
export function cleanSurface(s: string): string {
  return s
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/\u00ad/g, '')
    .replace(/(\p{L})-\s*\n\s*(\p{Ll})/gu, '$1$2')
    .replace(/\s+/g, ' ')
    .trim()
}
