// Builds the ML test page (ml.html) into tests/.tmp/ml-page for the browser tests: the real client and
// worker code, bundled the way the app bundles them, without adding a test page to dist/.
// Manual use: npx vite build -c tests/e2e/pages/vite.config.ts (ONNX Runtime's wasm is emitted into its assets/)
import { defineConfig } from 'vite'
import { fileURLToPath } from 'node:url'

const here = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../../.tmp/ml-page', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: fileURLToPath(new URL('ml.html', import.meta.url)) },
  },
})
