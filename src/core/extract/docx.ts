// DOCX to text with mammoth, loaded on demand: one paragraph per line, blank lines between.

/** Extracts the raw text of a .docx file given as bytes. */
export async function extractDocxText(data: ArrayBuffer | Uint8Array): Promise<string> {
  const mammoth = (await import('mammoth')).default
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data)
  // Node's mammoth reads a Buffer, the browser build an ArrayBuffer.
  const NodeBuffer = (globalThis as { Buffer?: { from(b: Uint8Array): unknown } }).Buffer
  const input = NodeBuffer ? { buffer: NodeBuffer.from(bytes) } : { arrayBuffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) }
  const result = await mammoth.extractRawText(input as Parameters<typeof mammoth.extractRawText>[0])
  return result.value.replace(/\n{3,}/g, '\n\n')
}
