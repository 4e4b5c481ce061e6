// Test page for tests/e2e/translate.test.ts: the real ML request handler, protocol, client and IndexedDB
// translation cache, with a test double (fakeTransformers.ts) standing in for the model runtime only.
// The handler runs in-process behind a WorkerLike that passes structured clones with a task boundary per
// message, as postMessage does. Built separately into tests/.tmp/translate-page, never into dist/.
import { createMlClient, type WorkerLike } from '../../../src/ml/client'
import { createMlHandler } from '../../../src/ml/ml.worker'
import type { MlRequest, MlResponse } from '../../../src/ml/protocol'
import { translateWithCache } from '../../../src/ml/translationCache'
import { DexieTranslationCache } from '../../../src/db/mlCache'
import { createDb } from '../../../src/db/schema'
import { fakeTransformers, fakeTranslation, type RuntimeLog } from './fakeTransformers'

const log: RuntimeLog = { loads: [], calls: [], tokens: 0 }
/** Every message the handler sent. */
const messages: MlResponse[] = []

function inProcessWorker(): WorkerLike {
  const listeners: ((e: MessageEvent) => void)[] = []
  const runtime = fakeTransformers(log) as unknown as typeof import('@huggingface/transformers')
  const handle = createMlHandler(
    (msg) => {
      const data = structuredClone(msg)
      messages.push(data)
      setTimeout(() => listeners.forEach((l) => l({ data } as MessageEvent)))
    },
    () => Promise.resolve(runtime),
  )
  return {
    postMessage: (m: MlRequest) => void setTimeout(() => void handle(structuredClone(m))),
    addEventListener: (type, l) => void (type === 'message' && listeners.push(l)),
    terminate: () => undefined,
  }
}

const client = createMlClient(inProcessWorker, { source: { kind: 'url', baseUrl: 'http://127.0.0.1:1/models/' } })
const db = createDb('translate-probe')
const cache = new DexieTranslationCache(db)

/** The app's cached translate (as the ml store composes it): cache first, the worker for the rest. */
function cachedTranslate(modelId: string, texts: string[], onPartial?: (i: number, t: string) => void) {
  return translateWithCache(
    texts,
    modelId,
    'fi',
    'en',
    cache,
    async (missing, onPiece) => (await client.translate({ modelId, texts: missing, src: 'fi', tgt: 'en', stream: true }, onPiece)).translations,
    { onPartial },
  )
}

const probe = { client, log, messages, cache, db, cachedTranslate, fakeTranslation }
declare global {
  interface Window {
    translateProbe: typeof probe
  }
}
window.translateProbe = probe
document.getElementById('status')!.textContent = 'ready'
