// Test page for tests/e2e/ml-worker.test.ts: exposes the real ML client (and so the real worker
// chunk) to page.evaluate. Built separately into tests/.tmp/ml-page, so dist/ never contains it.
import { createDefaultWorker, createMlClient, type WorkerLike } from '../../../src/ml/client'
import { cosine } from '../../../src/ml/adapters/embeddings'
import type { MlResponse } from '../../../src/ml/protocol'

/** Every message the worker sent, to check what happened after the client stopped listening. */
const workerMessages: MlResponse[] = []

function spiedWorker(): WorkerLike {
  const w = createDefaultWorker()
  w.addEventListener('message', (e) => workerMessages.push(e.data as MlResponse))
  return w
}

const probe = { client: createMlClient(spiedWorker), createMlClient, spiedWorker, cosine, workerMessages }
declare global {
  interface Window {
    mlProbe: typeof probe
  }
}
window.mlProbe = probe
document.getElementById('status')!.textContent = 'ready'
