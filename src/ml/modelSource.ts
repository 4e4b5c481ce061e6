// Where model files come from: the Hugging Face hub (default), a self-hosted URL, or a local folder in
// Node. Pure settings logic plus `applyModelSource`, which writes the choice into transformers.js' `env`.

/** The model source setting. `local` is a folder on disk and only works in Node (CLI, tests, benchmarks). */
export type ModelSource = { kind: 'hub' } | { kind: 'url'; baseUrl: string } | { kind: 'local'; path: string }

/** The Hugging Face hub, transformers.js' default host. */
export const HUB_HOST = 'https://huggingface.co/'
/** The hub's path template (transformers.js' default). */
export const HUB_PATH_TEMPLATE = '{model}/resolve/{revision}/'
/** Path template of a self-hosted mirror: `<baseUrl>/<owner>/<model>/config.json`, `…/onnx/model_quantized.onnx`. */
export const MIRROR_PATH_TEMPLATE = '{model}/'

/** The default setting: the hub. */
export const DEFAULT_MODEL_SOURCE: ModelSource = { kind: 'hub' }

/**
 * The part of transformers.js' `env` this module writes. The real `env` object satisfies it; tests may
 * pass a plain object.
 */
export interface TransformersEnvLike {
  allowRemoteModels: boolean
  allowLocalModels: boolean
  remoteHost: string
  remotePathTemplate: string
  localModelPath: string
  backends: { onnx: { wasm?: { wasmPaths?: unknown } } | Record<string, unknown> }
}

/** Adds a trailing slash, so that paths join cleanly. */
export function withTrailingSlash(s: string): string {
  return s.endsWith('/') || s.endsWith('\\') ? s : s + '/'
}

/**
 * Checks a setting and returns a human message describing what is wrong, or null when it is usable.
 * (It does not contact the source; a reachable-looking URL may still be down.)
 */
export function validateModelSource(source: ModelSource): string | null {
  switch (source.kind) {
    case 'hub':
      return null
    case 'url': {
      let url: URL
      try {
        url = new URL(source.baseUrl)
      } catch {
        return `“${source.baseUrl}” is not a URL. Use a full address such as https://models.example.org/.`
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return `The model URL must start with http:// or https:// (got ${url.protocol}).`
      return null
    }
    case 'local':
      return source.path.trim() ? null : 'The local model folder is empty.'
  }
}

/** Reads a stored setting (e.g. from localStorage JSON) back into a `ModelSource`; null when invalid. */
export function parseModelSource(value: unknown): ModelSource | null {
  if (!value || typeof value !== 'object') return null
  const v = value as Record<string, unknown>
  let source: ModelSource | null = null
  if (v.kind === 'hub') source = { kind: 'hub' }
  else if (v.kind === 'url' && typeof v.baseUrl === 'string') source = { kind: 'url', baseUrl: v.baseUrl.trim() }
  else if (v.kind === 'local' && typeof v.path === 'string') source = { kind: 'local', path: v.path }
  return source && validateModelSource(source) === null ? source : null
}

/** A short human description of a source, for messages ("the Hugging Face hub", "http://…/"). */
export function describeModelSource(source: ModelSource): string {
  switch (source.kind) {
    case 'hub':
      return 'the Hugging Face hub'
    case 'url':
      return withTrailingSlash(source.baseUrl)
    case 'local':
      return `the local folder ${source.path}`
  }
}

/** A stable key of a source, so that a pipeline loaded from one source is not reused for another. */
export function modelSourceKey(source: ModelSource): string {
  return source.kind === 'hub' ? 'hub' : source.kind === 'url' ? `url:${withTrailingSlash(source.baseUrl)}` : `local:${source.path}`
}

/** The address (URL or path) of one model file under a source; for messages and diagnostics. */
export function modelFileLocation(source: ModelSource, modelId: string, file: string, revision = 'main'): string {
  switch (source.kind) {
    case 'hub':
      return `${HUB_HOST}${modelId}/resolve/${revision}/${file}`
    case 'url':
      return `${withTrailingSlash(source.baseUrl)}${modelId}/${file}`
    case 'local':
      return `${withTrailingSlash(source.path)}${modelId}/${file}`
  }
}

/**
 * Configures transformers.js to load models from `source`, and ONNX Runtime Web to load its WebAssembly
 * file from `wasmPaths` (an absolute URL prefix ending in `/`) or, without it, from where the bundler emitted
 * it beside ONNX Runtime's own chunk (its `new URL(…, import.meta.url)`), never from transformers.js' default
 * CDN. transformers.js' `env` is global: call this before each load.
 */
export function applyModelSource(env: TransformersEnvLike, source: ModelSource, wasmPaths?: string): void {
  const problem = validateModelSource(source)
  if (problem) throw new Error(problem)
  switch (source.kind) {
    case 'hub':
      env.remoteHost = HUB_HOST
      env.remotePathTemplate = HUB_PATH_TEMPLATE
      env.allowRemoteModels = true
      env.allowLocalModels = false
      break
    case 'url':
      env.remoteHost = withTrailingSlash(source.baseUrl)
      env.remotePathTemplate = MIRROR_PATH_TEMPLATE
      env.allowRemoteModels = true
      env.allowLocalModels = false
      break
    case 'local':
      env.localModelPath = withTrailingSlash(source.path)
      env.allowLocalModels = true
      env.allowRemoteModels = false
      break
  }
  const wasm = (env.backends.onnx as { wasm?: { wasmPaths?: unknown } }).wasm
  // transformers.js sets a jsDelivr address when it is imported; clearing it lets ONNX Runtime use the app's copy.
  if (wasm) wasm.wasmPaths = wasmPaths ? withTrailingSlash(wasmPaths) : undefined
}
