// Loads an embedding model in Node (CLI, evaluations) from a model source (folder or URL) through the app's
// own ML adapters, and embeds a text's overlaps (runs of 1–4 sentences) for the aligner.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { applyPrefix, embedTexts, loadEmbedder, type Embedder } from '../ml/adapters/embeddings'
import { applyModelSource, type ModelSource } from '../ml/modelSource'
import { overlapTexts, overlapVectors, type OverlapVectors } from '../core/align'

/** The prefix e5 models get for sentence alignment ("query: " on both sides: measured on the dev sets). */
export const ALIGN_PREFIX = 'query'

/** A model source from a CLI argument: an http(s) URL, or a folder (`models` is the repo's models/ folder). */
export function modelSourceOf(arg: string): ModelSource {
  if (/^https?:\/\//i.test(arg)) return { kind: 'url', baseUrl: arg }
  const path = resolve(arg)
  if (!existsSync(path)) throw new Error(`--model-source: no folder "${arg}" (expected a folder holding <owner>/<model>/ or an http(s) URL)`)
  return { kind: 'local', path }
}

/** Loads `modelId` from `source` with transformers.js (imported only when a model is asked for), on the CPU. */
export async function loadNodeEmbedder(modelId: string, source: ModelSource): Promise<Embedder> {
  const tf = await import('@huggingface/transformers')
  applyModelSource(tf.env, source)
  try {
    return await loadEmbedder(tf, modelId, { device: 'cpu' })
  } catch (e) {
    throw new Error(`could not load the embedding model ${modelId} from ${source.kind === 'url' ? source.baseUrl : source.kind === 'local' ? source.path : 'the hub'}: ${e instanceof Error ? e.message : String(e)}`, { cause: e })
  }
}

/** Embeds every overlap of up to `max` sentences of one side, each text once, with the model's alignment prefix. */
export async function embedOverlaps(embedder: Embedder, sentences: readonly string[], max = 4, prefix: 'query' | 'passage' = ALIGN_PREFIX): Promise<OverlapVectors> {
  const entries = overlapTexts(sentences, max)
  const unique = [...new Set(entries.map((e) => e.text))]
  const vectors = await embedTexts(embedder, applyPrefix(unique, embedder.modelId, prefix), { batchSize: 16 })
  const byText = new Map(unique.map((t, k) => [t, vectors[k]]))
  return overlapVectors(entries, entries.map((e) => byText.get(e.text)!))
}
