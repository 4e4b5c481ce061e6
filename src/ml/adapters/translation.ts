// Machine translation suggestions (transformers.js translation pipeline): which model serves a language
// pair (Opus-MT where a direct model exists, NLLB-200 for the rest), dtype per device, streaming through
// TextStreamer and cancellation through a stopping criterion. transformers.js is passed in.
import type { Lang } from '../../core/model'
import type { MlDevice, MlDtype, TransformersProgress } from '../protocol'
import { CancelledError } from '../protocol'
import { yieldToEventLoop } from './embeddings'

/** What the app knows about a translation model before downloading it. */
export interface TranslationModelInfo {
  id: string
  family: 'opus-mt' | 'nllb'
  /** The pair for Opus-MT; undefined for NLLB (any pair among our languages). */
  pair?: { src: Lang; tgt: Lang }
  /** dtype on WebGPU (NLLB stays 8-bit: its fp32 weights are 3.5 GB). */
  webgpuDtype: MlDtype
}

/** The multilingual fallback. */
export const NLLB_MODEL_ID = 'Xenova/nllb-200-distilled-600M'

/** NLLB-200 language codes of our languages (FLORES-200). */
export const NLLB_CODES: Record<Lang, string> = {
  en: 'eng_Latn',
  fi: 'fin_Latn',
  nb: 'nob_Latn',
  da: 'dan_Latn',
  sv: 'swe_Latn',
  fr: 'fra_Latn',
  ru: 'rus_Cyrl',
}

/**
 * Direct Opus-MT pairs converted for transformers.js (Xenova/opus-mt-{src}-{tgt}); all exist on the hub.
 * Norwegian has no Xenova Opus-MT model, so nb pairs (and pairs between non-English languages) use NLLB.
 */
export const OPUS_MT_PAIRS: readonly `${Lang}-${Lang}`[] = ['fi-en', 'da-en', 'sv-en', 'fr-en', 'ru-en', 'en-fi', 'en-da', 'en-sv', 'en-fr', 'en-ru']

/** Every translation model the app may offer. Download sizes come from the model source (ModelRegistry). */
export const TRANSLATION_MODELS: readonly TranslationModelInfo[] = [
  ...OPUS_MT_PAIRS.map((p): TranslationModelInfo => {
    const [src, tgt] = p.split('-') as [Lang, Lang]
    return { id: `Xenova/opus-mt-${p}`, family: 'opus-mt', pair: { src, tgt }, webgpuDtype: 'fp32' }
  }),
  { id: NLLB_MODEL_ID, family: 'nllb', webgpuDtype: 'q8' },
]

/** The registry entry of `modelId`, if known. */
export function translationModelInfo(modelId: string): TranslationModelInfo | undefined {
  return TRANSLATION_MODELS.find((m) => m.id === modelId)
}

/** The model that translates `src` → `tgt`: a direct Opus-MT model if one exists, else NLLB; null if src = tgt. */
export function pickTranslationModel(src: Lang, tgt: Lang): TranslationModelInfo | null {
  if (src === tgt) return null
  return TRANSLATION_MODELS.find((m) => m.pair?.src === src && m.pair?.tgt === tgt) ?? translationModelInfo(NLLB_MODEL_ID)!
}

/** Translation dtype per device: 8-bit on WASM/CPU; on WebGPU the model's `webgpuDtype`. */
export function translationDtype(modelId: string, device: MlDevice): MlDtype {
  return device === 'webgpu' ? (translationModelInfo(modelId)?.webgpuDtype ?? 'fp32') : 'q8'
}

/**
 * The extra generation arguments a model needs for a pair: NLLB takes FLORES codes; Opus-MT models are
 * single-pair and take none. Unknown models are treated like Opus-MT.
 */
export function translationArgs(modelId: string, src: Lang, tgt: Lang): { src_lang?: string; tgt_lang?: string } {
  return translationModelInfo(modelId)?.family === 'nllb' || /nllb|m2m/i.test(modelId) ? { src_lang: NLLB_CODES[src], tgt_lang: NLLB_CODES[tgt] } : {}
}

