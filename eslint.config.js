// ESLint flat config: the recommended JS, TypeScript (syntax only, not type-checked, to stay fast) and
// Vue rules, plus the architecture boundary tsconfig cannot express: src/core stays pure (no framework,
// storage, model runtime, DOM or Node), so it runs alike in the app, the workers and the CLI.
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Packages src/core may not import: UI framework, stores, IndexedDB, i18n, the model runtime, the team server. */
const NOT_IN_CORE = [
  'vue', 'vue/*', '@vue/*', 'vue-router', 'pinia', '@tanstack/*', 'i18next', 'i18next-*',
  'dexie', 'dexie/*', 'y-indexeddb', '@huggingface/transformers', '@huggingface/transformers/*', '@xenova/transformers',
  'onnxruntime-*', '@hocuspocus/*', 'pg', 'ws', 'node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads',
]

/** Node-only globals. tsconfig cannot keep them out of browser code: jszip's types pull in @types/node. */
const NODE_GLOBALS = ['process', 'Buffer', 'global', '__dirname', '__filename', 'require', 'module', 'exports']
/** Globals of the main thread or of a worker, which Node lacks. */
const BROWSER_GLOBALS = ['window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'navigator', 'location', 'self']
const restrictGlobals = (names, why) => ['error', ...names.map((name) => ({ name, message: why(name) }))]

export default defineConfig(
  globalIgnores(['dist/', 'dist-*/', 'coverage/', 'models/', 'public/ort/', 'tests/.tmp/', 'tests/.bench/', 'src/i18n/pending/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  // Globals per environment, matching the tsconfigs (app: DOM; workers: WebWorker; the rest: Node).
  { files: ['src/**'], languageOptions: { globals: globals.browser } },
  { files: ['src/workers/**', 'src/ml/ml.worker.ts'], languageOptions: { globals: globals.worker } },
  {
    files: ['src/cli.ts', 'src/cliCommands/**', 'server/**', 'scripts/**', 'tests/**', '*.config.*'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      // TypeScript already reports undefined names, with the right lib per tsconfig (typescript-eslint's advice).
      'no-undef': 'off',
      // `_`-prefixed names mark parameters a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Tight loops use comma-sequenced statements on purpose (`if (x) (sum += v), k++`), which this rule
      // forbids with no option to allow; it stays on in tests below, where it matters most.
      '@typescript-eslint/no-unused-expressions': 'off',
      // The XML, CSV and spreadsheet sanitisers match control characters on purpose (XML 1.0 forbids
      // them; a leading one can start a formula).
      'no-control-regex': 'off',
    },
  },
  {
    // In a test, a statement with no effect is usually an assertion that asserts nothing
    // (`expect(x).toBeTruthy` without the call).
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }] },
  },
  {
    files: ['**/*.vue'],
    rules: {
      // Views and single-purpose components have one-word names (Glossary, Reader) by the router's convention.
      'vue/multi-word-component-names': 'off',
      // Formatting rules that fight the existing template style; formatting is not linted in this project.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/first-attribute-linebreak': 'off',
    },
  },
  {
    // Browser code (app, workers, the ML adapters shared with the CLI) never reaches for Node's globals.
    files: ['src/**'],
    ignores: ['src/cli.ts', 'src/cliCommands/**'],
    rules: {
      'no-restricted-globals': restrictGlobals(NODE_GLOBALS, (name) => `${name} is Node-only; this code runs in the browser (feature-test through globalThis when it must also run in Node).`),
    },
  },
  {
    // The purity rule (tests/unit/core-purity.test.ts checks the same by text).
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: NOT_IN_CORE, message: 'src/core is pure TypeScript: no framework, storage, model runtime or Node-only module.' },
          { regex: '^(\\.\\./)+(db|ml|stores|components|views|composables|workers|i18n|router|main|App|cli)(/|\\.|$)', message: 'src/core may not import app, worker or CLI code.' },
          { regex: '\\?(url|worker|raw|inline)$', message: 'Vite asset imports belong to the app or worker that bundles them, not to core.' },
        ],
      }],
      'no-restricted-globals': restrictGlobals([...BROWSER_GLOBALS, ...NODE_GLOBALS], (name) => `src/core runs in the app, the workers and Node alike: pass what it needs of ${name} in from the caller.`),
    },
  },
)
