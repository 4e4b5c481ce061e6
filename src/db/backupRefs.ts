// The references between a backup's rows, checked after their shapes: unique ids, every term's
// concept, every passage's document and span, every link's passages. A restore of a backup that
// fails here would write rows the rest of the app cannot follow.

type Row = Record<string, unknown>

/** Index of each id in a table, or the first duplicate found. */
function ids(table: string, rows: Row[], key = 'id'): Map<string, Row> | string {
  const seen = new Map<string, Row>()
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i][key] as string
    if (seen.has(v)) return `table "${table}", row ${i + 1}: the ${key} "${v}" is used twice`
    seen.set(v, rows[i])
  }
  return seen
}

/**
 * Checks the references of rows whose shapes are already valid (see ROW_SHAPES). Returns the first
 * problem (table, row, field, what is wrong), or null.
 */
export function checkReferences(tables: Record<string, unknown[]>): string | null {
  const t = (name: string) => (tables[name] ?? []) as Row[]
  const concepts = ids('concepts', t('concepts'))
  if (typeof concepts === 'string') return concepts
  const terms = ids('terms', t('terms'))
  if (typeof terms === 'string') return terms
  for (const [i, row] of t('terms').entries())
    if (!concepts.has(row.conceptId as string)) return `table "terms", row ${i + 1}, field "conceptId": no concept "${row.conceptId}" in the backup`
  for (const [i, row] of t('trash').entries())
    for (const [k, term] of (row.terms as Row[]).entries())
      if (term.conceptId !== row.conceptId) return `table "trash", row ${i + 1}, field "terms[${k}].conceptId": "${term.conceptId}" is not the deleted concept "${row.conceptId}"`
  for (const table of ['meta', 'qaIgnores']) {
    const r = ids(table, t(table), table === 'meta' ? 'key' : 'id')
    if (typeof r === 'string') return r
  }
  const docs = ids('documents', t('documents'))
  if (typeof docs === 'string') return docs
  const passages = ids('passages', t('passages'))
  if (typeof passages === 'string') return passages
  for (const [i, row] of t('passages').entries()) {
    const where = `table "passages", row ${i + 1}`
    const doc = docs.get(row.docId as string)
    if (!doc) return `${where}, field "docId": no document "${row.docId}" in the backup`
    const start = row.start as number
    const end = row.end as number
    if (end < start) return `${where}, field "end": ${end} is before start ${start}`
    if (end > (doc.text as string).length) return `${where}, field "end": ${end} is past the end of its document's text (${(doc.text as string).length} characters)`
  }
  const links = ids('links', t('links'))
  if (typeof links === 'string') return links
  for (const [i, row] of t('links').entries())
    for (const f of ['srcPassage', 'dstPassage'])
      if (!passages.has(row[f] as string)) return `table "links", row ${i + 1}, field "${f}": no passage "${row[f]}" in the backup`
  return null
}
