// Which format a glossary file is in, from its name and first bytes: the worker picks its reader by it, and
// the main thread its size limit before reading the file (so this stays tiny and free of the readers).

/** The glossary file formats the app reads and writes. */
export type GlossaryFormat = 'csv' | 'tbx' | 'multiterm' | 'xlsx' | 'ods'

/** Decides the format from the name, then the content (a zip not named .ods is XLSX; an XML file whose root is `mtf` is MultiTerm). */
export function formatOf(fileName: string, bytes: Uint8Array): GlossaryFormat {
  const ext = fileName.toLowerCase().split('.').pop()
  if (ext === 'ods') return 'ods'
  if (ext === 'xlsx' || (bytes[0] === 0x50 && bytes[1] === 0x4b)) return 'xlsx'
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv'
  const head = new TextDecoder().decode(bytes.subarray(0, 2000)).replace(/<\?[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, '').trimStart()
  if (/^<mtf[\s>]/.test(head)) return 'multiterm'
  if (ext === 'tbx' || ext === 'xml' || head.startsWith('<')) return 'tbx'
  return 'csv'
}

/** True for the XML formats (TBX, MultiTerm XML), which have their own, larger size limit. */
export function isXmlFormat(format: GlossaryFormat): boolean {
  return format === 'tbx' || format === 'multiterm'
}
