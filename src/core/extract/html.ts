// HTML to blocks through htmlparser2 (its own entity decoding): the page's main content when it
// has one (<main>, else the longest <article>), never navigation, banners, footers or link menus; table cells
// kept apart; footnote references and definitions (mammoth's and the usual web shapes) kept as notes.
import { parseDocument } from 'htmlparser2'
import { normalizeDate } from '../reportMeta'
import { squash, type Block, type FileMeta } from './blocks'
import { isBackLink, labelNotesAsShown, noteLabel, refLabel, textOf, type Node } from './htmlNotes'

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'svg', 'iframe', 'object'])
const SKIP_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary', 'doc-backlink'])
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'body', 'html', 'blockquote', 'pre', 'ul', 'ol', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'address', 'hr', 'center'])

/** Class or id names of page furniture in sites that do not use <nav>/<footer> (a token of the attribute, whole). */
const FURNITURE = /^(?:site-?)?(?:footer|nav|navbar|navigation|menu|main-?menu|breadcrumbs?|cookies?|cookie-?(?:banner|consent|notice)|sidebar|skip-?links?|share|social)$/i

function skipped(n: Node): boolean {
  const a = n.attribs ?? {}
  if (n.type === 'script' || n.type === 'style' || n.type === 'comment' || n.type === 'directive') return true
  if (n.type !== 'tag') return false
  if (SKIP.has(n.name!) || SKIP_ROLES.has(a.role ?? '') || 'hidden' in a || a['aria-hidden'] === 'true') return true
  if (!BLOCK.has(n.name!) && n.name !== 'td' && n.name !== 'th') return false
  let furniture = furnitureSeen.get(n)
  if (furniture === undefined) {
    furniture = `${a.class ?? ''} ${a.id ?? ''}`.split(/\s+/).some((t) => FURNITURE.test(t)) || linkBar(n) || tocEntry(n)
    furnitureSeen.set(n, furniture)
  }
  return furniture
}

/** A Word table of contents' line as mammoth gives it: "1 Introduction<TAB>2" (a tab, then the page number). */
function tocEntry(n: Node): boolean {
  return n.name === 'p' && /\S\t[\t .…]*\d{1,4}\s*$/.test(textOf(n))
}

/** Blocks already judged as page furniture or not (the page is walked several times). */
const furnitureSeen = new WeakMap<Node, boolean>()

/**
 * The text of a subtree when it is at most `max` characters, else null; stops early, so that asking every block
 * of a large page costs what its first `max` characters (and as many nodes) cost, not the whole subtree.
 */
function shortText(n: Node, max: number): string | null {
  let out = ''
  let budget = max
  const visit = (x: Node): boolean => {
    if (--budget < 0) return false
    if (x.type === 'text') return (out += x.data ?? '').length <= max
    return (x.children ?? []).every(visit)
  }
  return visit(n) ? out : null
}

/** A short block that is nothing but short links and separators ("Home | Search | Contact"): a menu, not content. */
function linkBar(n: Node): boolean {
  const raw = shortText(n, 400)
  const all = raw === null ? '' : squash(raw)
  if (!all || all.length > 200) return false
  const links: string[] = []
  const collect = (x: Node) => (x.type === 'tag' && x.name === 'a' ? links.push(textOf(x)) : (x.children ?? []).forEach(collect))
  collect(n)
  const rest = links.reduce((t, l) => t.replace(squash(l), ''), all)
  // Menu entries are a word or three ("Home", "Country reports"); a list of sources names whole documents.
  const short = links.every((l) => squash(l).split(' ').length <= 3)
  return links.length >= 2 && short && rest.replace(/[\s|·•/>»›–—-]+/gu, '') === ''
}

/** Elements under `n` satisfying `pred`; skipped subtrees (navigation, head…) only when `all`. */
function findAll(n: Node, pred: (n: Node) => boolean, out: Node[] = [], all = false): Node[] {
  if (n.type === 'tag' && pred(n)) out.push(n)
  if (all || !skipped(n) || n.type === 'root') for (const c of n.children ?? []) findAll(c, pred, out, all)
  return out
}

/** The element holding the page's own content. */
function mainContent(root: Node): Node {
  const main = findAll(root, (n) => n.name === 'main' || n.attribs?.role === 'main')
  if (main.length) return main[0]
  const articles = findAll(root, (n) => n.name === 'article')
  if (articles.length) return articles.reduce((a, b) => (textOf(b).length > textOf(a).length ? b : a))
  return findAll(root, (n) => n.name === 'body')[0] ?? root
}

