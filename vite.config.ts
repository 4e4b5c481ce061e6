// Vite build and Vitest test projects. Unit/db tests run in Node; e2e tests drive the built app in
// Debian's Chromium through playwright-core (see tests/e2e/harness.ts).
import { readFileSync } from 'node:fs'
import { defineConfig, type Plugin } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

/**
 * The Content-Security-Policy of index.html's meta tag, also sent as an HTTP header: a meta tag binds
 * only the page, while each worker (ML, analysis, segmenting) gets the policy of its script's response,
 * so only the header limits what the workers may fetch. One policy, written once, in index.html.
 */
export const CSP = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(readFileSync(new URL('./index.html', import.meta.url), 'utf8'))![1]

/** Writes dist/_headers (the header file of Netlify, Cloudflare Pages and the like) with the policy. */
const cspHeaders: Plugin = {
  name: 'csp-headers',
  apply: 'build',
  generateBundle() {
    this.emitFile({ type: 'asset', fileName: '_headers', source: `/*\n  Content-Security-Policy: ${CSP}\n` })
  },
}

export default defineConfig({
  plugins: [vue(), cspHeaders],
  server: { headers: { 'Content-Security-Policy': CSP } },
  preview: { headers: { 'Content-Security-Policy': CSP } },
  base: './',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
  optimizeDeps: { exclude: ['@huggingface/transformers'] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/db/**/*.test.ts'],
          setupFiles: ['tests/db/setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/server/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
