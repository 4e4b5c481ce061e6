// Report import in Chromium (the built app): the five corpus reports through the file input —
// extraction, clean-up and segmentation in the worker, and the IndexedDB writes — then the same
// with the corpus concatenated 4× into one file. Prints figures; asserts nothing.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { openBrowser, openGlossary, serveApp } from '../e2e/harness'

const CORPUS = resolve('../shared/corpus')
const manifest = JSON.parse(readFileSync(`${CORPUS}/manifest.json`, 'utf8')) as { documents: { file: string }[] }
const files = manifest.documents.map((d) => ({ name: d.file, mimeType: 'text/plain', buffer: readFileSync(`${CORPUS}/${d.file}`) }))
const totalChars = files.reduce((n, f) => n + f.buffer.toString('utf8').length, 0)

const app = await serveApp()
console.log('## Report import in Chromium (extract + segment in worker + IndexedDB)')
console.log('| input | chars | files | seconds | passages | passages/s |')
console.log('| --- | ---: | ---: | ---: | ---: | ---: |')
for (const [label, input] of [
  ['corpus 1× (5 files)', files],
  ['corpus 4× (1 file)', [{ name: 'corpus-4x.txt', mimeType: 'text/plain', buffer: Buffer.concat(Array(4).fill(Buffer.concat(files.map((f) => f.buffer)))) }]],
] as const) {
  const tb = await openBrowser()
  try {
    await openGlossary(tb.page, app.url)
    await tb.page.goto(app.url + '#/reports')
    const t0 = Date.now()
    await tb.page.getByTestId('report-file').setInputFiles([...input])
    await tb.page.waitForFunction((n) => document.querySelectorAll('[data-testid=report-list] tbody tr').length === n, input.length, { timeout: 300000 })
    const secs = (Date.now() - t0) / 1000
    const passages: number = await tb.page.evaluate(
      () =>
        new Promise<number>((ok) => {
          const req = indexedDB.open('coi-termbench')
          req.onsuccess = () => {
            const c = req.result.transaction('passages').objectStore('passages').count()
            c.onsuccess = () => ok(c.result)
          }
        }),
    )
    const chars = input.reduce((n, f) => n + f.buffer.toString('utf8').length, 0)
    console.log(`| ${label} | ${chars} | ${input.length} | ${secs.toFixed(2)} | ${passages} | ${Math.round(passages / secs)} |`)
  } finally {
    await tb.close()
  }
}
console.log(`(corpus size: ${totalChars} characters)`)
await app.close()
