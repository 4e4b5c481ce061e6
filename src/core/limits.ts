// The size limits on everything the workbench reads, in one place: a file, a field or a list that is
// larger than this is refused with a message naming the limit, before it can exhaust memory or time.
// The README's "Limits" section lists them; change both together.

const MiB = 1024 * 1024

/** The limits, by what they bound. Sizes of files are in bytes, of fields in UTF-16 code units. */
export const LIMITS = {
  /** A glossary file in a compact format (CSV, TSV, XLSX). */
  glossaryFileBytes: 32 * MiB,
  /** A glossary file in XML (TBX, MultiTerm XML): about six times the bytes of the same glossary as CSV (a 100k-term TBX is 67 MB). */
  glossaryXmlFileBytes: 192 * MiB,
  /** One term, definition, note or other text field of a glossary entry. */
  fieldChars: 100_000,
  /** Columns of a CSV header (and cells of any CSV record). */
  csvColumns: 1_000,
  /** One XML attribute value, and one run of text between two tags. */
  xmlTextChars: 1_000_000,
  /** Child elements of one XML element (a TBX body with more concepts is refused). */
  xmlChildren: 250_000,
  /** A report file (txt, md, html, pdf, docx, odt). */
  reportFileBytes: 200 * MiB,
  /** The uncompressed size of one part of a DOCX package (word/document.xml, say). */
  docxPartBytes: 64 * MiB,
  /** The uncompressed size of all parts of a DOCX package together. */
  docxTotalBytes: 256 * MiB,
  /** How many times larger than its compressed size a DOCX part may inflate (a zip bomb inflates ~1000×). */
  docxRatio: 100,
  /** Time the segment worker may spend on one report before it is stopped. */
  reportMillis: 180_000,
  /** A backup file to restore (JSON.parse needs the whole text as one string). */
  backupFileBytes: 400 * MiB,
  /** Problems listed one by one in an import's warnings or errors; the rest are counted. */
  listedProblems: 1_000,
} as const

/** A byte count for messages: "50 MB". */
export function formatBytes(n: number): string {
  if (n >= MiB) return `${Math.round((n / MiB) * 10) / 10} MB`
  if (n >= 1024) return `${Math.round(n / 1024)} KB`
  return `${n} bytes`
}

/** Throws an Error naming the file when it is larger than a report may be (LIMITS.reportFileBytes). */
export function checkReportSize(name: string, size: number): void {
  if (size > LIMITS.reportFileBytes)
    throw new Error(`${name}: the file is ${formatBytes(size)}, more than the ${formatBytes(LIMITS.reportFileBytes)} a report may have`)
}
