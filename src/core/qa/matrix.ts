// The usage matrix: for each concept and report, which renderings the report uses and how often.
import type { Lang, TermStatus } from '../model'
import type { QaContext, QaHit } from './scan'
import { normalizeSurface } from './surface'

/** One rendering in a cell: the normalised surface, the term it matched and its status, and the count. */
export interface MatrixForm {
  surface: string
  termId?: string
  /** The term's status; 'admitted' for generated transliterations of admitted terms counts as the term's own. */
  status: TermStatus
  /** Language of the term (a Russian source term quoted in a report has 'ru'). */
  lang: Lang
  count: number
}

/** The renderings of one concept in one report. */
export interface MatrixCell {
  conceptId: string
  docId: string
  forms: MatrixForm[]
  /** Sum of the forms' counts. */
  total: number
}

/** A concept × report matrix of renderings. */
export interface UsageMatrix {
  /** Concepts used in at least one report, most used first. */
  concepts: Array<{ id: string; label: string; total: number }>
  reports: Array<{ id: string; lang: Lang }>
  /** Non-empty cells only. */
  cells: MatrixCell[]
}

/** Options of `usageMatrix`. */
export interface UsageMatrixOptions {
  /** Count Russian source terms quoted in reports (default true). */
  includeRussian?: boolean
  /** Count hits in passages in another language than the report (default true). */
  includeQuoted?: boolean
}

/** The surface a hit is counted under: the glossary part of a compound, else the whole hit. */
function countedSurface(h: QaHit): string {
  return normalizeSurface(h.compound && h.part ? h.part.surface : h.surface)
}

/**
 * Builds the concept × report matrix from the scanned reports: each cell lists the normalised surfaces
 * (case folded except acronyms, white space and line-end hyphens undone) with the term each matched, its
 * status and its count. Ambiguous spellings (one span, several concepts) are counted under each concept.
 */
export function usageMatrix(ctx: QaContext, opts: UsageMatrixOptions = {}): UsageMatrix {
  const withRu = opts.includeRussian ?? true
  const withQuoted = opts.includeQuoted ?? true
  const cells = new Map<string, MatrixCell>()
  const totals = new Map<string, number>()
  for (const sd of ctx.docs) {
    for (const h of sd.hits) {
      if ((!withRu && h.lang === 'ru') || (!withQuoted && h.quoted)) continue
      const key = `${h.conceptId}\u0000${sd.doc.id}`
      let cell = cells.get(key)
      if (!cell) cells.set(key, (cell = { conceptId: h.conceptId, docId: sd.doc.id, forms: [], total: 0 }))
      const surface = countedSurface(h)
      let form = cell.forms.find((f) => f.surface === surface && f.termId === h.termId)
      if (!form) cell.forms.push((form = { surface, termId: h.termId, status: h.term.status, lang: h.lang, count: 0 }))
      form.count++
      cell.total++
      totals.set(h.conceptId, (totals.get(h.conceptId) ?? 0) + 1)
    }
  }
  for (const cell of cells.values()) cell.forms.sort((a, b) => b.count - a.count || (a.surface < b.surface ? -1 : 1))
  const concepts = [...totals]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([id, total]) => ({ id, label: ctx.glossary.label(id), total }))
  const order = new Map(concepts.map((c, i) => [c.id, i]))
  const docOrder = new Map(ctx.docs.map((d, i) => [d.doc.id, i]))
  return {
    concepts,
    reports: ctx.docs.map((d) => ({ id: d.doc.id, lang: d.doc.lang })),
    cells: [...cells.values()].sort((a, b) => order.get(a.conceptId)! - order.get(b.conceptId)! || docOrder.get(a.docId)! - docOrder.get(b.docId)!),
  }
}

/** The matrix as nested counts, the CLI's `usage` shape: conceptId → docId → surface → count. */
export function usageCounts(matrix: UsageMatrix): Record<string, Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, Record<string, number>>> = {}
  for (const cell of matrix.cells) {
    const byDoc = (out[cell.conceptId] ??= {})
    const forms = (byDoc[cell.docId] ??= {})
    for (const f of cell.forms) forms[f.surface] = (forms[f.surface] ?? 0) + f.count
  }
  return out
}
