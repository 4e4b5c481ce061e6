// ODT (OpenDocument text: LibreOffice's format, which Nordic public bodies accept and publish) to
// blocks: headings by outline level or by a Title/Heading paragraph style, paragraphs, list items, table rows,
// footnotes and endnotes with their markers, text boxes after the paragraph they stand in; tables of contents and
// indexes, comments and tracked deletions are left out. The package's sizes are checked before anything is
// inflated, and its XML is read by the safe parser (no DTD, no entity expansion).
import { childElements, localName, parseXml, textContent, type XmlElement } from '../xml'
import { normalizeDate } from '../reportMeta'
import { promoteTitleParagraphs, squash, type Block, type FileMeta } from './blocks'
import { ODF_NOT_TEXT, odfText, openOdf } from '../odf'

/** Generated indexes: their lines repeat headings with page numbers. */
const INDEXES = new Set(['table-of-content', 'alphabetical-index', 'illustration-index', 'table-index', 'object-index', 'user-index', 'bibliography'])

/** Paragraph style name → its parent's name, from the automatic and named styles. */
type StyleParents = Map<string, string>

function styleParents(...roots: XmlElement[]): StyleParents {
  const out: StyleParents = new Map()
  const todo = [...roots]
  while (todo.length) {
    const el = todo.pop()!
    for (const c of childElements(el)) {
      if (localName(c.name) === 'style' && c.attrs['style:family'] === 'paragraph' && c.attrs['style:name']) out.set(c.attrs['style:name'], c.attrs['style:parent-style-name'] ?? '')
      else if (/styles$/.test(localName(c.name))) todo.push(c)
    }
  }
  return out
}

/** The heading level a paragraph style gives (Title 1, "Heading 2" 2), 0 for a plain paragraph; follows parents. */
function styleLevel(name: string | undefined, parents: StyleParents): number {
  for (let k = 0, s = name; s && k < 10; k++, s = parents.get(s)) {
    if (/^Title$/i.test(s)) return 1
    if (/^Subtitle$/i.test(s)) return 0
    const h = /^Heading_20_(\d)$/.exec(s)
    if (h) return Number(h[1])
  }
  return 0
}

/** What walking the body collects: blocks in order, the notes to put after them, and text boxes met inline. */
interface Reading {
  blocks: Block[]
  notes: Block[]
  parents: StyleParents
  /** Blocks of the text boxes (a sidebar, a figure's caption) anchored in the paragraph being read. */
  boxes: Block[]
}

/**
 * The text of inline content (see `odfText`; callers squash its white space): a note becomes `<sup>N</sup>` and is
 * collected; an image has no text, and a text box's paragraphs become blocks of their own after this paragraph.
 */
function inline(el: XmlElement, r: Reading): string {
  return odfText(el, (c, name) => {
    if (name === 'frame') {
      const box = childElements(c).find((k) => localName(k.name) === 'text-box')
      if (box) {
        const inner: Reading = { ...r, blocks: [], boxes: [] }
        walk(box, inner)
        r.boxes.push(...inner.blocks)
      }
      return ''
    }
    if (name !== 'note') return undefined
    const kids = childElements(c)
    const citation = kids.find((k) => localName(k.name) === 'note-citation')
    const label = squash(citation ? textContent(citation) : '')
    const body = kids.find((k) => localName(k.name) === 'note-body')
    const text = body ? squash(childElements(body).map((p) => inline(p, r)).join(' ')) : ''
    if (label && text) r.notes.push({ kind: 'footnote', label, text })
    return label ? `<sup>${label}</sup>` : ''
  })
}

/** Walks block-level content (the body, a section, a list item, a cell) into blocks. */
function walk(el: XmlElement, r: Reading): void {
  for (const c of childElements(el)) {
    const name = localName(c.name)
    if (INDEXES.has(name) || ODF_NOT_TEXT.has(name)) continue
    if (name === 'h' || name === 'p') {
      const text = squash(inline(c, r))
      const level = name === 'h' ? Number(c.attrs['text:outline-level'] ?? 1) || 1 : styleLevel(c.attrs['text:style-name'], r.parents)
      if (text) r.blocks.push(level > 0 ? { kind: 'heading', level: Math.min(6, level), text } : { kind: 'para', text })
      r.blocks.push(...r.boxes.splice(0))
    } else if (name === 'list') {
      for (const item of childElements(c)) {
        const parts = childElements(item)
        const text = squash(parts.filter((p) => /^(?:p|h)$/.test(localName(p.name))).map((p) => inline(p, r)).join(' '))
        if (text) r.blocks.push({ kind: 'item', text })
        for (const p of parts) if (localName(p.name) === 'list') walk({ ...item, children: [p] }, r)
      }
    } else if (name === 'table-row') {
      const cells = childElements(c).filter((k) => localName(k.name) === 'table-cell').map((k) => squash(childElements(k).map((p) => inline(p, r)).join(' ')))
      if (cells.some(Boolean)) r.blocks.push({ kind: 'row', cells })
    } else walk(c, r)
  }
}

/** The first element named `local` (any prefix) under `el`, depth first. */
function find(el: XmlElement, local: string): XmlElement | undefined {
  for (const c of childElements(el)) {
    if (localName(c.name) === local) return c
    const hit = find(c, local)
    if (hit) return hit
  }
  return undefined
}

/** Title, publisher (the initial creator, else the creator) and the date the file was made, from meta.xml. */
function odtMeta(xml: string | undefined): FileMeta {
  if (!xml) return {}
  const root = parseXml(xml, { label: 'meta.xml' }).root
  const field = (local: string) => {
    const el = find(root, local)
    const t = el ? squash(textContent(el)) : ''
    return t || undefined
  }
  const created = field('creation-date')
  return { title: field('title'), publisher: field('initial-creator') ?? field('creator'), created: created ? normalizeDate(created) : undefined }
}

/** Blocks and metadata of an .odt given as bytes; a package over the size limits is refused before it is read. */
export async function odtToBlocks(bytes: Uint8Array): Promise<{ blocks: Block[]; meta: FileMeta }> {
  const pkg = await openOdf(bytes, 'text')
  const stylesXml = await pkg.part('styles.xml')
  const parents = styleParents(pkg.root, ...(stylesXml ? [parseXml(stylesXml, { label: 'styles.xml' }).root] : []))
  const r: Reading = { blocks: [], notes: [], parents, boxes: [] }
  walk(pkg.content, r)
  r.blocks.push(...r.boxes)
  return { blocks: [...promoteTitleParagraphs(r.blocks), ...r.notes], meta: odtMeta(await pkg.part('meta.xml')) }
}