/** Inline text of a subtree: references become `<sup>N</sup>`, back-links disappear. */
function inline(n: Node): string {
  if (n.type === 'text') return n.data ?? ''
  if (skipped(n)) return ''
  if (n.type !== 'tag') return ''
  const label = refLabel(n)
  if (label) return `<sup>${label}</sup>`
  if (isBackLink(n)) return ''
  if (n.name === 'br') return ' '
  const inner = (n.children ?? []).map(inline).join('')
  return BLOCK.has(n.name!) || n.name === 'li' || n.name === 'tr' || /^t[dh]$/.test(n.name!) || /^h[1-6]$/.test(n.name!) ? ` ${inner} ` : inner
}

/** True for text that may be a bold heading: present, at most 150 characters, not ending like a clause. */
function headingLength(t: string): boolean {
  return !!t && t.length <= 150 && !/[.,;]$/.test(t)
}

/** True for a short paragraph whose text is all inside <strong>/<b>, without closing punctuation. */
function boldOnly(p: Node): boolean {
  return allInside(p, (n) => n.name === 'strong' || n.name === 'b')
}

/** Inline font sizes of a title: 16 pt or more, 21 px or more, or `<font size>` 5 and over. */
const LARGE_FONT = /font-size:\s*(?:(?:1[6-9]|[2-9]\d)(?:\.\d+)?pt|(?:2[1-9]|[3-9]\d)(?:\.\d+)?px)/i

/**
 * True for a short paragraph that word processors write as a title: Word's "MsoTitle" class (Google Docs'
 * "title"), or all its text in a large inline font (LibreOffice's web pages keep the Title style only as 26 pt).
 */
function titleParagraph(p: Node): boolean {
  if (/\b(?:MsoTitle|title)\b/.test(p.attribs?.class ?? '') && headingLength(squash(textOf(p)))) return true
  return allInside(p, (n) => LARGE_FONT.test(n.attribs?.style ?? '') || (n.name === 'font' && Number(n.attribs?.size) >= 5))
}

/** True for a paragraph of heading length whose text all lies inside elements that `inside` accepts. */
function allInside(p: Node, inside: (n: Node) => boolean): boolean {
  const all = squash(textOf(p))
  if (!headingLength(all)) return false
  const within = (n: Node): string => (n.type === 'tag' && inside(n) ? textOf(n) : (n.children ?? []).map(within).join(''))
  return squash(within(p)) === all
}

/**
 * True when a table cell is a page region rather than data: it holds a heading, a list or a table, or several
 * paragraphs (a Word table's cell holds one paragraph per line of data and stays a row). Looks 200 nodes deep at most.
 */
function holdsBlocks(cell: Node): boolean {
  let budget = 200
  let paragraphs = 0
  const visit = (x: Node): boolean =>
    --budget >= 0 &&
    (x.children ?? []).some((k) => {
      if (k.type !== 'tag') return false
      if (/^(?:h[1-6]|table|ul|ol)$/.test(k.name!)) return true
      if (k.name === 'p' && ++paragraphs >= 2) return true
      return visit(k)
    })
  return visit(cell)
}

/** The first of `kids` after position `i` that is not white space alone. */
function nextSibling(kids: Node[], i: number): Node | undefined {
  for (let k = i + 1; k < kids.length; k++) if (!(kids[k].type === 'text' && !(kids[k].data ?? '').trim())) return kids[k]
  return undefined
}