// ---- loading and running ----------------------------------------------------------------------

type Transformers = typeof import('@huggingface/transformers')

/** The part of a translation pipeline we use. */
export interface TranslationPipelineLike {
  (text: string, options: Record<string, unknown>): Promise<unknown>
  tokenizer: unknown
  dispose?: () => Promise<void>
}

/** A loaded translation model. */
export interface Translator {
  modelId: string
  device: MlDevice
  dtype: MlDtype
  pipe: TranslationPipelineLike
}

/**
 * Makes every decoding step start with a macrotask boundary. With WASM, ONNX Runtime's `run` resolves
 * in microtasks only, so during `generate()` the worker would never see a `cancel` message; yielding
 * before each session run lets it arrive and interrupt generation at the next token. (Costs well under
 * a millisecond per step; WebGPU and Node runs are asynchronous anyway.)
 */
export function yieldBeforeEachRun(model: unknown): void {
  const sessions = (model as { sessions?: Record<string, { run: (...args: unknown[]) => Promise<unknown> }> } | undefined)?.sessions
  for (const session of Object.values(sessions ?? {})) {
    const run = session.run.bind(session)
    session.run = async (...args: unknown[]) => {
      await yieldToEventLoop()
      return run(...args)
    }
  }
}

/** Loads a translation pipeline (configure the model source first). Progress objects pass through unchanged. */
export async function loadTranslator(
  tf: Pick<Transformers, 'pipeline'>,
  modelId: string,
  opts: { device: MlDevice; dtype?: MlDtype; onProgress?: (p: TransformersProgress) => void },
): Promise<Translator> {
  const dtype = opts.dtype ?? translationDtype(modelId, opts.device)
  const pipe = (await tf.pipeline('translation', modelId, {
    device: opts.device,
    dtype,
    progress_callback: opts.onProgress as never,
  })) as unknown as TranslationPipelineLike & { model?: unknown }
  yieldBeforeEachRun(pipe.model)
  return { modelId, device: opts.device, dtype, pipe }
}

/** Reads the text out of a translation pipeline's output (`[{ translation_text }]`). */
function outputText(out: unknown): string {
  const first = Array.isArray(out) ? out[0] : out
  return first && typeof first === 'object' && 'translation_text' in first ? String((first as { translation_text: unknown }).translation_text) : ''
}

/**
 * Translates texts one at a time (TextStreamer handles one sequence at a time). With `onPartial`, text
 * pieces stream as they are generated. Aborting `signal` stops generation at the next token
 * (InterruptableStoppingCriteria) and throws `CancelledError`.
 */
export async function translateTexts(
  tf: Pick<Transformers, 'TextStreamer' | 'InterruptableStoppingCriteria'>,
  translator: Pick<Translator, 'modelId' | 'pipe'>,
  texts: readonly string[],
  opts: { src: Lang; tgt: Lang; signal?: AbortSignal; onPartial?: (index: number, text: string) => void; maxNewTokens?: number },
): Promise<string[]> {
  const stopper = new tf.InterruptableStoppingCriteria()
  const onAbort = () => stopper.interrupt()
  opts.signal?.addEventListener('abort', onAbort)
  try {
    const results: string[] = []
    for (let i = 0; i < texts.length; i++) {
      stopper.reset()
      if (opts.signal?.aborted) throw new CancelledError()
      const streamer = opts.onPartial
        ? new tf.TextStreamer(translator.pipe.tokenizer as never, {
            skip_prompt: true,
            skip_special_tokens: true,
            callback_function: (piece: string) => opts.onPartial!(i, piece),
          })
        : undefined
      const out = await translator.pipe(texts[i], {
        ...translationArgs(translator.modelId, opts.src, opts.tgt),
        ...(opts.maxNewTokens ? { max_new_tokens: opts.maxNewTokens } : {}),
        ...(streamer ? { streamer } : {}),
        stopping_criteria: stopper,
      })
      if (opts.signal?.aborted) throw new CancelledError()
      results.push(outputText(out).trim())
    }
    return results
  } finally {
    opts.signal?.removeEventListener('abort', onAbort)
  }
}
