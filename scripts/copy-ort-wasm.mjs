// Kept under its old name so that existing callers keep working; it copies nothing any more. Since transformers.js 4,
// the ML worker leaves ONNX Runtime Web's wasm path unset (src/ml/modelSource.ts), so ONNX Runtime loads the one
// .wasm that Vite emits from its `new URL('ort-wasm-simd-threaded.asyncify.wasm', import.meta.url)` into
// dist/assets/: the app serves it once, and never from a CDN. This script removes the copies older versions put
// in public/ort/ (git-ignored, so a checkout may still have one), which Vite would otherwise ship a second time,
// and checks that the wasm Vite will emit is installed.
//
// Usage: node scripts/copy-ort-wasm.mjs [staleDir]      (default: public/ort)
import { existsSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'

const stale = resolve(process.argv[2] ?? 'public/ort')
const require = createRequire(import.meta.url)
const fromTransformers = createRequire(require.resolve('@huggingface/transformers'))
// Resolves to dist/ort.node.min.js (Node condition); its folder holds the wasm artefacts.
const wasm = join(dirname(fromTransformers.resolve('onnxruntime-web')), 'ort-wasm-simd-threaded.asyncify.wasm')
if (!existsSync(wasm)) {
  console.error(`[copy-ort-wasm] missing ${wasm}: is onnxruntime-web installed (npm ci)?`)
  process.exit(1)
}
if (existsSync(stale)) {
  rmSync(stale, { recursive: true, force: true })
  console.log(`[copy-ort-wasm] removed the stale copy ${stale}: Vite emits ONNX Runtime's wasm itself`)
} else {
  console.log('[copy-ort-wasm] nothing to do: Vite emits ONNX Runtime\'s wasm itself')
}
