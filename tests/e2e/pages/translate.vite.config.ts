// Builds the translation protocol test page (translate.html) into tests/.tmp/translate-page for
// tests/e2e/translate.test.ts, without adding a test page to dist/.
import { defineConfig } from 'vite'
import { fileURLToPath } from 'node:url'

const here = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  logLevel: 'warn',
  // client.ts names the real worker, so it is bundled (and never started on this page). The model runtime
  // is never loaded here (the test double stands in for it): keep it out of both bundles, for a fast build.
  worker: { format: 'es', rollupOptions: { external: ['@huggingface/transformers'] } },
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../../.tmp/translate-page', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: fileURLToPath(new URL('translate.html', import.meta.url)), external: ['@huggingface/transformers'] },
  },
})
