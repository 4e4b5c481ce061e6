// DOCX to blocks: mammoth's HTML (so Word headings, lists, tables and footnotes keep their
// structure) read by the one HTML path, and the title, publisher and date from the package's
// core and app properties. Both libraries load on demand, after the package's sizes are checked.
import { normalizeDate } from '../reportMeta'
import { promoteTitleParagraphs, type Block, type FileMeta } from './blocks'
import { htmlToBlocks } from './html'
import { checkZipPackage } from './zipBudget'

const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"]

const bytesOf = (data: ArrayBuffer | Uint8Array) => (data instanceof Uint8Array ? data : new Uint8Array(data))

/** Text of the first element named `tag` (any prefix) in an XML string, entities decoded. */
function xmlField(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<(?:\\w+:)?${tag}\\b[^>]*>([^<]*)</(?:\\w+:)?${tag}>`).exec(xml)
  if (!m) return undefined
  const v = m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&').trim()
  return v || undefined
}

/** Title, publisher (company, else creator) and the date it was made (created) from docProps/core.xml and app.xml. */
export async function docxMeta(data: ArrayBuffer | Uint8Array): Promise<FileMeta> {
  const JSZip = (await import('jszip')).default
  const zip = await JSZip.loadAsync(bytesOf(data))
  const core = (await zip.file('docProps/core.xml')?.async('string')) ?? ''
  const app = (await zip.file('docProps/app.xml')?.async('string')) ?? ''
  const created = xmlField(core, 'created') ?? xmlField(core, 'date')
  return {
    title: xmlField(core, 'title'),
    publisher: xmlField(app, 'Company') ?? xmlField(core, 'publisher') ?? xmlField(core, 'creator'),
    created: created ? normalizeDate(created) : undefined,
  }
}

/** The HTML mammoth makes of a .docx (headings, lists, tables, footnotes as an ordered list). */
export async function docxHtml(data: ArrayBuffer | Uint8Array): Promise<string> {
  const mod = (await import('mammoth')) as typeof import('mammoth') & { default?: typeof import('mammoth') }
  const mammoth = 'convertToHtml' in mod && typeof mod.convertToHtml === 'function' ? mod : mod.default!
  const bytes = bytesOf(data)
  // Node's mammoth reads a Buffer, the browser build an ArrayBuffer.
  const NodeBuffer = (globalThis as { Buffer?: { from(b: Uint8Array): unknown } }).Buffer
  const input = NodeBuffer ? { buffer: NodeBuffer.from(bytes) } : { arrayBuffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) }
  const result = await mammoth.convertToHtml(input as Parameters<typeof mammoth.convertToHtml>[0], { styleMap: STYLE_MAP })
  return result.value
}

/** Blocks and metadata of a .docx given as bytes; a package over the size limits is refused first. */
export async function docxToBlocks(data: ArrayBuffer | Uint8Array): Promise<{ blocks: Block[]; meta: FileMeta }> {
  // Sizes and ratios first, so that a zip bomb is refused before mammoth inflates it.
  await checkZipPackage(bytesOf(data))
  const [html, meta] = await Promise.all([docxHtml(data), docxMeta(data)])
  return { blocks: promoteTitleParagraphs(htmlToBlocks(html).blocks), meta }
}
