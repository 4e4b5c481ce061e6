// Copies ONNX Runtime Web's WebAssembly runtime (.wasm + its .mjs loader) into public/ort/, so that the
// app serves them itself (offline, nothing sent to a CDN). The ML worker points
// env.backends.onnx.wasm.wasmPaths at <app>/ort/. Run before `vite` and `vite build`.
//
// Usage: node scripts/copy-ort-wasm.mjs [outDir]      (default: public/ort)
//
// transformers.js imports onnxruntime-web's default ("bundle") build, which loads only the JSEP variant
// (WASM + WebGPU): ort-wasm-simd-threaded.jsep.wasm and .jsep.mjs. Set ORT_COPY_ALL=1 to copy every
// variant. Files are taken from the onnxruntime-web that @huggingface/transformers itself resolves, so
// the runtime version always matches the JavaScript that loads it.
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'

const outDir = resolve(process.argv[2] ?? 'public/ort')
const require = createRequire(import.meta.url)

/** The dist/ folder of the onnxruntime-web that transformers.js uses. */
function ortDistDir() {
  const transformersMain = require.resolve('@huggingface/transformers')
  const fromTransformers = createRequire(transformersMain)
  // Resolves to dist/ort.node.min.js (Node condition); its folder holds the wasm artefacts.
  return dirname(fromTransformers.resolve('onnxruntime-web'))
}

const dist = ortDistDir()
const wanted = process.env.ORT_COPY_ALL
  ? readdirSync(dist).filter((f) => /^ort-wasm.*\.(wasm|mjs)$/.test(f))
  : ['ort-wasm-simd-threaded.jsep.wasm', 'ort-wasm-simd-threaded.jsep.mjs']

mkdirSync(outDir, { recursive: true })
let copied = 0
for (const file of wanted) {
  const from = join(dist, file)
  const to = join(outDir, file)
  if (!existsSync(from)) {
    console.error(`[copy-ort-wasm] missing ${from}: is onnxruntime-web installed (npm ci)?`)
    process.exit(1)
  }
  const a = statSync(from)
  if (existsSync(to)) {
    const b = statSync(to)
    if (b.size === a.size && b.mtimeMs >= a.mtimeMs) continue // up to date
  }
  copyFileSync(from, to)
  copied++
}
console.log(`[copy-ort-wasm] ${copied ? `copied ${copied} file(s)` : 'up to date'}: ${wanted.join(', ')} → ${outDir}`)
