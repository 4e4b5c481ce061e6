// A test double standing in for the model runtime only (the parts of transformers.js the ML worker uses
// for translation): `pipeline` reports download progress like transformers.js and returns a deterministic
// translator that reverses each word, emits one token per word through the given TextStreamer with a
// macrotask between tokens (as generation does), and stops when the stopping criterion is interrupted.
// Everything around it — handler, protocol, client, cache — is the app's real code.

/** What the double records, so that tests can see whether the runtime was called. */
export interface RuntimeLog {
  loads: string[]
  /** Texts given to the translator. */
  calls: string[]
  /** Tokens generated, over all calls. */
  tokens: number
}

/** The deterministic "translation" of a text: every word reversed. */
export function fakeTranslation(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => [...w].reverse().join(''))
    .join(' ')
}

export function fakeTransformers(log: RuntimeLog) {
  class InterruptableStoppingCriteria {
    interrupted = false
    interrupt() {
      this.interrupted = true
    }
    reset() {
      this.interrupted = false
    }
  }
  class TextStreamer {
    private first = true
    constructor(
      private readonly tokenizer: { decode(ids: number[]): string },
      private readonly opts: { callback_function?: (text: string) => void },
    ) {}
    put(ids: bigint[][]) {
      const piece = this.tokenizer.decode(ids[0].map(Number))
      this.opts.callback_function?.(this.first ? piece : ' ' + piece)
      this.first = false
    }
    end() {}
  }
  const env = { allowRemoteModels: true, allowLocalModels: false, remoteHost: '', remotePathTemplate: '', localModelPath: '', backends: { onnx: { wasm: {} as Record<string, unknown> } } }
  async function pipeline(task: string, modelId: string, opts: { progress_callback?: (p: unknown) => void }) {
    log.loads.push(modelId)
    const cb = opts.progress_callback ?? (() => undefined)
    for (const file of ['config.json', 'onnx/encoder_model_quantized.onnx', 'onnx/decoder_model_merged_quantized.onnx']) {
      cb({ status: 'initiate', name: modelId, file })
      cb({ status: 'download', name: modelId, file })
      for (const loaded of [0, 500, 1000]) cb({ status: 'progress', name: modelId, file, progress: loaded / 10, loaded, total: 1000 })
      cb({ status: 'done', name: modelId, file })
      await new Promise((r) => setTimeout(r, 1))
    }
    cb({ status: 'ready', task, model: modelId })
    const vocab: string[] = []
    const tokenizer = { decode: (ids: number[]) => ids.map((i) => vocab[i]).join(' ') }
    const pipe = async (text: string, o: { streamer?: TextStreamer; stopping_criteria?: InterruptableStoppingCriteria; max_new_tokens?: number }) => {
      log.calls.push(text)
      const words = fakeTranslation(text).split(' ')
      const out: string[] = []
      for (const w of words.slice(0, o.max_new_tokens ?? Infinity)) {
        await new Promise((r) => setTimeout(r, 2))
        if (o.stopping_criteria?.interrupted) break
        log.tokens++
        out.push(w)
        vocab.push(w)
        o.streamer?.put([[BigInt(vocab.length - 1)]])
      }
      o.streamer?.end()
      return [{ translation_text: out.join(' ') }]
    }
    return Object.assign(pipe, { tokenizer, dispose: async () => undefined })
  }
  return { env, pipeline, TextStreamer, InterruptableStoppingCriteria }
}
