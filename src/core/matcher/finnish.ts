// Finnish inflection for term matching: oblique stems of a dictionary form and the case endings that may follow them.
//
// Snowball alone stems "sopimussotilas" to itself but "sopimussotilaita" to "sopimussotil", so the two never
// meet. Instead a term word yields its oblique stems (sotilas → sotilaa-, sotilai-; asevelvollinen →
// asevelvollis-; värväys → värväykse-, värväyks-; komissariaatti → komissariaat- by consonant gradation) and a
// text word matches when it is one of those stems plus a case ending (and possessive suffix and clitic).

const CASES = new Set(
  (
    ' n t a ä ta tä na nä ssa ssä sta stä lla llä lta ltä lle ksi tta ttä ne hin hen han hän hon hun hyn hön ' +
    'seen siin an en in on un yn än ön aan ään oon uun yyn een iin öön ' +
    'i ia iä ja jä ita itä iden itten ien jen ten den ihin issa issä ista istä illa illä ilta iltä ille iksi ina inä ' +
    'itta ittä ine ineen isiin it ' +
    'ei eja ejä eihin eissa eissä eista eistä eilla eillä eilta eiltä eille eiksi eina einä eiden eitten ' +
    'et ena enä eksi essa essä esta estä ella ellä elta eltä elle eseen e ee eet eessa eessä eesta eestä eella ' +
    'eellä eelle eeksi eena eenä'
  ).split(' '),
)
const POSSESSIVES = ['ni', 'si', 'mme', 'nne', 'nsa', 'nsä']
const CLITICS = ['kin', 'kaan', 'kään', 'han', 'hän', 'pa', 'pä', 'ko', 'kö']

/** True when `rest` is a Finnish case ending, optionally followed by a possessive suffix and a clitic ("" counts). */
export function isFinnishEnding(rest: string): boolean {
  if (rest.length > 12) return false
  if (CASES.has(rest)) return true
  for (const c of CLITICS) {
    if (rest.endsWith(c)) {
      const r = rest.slice(0, -c.length)
      if (CASES.has(r) || POSSESSIVES.some((p) => r.endsWith(p) && CASES.has(r.slice(0, -p.length)))) return true
    }
  }
  return POSSESSIVES.some((p) => rest.endsWith(p) && CASES.has(rest.slice(0, -p.length)))
}

/** Strong → weak consonant grade, for the cluster just before a word's last vowel. */
const GRADATION: Array<[string, string]> = [
  ['tt', 't'], ['kk', 'k'], ['pp', 'p'], ['nt', 'nn'], ['nk', 'ng'], ['mp', 'mm'], ['lt', 'll'], ['rt', 'rr'], ['ht', 'hd'],
]

const VOWEL = /[aeiouyäö]$/

/** The weak grade of a stem whose gradable cluster ends at `at` (exclusive), or null. */
function weaken(word: string, at: number): string | null {
  const head = word.slice(0, at)
  for (const [strong, weak] of GRADATION) {
    if (head.endsWith(strong)) return head.slice(0, -strong.length) + weak + word.slice(at)
  }
  return null
}

/** Oblique stems of a Finnish word in its dictionary form (the word itself included). */
export function finnishObliqueStems(word: string): string[] {
  const w = word
  const stems = new Set<string>([w])
  if (/[aeiouyäö]t$/.test(w) && w.length > 5) {
    // A plural term ("miehitetyt alueet"): the plural stem, and the singular when the vowel was lengthened.
    const pl = w.slice(0, -1)
    stems.add(pl)
    if (pl[pl.length - 1] === pl[pl.length - 2]) stems.add(pl.slice(0, -1))
    return [...stems].filter((x) => x.length >= 4)
  }
  const back = /[aou][^aouyäö]*$/.test(w) || !/[äöy]/.test(w)
  const A = back ? 'a' : 'ä'
  const O = back ? 'o' : 'ö'
  if (w.endsWith('nen')) {
    stems.add(w.slice(0, -3) + 's')
  } else if (/(uu|yy)s$/.test(w)) {
    const b = w.slice(0, -1)
    stems.add(b + 'de').add(b + 't').add(b + 'ks')
  } else if (/[uyoö]s$/.test(w)) {
    const b = w.slice(0, -1)
    stems.add(b + 'kse').add(b + 'ks')
  } else if (/[aä]s$/.test(w)) {
    const b = w.slice(0, -1)
    stems.add(b + A).add(b + 'i')
  } else if (w.endsWith('ies')) {
    const b = w.slice(0, -1)
    stems.add(b + 'he').add(b + 'hi')
  } else if (/[ei]s$/.test(w)) {
    const b = w.slice(0, -1)
    stems.add(b + w[w.length - 2])
  } else if (/t[oö]n$/.test(w)) {
    const b = w.slice(0, -3)
    stems.add(b + 'tt' + O + 'm' + A).add(b + 'tt' + O + 'mi')
  } else if (w.endsWith('in') && w.length > 5) {
    const b = w.slice(0, -2)
    stems.add(b + 'ime').add(b + 'imi')
  } else if (VOWEL.test(w)) {
    const base = w.slice(0, -1)
    const weakWord = weaken(w, w.length - 1)
    for (const s of [w, base, base + O, base + 'i', base + 'e', ...(weakWord ? [weakWord] : [])]) stems.add(s)
    if (weakWord) {
      const wb = weakWord.slice(0, -1)
      stems.add(wb).add(wb + O).add(wb + 'i').add(wb + 'e')
    }
  }
  return [...stems].filter((s) => s.length >= 4)
}

/** Every stem a Finnish text word may be (the word minus a case ending), longest first. */
export function finnishSplits(word: string): string[] {
  const out: string[] = []
  for (let k = 0; k <= Math.min(14, word.length - 4); k++) {
    if (isFinnishEnding(word.slice(word.length - k))) out.push(word.slice(0, word.length - k))
  }
  return out
}
