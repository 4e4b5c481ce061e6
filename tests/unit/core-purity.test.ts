// Enforces the architecture boundary: src/core is pure TypeScript that runs in Node, the browser
// and the worker alike, so it may not import Vue, Pinia, Dexie, transformers.js or touch the DOM.
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? filesUnder(p) : p.endsWith('.ts') ? [p] : []
  })
}

describe('src/core purity', () => {
  const files = filesUnder('src/core')
  it('has modules', () => expect(files.length).toBeGreaterThan(0))
  for (const f of files) {
    it(`${f} imports nothing outside core`, () => {
      const src = readFileSync(f, 'utf8')
      expect(src).not.toMatch(/from\s+['"](vue|pinia|dexie|yjs|y-indexeddb|@hocuspocus\/[\w-]+|@huggingface\/transformers|@xenova\/transformers)['"/]/)
      expect(src).not.toMatch(/from\s+['"]\.\.\/(db|ml|stores|components|views)\//)
      expect(src).not.toMatch(/^[^/\n]*\b(window|document|localStorage|indexedDB)\./m)
    })
  }
})