/** Walks the content tree into blocks. */
function walk(n: Node, out: Block[], buf: string[]): void {
  const flush = () => {
    const t = squash(buf.join(''))
    buf.length = 0
    if (t) out.push({ kind: 'para', text: t })
  }
  const skip = new Set<Node>()
  const kids = n.children ?? []
  for (let i = 0; i < kids.length; i++) {
    const c = kids[i]
    if (skip.has(c)) continue
    if (c.type === 'text') {
      buf.push(c.data ?? '')
      continue
    }
    if (c.type !== 'tag' || skipped(c)) continue
    const name = c.name!
    const next = nextSibling(kids, i)
    if (name === 'br') {
      // Two line breaks in a row end a paragraph ("…first.<br><br>Second…"); one is a space.
      if (next?.type === 'tag' && next.name === 'br') flush()
      else buf.push(' ')
      continue
    }
    if ((name === 'b' || name === 'strong') && !squash(buf.join('')) && next?.type === 'tag' && next.name === 'br') {
      // A bold line of its own opening a run of text ("<b>Exemptions</b><br>Students…") is a heading.
      const t = squash(inline(c))
      if (headingLength(t)) {
        buf.length = 0
        out.push({ kind: 'heading', level: 0, text: t })
        skip.add(next)
        continue
      }
    }
    const note = noteLabel(c)
    const h = /^h([1-6])$/.exec(name)
    if (note) {
      flush()
      out.push({ kind: 'footnote', label: note, text: squash(inline(c)).replace(/\s*[↑↩]\s*$/u, '') })
    } else if (h) {
      flush()
      out.push({ kind: 'heading', level: Number(h[1]), text: squash(inline(c)) })
    } else if (name === 'li') {
      flush()
      const nested = (c.children ?? []).filter((k) => k.type === 'tag' && (k.name === 'ul' || k.name === 'ol'))
      const own: Node = { ...c, children: (c.children ?? []).filter((k) => !nested.includes(k)) }
      const t = squash(inline(own))
      if (t) out.push({ kind: 'item', text: t })
      for (const k of nested) walk(k, out, buf)
    } else if (name === 'tr') {
      flush()
      const cellNodes = (c.children ?? []).filter((k) => k.type === 'tag' && /^t[dh]$/.test(k.name!) && !skipped(k))
      if (cellNodes.some(holdsBlocks)) {
        // A layout table (an old site's menu column beside its text column): each cell is a page region.
        for (const k of cellNodes) {
          walk(k, out, buf)
          flush()
        }
        continue
      }
      const cells = cellNodes.map((k) => squash(inline(k)))
      if (cells.some(Boolean)) out.push({ kind: 'row', cells })
    } else if (name === 'table' || name === 'thead' || name === 'tbody' || name === 'tfoot' || name === 'caption') {
      flush()
      if (name === 'caption') out.push({ kind: 'para', text: squash(inline(c)) })
      else walk(c, out, buf)
    } else if (name === 'p' && titleParagraph(c)) {
      flush()
      out.push({ kind: 'heading', level: 1, text: squash(inline(c)) })
    } else if (name === 'p' && boldOnly(c)) {
      flush()
      // A paragraph set all in bold is a heading (level decided from its neighbours below).
      out.push({ kind: 'heading', level: 0, text: squash(inline(c)) })
    } else if (BLOCK.has(name)) {
      flush()
      walk(c, out, buf)
      flush()
    } else buf.push(inline(c))
  }
  if (n.type === 'root' || BLOCK.has(n.name ?? '')) flush()
}

function metaContent(root: Node, names: string[]): string | undefined {
  const wanted = new Set(names.map((s) => s.toLowerCase()))
  for (const m of findAll(root, (n) => n.name === 'meta', [], true)) {
    const key = (m.attribs?.name ?? m.attribs?.property ?? m.attribs?.itemprop ?? '').toLowerCase()
    const v = squash(m.attribs?.content ?? '')
    if (wanted.has(key) && v) return v
  }
  return undefined
}

/** What the page says about itself: <title> and the usual <meta> names (Dublin Core, Open Graph, citation_*). */
function htmlMeta(root: Node): FileMeta {
  const site = metaContent(root, ['og:site_name'])
  let title = metaContent(root, ['citation_title', 'dc.title', 'dcterms.title', 'og:title'])
  const titleEl = findAll(root, (n) => n.name === 'title', [], true)[0]
  if (!title && titleEl) title = squash(textOf(titleEl))
  if (title && site) title = title.replace(new RegExp(`\\s*[|–—-]\\s*${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`), '')
  // "Russia: Mobilisation - ecoi.net": a site's domain after the title is not part of it.
  const tail = title ? / [|–—-] (\S+)$/.exec(title) : null
  if (title && tail && /^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}$/i.test(tail[1])) title = title.slice(0, tail.index)
  const publisher = metaContent(root, ['citation_publisher', 'dc.publisher', 'dcterms.publisher', 'publisher', 'author', 'dc.creator']) ?? site
  const rawDate = metaContent(root, ['citation_publication_date', 'citation_date', 'dc.date', 'dc.date.issued', 'dcterms.issued', 'dcterms.created', 'date', 'article:published_time'])
  return { title: title || undefined, publisher, date: rawDate ? normalizeDate(rawDate) : undefined }
}

/** Blocks and metadata of an HTML document. */
export function htmlToBlocks(html: string): { blocks: Block[]; meta: FileMeta } {
  const root = parseDocument(html, { decodeEntities: true, lowerCaseTags: true }) as unknown as Node
  const blocks: Block[] = []
  walk(mainContent(root), blocks, [])
  let level = 1
  for (const b of blocks) {
    if (b.kind !== 'heading') continue
    if (b.level === 0) b.level = Math.min(6, level + 1)
    else level = b.level
  }
  // Notes outside the main content (a footnote list after </main>) still belong to it.
  const inMain = new Set(blocks.filter((b) => b.kind === 'footnote').map((b) => (b as { label: string }).label))
  for (const n of findAll(root, (x) => noteLabel(x) !== null)) {
    const label = noteLabel(n)!
    if (!inMain.has(label)) blocks.push({ kind: 'footnote', label, text: squash(inline(n)).replace(/\s*[↑↩]\s*$/u, '') })
  }
  labelNotesAsShown(findAll(root, (x) => x.name === 'a'), blocks)
  return { blocks, meta: htmlMeta(root) }
}
